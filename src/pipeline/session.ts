import type { ClarifyChoice } from '../core/types.js';

/** What the bot remembers about a citizen between messages (clarification follow-ups). */
export interface ConversationState {
  choices: ClarifyChoice[];
  /** The question the choices were offered for. */
  question: string;
  /** Id of the consultation recorded for the question (a clarification), so its reply is counted as the same consultation. */
  consultationId?: string;
  /** Topic and intent of the last answer, for follow-ups without a topic of their own ("那罚多少钱？"). */
  lastTopic?: string;
  lastIntent?: string;
  /** When the last answer was given (ms since epoch). */
  lastAt?: number;
}

/**
 * Storage of conversation state keyed by a (hashed) conversation key, with a TTL.
 * The WeChat bot uses Redis; the console and unit tests use memory.
 */
export interface SessionStore {
  get(key: string): Promise<ConversationState | undefined>;
  set(key: string, state: ConversationState, ttlSec: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemorySessionStore implements SessionStore {
  private readonly map = new Map<string, { state: ConversationState; expires: number }>();
  async get(key: string): Promise<ConversationState | undefined> {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return hit.state;
  }
  async set(key: string, state: ConversationState, ttlSec: number): Promise<void> {
    this.map.set(key, { state, expires: Date.now() + ttlSec * 1000 });
  }
  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }
}
