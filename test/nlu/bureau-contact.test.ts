import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { asksHowToReachBureau } from '../../src/nlu/context.js';
import { conversation } from '../helpers/conversation.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * How to reach the bureau, asked of the bot as "你们" (issue 7, fifth session; README "Seen and
 * left" of the fourth). Before: "你们办公地点在哪" got the greeting, "你们单位电话多少" was declined,
 * "你们几点上班" was asked back with the weather redirect among the choices.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('how to reach the bureau', () => {
  it.each(['你们办公地点在哪', '你们单位电话多少', '你们几点上班', '请问你们下班了吗', '你们那边的电话多少', '执法大队在什么位置'])('"%s" gets the hotline answer, which names the bureau\'s office too', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('hotline_report.hotline');
    expect(r.reply).toContain('12319');
    expect(r.reply).toContain('新洲区城管局');
  });

  // Ninth session: the bureau named only as 城管 (before: declined, or asked back on conduct).
  it.each(['怎么联系城管', '晚上打哪个电话能找到城管', '有事找城管打什么电话', '城管在哪里办公'])('"%s" gets the hotline answer', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.intent, r.reply).toBe('hotline_report.hotline');
    expect(r.reply).toContain('12319');
  });

  it.each(['被城管扣的车在哪里领', '城管上班时间能来处理噪音吗'])('"%s" names a matter or asks where of it: not how to reach the bureau', (text) => {
    expect(asksHowToReachBureau(text, new Set(['噪音', '暂扣']))).toBe(false);
  });

  it('after an answer on a matter, it is still how to reach the bureau, not that matter', async () => {
    const [, r] = await conversation(brain, '楼下烧烤油烟太大了', '你们电话多少');
    expect(r?.intent).toBe('hotline_report.hotline');
  });

  it.each(['你们小区在哪', '你们家在哪', '城管局会罚吗', '你们管不管', '我们小区门口天天有人摆摊，城管局在哪里办公，我想去当面反映一下这个事'])('"%s" is not asked as how to reach the bureau', (text) => {
    expect(asksHowToReachBureau(text)).toBe(false);
  });
});

describe('asking the bureau to come, after a problem was reported', () => {
  // Before: the problem's whole answer again, each time ("城管什么时候来", "能不能快点" after a stall).
  it.each([
    ['门口有人摆摊卖水果', '城管什么时候来'],
    ['门口有人摆摊卖水果', '能不能快点'],
    ['楼下烧烤油烟太大了', '快点派人来处理'],
    ['工地晚上施工太吵', '你们什么时候来看一下'],
  ])('after "%s", "%s" is told the bot sends no one, and how to report it so someone comes', async (first, text) => {
    const [a, r] = await conversation(brain, first, text);
    expect(r?.topic).toBe(a?.topic);
    expect(r?.reply).toMatch(/^收到。我是普法助手，不受理投诉，也不会把消息转交给任何部门/u);
    expect(r?.reply).toContain('12319');
  });

  it('"什么时候处理" after seized goods still asks about the goods, not for someone to come', async () => {
    const [, r] = await conversation(brain, '我的三轮车被城管扣了', '什么时候处理');
    expect(r?.topic).toBe('seized_items');
    expect(r?.reply).not.toMatch(/^收到。我是普法助手/u);
  });
});
