/**
 * Conversation state in Redis, one key per conversation (already a hash of citizen and
 * group): pending choices ("回复 1", expiring after BOT_CLARIFY_TTL_SEC) and the last
 * answer's topic for follow-ups (BOT_CONTEXT_TTL_SEC). Shared by every process on the same
 * Redis, so "回复 1" and "那罚多少钱？" work whichever process receives them. The state holds
 * no raw ids: the key is a salted hash and the question is redacted.
 */
export class RedisSessionStore {
    redis;
    keys;
    constructor(redis, keys) {
        this.redis = redis;
        this.keys = keys;
    }
    async get(key) {
        const raw = await this.redis.get(this.keys.session(key));
        if (!raw)
            return undefined;
        try {
            const state = JSON.parse(raw);
            if (!state || typeof state !== 'object' || !Array.isArray(state.choices))
                return undefined;
            // A state written by an older version, or damaged: drop what does not have the right shape.
            if (state.lastAt !== undefined && typeof state.lastAt !== 'number')
                return { ...state, lastAt: undefined, lastTopic: undefined };
            return state;
        }
        catch {
            return undefined;
        }
    }
    async set(key, state, ttlSec) {
        await this.redis.set(this.keys.session(key), JSON.stringify(state), 'EX', Math.max(1, Math.round(ttlSec)));
    }
    async delete(key) {
        await this.redis.del(this.keys.session(key));
    }
}
//# sourceMappingURL=session-store.js.map