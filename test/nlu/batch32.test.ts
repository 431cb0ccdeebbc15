import { beforeAll, describe, expect, it } from 'vitest';
import { awaitsReply, detectAct, mentionOnly } from '../../src/nlu/acts.js';
import type { Brain } from '../../src/nlu/brain.js';
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
