import { MemorySessionStore, type SessionStore } from './session.js';

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
  countMessage(user: string, room: string | undefined, windowSec: number): Promise<{ user: number; room: number }>;
  /** Set the "non-text hint given" mark for `windowSec`; false when it was already set. */
  markHint(user: string, windowSec: number): Promise<boolean>;
}

/**
 * Counters whose window begins with their first count and lasts `windowSec`, in this
 * process's memory: the memory store's rate counters, and what the rate limits fall back
 * to when the store cannot count.
 */
export class WindowCounters {
  private readonly windows = new Map<string, { n: number; until: number }>();

  incr(key: string, windowSec: number, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || w.until <= now) {
      if (this.windows.size >= 10_000) this.sweep(now);
      w = { n: 0, until: now + windowSec * 1000 };
      this.windows.set(key, w);
    }
    w.n += 1;
    return w.n;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.until <= now) this.windows.delete(key);
  }
}

/** A ChatStore in this process's memory (terminal chat, tests, `pufa simulate`). */
export class MemoryChatStore implements ChatStore {
  readonly sessions: SessionStore;
  private readonly counts = new WindowCounters();
  private readonly hints = new Map<string, number>();

  constructor(sessions: SessionStore = new MemorySessionStore()) {
    this.sessions = sessions;
  }

  async countMessage(user: string, room: string | undefined, windowSec: number): Promise<{ user: number; room: number }> {
    return { user: this.counts.incr(`u:${user}`, windowSec), room: room ? this.counts.incr(`r:${room}`, windowSec) : 0 };
  }

  async markHint(user: string, windowSec: number, now = Date.now()): Promise<boolean> {
    const until = this.hints.get(user);
    if (until !== undefined && until > now) return false;
    if (this.hints.size > 10_000) this.hints.clear();
    this.hints.set(user, now + windowSec * 1000);
    return true;
  }
}
