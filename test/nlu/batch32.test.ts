import { beforeAll, describe, expect, it } from 'vitest';
import { awaitsReply, detectAct, mentionOnly } from '../../src/nlu/acts.js';
import type { Brain } from '../../src/nlu/brain.js';
import { departmentAsked } from '../../src/nlu/scope.js';
import { conversation } from '../helpers/conversation.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Faults found in the fifteenth session (batch 32), from the helper-written conversations of
 * `conversations32-check.jsonl` and messages of our own (none from ../shared/eval): what the
 * citizen reads before and after.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

/** What the waiting citizen is told: nothing was passed on, and where to report. */
const NOT_PASSED_ON = '不会把消息转交给任何部门';

describe('waiting for the bureau to come back', () => {
  // Before: right after a report, "那我等你们消息" got the fumes answer again ("关于“餐饮油烟扰民怎么办”，刚才已经回答过");
  // "好 我等你们的回复 谢谢" was thanked ("不客气！能帮上忙就好"). Both let the citizen believe the report was passed on.
  it('is told that nothing was passed on, and where to report, right after a report', async () => {
    const [, , r] = await conversation(brain, '楼下小吃店排烟管正对我家阳台', '衣服都不敢晒 一股油味', '那我等你们消息');
    expect(r?.reply).toContain(NOT_PASSED_ON);
    expect(r?.reply).toContain('12319');
    expect(r?.reply).not.toContain('刚才已经回答过');
    // Small talk: no topic is counted for it.
    expect(r?.topic).toBe('chitchat');
    expect(r?.act).toBe('smalltalk');
  });

  it.each(['那我等你们消息', '好的 等你们处理', '好 我等你们的回复 谢谢', '那我在家等你们来人', '嗯 等你们通知'])('and with nothing before ← %s', async (text) => {
    expect(awaitsReply(text)).toBe(true);
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.reply).toContain(NOT_PASSED_ON);
    expect(r.reply).not.toContain('不客气');
    expect(r.topic).toBe('chitchat');
  });

  it('is only the whole message: waiting long, or more words, are read for what they say', () => {
    for (const text of ['我等你们消息等了一个月了', '等你们来处理这个违建要多久', '好的 谢谢', '我等下再打电话']) expect(awaitsReply(text)).toBe(false);
  });

  // Before: declined ("抱歉，这个问题我暂时回答不了").
  it('waiting long for it is a complaint\'s progress', async () => {
    expect(detectAct('我等你们消息等了一个月了')).toBe('progress');
    const r = await brain.ask('我等你们消息等了一个月了', { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('hotline_report.progress');
  });
});

describe('a bare @mention', () => {
  // Before: the empty message's prompt as a question back ("请用文字描述您想咨询的问题"), counted as a clarification.
  it('is greeted, as "在吗" is', async () => {
    expect(mentionOnly('@普法助手')).toBe(true);
    expect(mentionOnly('@普法助手\u2005')).toBe(true);
    expect(mentionOnly('@普法助手 占道罚多少')).toBe(false);
    const r = await brain.ask('@普法助手', { channel: 'private' });
    expect(r.intent).toBe('chitchat.greeting');
    expect(r.act).toBe('smalltalk');
    expect(r.reply).toContain('普法助手');
  });

  it('emoji alone are still shown what the bot can do, approval still thanked', async () => {
    expect((await brain.ask('😀', { channel: 'private' })).action).toBe('clarify');
    expect((await brain.ask('👍', { channel: 'private' })).intent).toBe('chitchat.thanks');
  });
});

describe('which department, and whether the line is answered', () => {
  // Before: after the environment redirect (a sure one ends the subject), the hint to name the matter.
  it('"那是找环保吗" gets that department\'s redirect', async () => {
    const [, , r] = await conversation(brain, '我想问个事', '我们那边有个工厂晚上排臭气', '那是找环保吗');
    expect(r?.action).toBe('out_of_scope');
    expect(r?.intent).toBe('out_of_scope.environment');
    expect(r?.reply).not.toContain('没有找到您最近咨询过的事项');
  });

  it.each([
    ['要找交警是吧', 'out_of_scope.traffic'],
    ['这个归房管管吧', 'out_of_scope.housing'],
    ['要找社保局是吧', 'out_of_scope.social_security'],
  ])('%s → %s', async (text, intent) => {
    expect((await brain.ask(text, { channel: 'private' })).intent).toBe(intent);
  });

  it('the bureau itself is not another department', async () => {
    for (const text of ['那是找城管吗', '那是找你们吗', '这个环保吗']) expect(departmentAsked(text)).toBeUndefined();
  });

  // Before: declined ("抱歉，这个问题我暂时回答不了").
  it.each(['晚上打有人接不', '晚上有人接吗', '打12345一直打不通'])('"%s" gets the bureau\'s lines', async (text) => {
    const [, r] = await conversation(brain, '请问一下 城管的投诉电话是多少', text);
    expect(r?.intent).toBe('hotline_report.hotline');
    expect(r?.reply).toContain('12319');
  });

  it('another body\'s line is that body\'s matter', async () => {
    expect((await brain.ask('打燃气公司电话一直占线', { channel: 'private' })).intent).not.toBe('hotline_report.hotline');
  });
});

describe('the model\'s greeting for "你们管"', () => {
  // Before: "您好！我是新洲区城管普法助手…" — the model's greeting, for 你们管.
  it('after gas cylinders left out, "你们管这个吗" stays on them', async () => {
    const [, , r] = await conversation(brain, '楼下餐馆在门口放了好几个液化气罐', '还是那家 上次说过', '你们管这个吗');
    expect(r?.topic).toBe('gas_safety');
  });

  it('after another department\'s matter, "这个你们也不管啊" is not greeted', async () => {
    const [, again] = await conversation(brain, '还有个事 我老公在工地上 老板欠他工资', '这个你们也不管啊');
    expect(again?.intent).not.toBe('chitchat.greeting');
    expect(again?.reply).not.toContain('您好！');
  });

  it.each(['吃饭了冇 小助手', '早上好 过早了冇'])('small talk of other kinds stays small talk ← %s', async (text) => {
    expect((await brain.ask(text, { channel: 'private' })).intent).toBe('chitchat.greeting');
  });
});
