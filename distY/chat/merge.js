export class MergeRegistry {
    windowMs;
    entries = new Map();
    constructor(windowMs) {
        this.windowMs = windowMs;
    }
    /** `room` is the hashed group id of the MessageContext. */
    static key(room, replyText) {
        return `${room}\u0000${replyText}`;
    }
    get(key, now = Date.now()) {
        this.prune(now);
        return this.entries.get(key)?.pending;
    }
    remember(key, pending, now = Date.now()) {
        this.entries.set(key, { pending, at: now });
    }
    get size() {
        return this.entries.size;
    }
    prune(now) {
        for (const [key, entry] of this.entries) {
            if (now - entry.at > this.windowMs)
                this.entries.delete(key);
        }
    }
}
//# sourceMappingURL=merge.js.map