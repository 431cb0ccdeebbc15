import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { EMERGENCY_LETTER_CHARS } from '../../src/nlu/replies.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Batch 34 (seventeenth session): danger to a person gets the emergency numbers first
 * (knowledge/_emergency.yaml; src/nlu/safety.ts `dangerOf`, src/nlu/replies.ts `withEmergency`).
 * Before: "有人站在楼顶上好像要跳楼" was asked back with 闻到燃气味紧急处理 as a choice, "我老公打我
 * 怎么办" got the general redirect (社保、户口、入学…), "小孩掉进河里了" the environment bureau's
 * 12369. Messages of our own (none from ../shared/eval or our sets).
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('danger to a person, not the bureau\'s matter: the emergency lines alone', () => {
  it.each([
    ['有人站在楼顶上好像要跳楼', ['110', '120', '12356']],
    ['我老公打我怎么办', ['110', '人身安全保护令', '12338']],
    ['路边有个老人晕倒了', ['120']],
    ['有个小孩掉进湖里了', ['110', '119', '不要贸然下水']],
  ])('%s', async (text, numbers) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    for (const n of numbers) expect(r.reply).toContain(n);
    expect(r.reply).toContain('城管热线不能代替紧急救援');
    expect(r.reply).toContain('12319');
    // No question back, nothing to choose; counted as not the bureau's matter; sent ahead of the queue.
    expect(r.choices).toEqual([]);
    expect(r.reply).not.toContain('请回复数字');
    expect(r.reply).not.toContain('燃气');
    expect(r).toMatchObject({ action: 'out_of_scope', topic: 'out_of_scope', intent: null, urgent: true });
  });

  it('is the same in a group (short form)', async () => {
    const r = await brain.ask('有人站在楼顶上好像要跳楼', { channel: 'room' });
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply).toContain('110');
  });
});

describe('danger told with a matter of the bureau\'s: the lines, then the answer', () => {
  it('an officer\'s blow and a bleeding head: 120 first, then the conduct answer with its law', async () => {
    const r = await brain.ask('城管打人了 我头在流血', { channel: 'private' });
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply.indexOf('120')).toBeLessThan(r.reply.indexOf('依据'));
    expect(r).toMatchObject({ action: 'answer', topic: 'enforcement_conduct', urgent: true });
    expect(r.citations.length).toBeGreaterThan(0);
  });

  it('a child hit by a muck truck: 120 and 122, then how to report the truck', async () => {
    const r = await brain.ask('小区门口有个小孩被渣土车撞了', { channel: 'private' });
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply).toContain('122');
    expect(r).toMatchObject({ action: 'answer', topic: 'construction_waste', urgent: true });
  });

  it(`a letter (${EMERGENCY_LETTER_CHARS} characters or more) keeps its reply after the lines`, async () => {
    const letter =
      '我在邾城街菜市场门口摆了好几年的水果摊，今天上午城管来清理占道，我们几个摊贩跟他们吵了起来，推搡的时候旁边卖菜的大姐被推倒在地上，现在头在流血，人还躺在地上。我想问一下，我们在这里摆摊到底违不违法，城管能不能动手推人？';
    expect([...letter].length).toBeGreaterThanOrEqual(EMERGENCY_LETTER_CHARS);
    const r = await brain.ask(letter, { channel: 'private' });
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply).toContain('120');
    expect(r.urgent).toBe(true);
    // Whatever the steps made of it is still there: an answer of ours, or a question back with its choices.
    expect(r.reply.length).toBeGreaterThan(200);
    if (r.action === 'clarify') expect(r.choices.length).toBeGreaterThan(0);
    else expect(r.topic).not.toBe('out_of_scope');
  });
});

describe('not an emergency now: replies as before', () => {
  it.each([
    ['商场门口挂跳楼价大甩卖的横幅要审批吗', 'outdoor_ads'],
    ['上个月我妈在这被电动车撞了 人行道上电动车乱停谁管', 'parking'],
  ])('%s → %s, no emergency lines', async (text, topic) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.reply).not.toContain('【紧急】');
    expect(r.urgent).toBe(false);
    expect(r.topic).toBe(topic);
  });

  it('a gas leak with someone collapsed keeps the gas steps (leave first), not the general lines', async () => {
    const r = await brain.ask('闻到煤气味 有人晕倒了', { channel: 'private' });
    expect(r).toMatchObject({ topic: 'gas_safety', urgent: true });
    expect(r.reply).toContain('不要开关电灯');
    expect(r.reply).not.toContain('人身安全第一');
  });
});
