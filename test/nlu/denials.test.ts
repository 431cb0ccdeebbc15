import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { withoutDenials } from '../../src/nlu/context.js';
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
