import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Faults found in the tenth session, reading our own sets' wrong answers and talking to the bot
 * with messages of our own (none from ../shared/eval): what the citizen reads before and after.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

const ask = (text: string) => brain.ask(text, { channel: 'private' });

describe('an officer who hurt someone', () => {
  // Before: declined as not ours (医药费 read as a medical matter).
  it.each([
    '我父亲在桥下卖鞋垫，城管收东西的时候拉扯，把他的手划伤了，去医院缝了几针，请问能要求城管赔医药费吗？',
    '我妈在路边卖菜，城管来收秤的时候拽了她一把，人摔伤了，医药费找谁出',
  ])('is answered on conduct, with what to do when hurt ← %s', async (text) => {
    const r = await ask(text);
    expect(r.action, r.reply).toBe('answer');
    expect(r.topic).toBe('enforcement_conduct');
    expect(r.reply).toContain('受伤的先报警（110）并就医');
    expect(r.reply).toContain('12345');
  });
});

describe('a complaint sent back', () => {
  // Before: how to report the bikes again (parking 0.44), as if the citizen had not complained.
  it('"该诉求不属于本部门职责，已退回" gets where the complaint stands, the bikes named after it', async () => {
    const r = await ask('您好，我上周在微信上投诉了XX路的共享单车乱停，当时回复说“已受理”。今天又收到短信说“该诉求不属于本部门职责，已退回”。单车乱停不是城管管吗？为什么退回？我该怎样重新提交？');
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe('hotline_report.progress');
    expect(r.reply).toContain('查进度');
    expect(r.reply).toMatch(/您还提到：[^\n]*单车/u);
  });
});
