import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { rankedText, withoutDenials } from '../../src/nlu/context.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * What a letter says its matter is not (issue 7, fifth session; batch 20's helper found it on
 * `letters20-diag.jsonl`: "这些都是汽车，不是电动车和单车" made a fire-lane letter a parking answer,
 * "这个不是违建举报" a homestead dispute a 违建 answer). Letters of our own wording here.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('what a letter says its matter is not is no evidence for it', () => {
  it.each([
    // Before: parking (the e-bikes and shared bikes it says are not the matter).
    ['我们小区的消防通道天天被私家车堵着，全是小轿车，不是电动车也不是共享单车。请问这个归哪个部门管？'],
    ['学校门口每天早上都被接送孩子的车堵得死死的，都是小汽车，不是电瓶车也不是自行车，请问该找哪个部门？'],
  ])('"%s" is declined with a redirect, not answered on the denied matter', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
  });

  it('drops only clauses that deny, and keeps a question', () => {
    expect(withoutDenials('这些都是汽车，不是电动车和单车。请问谁管？')).toBe('这些都是汽车，请问谁管？');
    expect(withoutDenials('这个不是违建举报，是土地权属问题。')).toBe('是土地权属问题。');
    expect(withoutDenials('城管不是说可以摆吗，怎么又罚')).toBe('城管不是说可以摆吗，怎么又罚');
    expect(withoutDenials('不是违建')).toBe('不是违建');
  });
});

/**
 * A belief the letter corrects later, and the one question the citizen says they have (batch
 * 21's helper, on `notours21-diag.jsonl`). Our own wording here.
 */
describe('what the citizen first believed, and what they only want to ask', () => {
  it.each([
    // Before: asked back with the barbecue answer first (烧烤 was the first belief).
    ['傍晚总有一股焦糊味飘过来，我一直以为是楼下烧烤摊的，后来才知道是河对面塑料厂晚上偷偷烧废料，请问该向哪里反映', 'out_of_scope.environment'],
    // Before: the 偷倒 answer (建筑垃圾 was the first belief).
    ['有辆车半夜在村口倒东西，我们开始以为是倒建筑垃圾，走近了才发现是一桶桶发臭的废机油，这个归谁管', 'out_of_scope.environment'],
    // Before: 占道经营 (the stall is mentioned first).
    ['楼下水果店把箱子堆在人行道上，这个先不说，我就想问他家秤不准少给了我三两找谁', 'out_of_scope.consumer'],
  ])('"%s" is declined (%s or the general redirect), not answered on what was first believed', async (text, intent) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect([intent, 'out_of_scope.other']).toContain(r.intent);
  });

  it('ranks the question stated as the only one, and drops a belief only when the letter corrects it', () => {
    expect(rankedText('门口占道摆摊，我只想问缺斤少两找谁')).toBe('缺斤少两找谁');
    expect(rankedText('我以为是烧烤的烟，后来才知道是厂里的烟囱')).toBe('后来才知道是厂里的烟囱');
    expect(rankedText('我以为摆摊要办证，请问要吗')).toBe('我以为摆摊要办证，请问要吗');
  });
});

