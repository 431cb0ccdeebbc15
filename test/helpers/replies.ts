import { beforeAll, expect } from 'vitest';
import type { BrainReply } from '../../src/core/types.js';
import type { Brain } from '../../src/nlu/brain.js';
import { createShippedBrain } from './shipped-brain.js';

/** A row of a reply table: the question, the reply's action, its intent (`topic.intent`) or only its topic, and a phrase the reply must hold. */
export type ReplyCase = [question: string, action: 'answer' | 'out_of_scope', expected: string, says?: string];

/**
 * Asks `brain` the row's question (private chat) and asserts what the citizen sees: the
 * action, the intent or topic, the phrase if given and, unless `choices` is allowed, that
 * nothing is offered to choose from.
 */
export async function expectReply(brain: Brain, [q, action, expected, says]: ReplyCase, options: { allowChoices?: boolean } = {}): Promise<void> {
  const r = await brain.ask(q, { channel: 'private' });
  expect(r.action, `${r.intent ?? ''} ${r.choices.map((c) => c.topic).join('/')}: ${r.reply.slice(0, 80)}`).toBe(action);
  if (expected.includes('.')) expect(r.intent).toBe(expected);
  else expect(r.topic).toBe(expected);
  if (says !== undefined) expect(r.reply).toContain(says);
  if (!options.allowChoices) expect(r.choices).toEqual([]);
}

/** Asks `brain` in a private chat and asserts the reply declines with the redirect `intent`; the reply for more checks. */
export async function expectDeclined(brain: Brain, text: string, intent: string): Promise<BrainReply> {
  const r = await brain.ask(text, { channel: 'private' });
  expect(r.action, r.reply).toBe('out_of_scope');
  expect(r.intent).toBe(intent);
  return r;
}

/** Asks `brain` in a private chat and asserts the reply answers on `topic` (and `intent`, when given); the reply for more checks. */
export async function expectAnswered(brain: Brain, text: string, topic: string, intent?: string): Promise<BrainReply> {
  const r = await brain.ask(text, { channel: 'private' });
  expect(r.action, r.reply).toBe('answer');
  expect(r.topic).toBe(topic);
  if (intent !== undefined) expect(r.intent).toBe(intent);
  return r;
}

/** The shipped brain of a test file and its reply-table rows (`shippedReplyTable`). */
export interface ShippedReplyTable {
  /** The brain, once the file's beforeAll has created it. */
  readonly brain: Brain;
  /** A row asserted on that brain: `it.each(rows)('%s → %s %s', table.repliesWith)`. */
  repliesWith(...row: ReplyCase): Promise<void>;
}

/**
 * The shipped brain (the repository's own model cache, keyed by the content of intents/:
 * trained once, shared), created in the calling file's beforeAll, with its reply-table rows.
 */
export function shippedReplyTable(): ShippedReplyTable {
  let created: Brain | undefined;
  beforeAll(async () => {
    created = await createShippedBrain();
  }, 600_000);
  const brain = (): Brain => {
    if (!created) throw new Error('the shipped brain is created in beforeAll: use it inside a test');
    return created;
  };
  return {
    get brain() {
      return brain();
    },
    repliesWith: (...row) => expectReply(brain(), row),
  };
}
