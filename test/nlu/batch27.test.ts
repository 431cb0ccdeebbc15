import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { conversation } from '../helpers/conversation.js';
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

describe('when a report will be dealt with, asked after an answer that does not say', () => {
  // Before: "关于“占道经营会受到什么处罚”，刚才已经回答过" — the fine again.
  it('"城管多久能来" after the stall and its fine gets how a report goes on', async () => {
    const [, fine, when] = await conversation(brain, '门口有人摆摊卖水果', '那要罚多少', '城管多久能来');
    expect(fine?.intent).toBe('street_vending.penalty');
    expect(when?.intent, when?.reply).toBe('hotline_report.progress');
    expect(when?.resolved).toBe('followup');
    expect(when?.reply).toContain('工单');
    expect(when?.reply).not.toContain('刚才已经回答过');
  });

  it('"大概几天能批下来" after a sign\'s permit stays on the permit', async () => {
    const [, r] = await conversation(brain, '新开个奶茶店 想做个门头招牌 要不要审批', '大概几天能批下来');
    expect(r?.topic, r?.reply).toBe('outdoor_ads');
  });
});

describe('a follow-up typed with spaces', () => {
  // Before: asked back, "闻到燃气味紧急处理" among the choices — 17 characters with the space, over the
  // 16 of a follow-up. Spaces and punctuation no longer count (followupChars).
  it('"他们说装了净化的 但是味道还是蛮大" after a fumes letter stays on the fumes', async () => {
    const [a, r] = await conversation(brain, '楼下火锅店的排烟管子对着我家窗户，每天油烟味往屋里钻，跟老板讲了几次都不理', '他们说装了净化的 但是味道还是蛮大');
    expect(a?.topic).toBe('fumes_bbq');
    expect(r?.action, r?.reply).toBe('answer');
    expect(r?.topic).toBe('fumes_bbq');
    expect(r?.reply).not.toContain('燃气味');
  });
});

describe('a gas bill that rules a leak out', () => {
  // Before: the gas emergency steps first ("【紧急】"), as if a leak had been reported.
  it('"…让我自己查漏气，师傅上门查了也没有漏…计费争议" gets the utilities redirect', async () => {
    const r = await ask('您好，这两个月燃气费从一百多涨到四百多，燃气公司说表没问题，让我自己查漏气，师傅上门查了也没有漏。请问计费有争议找哪个部门？');
    expect(r.action, r.reply).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.utilities');
    expect(r.reply).not.toContain('【紧急】');
  });
  // A leak suspected, without the gas named, still gets the steps first (from the model, not the net).
  it.each(['闻到怪味 不知道有没有漏气', '家里有股味道 要不要查漏气'])('%s still gets the emergency steps', async (text) => {
    const r = await ask(text);
    expect(r.intent, r.reply).toBe('gas_safety.leak');
    expect(r.reply).toContain('【紧急】');
  });
});

describe('a detail with a word of the subject, read by the model as another matter', () => {
  // Before: the noise answer (the hours of the night are noise's words); 烤 is the barbecue's.
  it('"从晚上七点一直烤到凌晨" after a barbecue report adds to it', async () => {
    const [a, r] = await conversation(brain, '小区门口有家烧烤摊 天天在马路边烤 烟大得很', '从晚上七点一直烤到凌晨');
    expect(a?.topic).toBe('fumes_bbq');
    expect(r?.topic, r?.reply).toBe('fumes_bbq');
    expect(r?.resolved).toBe('followup');
  });
  // A new report of another matter is still its own.
  it('"楼下有人在烧垃圾，烟很大" after the stall\'s penalty is still a new report', async () => {
    const [, r] = await conversation(brain, '门口有人摆摊卖水果 会罚多少', '楼下有人在烧垃圾，烟很大');
    expect(r?.topic).not.toBe('street_vending');
  });
});

describe('whether a permit is needed', () => {
  // Before: the penalty for large outdoor adverts, first sentence "未经…同意擅自设置大型户外广告".
  it('"店门口放个广告牌要不要办手续" gets the permit answer', async () => {
    const r = await ask('店门口放个广告牌要不要办手续');
    expect(r.intent, r.reply).toBe('outdoor_ads.permit');
  });
  it('"店门口的招牌没审批会罚吗" still gets the penalty', async () => {
    expect((await ask('店门口的招牌没审批会罚吗')).intent).toBe('outdoor_ads.penalty');
  });
});

describe('where to send photos, asked with no problem just reported', () => {
  // Before: declined as not ours (out_of_scope.other).
  it.each(['手机上有没有地方可以直接拍照发给你们', '拍的视频发到哪里'])('%s gets the channels', async (text) => {
    const r = await ask(text);
    expect(r.intent, r.reply).toBe('hotline_report.hotline');
    expect(r.reply).toContain('12319');
  });
  // Right after a report the same words add to it; "拍的视频发到哪里" was declined there.
  it.each(['拍了照片 发给谁', '拍的视频发到哪里', '录好的视频怎么发'])('right after a report, "%s" adds to it', async (text) => {
    const [, r] = await conversation(brain, '楼下烧烤摊油烟大', text);
    expect(r?.topic, r?.reply).toBe('fumes_bbq');
    expect(r?.resolved).toBe('followup');
    expect(r?.reply).toContain('反映渠道：');
  });
});
