import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Issue 7, batch 11: short questions of our own about reaching the bureau, officers at the
 * door and where to appeal, each misread on the data before (what it got in the comment).
 * None of them is a training utterance of intents/.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

const BATCH11: [question: string, intent: string, says: string][] = [
  // declined (上班, 值班 were no word of any topic): when the bureau can be reached
  ['城管晚上上班吗', 'hotline_report.hotline', '12345全天候受理'],
  ['城管几点上班', 'hotline_report.hotline', '12319'],
  ['中午城管有人值班吗', 'hotline_report.hotline', '12319'],
  // asked back with 装修噪声 first: 几点到几点 is not a noise question here
  ['城管局办公时间是几点到几点', 'hotline_report.hotline', '12319'],
  // declined: how long after a complaint someone comes
  ['投诉之后多久会有人来', 'hotline_report.progress', '工单'],
  // declined (no known word at all / no word of the topic): officers at the door
  ['城管能进我家吗', 'enforcement_conduct.identity', '有权拒绝接受调查或检查'],
  ['城管来了要不要开门', 'enforcement_conduct.identity', '有权拒绝接受调查或检查'],
  // asked back with one choice: 抢 and 推我 are how officers treated the citizen
  ['城管抢我东西还推我', 'enforcement_conduct.complain', '文明执法'],
  // declined: an officer taking money to look away
  ['城管收了钱就不管了', 'enforcement_conduct.complain', '纪检监察'],
  // asked back between 起诉 and 复议 with a consumer redirect, read as a report: "是…还是…" asks which
  ['复议是找城管局还是找区政府', 'penalty_rights.reconsideration', '新洲区人民政府'],
];

describe('hand-found faults, batch 11: reaching the bureau, officers at the door, where to appeal', () => {
  // the shared-bike deposit redirect / the writing redirect: asking for a person is small talk, with the hotline
  it.each(['人工客服', '帮我转个人工'])('%s → small talk naming the hotline', async (question) => {
    const r = await brain.ask(question, { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe('chitchat.feedback');
    expect(r.reply).toContain('12319');
  });

  it.each(BATCH11)('%s → %s (%s)', async (question, intent, says) => {
    const r = await brain.ask(question, { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe(intent);
    expect(r.reply).toContain(says);
    expect(r.reply).toContain('依据：《');
  });
});
