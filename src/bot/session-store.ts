import type { ConversationState, SessionStore } from '../chat/session.js';
import type { StatsRedis } from '../redis/connection.js';
import type { BotKeys } from '../redis/bot-keys.js';

/**
 * Conversation state in Redis, one key per conversation (already a hash of citizen and
 * group): pending choices ("回复 1", expiring after BOT_CLARIFY_TTL_SEC) and the last
 * answer's topic for follow-ups (BOT_CONTEXT_TTL_SEC). Shared by every process on the same
 * Redis, so "回复 1" and "那罚多少钱？" work whichever process receives them. The state holds
 * no raw ids: the key is a salted hash and the question is redacted.
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
      const state = JSON.parse(raw) as ConversationState | null;
      if (!state || typeof state !== 'object' || !Array.isArray(state.choices)) return undefined;
      // A state written by an older version, or damaged: drop what does not have the right shape.
      if (state.lastAt !== undefined && typeof state.lastAt !== 'number') return { ...state, lastAt: undefined, lastTopic: undefined };
      return state;
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
