import type { ChatStore } from '../chat/store.js';
import type { StatsRedis } from '../redis/connection.js';
import type { BotKeys } from '../redis/bot-keys.js';
import { RedisSessionStore } from './session-store.js';
/**
 * The chat store of the WeChat bot, in Redis, shared by every process (one per account) on
 * the same Redis: conversation state (`session:<conv>`), rate counters whose window
 * begins with the first message (`rl:u:<user>`, `rl:r:<room>`) and the non-text hint marks
 * (`hint:<user>`). Keys hold salted hashes only (src/bot/keys.ts).
 */
export declare class RedisChatStore implements ChatStore {
    private readonly redis;
    private readonly keys;
    readonly sessions: RedisSessionStore;
    constructor(redis: StatsRedis, keys: BotKeys);
    /**
     * `SET key 0 EX windowSec NX` opens a window when none is open; `INCR` keeps its expiry,
     * so the window lasts `windowSec` from its first message, in one transaction.
     */
    countMessage(user: string, room: string | undefined, windowSec: number): Promise<{
        user: number;
        room: number;
    }>;
    markHint(user: string, windowSec: number): Promise<boolean>;
}
