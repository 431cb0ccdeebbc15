import type { Action, Channel, TopicId } from '../core/types.js';

/**
 * One handled message, as recorded for the outreach statistics. Ids are already hashed
 * (salted) by the pipeline; `text` is only set for clarify / out_of_scope outcomes and is
 * PII-redacted, for the staff review list.
 */
export interface Consultation {
  /**
   * Unique id of this consultation. The Redis recorder makes one when absent; give a
   * stable id (e.g. when back-filling) to make recording the same consultation twice a no-op.
   */
  id?: string;
  at: Date;
  topic: TopicId;
  intent: string | null;
  action: Action;
  channel: Channel;
  /** Salted hash of the citizen's id. */
  user: string;
  /** Salted hash of the room id; absent for private and console chats. */
  room?: string;
  /** Room name for per-room tables (group names are public to members, not personal data). */
  roomName?: string;
  score: number;
  /** Redacted question text (only for review-worthy outcomes). */
  text?: string;
  /** Other topics the message raised; counted separately from `topic`, never twice. */
  secondaryTopics?: TopicId[];
  /** Test data (terminal chat, `pufa simulate`): left out of official figures unless asked for. */
  test?: boolean;
  /** Id of an earlier consultation (a clarification) that this one resolves: one question, counted once. */
  replaces?: string;
}

/**
 * Where consultations go. `record` must never throw and never block the answer: an
 * implementation buffers when its store is slow or down.
 */
export interface StatsRecorder {
  record(consultation: Consultation): void;
  /** Wait until everything recorded so far is stored (or buffered, when the store is down). */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Counters of the recorder (buffered, stored, dropped …), for health output and tests. */
  status?(): RecorderStatus;
}

/** Counters of a recorder since it was created. */
export interface RecorderStatus {
  /** Consultations waiting to be written (in memory). */
  pending: number;
  /** Consultations written (each counted once). */
  stored: number;
  /** Writes the store recognised as already counted (retried or replayed batches). */
  duplicates: number;
  /** Consultations lost because the buffer was full (or the recorder was closed). */
  dropped: number;
  /** False while the last write to the store failed. */
  healthy: boolean;
}

/** Keeps consultations in memory: for unit tests of the pipeline and the console without Redis. */
export class MemoryRecorder implements StatsRecorder {
  readonly items: Consultation[] = [];
  record(consultation: Consultation): void {
    this.items.push(consultation);
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}
