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
export class RecentMap {
    size;
    young = new Map();
    old = new Map();
    constructor(size) {
        this.size = size;
    }
    get(key) {
        const v = this.young.get(key);
        if (v !== undefined)
            return v;
        const o = this.old.get(key);
        if (o !== undefined)
            this.set(key, o);
        return o;
    }
    set(key, value) {
        if (this.young.size >= this.size) {
            this.old = this.young;
            this.young = new Map();
        }
        this.young.set(key, value);
    }
    clear() {
        if (this.young.size > 0)
            this.young = new Map();
        if (this.old.size > 0)
            this.old = new Map();
    }
    /** Entries held (both generations; a key may be in both). */
    get held() {
        return this.young.size + this.old.size;
    }
}
/** `RecentMap` of keys alone. */
export class RecentSet {
    map;
    constructor(size) {
        this.map = new RecentMap(size);
    }
    has(key) {
        return this.map.get(key) !== undefined;
    }
    add(key) {
        this.map.set(key, true);
    }
    clear() {
        this.map.clear();
    }
}
//# sourceMappingURL=recent.js.map