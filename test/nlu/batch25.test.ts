import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Faults found talking to the bot in the eighth session, with messages of our own (none from
 * ../shared/eval): what the citizen reads before and after.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

const ask = (text: string) => brain.ask(text, { channel: 'private' });

describe('a complaint of officers pushing or striking someone is answered on conduct', () => {
  // Before: asked back, offering "举报摊贩占道经营" and the stall's penalty beside the complaint.
  // ("城管把卖红薯的老爷爷推倒在地上" was answered on conduct already.)
  it.each(['卖菜的老人被城管推倒了，太过分了', '看到城管打一个摆摊的大姐'])('%s', async (text) => {
    const r = await ask(text);
    expect(r.action, r.reply).toBe('answer');
    expect(r.topic).toBe('enforcement_conduct');
    expect(r.reply).toContain('执法证号');
    expect(r.reply).toContain('文明执法');
    // Nor named after the answer as a second matter: the stall is whom the officers acted against.
    expect(r.reply).not.toContain('举报摊贩占道经营');
    expect(r.choices).toEqual([]);
  });
});

describe('how a message is framed', () => {
  // Before: "要多大" was no question word, so the message was a report: how to report a sign first.
  it('"户外广告牌要多大才需要审批" is a question: the permit rule, no report guidance', async () => {
    const r = await ask('户外广告牌要多大才需要审批');
    expect(r.intent).toBe('outdoor_ads.permit');
    expect(r.act ?? 'question').toBe('question');
    expect(r.reply).not.toContain('反映时请讲清');
    expect(r.reply).toContain('大型户外广告');
  });

  // Before: framed as a report, with how to report a building to the bureau.
  it.each(['物业不让我们在自己阳台装防盗网', '城管不让我在自己店门口摆桌子'])('"%s" asks whether the citizen may: no report guidance', async (text) => {
    const r = await ask(text);
    expect(r.action).toBe('answer');
    expect(r.act ?? 'question').toBe('question');
    expect(r.reply).not.toContain('反映时请讲清');
  });

  // Before: asked back with how to report officers (a report), not how to follow the complaint up.
  it('"反映的事情城管一直不来处理" offers following the complaint up', async () => {
    const r = await ask('反映的事情城管一直不来处理，我要投诉他们不作为');
    expect(r.act).toBe('progress');
    expect(r.choices.map((c) => c.intent)).toContain('hotline_report.progress');
  });

  // Before: declined as not the bureau's matter ("冇用" was not read as "没用").
  it('"投诉了三次冇用" gets how to follow a complaint up', async () => {
    const r = await ask('投诉了三次冇用');
    expect(r.action).toBe('answer');
    expect(r.act).toBe('progress');
    expect(r.topic).toBe('hotline_report');
    expect(r.reply).toContain('工单');
  });
});

describe('where the bureau is', () => {
  // Before: declined ("可能不属于城管部门的职责范围"): 17 characters were over the follow-up limit, and 城管执法局 was not the bureau's name.
  it.each(['请问一下新洲区城管执法局在哪个位置', '新洲区城管执法局几点上班'])('%s gets how to reach the bureau', async (text) => {
    const r = await ask(text);
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('hotline_report.hotline');
    expect(r.reply).toContain('12319');
    expect(r.reply).not.toContain('不属于城管');
  });
});

describe('cars parked, bikes pushed off', () => {
  // Before: answered on 非机动车停放 (the e-bikes named as ridden made the text "not only motor vehicles").
  it('a letter about cars filling the pavement gets the traffic police', async () => {
    const r = await ask('我们小区外面那条路，两边人行道上天天停满了小汽车，行人只能走到非机动车道上，骑电动车的人又被挤到机动车道上去了，早晚高峰特别危险，希望有关部门整治一下违规停车。');
    expect(r.topic).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.traffic');
    expect(r.reply).toContain('交警');
  });
});

describe('what the bureau handles, and whose dogs are', () => {
  // Before: declined ("可能不属于城管部门的职责范围").
  it('"城管管不管小区里的事" gets what the bot can answer, counted as small talk', async () => {
    const r = await ask('城管管不管小区里的事');
    expect(r.act).toBe('smalltalk');
    expect(r.reply).not.toContain('不属于城管部门的职责范围');
    expect(r.reply).toContain('违法建设');
  });

  // Before: "您问的是饲养动物伤人方面的问题" and only what to do after a bite.
  it('"流浪狗太多了谁管" is told where stray dogs are reported before what to do after a bite', async () => {
    const r = await ask('流浪狗太多了谁管');
    expect(r.intent).toBe('out_of_scope.pet_injury');
    expect(r.reply).toMatch(/^您问的是养犬和动物伤人方面的问题/u);
    expect(r.reply.indexOf('流浪犬')).toBeLessThan(r.reply.indexOf('咬伤'));
    expect(r.reply).toContain('12345');
  });
});
