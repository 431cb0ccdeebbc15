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

  it('after an answer on a matter, it is still how to reach the bureau, not that matter', async () => {
    const [, r] = await conversation(brain, '楼下烧烤油烟太大了', '你们电话多少');
    expect(r?.intent).toBe('hotline_report.hotline');
  });

  it.each(['你们小区在哪', '你们家在哪', '城管局会罚吗', '你们管不管', '我们小区门口天天有人摆摊，城管局在哪里办公，我想去当面反映一下这个事'])('"%s" is not asked as how to reach the bureau', (text) => {
    expect(asksHowToReachBureau(text)).toBe(false);
  });
});
