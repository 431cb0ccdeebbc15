import { RedisSessionStore } from './session-store.js';
/**
 * The chat store of the WeChat bot, in Redis, shared by every process (one per account) on
 * the same Redis: conversation state (`session:<conv>`), rate counters whose window
 * begins with the first message (`rl:u:<user>`, `rl:r:<room>`) and the non-text hint marks
 * (`hint:<user>`). Keys hold salted hashes only (src/bot/keys.ts).
 */
export class RedisChatStore {
    redis;
    keys;
    sessions;
    constructor(redis, keys) {
        this.redis = redis;
        this.keys = keys;
        this.sessions = new RedisSessionStore(redis, keys);
    }
    /**
     * `SET key 0 EX windowSec NX` opens a window when none is open; `INCR` keeps its expiry,
     * so the window lasts `windowSec` from its first message, in one transaction.
     */
    async countMessage(user, room, windowSec) {
        const userKey = this.keys.userRate(user);
        const tx = this.redis.multi().set(userKey, 0, 'EX', windowSec, 'NX').incr(userKey);
        if (room) {
            const roomKey = this.keys.roomRate(room);
            tx.set(roomKey, 0, 'EX', windowSec, 'NX').incr(roomKey);
        }
        const res = (await tx.exec()) ?? [];
        const failed = res.find(([err]) => err)?.[0];
        if (failed)
            throw failed;
        return { user: Number(res[1]?.[1] ?? 0), room: Number(res[3]?.[1] ?? 0) };
    }
    async markHint(user, windowSec) {
        return (await this.redis.set(this.keys.hint(user), '1', 'EX', windowSec, 'NX')) !== null;
    }
}
//# sourceMappingURL=redis-store.js.map