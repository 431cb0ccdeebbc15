import { MemorySessionStore } from './session.js';
/**
 * Counters whose window begins with their first count and lasts `windowSec`, in this
 * process's memory: the memory store's rate counters, and what the rate limits fall back
 * to when the store cannot count.
 */
export class WindowCounters {
    windows = new Map();
    incr(key, windowSec, now = Date.now()) {
        let w = this.windows.get(key);
        if (!w || w.until <= now) {
            if (this.windows.size >= 10_000)
                this.sweep(now);
            w = { n: 0, until: now + windowSec * 1000 };
            this.windows.set(key, w);
        }
        w.n += 1;
        return w.n;
    }
    sweep(now) {
        for (const [key, w] of this.windows)
            if (w.until <= now)
                this.windows.delete(key);
    }
}
/** A ChatStore in this process's memory (terminal chat, tests, `pufa simulate`). */
export class MemoryChatStore {
    sessions;
    counts = new WindowCounters();
    hints = new Map();
    constructor(sessions = new MemorySessionStore()) {
        this.sessions = sessions;
    }
    async countMessage(user, room, windowSec) {
        return { user: this.counts.incr(`u:${user}`, windowSec), room: room ? this.counts.incr(`r:${room}`, windowSec) : 0 };
    }
    async markHint(user, windowSec, now = Date.now()) {
        const until = this.hints.get(user);
        if (until !== undefined && until > now)
            return false;
        if (this.hints.size > 10_000)
            this.hints.clear();
        this.hints.set(user, now + windowSec * 1000);
        return true;
    }
}
//# sourceMappingURL=store.js.map