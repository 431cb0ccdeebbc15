import { type SessionStore } from './session.js';
/**
 * What the chat steps keep between messages, behind one interface: conversation state
 * (clarification choices, the last topic), per-minute rate counters and the non-text hint
 * marks. The WeChat bot keeps them in Redis (src/bot/redis-store.ts), shared by every
 * process of the bureau; the terminal chat and tests keep them in memory.
 * Keys are salted hashes (`user`, `room` of the MessageContext), never raw ids.
 */
export interface ChatStore {
    readonly sessions: SessionStore;
    /**
     * Count one message of `user` (and of `room`, in groups) in their current window; returns
     * the counts including this one (room 0 without a room). A window begins with the first
     * message counted after the last one ended and lasts `windowSec`, so a burst is counted
     * together whenever it comes (a clock minute would split one at :59/:00 and let twice
     * the limit through). Rejects when the store cannot count.
     */
    countMessage(user: string, room: string | undefined, windowSec: number): Promise<{
        user: number;
        room: number;
    }>;
    /** Set the "non-text hint given" mark for `windowSec`; false when it was already set. */
    markHint(user: string, windowSec: number): Promise<boolean>;
}
/**
 * Counters whose window begins with their first count and lasts `windowSec`, in this
 * process's memory: the memory store's rate counters, and what the rate limits fall back
 * to when the store cannot count.
 */
export declare class WindowCounters {
    private readonly windows;
    incr(key: string, windowSec: number, now?: number): number;
    private sweep;
}
/** A ChatStore in this process's memory (terminal chat, tests, `pufa simulate`). */
export declare class MemoryChatStore implements ChatStore {
    readonly sessions: SessionStore;
    private readonly counts;
    private readonly hints;
    constructor(sessions?: SessionStore);
    countMessage(user: string, room: string | undefined, windowSec: number): Promise<{
        user: number;
        room: number;
    }>;
    markHint(user: string, windowSec: number, now?: number): Promise<boolean>;
}
