import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * The routing questions of issue 10, through the shipped trained model (the repository's
 * model cache, keyed by intents/): each must be answered directly, and the reply — in a
 * group (short form) and in private chat (full form) — must contain the point asked.
 */
const CASES: { question: string; point: string; expect: RegExp[] }[] = [
  { question: '城管说要罚我一万，能要求听证吗', point: 'when a hearing can be asked for, and within how many days', expect: [/听证/, /较大数额罚款/, /告知后5日内提出/] },
  { question: '被罚款之后可以要求听证吗', point: 'a hearing comes before the decision; after it, 复议 or 诉讼', expect: [/听证在处罚决定作出之前/, /决定已经作出的/, /申请行政复议/] },
  { question: '当场罚100元能直接去法院告吗', point: '复议前置 for on-the-spot decisions', expect: [/当场作出的(?:行政)?处罚决定不服的，(?:应当|须)先申请行政复议/] },
  { question: '三轮车扣了多久能拿回来', point: 'the 30 + 30-day limit of a seizure', expect: [/扣押期限不得超过30日/, /延长(?:期限)?不得超过30日/] },
  { question: '摆地摊被罚500块合法吗', point: 'over 200 yuan needs the full procedure (处罚法 第51条)', expect: [/200元以下/, /超过200元的/, /普通程序/] },
];

let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 600_000);

describe('issue 10 routing questions get the answer with the point asked', () => {
  it.each(CASES)('$question → $point', async ({ question, expect: patterns }) => {
    for (const channel of ['room', 'private'] as const) {
      const r = await brain.ask(question, { channel });
      expect(r.action, `${channel}: ${r.reply}`).toBe('answer');
      for (const p of patterns) expect(r.reply, `${channel} (${r.intent})`).toMatch(p);
      expect(r.reply).toContain('依据：《');
    }
  });
});
