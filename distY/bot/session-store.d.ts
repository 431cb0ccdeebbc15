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
export declare class RedisSessionStore implements SessionStore {
    private readonly redis;
    private readonly keys;
    constructor(redis: StatsRedis, keys: BotKeys);
    get(key: string): Promise<ConversationState | undefined>;
    set(key: string, state: ConversationState, ttlSec: number): Promise<void>;
    delete(key: string): Promise<void>;
}
