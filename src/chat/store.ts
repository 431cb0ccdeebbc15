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
   * Count one message of `user` (and of `room`, in groups) in this clock minute; returns the
   * counts including this one (room 0 without a room). Rejects when the store cannot count.
   */
  countMessage(user: string, room: string | undefined, minute: number): Promise<{ user: number; room: number }>;
  /** Set the "non-text hint given" mark for `windowSec`; false when it was already set. */
  markHint(user: string, windowSec: number): Promise<boolean>;
}

/** A ChatStore in this process's memory (terminal chat, tests, `pufa simulate`). */
export class MemoryChatStore implements ChatStore {
  readonly sessions: SessionStore;
  private readonly counts = new Map<string, number>();
  private countsMinute = -1;
  private readonly hints = new Map<string, number>();

  constructor(sessions: SessionStore = new MemorySessionStore()) {
    this.sessions = sessions;
  }

  async countMessage(user: string, room: string | undefined, minute: number): Promise<{ user: number; room: number }> {
    if (minute !== this.countsMinute) {
      this.countsMinute = minute;
      this.counts.clear();
    }
    const bump = (key: string): number => {
      const n = (this.counts.get(key) ?? 0) + 1;
      this.counts.set(key, n);
      return n;
    };
    return { user: bump(`u:${user}`), room: room ? bump(`r:${room}`) : 0 };
  }

  async markHint(user: string, windowSec: number, now = Date.now()): Promise<boolean> {
    const until = this.hints.get(user);
    if (until !== undefined && until > now) return false;
    if (this.hints.size > 10_000) this.hints.clear();
    this.hints.set(user, now + windowSec * 1000);
    return true;
  }
}
