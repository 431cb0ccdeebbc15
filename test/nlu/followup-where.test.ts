import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { conversation } from '../helpers/conversation.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * "去哪里办" after the answer that says where (issue 7, fifth session; found talking to the bot).
 * Before, the whole answer again, word for word.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('where to go, asked after the answer that says it', () => {
  it.each([
    ['我想装个招牌', '去哪里办', '店招和户外广告怎么报批', '区城管执法局'],
    ['我想在门头上挂块牌子', '找哪个部门', '店招和户外广告怎么报批', '政务服务中心'],
    ['我的三轮车被城管扣了', '去哪里领', '被暂扣的物品怎么领回', '12319'],
  ])('after "%s", "%s" gets the part of that answer that says where', async (first, text, title, where) => {
    const [a, r] = await conversation(brain, first, text);
    expect(r?.intent).toBe(a?.intent);
    expect(r?.reply).toMatch(new RegExp(`^关于“${title}”，去哪里办、找谁：`, 'u'));
    expect(r?.reply).toContain(where);
    expect(r?.reply).toContain('依据：');
    expect((r?.reply.length ?? 0) < (a?.reply.length ?? 0)).toBe(true);
  });

  it('where to pay a fine is still paying a fine', async () => {
    const [, r] = await conversation(brain, '城管说我占道经营要罚款', '那要去哪里交');
    expect(r?.intent).toBe('penalty_rights.payment');
  });
});
