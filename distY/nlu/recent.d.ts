/**
 * Memos of the last few calls, for the work one message repeats (a letter is tokenised and
 * looked up whole, then sentence by sentence) — not across messages.
 *
 * Two generations of at most `size` entries each: new entries go to the young one; when it is
 * full it becomes the old one and the previous old one is dropped. So an entry lives for at
 * most 2 × `size` insertions (a message or two), a look-up finds what this message put in
 * (a hit in the old generation is copied to the young one), and what a memo holds dies
 * young: the garbage collector's scavenges free it instead of promoting it to the old space.
 * The earlier memos (cleared when 256–1,024 entries were reached) kept their entries over
 * ~60 messages, two scavenges: about 1 MB promoted per scavenge, the longest pauses of the
 * bench's tail (README "Accuracy and speed").
 */
export declare class RecentMap<K, V> {
    private readonly size;
    private young;
    private old;
    constructor(size: number);
    get(key: K): V | undefined;
    set(key: K, value: V): void;
    clear(): void;
    /** Entries held (both generations; a key may be in both). */
    get held(): number;
}
/** `RecentMap` of keys alone. */
export declare class RecentSet<K> {
    private readonly map;
    constructor(size: number);
    has(key: K): boolean;
    add(key: K): void;
    clear(): void;
}
