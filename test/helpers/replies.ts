import { expect } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';

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
