import type { ChatStore } from '../chat/store.js';
import type { StatsRedis } from '../redis/connection.js';
import type { BotKeys } from '../redis/bot-keys.js';
import { RedisSessionStore } from './session-store.js';

/**
 * The chat store of the WeChat bot, in Redis, shared by every process (one per account) on
 * the same Redis: conversation state (`session:<conv>`), per-minute rate counters
 * (`rl:u:<user>:<minute>`, `rl:r:<room>:<minute>`, 2 minutes) and the non-text hint marks
 * (`hint:<user>`). Keys hold salted hashes only (src/bot/keys.ts).
 */
export class RedisChatStore implements ChatStore {
  readonly sessions: RedisSessionStore;

  constructor(
    private readonly redis: StatsRedis,
    private readonly keys: BotKeys,
  ) {
    this.sessions = new RedisSessionStore(redis, keys);
  }

  async countMessage(user: string, room: string | undefined, minute: number): Promise<{ user: number; room: number }> {
    const userKey = this.keys.userRate(user, minute);
    const tx = this.redis.multi().incr(userKey).expire(userKey, 120);
    if (room) {
      const roomKey = this.keys.roomRate(room, minute);
      tx.incr(roomKey).expire(roomKey, 120);
    }
    const res = (await tx.exec()) ?? [];
    const failed = res.find(([err]) => err)?.[0];
    if (failed) throw failed;
    return { user: Number(res[0]?.[1] ?? 0), room: Number(res[2]?.[1] ?? 0) };
  }

  async markHint(user: string, windowSec: number): Promise<boolean> {
    return (await this.redis.set(this.keys.hint(user), '1', 'EX', windowSec, 'NX')) !== null;
  }
}
