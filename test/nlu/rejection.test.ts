import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHITCHAT_TOPIC, type BrainReply } from '../../src/core/types.js';
import type { Brain } from '../../src/nlu/brain.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Out of scope and small talk (issue 7, item 4): questions about weather, writing, other areas
 * of law (婚姻, 借贷, 劳动, 物业, 医保, 交通违章) and chat are declined as not the bureau's matter
 * or answered as small talk — never given a legal answer, and never asked back with topics
 * they give no evidence for. The set in data/rejection-set.txt is ours, written for this test:
 * none of its lines is a training utterance (asserted below) or comes from ../shared/eval.
 */
const ISSUE_EXAMPLES = ['帮我写一首诗', '借钱不还可以起诉吗', '今天天气怎么样', '明天武汉天气么样', '早上好', '物业乱收费找谁'];
const SET = readFileSync(path.join(REPO_ROOT, 'test/nlu/data/rejection-set.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));

const rejected = (r: BrainReply): boolean => r.action === 'out_of_scope' || (r.action === 'answer' && r.topic === CHITCHAT_TOPIC);

let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 600_000);

describe('out of scope and small talk', () => {
  it.each(ISSUE_EXAMPLES)('declines or chats: %s', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(rejected(r), `${r.action} ${r.topic} ${r.intent ?? ''}: ${r.reply.slice(0, 60)}`).toBe(true);
    expect(r.citations).toEqual([]);
  });

  it('has at least 40 lines of its own, none of them a training utterance', () => {
    expect(SET.length).toBeGreaterThanOrEqual(40);
    const training = new Set(brain.kb.intents.flatMap((i) => i.utterances.map((u) => u.trim())));
    expect(SET.filter((l) => training.has(l))).toEqual([]);
  });

  it('declines or chats on at least 95 % of the set, and never offers choices without evidence', async () => {
    const misses: string[] = [];
    for (const text of SET) {
      const r = await brain.ask(text, { channel: 'private' });
      if (!rejected(r)) misses.push(`${text} → ${r.action} ${r.topic} ${r.choices.map((c) => c.topic).join('/')}`);
    }
    expect(misses.length / SET.length, misses.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('a weather question is not asked back with gas safety or waste sorting', async () => {
    for (const text of ['今天天气怎么样', '明天武汉天气么样']) {
      const r = await brain.ask(text, { channel: 'private' });
      expect(r.choices.map((c) => c.topic)).toEqual([]);
    }
  });

  it('small talk is answered as small talk', async () => {
    const r = await brain.ask('早上好', { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.topic).toBe(CHITCHAT_TOPIC);
  });
});
