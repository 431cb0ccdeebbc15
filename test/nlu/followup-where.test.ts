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

/**
 * "要带什么" after the answer that says it (eighth session; found talking to the bot). Before,
 * the whole answer again, word for word: the citizen had to find the papers in it a second time.
 */
describe('what to bring, asked after the answer that says it', () => {
  it.each([
    ['城管扣了我的三轮车', '要带什么材料', '被暂扣的物品怎么领回', '委托书'],
    ['我的电动车被城管拖走了', '要带什么', '非机动车乱停的处罚与领车', '领车：带上本人身份证'],
  ])('after "%s", "%s" gets the part of that answer that says what to bring', async (first, text, title, bring) => {
    const [a, r] = await conversation(brain, first, text);
    expect(r?.intent).toBe(a?.intent);
    expect(r?.reply).toMatch(new RegExp(`^关于“${title}”，要带什么、准备什么：`, 'u'));
    expect(r?.reply).toContain(bring);
    expect(r?.reply).toContain('依据：');
    expect(r?.reply).toContain('12319');
    expect((r?.reply.length ?? 0) < (a?.reply.length ?? 0)).toBe(true);
  });

  it('a later question about what to bring for 复议 gets the application and its papers', async () => {
    const [, , r] = await conversation(brain, '我被罚了200 不服', '去哪里复议', '要带什么材料');
    expect(r?.intent).toBe('penalty_rights.reconsideration');
    expect(r?.reply).toMatch(/^关于“不服处罚怎么申请复议”，要带什么、准备什么：/u);
    expect(r?.reply).toContain('处罚决定书复印件');
  });
});

describe('the answer just given, asked again in full words', () => {
  // Named in full ("被扣的三轮车…"), the message is not read as a follow-up; its answer is the one just given.
  it('"被扣的三轮车要带什么材料去领" after the answer on retrieving it gets what to bring', async () => {
    const [a, r] = await conversation(brain, '城管扣了我的三轮车', '被扣的三轮车要带什么材料去领');
    expect(r?.intent).toBe(a?.intent);
    expect(r?.reply).toMatch(/^关于“被暂扣的物品怎么领回”，要带什么、准备什么：/u);
    expect(r?.reply).toContain('委托书');
  });

  // "要去哪里举报" is a bare complaint: right after the answer on how to report the matter, that answer was given whole again.
  it('"要去哪里举报" after the answer on how to report a building gets where', async () => {
    const [a, r] = await conversation(brain, '楼上加建了一层', '要去哪里举报？');
    expect(a?.intent).toBe('illegal_construction.report');
    expect(r?.intent).toBe('illegal_construction.report');
    expect(r?.reply).toMatch(/^关于“如何举报违法建设”，去哪里办、找谁：/u);
    expect(r?.reply).toContain('12319');
    expect((r?.reply.length ?? 0) < (a?.reply.length ?? 0)).toBe(true);
  });

  it('after an answer that is not about reporting, "去哪里举报" still gets how to report it', async () => {
    const [, r] = await conversation(brain, '阳台封窗算违建吗', '去哪里举报');
    expect(r?.reply).toContain('反映时请讲清');
  });
});

/**
 * "多久能处理" after the answer on how to report it (eighth session): the answer's sentences on the
 * work order and progress, not the whole answer again. An answer without such sentences is given
 * whole: a permit's "20日内" is not when a complaint is dealt with, and 施工单位 is no 工单.
 */
describe('when it is dealt with, asked after the answer on reporting it', () => {
  it('"多久能处理" after the answer on reporting a building gets its work order and progress', async () => {
    const [a, r] = await conversation(brain, '楼上加建了一层', '多久能处理');
    expect(r?.intent).toBe(a?.intent);
    expect(r?.reply).toMatch(/^关于“如何举报违法建设”，多久处理、怎么查进度：/u);
    expect(r?.reply).toContain('工单号');
    expect((r?.reply.length ?? 0) < (a?.reply.length ?? 0)).toBe(true);
  });

  it('an answer with nothing on progress is not cut to its permit deadline or its 施工单位', async () => {
    const [, r] = await conversation(brain, '渣土车撒了一路泥', '投诉了多久有回复');
    expect(r?.reply).not.toContain('多久处理、怎么查进度');
  });
});
