import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { topicScores } from '../../src/nlu/decide.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * A reply carries the score the decision was made on — its topic's total — whatever path
 * gave it (the emergency, small talk, a decline, a complaint's progress): the statistics'
 * low-score review (STATS_REVIEW_LOW_SCORE) lists answers by it, and the share of the topic
 * that the intent got within it says nothing of how sure the topic is.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 600_000);

async function topicTotal(text: string, topic: string): Promise<number> {
  const reply = await brain.ask(text, { channel: 'private' });
  const ranking = await brain.rank(reply.understood ?? reply.normalized);
  return topicScores(ranking).find((t) => t.topic === topic)?.score ?? NaN;
}

describe('the score a reply carries', () => {
  it.each([
    ['家里燃气泄漏了，闻到好大一股味', 'gas_safety'],
    ['楼道里煤气味好重怎么办', 'gas_safety'],
    ['门口摆摊的罚多少钱', 'street_vending'],
    ['投诉了好几次楼下的烧烤油烟还是没人管', 'fumes_bbq'],
    ['借钱不还可以起诉吗', 'out_of_scope'],
  ])('"%s" carries its topic\'s total (%s)', async (text, topic) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.topic).toBe(topic);
    expect(r.score).toBeCloseTo(await topicTotal(text, topic), 12);
  });

  it('an emergency answer is not sent to the low-score review for how its topic is shared among intents', async () => {
    const r = await brain.ask('家里燃气泄漏了，闻到好大一股味', { channel: 'private' });
    expect(r.urgent).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(0.5);
  });
});
