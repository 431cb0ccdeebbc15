import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { complainsOfConduct, smallTalkOf } from '../../src/nlu/acts.js';
import { addsReportDetail, asksProxy, asksWhenToCollect, correctionOf } from '../../src/nlu/context.js';
import { objectsToPenalty, tellsOfEventSetup } from '../../src/nlu/scope.js';
import { decide, DEFAULT_THRESHOLDS } from '../../src/nlu/decide.js';
import { conversation } from '../helpers/conversation.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Batch 39 (twenty-second session): faults found by trying the bot as a citizen, with messages
 * of our own (none from ../shared/eval or our sets). Before:
 * - burning rubbish, leaves, straw or tyres in the open had no answer: "小区里有人烧落叶 烟好大" was
 *   declined as an online matter, "晚上有人在空地烧垃圾 味道好臭" got the answer on keeping poultry,
 *   "有人在路边烧轮胎 黑烟滚滚" the factories' redirect, "我们村里有人烧秸秆" the general decline —
 *   though the 固体废物污染环境防治法 (第四十九条、第一百一十一条) and the 大气污染防治法 (第七十七条、
 *   第八十二条、第一百一十九条) forbid it and the bureau, as the sanitation authority, enforces the first;
 * - a tent, an arch or a stage put up for a wedding, a funeral or an opening ("我家要办白事 能在楼下搭
 *   个棚子吗", "搭个灵棚要办什么手续", "结婚那天想在小区门口放个拱门 要不要报备") got the planning
 *   law's answer on illegal buildings or the marriage registry's redirect, not the rule that a
 *   structure in a street or public place needs the sanitation authority's consent first
 *   (城市市容和环境卫生管理条例 第十四条、第三十六条);
 * - "我对处罚有意见找谁" was declined (处罚 is every topic's word) and "我对罚款有意见" answered with how
 *   to pay;
 * - "你们的人态度太差了 我要投诉" was asked back with the couriers' redirect as a choice;
 * - in a conversation: the hours of a barbecue told after it ("一般晚上八点多出来搞到一两点钟周末人更多")
 *   were read as a neighbour's renovation noise, and every later turn followed that, "那就这样吧 麻烦
 *   你们了" included; "我是问东西在哪里 不是问罚款" got the fines answer; "她七十多了腿脚不好 我去帮她拿
 *   行不行 要带她身份证吗" after seized scales was declined as the police's (身份证), and "我下午要上班
 *   能不能晚上去拿 他们几点下班" after seized watermelons asked back with renovation noise.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('burning rubbish, leaves or straw in the open (city_appearance.burning)', () => {
  it.each(['小区里有人烧落叶 烟好大', '晚上有人在空地烧垃圾 味道好臭', '有人在路边烧轮胎 黑烟滚滚', '我们村里有人烧秸秆 烟呛死人', '露天焚烧垃圾要罚多少钱'])(
    '%s → the burning answer with its articles',
    async (text) => {
      const r = await brain.ask(text, { channel: 'private' });
      expect(r.action, r.reply).toBe('answer');
      expect(r.intent).toBe('city_appearance.burning');
      expect(r.reply).toContain('《中华人民共和国固体废物污染环境防治法》第四十九条、第一百一十一条');
      expect(r.reply).toContain('第一百一十九条');
      // The article's own modality for leaves and straw: 可以, not 应当.
      expect(r.reply).toContain('并可以处500元以上2000元以下罚款');
      expect(r.reply).toContain('119');
    },
  );

  it('in a group the short reply keeps the fines and their citations', async () => {
    const r = await brain.ask('有人在空地上烧塑料 臭得很', { channel: 'room' });
    expect(r.intent).toBe('city_appearance.burning');
    expect(r.reply).toContain('100元以上500元以下');
    expect(r.reply).toContain('大气污染防治法');
  });

  it.each(['小区楼下有人烧纸', '工厂烟囱冒黑烟'])('"%s" stays not ours', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.action, r.reply).toBe('out_of_scope');
  });
});

describe('a tent, an arch or a stage for a wedding, a funeral or an event (city_appearance.temporary_setup)', () => {
  it.each(['我家要办白事 能在楼下搭个棚子吗', '结婚那天想在小区门口放个拱门 要不要报备', '开业庆典放充气拱门需要审批吗', '办喜酒在路边支帐篷要批吗'])(
    '%s → consent first, 市容条例 第十四条',
    async (text) => {
      const r = await brain.ask(text, { channel: 'private' });
      expect(r.action, r.reply).toBe('answer');
      expect(r.intent).toBe('city_appearance.temporary_setup');
      expect(r.reply).toContain('《城市市容和环境卫生管理条例》第十四条');
      // The fine is the article's 可以, its amount the Wuhan rule's, named without a figure.
      expect(r.reply).toContain('并可以处以罚款，具体幅度以《武汉市市容环境卫生管理条例》及执法部门认定为准');
    },
  );

  it.each(['楼顶搭个彩钢棚要拆吗', '隔壁在楼顶搭棚子 搭了快一个月了', '有人在阳台上搭了个棚子'])('a shed on a roof or a balcony stays an illegal building: %s', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.topic, r.reply).toBe('illegal_construction');
    expect((r.secondary ?? []).map((s) => s.intent)).not.toContain('city_appearance.temporary_setup');
  });
});

describe('an objection to a penalty in general words (objectsToPenalty)', () => {
  it.each(['我对处罚有意见找谁', '对这个罚款有异议怎么办', '不认可处罚决定', '我对处罚结果不满意', '我对罚款有意见'])('%s → how to contest it', async (text) => {
    expect(objectsToPenalty(text)).toBe(true);
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe('penalty_rights.reconsideration');
    expect(r.reply).toContain('行政复议法');
  });

  it.each([
    ['我对交警的罚款有意见', 'out_of_scope.police_conduct'],
    ['对市场监管局的罚款有异议', undefined],
  ])("another department's penalty stays its own: %s", async (text, intent) => {
    expect(objectsToPenalty(text)).toBe(false);
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.topic).not.toBe('penalty_rights');
    if (intent) expect(r.intent).toBe(intent);
  });

  it.each(['对物业费有意见', '罚款怎么交', '我对这个安排有意见'])('no penalty objected to: %s', (text) => {
    expect(objectsToPenalty(text)).toBe(false);
  });
});

describe("the officers' manner, said to the bureau's bot (complainsOfConduct)", () => {
  it.each(['你们的人态度太差了 我要投诉', '城管态度太差了', '城管的态度也太恶劣了吧', '你们的工作人员吼我'])('%s → the conduct complaint answer', async (text) => {
    expect(complainsOfConduct(text)).toBe(true);
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe('enforcement_conduct.complain');
  });

  it.each(['快递员态度太差 城管也不管', '楼下烧烤摊老板态度很差', '你们说的我都懂 态度好点行不'])("someone else's manner, or no officer named just before it: %s", (text) => {
    expect(complainsOfConduct(text)).toBe(false);
  });
});

describe('a structure for an event is temporary (tellsOfEventSetup)', () => {
  it.each(['我家要办白事 能在楼下搭个棚子吗', '搭个灵棚要办什么手续', '开业那天门口搭个台子'])('%s', (text) => {
    expect(tellsOfEventSetup(text)).toBe(true);
  });
  it.each(['楼顶搭个彩钢棚要拆吗', '结婚证怎么办', '开业要办什么证'])('not: %s', (text) => {
    expect(tellsOfEventSetup(text)).toBe(false);
  });
});

describe('in a conversation', () => {
  it("the hours of a barbecue stay the barbecue's, and a closing is thanked", async () => {
    const [first, hours, fear, bye] = await conversation(
      brain,
      '我们小区后门每天晚上有人在露天摆烧烤摊子 烟熏火燎的 楼上根本开不了窗',
      '一般晚上八点多出来搞到一两点钟周末人更多',
      '我不想留电话 怕他们晓得了找我麻烦',
      '那就这样吧 麻烦你们了',
    );
    expect(first?.topic).toBe('fumes_bbq');
    expect(hours?.topic, hours?.reply).toBe('fumes_bbq');
    expect(fear?.topic, fear?.reply).toBe('fumes_bbq');
    expect(bye?.intent, bye?.reply).toBe('chitchat.thanks');
  });

  it.each(['一般晚上八点多出来搞到一两点钟周末人更多', '他家一般晚上七点开始烤 烤到十二点多 烟最大是九点前后'])('when it happens is a detail: %s', (text) => {
    expect(addsReportDetail(text, new Set())).toBe('circumstance');
  });

  it.each(['那就这样吧 麻烦你们了', '麻烦你们了', '辛苦你们了', '那行 谢谢'])('a closing: %s', (text) => {
    expect(smallTalkOf(text)).toBe('thanks');
  });
  it.each(['喂 听得到吗', '喂喂 能听到吗'])('a voice message checking the line is a greeting: %s', async (text) => {
    expect(smallTalkOf(text)).toBe('greeting');
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.intent).toBe('chitchat.greeting');
  });
  it('asking them to come is no closing', () => {
    expect(smallTalkOf('麻烦你们来看一下')).toBeUndefined();
  });

  it('what was asked named first, what was not after it (correctionOf)', async () => {
    expect(correctionOf('我是问东西在哪里 不是问罚款')).toBe('东西在哪里');
    expect(correctionOf('搞错了 我想问的是充电宝 不是电池 用坏了的那种')).toBe('充电宝');
    expect(correctionOf('我是问要不要办证')).toBeUndefined();
    const [first, r] = await conversation(brain, '我的三轮车被城管扣了', '我是问东西在哪里拿 不是问罚款');
    expect(first?.topic).toBe('seized_items');
    expect(r?.topic, r?.reply).toBe('seized_items');
    expect(r?.intent).not.toBe('penalty_rights.payment');
  });

  it('the matter just answered set aside, the question after it is read on its own (an earlier subject gone back to)', async () => {
    expect(correctionOf('算了那个不管 我秤么时候能拿回来')).toBe('我秤么时候能拿回来');
    expect(correctionOf('算了 不管了')).toBeUndefined();
    const [, aside, back] = await conversation(brain, '上个礼拜我的秤被收了', '对了 我摊子旁边有人烤串 冒烟冒得呛人', '算了那个不管 我秤么时候能拿回来');
    expect(aside?.topic).toBe('fumes_bbq');
    expect(back?.topic, back?.reply).toBe('seized_items');
  });

  it('someone collecting for a relative, and the papers to bring, stay with the seized goods', async () => {
    expect(asksProxy('她七十多了腿脚不好 我去帮她拿行不行 要带她身份证吗', new Set(['身份证']))).toBe(true);
    const [first, r] = await conversation(brain, '我妈在菜场门口卖菜秤被收了 单子上写的是暂扣', '她七十多了腿脚不好 我去帮她拿行不行 要带她身份证吗');
    expect(first?.topic).toBe('seized_items');
    expect(r?.action, r?.reply).toBe('answer');
    expect(r?.topic).toBe('seized_items');
  });

  it('when to go and collect, told with the citizen\'s own hours, stays with the seized goods', async () => {
    expect(asksWhenToCollect('我下午要上班 能不能晚上去拿 他们几点下班')).toBe(true);
    expect(asksWhenToCollect('晚上几点收摊')).toBe(false);
    const [, , r] = await conversation(brain, '昨天在路口卖西瓜 三轮车连瓜一起被城管拖走了', '瓜放久了是要烂的 能不能先把瓜还给我', '我下午要上班 能不能晚上去拿 他们几点下班');
    expect(r?.action, r?.reply).toBe('answer');
    expect(r?.intent).toBe('seized_items.retrieve');
  });

  it('"我去帮她拿行不行" with nothing asked before gets the hint to name the matter, not a guess', async () => {
    const r = await brain.ask('我去帮她拿行不行', { channel: 'private' });
    expect(r.intent ?? '').toBe('');
    expect(r.reply).toContain('请把事情说完整一些');
  });
});

/**
 * Two new answers of the city-appearance topic lifted it a little for every text (its share of the
 * training data grew); older faults that came back with it, fixed by rules on what the text names.
 */
describe('what the text names, after the city-appearance topic grew', () => {
  it('an incinerator is the environment department\'s, not open burning', async () => {
    const r = await brain.ask('垃圾焚烧厂要建在镇上 环评报告去哪里看', { channel: 'private' });
    expect(r.action, r.reply).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.environment');
  });

  it('meat grilled in the street is an open-air barbecue', async () => {
    const r = await brain.ask('小区门口有人烤羊肉串 就在马路边上', { channel: 'private' });
    expect(r.intent, r.reply).toBe('fumes_bbq.bbq');
  });

  it.each([
    ['楼下那条路天天被人弄得又脏又乱，到处是烂菜叶，社区来看过，说会跟上面反映，可是两个月了一点变化都没有。', 'city_appearance.poultry'],
    ['外面又吵又臭', 'city_appearance.poultry'],
    ['楼下天天有人堆东西 乱七八糟的', 'city_appearance.burning'],
  ])('no animal or fire named, no poultry or burning answer: %s', async (text, never) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect([r.intent, ...r.choices.map((c) => c.intent)]).not.toContain(never);
  });

  it('a named animal keeps the poultry answer', async () => {
    const r = await brain.ask('小区里有人养鸡 又脏又臭', { channel: 'private' });
    expect(r.intent).toBe('city_appearance.poultry');
  });

  it('riding about anyhow is the traffic police\'s, not litter', async () => {
    const r = await brain.ask('那几个骑三轮车的骑上盲道到处乱窜', { channel: 'private' });
    expect(r.action, r.reply).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.traffic');
  });

  it('a report asked back with one matter\'s answers only gets that matter\'s report answer', async () => {
    const r = await brain.ask('菜场门口有人卖活鸡', { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe('street_vending.report');
  });
});

describe("the redirect offered as a question back's last choice", () => {
  it('is the general one (12345) when the text has no word for "not ours": "上个礼拜我的秤被收了" offered the weather redirect', async () => {
    const r = await brain.ask('上个礼拜我的秤被收了', { channel: 'private' });
    expect(r.action, r.reply).toBe('clarify');
    expect(r.choices.map((c) => c.intent)).not.toContain('out_of_scope.weather');
    expect(r.choices.at(-1)?.intent).toBe('out_of_scope.other');
  });

  it('names the department when the text has a word for it', () => {
    const d = decide(
      [
        { intent: 'parking.sidewalk', topic: 'parking', score: 0.3 },
        { intent: 'out_of_scope.traffic', topic: 'out_of_scope', score: 0.2 },
        { intent: 'out_of_scope.other', topic: 'out_of_scope', score: 0.05, evidence: false },
      ],
      DEFAULT_THRESHOLDS,
    );
    expect(d.action).toBe('clarify');
    expect(d.candidates.at(-1)?.intent).toBe('out_of_scope.traffic');
    const guessed = decide(
      [
        { intent: 'parking.sidewalk', topic: 'parking', score: 0.3 },
        { intent: 'out_of_scope.traffic', topic: 'out_of_scope', score: 0.2, evidence: false },
        { intent: 'out_of_scope.other', topic: 'out_of_scope', score: 0.05, evidence: false },
      ],
      DEFAULT_THRESHOLDS,
    );
    expect(guessed.candidates.at(-1)?.intent).toBe('out_of_scope.other');
  });
});
