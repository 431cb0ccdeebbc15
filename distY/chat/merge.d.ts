import type { PendingSend } from './platform.js';
export declare class MergeRegistry {
    private readonly windowMs;
    private readonly entries;
    constructor(windowMs: number);
    /** `room` is the hashed group id of the MessageContext. */
    static key(room: string, replyText: string): string;
    get(key: string, now?: number): PendingSend | undefined;
    remember(key: string, pending: PendingSend, now?: number): void;
    get size(): number;
    private prune;
}
