import type { ConversationState, SessionStore } from '../pipeline/session.js';
import type { StatsRedis } from '../redis/connection.js';
import type { BotKeys } from './keys.js';

/**
 * Clarification state in Redis, one key per conversation (already a hash of citizen and
 * group), expiring after BOT_CLARIFY_TTL_SEC. Shared by every process on the same Redis,
 * so "回复 1" works whichever process receives it.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: StatsRedis,
    private readonly keys: BotKeys,
  ) {}

  async get(key: string): Promise<ConversationState | undefined> {
    const raw = await this.redis.get(this.keys.session(key));
    if (!raw) return undefined;
    try {
      const state = JSON.parse(raw) as ConversationState;
      return Array.isArray(state.choices) ? state : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, state: ConversationState, ttlSec: number): Promise<void> {
    await this.redis.set(this.keys.session(key), JSON.stringify(state), 'EX', Math.max(1, Math.round(ttlSec)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.keys.session(key));
  }
}
