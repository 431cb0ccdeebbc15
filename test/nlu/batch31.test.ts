import { beforeAll, describe, expect, it } from 'vitest';
import { asksAction, smallTalkOf, withoutFeedback } from '../../src/nlu/acts.js';
import { departmentAsked } from '../../src/nlu/scope.js';
import type { Brain } from '../../src/nlu/brain.js';
import { conversation } from '../helpers/conversation.js';
import { expectAnswered, expectDeclined } from '../helpers/replies.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Faults found in the fourteenth session (batch 31), from the helper-written conversations of
 * `conversations31-check.jsonl`, the real letters of `boards34-dev.jsonl` and messages of our
 * own (none from ../shared/eval): what the citizen reads before and after.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

const answered = (text: string, topic: string, intent?: string) => expectAnswered(brain, text, topic, intent);
/** The hint given when a follow-up has nothing to follow. */
const LOST_HINT = '没有找到您最近咨询过的事项';

describe('what the citizen thinks of the reply', () => {
  // Before: "我讲的你到底看懂了冇" was thanked ("不客气！能帮上忙就好"); the others were small talk only by the model's reading.
  it.each(['我讲的你到底看懂了冇', '你们说的都是官话 等于白说', '你这个回答跟冇说一样', '你们这个机器人蛮不智能 问么事都说找别人', '答非所问'])(
    'gets the apology, not thanks ← %s',
    async (text) => {
      expect(smallTalkOf(text)).toBe('feedback');
      const r = await answered(text, 'chitchat', 'chitchat.feedback');
      expect(r.reply).toContain('抱歉');
      expect(r.reply).not.toContain('不客气');
    },
  );

  it('a complaint that came to nothing is still about the complaint', async () => {
    expect(withoutFeedback('投诉了好几次 没用')).toBeUndefined();
    const r = await brain.ask('投诉了好几次 没用', { channel: 'private' });
    expect(r.topic).toBe('hotline_report');
  });

  // Before: the apology alone; the question beside it was lost.
  it('a question beside it is answered, in the conversation', async () => {
    expect(withoutFeedback('你说的我听不懂 到底能不能停人行道')).toBe('到底能不能停人行道');
    const [, r] = await conversation(brain, '我电动车停在商场门口 出来就被拖走了', '你说的我听不懂 到底能不能停人行道');
    expect(r?.topic).toBe('parking');
    expect(r?.reply).toContain('道路交通安全法');
  });

  it('so is what was meant, said again before it ("我问的是…")', async () => {
    expect(withoutFeedback('我问的是要罚多少钱 你答非所问')).toBe('要罚多少钱');
    const [, r] = await conversation(brain, '门口有人摆摊 占了半边路', '我问的是要罚多少钱 你答非所问');
    expect(r?.topic).toBe('street_vending');
    expect(r?.reply).toContain('罚款');
  });
});

describe('the reply missed the question, right after an answer', () => {
  // Before: the general apology ("抱歉没能帮上您！我是…只懂城市管理方面的法律问题，比如…"), the question lost.
  it('"答非所问" offers the question\'s other answers, as "不是这个" does', async () => {
    const [, , r] = await conversation(brain, '对面那户在楼顶平台上搭阳光房 钢架子都立起来了', '要是搭好了还能拆吗', '你这答非所问');
    expect(r?.action).toBe('clarify');
    expect(r?.reply).toContain('抱歉，可能没理解对。');
    expect(r?.choices.map((c) => c.topic)).toContain('illegal_construction');
  });

  it('"等于白说" (no use) is still the apology, the subject kept', async () => {
    const [, , r] = await conversation(brain, '对面那户在楼顶平台上搭阳光房 钢架子都立起来了', '要是搭好了还能拆吗', '你这个回答跟冇说一样');
    expect(r?.intent).toBe('chitchat.feedback');
    expect(r?.reply).toContain('12319');
  });

  it('"算了 谢谢" after the choices is thanks, not more words for them', async () => {
    const [, , , r] = await conversation(brain, '菜市场后门那条巷子成了垃圾场 卖菜的收了摊就把烂菜叶往巷子里倒', '乱倒垃圾抓到罚多少', '答非所问', '算了 谢谢');
    expect(r?.intent).toBe('chitchat.thanks');
  });
});

describe('whether the bureau will come to it', () => {
  // Before: both were greeted ("您好！我是…").
  it('"这个你们会来清吗" after shared bikes reported stays on the bikes', async () => {
    const [, r] = await conversation(brain, '我们小区门口好多共享单车乱停 堵到盲道上了', '这个你们会来清吗');
    expect(r?.topic).toBe('parking');
    expect(r?.reply).not.toContain('您好！');
  });

  it('"这个找你们吧" after rubbish left unswept stays on it', async () => {
    const [, r] = await conversation(brain, '小区门口外面那一段马路上垃圾堆了好几天冇人扫', '这个找你们吧');
    expect(r?.topic).toBe('city_appearance');
    expect(r?.reply).not.toContain('您好！');
  });
});

describe('practical follow-ups', () => {
  // Before: "抓到了么样处罚" was declined ("暂时回答不了"): 么样处罚 was no fine asked.
  it('"抓到了么样处罚" after dumping is that matter\'s fine', async () => {
    const [, r] = await conversation(brain, '最近每天半夜都有渣土车往路边荒地里倒土 倒完就跑', '抓到了么样处罚');
    expect(r?.topic).toBe('construction_waste');
    expect(r?.reply).toContain('罚款');
  });

  // Before: the express-delivery redirect (赔).
  it('"菜烂了哪个赔" after goods were seized stays on the seized goods', async () => {
    const [, r] = await conversation(brain, '今天早上城管把我的秤和两筐菜都搬上车拉走了', '菜烂了哪个赔');
    expect(r?.topic).toBe('seized_items');
  });

  // Before: the weather redirect (明天).
  it('"我明天还能来卖吗" after goods were seized is no weather question', async () => {
    const [, r] = await conversation(brain, '今天早上城管把我的秤和两筐菜都搬上车拉走了', '我明天还能来卖吗');
    expect(r?.topic).not.toBe('out_of_scope');
  });

  // Before: the stall's fine again; leniency holds for every subject (处罚与救济).
  it.each(['第一次能不能不罚 我真的是冇得办法', '能不能从轻'])('leniency asked after a fine is the rights answer ← %s', async (text) => {
    const [, r] = await conversation(brain, '在路边摆摊卖水果被城管罚了两百', text);
    expect(r?.intent).toBe('penalty_rights.no_penalty');
    expect(r?.reply).toContain('初次违法');
  });
});

describe('how to reach another department', () => {
  it.each([
    ['环保局电话多少', 'out_of_scope.environment'],
    ['住建局电话多少', 'out_of_scope.housing'],
    ['派出所在哪里', 'out_of_scope.police'],
    ['交警队电话是多少', 'out_of_scope.traffic'],
  ])('gets that department\'s redirect ← %s', async (text, intent) => {
    expect(departmentAsked(text)).toBe(intent);
    await expectDeclined(brain, text, intent);
  });

  // Before: the hint to name the matter, as if nothing had been said.
  it('"那交通局电话多少" right after a redirect gets 12345, not the hint', async () => {
    const [first, r] = await conversation(brain, '潘塘街到邾城的公交车一个小时才一班 经常还不准时', '那交通局电话多少');
    expect(first?.action).toBe('out_of_scope');
    expect(r?.action).toBe('out_of_scope');
    expect(r?.reply).toContain('12345');
    expect(r?.reply).not.toContain(LOST_HINT);
  });

  it('the bureau itself, and the gas company during a leak, are not another department', async () => {
    expect(departmentAsked('城管局电话多少')).toBeUndefined();
    expect(departmentAsked('燃气公司抢修电话多少')).toBeUndefined();
    await answered('城管局电话多少', 'hotline_report', 'hotline_report.hotline');
    const [, r] = await conversation(brain, '厨房里有股煤气味', '燃气公司抢修电话多少');
    expect(r?.topic).toBe('gas_safety');
  });
});

describe('acknowledgements in Wuhan words', () => {
  // Before: "好 要得" after a noise report was read as more details of it; "好吧 认栽" as the fine again.
  it.each(['好 要得', '要得', '好吧 认栽', '好 谢谢伢'])('is thanked ← %s', async (text) => {
    await answered(text, 'chitchat', 'chitchat.thanks');
  });

  it('after a report', async () => {
    const [, r] = await conversation(brain, '楼下KTV天天唱到半夜两点', '好 要得');
    expect(r?.intent).toBe('chitchat.thanks');
  });
});

describe('a complaint that came to nothing, told as no stir at all', () => {
  // Before: asked back.
  it('"到现在一点动静都冇得" after calling 12345 is the progress answer', async () => {
    await answered('我跟你讲 去年就打过12345 说转给你们了 到现在一点动静都冇得', 'hotline_report', 'hotline_report.progress');
  });
});

describe('thanks that come with a request', () => {
  // Before: "麻烦把这一摊积水处理一下,谢谢" (boards34 dev) was thanked.
  it('the request is the message', async () => {
    expect(asksAction('麻烦把这一摊积水处理一下,谢谢')).toBe(true);
    const r = await brain.ask('麻烦把这一摊积水处理一下,谢谢', { channel: 'private' });
    expect(r.topic).not.toBe('chitchat');
    await answered('请把我们楼下那堆建筑垃圾清一下 谢谢', 'construction_waste');
  });

  it('thanks alone are still thanks', async () => {
    await answered('麻烦了 谢谢', 'chitchat', 'chitchat.thanks');
  });
});

describe('a car ticket blamed on the bureau', () => {
  // Before: asked back with 行政复议 first — the letter names 城管, which kept the traffic rule away.
  it('points taken are the traffic police\'s, whoever the letter blames', async () => {
    await expectDeclined(brain, '我要吐槽 开车去仓埠街办事在路边停了二十分钟 回来就贴了罚单 罚两百还扣三分 路上也冇看到禁停牌子 你们城管是不是靠罚款创收', 'out_of_scope.traffic');
  });

  it('an e-bike held by the bureau is still the bureau\'s', async () => {
    const r = await brain.ask('城管把我电动车扣了 还说要扣三分', { channel: 'private' });
    expect(r.topic).toBe('seized_items');
  });
});

/**
 * From `conversations32-check.jsonl` (short WeChat turns; on arrival the anchor with the same
 * rules had 10 later turns more than the brain).
 */
describe('a redirect the model was unsure of keeps the subject', () => {
  // Before: "几千块的那种 冇得便宜点的?" was a consumer redirect at 0.18, which ended the subject, so
  // "要是我暂时不装呢" next got the hint to name the matter.
  it('the next follow-up is still about the fume purifier', async () => {
    const replies = await conversation(brain, '我开小餐馆的 城管说我要装油烟净化器', '么样的才算合格啊', '几千块的那种 冇得便宜点的?', '要是我暂时不装呢');
    const last = replies[3];
    expect(last?.topic).toBe('fumes_bbq');
    expect(last?.reply).not.toContain(LOST_HINT);
  });

  it('a sure redirect still ends it', async () => {
    const [first, r] = await conversation(brain, '楼上邻居天天半夜剁肉 吵得睡不着', '那罚多少钱');
    expect(first?.action).toBe('out_of_scope');
    expect(first?.score).toBeGreaterThanOrEqual(0.5);
    // No subject to follow: that department's redirect again (batch 38; it was the hint that nothing had been asked).
    expect(r?.action).toBe('out_of_scope');
    expect(r?.intent).toBe(first?.intent);
  });
});

describe('follow-ups the model read as another department\'s', () => {
  // Before: the general redirect ("这个允许吗"), the police redirect (骗子), the 医保 redirect (保管费).
  it('"这个允许吗" after open-air barbecue is about the barbecue', async () => {
    const [, r] = await conversation(brain, '江边好多人自己带炉子烧烤', '这个允许吗');
    expect(r?.topic).toBe('fumes_bbq');
  });

  it('"这个是真的还是骗子" after a door-to-door gas "inspection" is about gas inspections', async () => {
    const [, r] = await conversation(brain, '前两天有人上门说是燃气安检 要收钱换管子', '这个是真的还是骗子');
    expect(r?.intent).toBe('gas_safety.inspection');
  });

  it('"还要交保管费吗" after goods seized says the bureau bears it', async () => {
    const [, r] = await conversation(brain, '我的三轮车被城管扣了', '还要交保管费吗');
    expect(r?.topic).toBe('seized_items');
    expect(r?.reply).toContain('保管费用由执法机关承担');
  });
});

describe('short turns with nothing to follow', () => {
  // Before: the hint to name the matter.
  it('"那我现在打哪个电话最快" gets the bureau\'s lines', async () => {
    await answered('那我现在打哪个电话最快', 'hotline_report', 'hotline_report.hotline');
  });

  // Before: declined ("暂时回答不了").
  it.each(['哈哈 不会啊', '哈哈哈', '呵呵 好吧'])('a laugh is small talk ← %s', async (text) => {
    await answered(text, 'chitchat', 'chitchat.smalltalk');
  });

  it('a laugh before a question is the question', async () => {
    expect(smallTalkOf('哈哈 违建咋办')).toBeUndefined();
  });
});

describe('people who say they are officers and ask for money', () => {
  // Before: declined ("暂时回答不了"): 城管 alone is no word of the conduct topic.
  it('is the conduct topic\'s (how to tell real officers, where to report)', async () => {
    await answered('有两个人说是城关的 找我要钱 说交了就不查', 'enforcement_conduct', 'enforcement_conduct.identity');
  });
});

describe('what the citizen will do next, as an acknowledgement', () => {
  // Before: "好 我马上打" after a leak got the emergency steps again; "好 我试试看" a complaint's progress;
  // "行 那我去问问" the shop-sign fines again.
  it.each(['好 我马上打', '好 我试试看', '行 那我去问问', '好的 我晚上再去蹲一下', '好 我明天去看看'])('is thanks ← %s', async (text) => {
    expect(smallTalkOf(text)).toBe('thanks');
    await answered(text, 'chitchat', 'chitchat.thanks');
  });

  it('a plan that is a matter is still the matter', async () => {
    expect(smallTalkOf('好 我打算举报楼下烧烤')).toBeUndefined();
  });
});

describe('more follow-ups of a report', () => {
  // Before: the advertising redirect (发给哪个).
  it('"我拍了视频 发给哪个" after dumped rubbish is a detail of that report', async () => {
    const [, r] = await conversation(brain, '我们这里有人半夜偷到装修垃圾', '我拍了视频 发给哪个');
    expect(r?.topic).toBe('construction_waste');
  });

  // Before: the police redirect, and "那我要报警吗" next got the hint.
  it('"我是不是被骗了" after people posing as officers stays on them', async () => {
    const [, , r, next] = await conversation(brain, '有两个人说是城关的 找我要钱 说交了就不查', '冇穿制服 也冇看到证', '我是不是被骗了', '那我要报警吗');
    expect(r?.topic).toBe('enforcement_conduct');
    expect(next?.reply).not.toContain(LOST_HINT);
  });
});

describe('a term of the topic that no utterance uses', () => {
  // Before: declined ("暂时回答不了"): 五要五不 is among the conduct terms and in topics.md, but in no utterance.
  it('"城管的五要五不是么内容" is the conduct topic\'s', async () => {
    const r = await brain.ask('城管的五要五不是么内容', { channel: 'private' });
    expect(r.topic).toBe('enforcement_conduct');
  });
});
