import type { PendingSend } from './platform.js';

/**
 * Recent group replies, so the same question asked by several people in one group gets
 * one answer mentioning all of them. "The same question" is one that gets the same reply
 * text (different wordings of one question land on the same answer). Entries live for
 * BOT_MERGE_WINDOW_SEC; in memory, because a group is served by one account (process).
 */
interface Entry {
  pending: PendingSend;
  at: number;
}

export class MergeRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly windowMs: number) {}

  /** `room` is the hashed group id of the MessageContext. */
  static key(room: string, replyText: string): string {
    return `${room}\u0000${replyText}`;
  }

  get(key: string, now = Date.now()): PendingSend | undefined {
    this.prune(now);
    return this.entries.get(key)?.pending;
  }

  remember(key: string, pending: PendingSend, now = Date.now()): void {
    this.entries.set(key, { pending, at: now });
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.at > this.windowMs) this.entries.delete(key);
    }
  }
}
