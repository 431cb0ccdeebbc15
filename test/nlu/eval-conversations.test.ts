import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateConversations, formatConversationReport, isConversationFile, parseConversations } from '../../src/chat/eval-conversations.js';
import type { Brain } from '../../src/nlu/brain.js';
import type { PufaError } from '../../src/core/errors.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * `pufa eval` on conversations: each turn asked with the state the chat keeps, each reply
 * scored against its label. Conversations written here for the test (not a measuring set).
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

const FILE = [
  { turns: [{ text: '楼下烧烤店油烟太大了', topic: 'fumes_bbq' }, { text: '晚上也有', topic: 'fumes_bbq' }, { text: '好的谢谢', topic: 'chitchat' }] },
  // The second label is wrong on purpose: the turn is counted wrong, and so is the conversation.
  { turns: [{ text: '被扣的三轮车去哪里领', topic: 'seized_items' }, { text: '要带什么', topic: 'noise' }] },
]
  .map((c) => JSON.stringify(c))
  .join('\n');

describe('conversations file', () => {
  it('is told from a file of single messages by its first line', () => {
    expect(isConversationFile(FILE)).toBe(true);
    expect(isConversationFile('{"text":"占道经营怎么罚","topic":"street_vending"}')).toBe(false);
    expect(isConversationFile('')).toBe(false);
  });

  it('names the file and line of a bad conversation', () => {
    expect(() => parseConversations('{"turns":[{"text":"你好","topic":"chitchat"}]}\n{"turns":[]}\n{oops\n', 'c.jsonl')).toThrow(/2 bad line/);
    let problems: readonly string[] = [];
    try {
      parseConversations('{"turns":[{"text":"你好","topic":"chitchat"}]}\n{"turns":[{"text":1}]}', 'c.jsonl');
    } catch (err) {
      problems = (err as PufaError).problems;
    }
    expect(problems).toEqual(['c.jsonl:2: needs "turns", a list of {"text", "topic"}']);
  });

  it('asks every turn with the chat\'s state and scores each reply', async () => {
    const r = await evaluateConversations(brain, parseConversations(FILE, 'test'));
    expect(r).toMatchObject({ conversations: 2, turns: 5, correct: 4, later: { turns: 3, correct: 2 }, allRight: 1 });
    // "晚上也有" is right only because it is read with the fumes before it.
    expect(r.results[1]).toMatchObject({ text: '晚上也有', got: 'fumes_bbq' });
    expect(r.results[4]).toMatchObject({ label: 'noise', got: 'seized_items' });
    const text = formatConversationReport(r, true);
    expect(text).toContain('turns answered on the right topic: 4/5 = 80.0%');
    expect(text).toContain('later turns (the conversation\'s state matters): 2/3 = 66.7%');
    expect(text).toContain('[#2.2 noise → seized_items');
  });
});
