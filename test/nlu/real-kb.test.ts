import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { expectReply, type ReplyCase } from '../helpers/replies.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * The shipped knowledge base answering the way citizens ask in chat: a small acceptance
 * set written by us (not taken from ../shared/eval), one or two questions per topic plus
 * traditional characters, dialect, typos, @mentions and emoji. A change to intents/ that
 * breaks one of these is a regression staff would notice.
 */
const CASES: [string, string][] = [
  ['street_vending', '在路边摆摊卖水果被城管罚款合法吗'],
  ['street_vending', '夜市摊位在哪里申请'],
  ['outdoor_ads', '门店招牌要不要审批'],
  ['outdoor_ads', '楼顶的广告牌摇摇晃晃快掉下来了'],
  ['illegal_construction', '邻居在楼顶加盖了一层违建怎么举报'],
  ['illegal_construction', '自己院子里搭个阳光房算违建吗'],
  ['construction_waste', '渣土车一路撒漏泥巴没人管'],
  ['construction_waste', '装修垃圾应该放在哪里'],
  ['fumes_bbq', '楼下饭馆油烟直接排到我家窗户'],
  ['fumes_bbq', '小区门口天天有人露天烧烤'],
  ['noise', '工地晚上十一点还在施工吵得睡不着'],
  ['noise', '广场舞音响太大声了找谁'],
  ['greenery', '有人把小区绿地毁了种菜'],
  ['greenery', '门口的树挡光能不能自己砍掉'],
  ['parking', '共享单车堆在地铁口乱停'],
  ['parking', '电动车停在盲道上'],
  ['gas_safety', '家里闻到煤气味怎么办'],
  ['gas_safety', '上门燃气安检是真的吗'],
  ['waste_sorting', '垃圾怎么分类'],
  ['waste_sorting', '旧沙发怎么扔'],
  ['city_appearance', '到处贴小广告牛皮癣'],
  ['city_appearance', '垃圾站好几天没人清运臭死了'],
  ['seized_items', '被城管扣的三轮车怎么领回来'],
  ['seized_items', '扣押的东西多久不领会被处理'],
  ['penalty_rights', '城管罚款在哪里交'],
  ['penalty_rights', '不服城管的处罚怎么申请复议'],
  ['hotline_report', '12319怎么投诉'],
  ['hotline_report', '投诉了一个月没人回复'],
  ['enforcement_conduct', '城管执法人员态度很粗暴怎么投诉'],
  ['enforcement_conduct', '协管员能罚款吗'],
  ['out_of_scope', '交警贴条了怎么处理'],
  ['out_of_scope', '家里油烟机坏了找谁修'],
  ['out_of_scope', '共享单车押金退不了'],
  ['out_of_scope', '物业费太贵了'],
  ['chitchat', '你好'],
  ['chitchat', '谢谢你'],
  ['chitchat', '你能做什么'],
  ['street_vending', '佔道經營會被罰款嗎'],
  ['noise', '楼下KTV燥音太大了么样搞'],
  ['illegal_construction', '@普法助手 隔壁搭违建冇得人管'],
  ['gas_safety', '救命 厨房一股煤气味😱'],
];

let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
});

describe('the shipped knowledge base', () => {
  it.each(CASES)('%s ← %s', async (topic, question) => {
    const r = await brain.ask(question, { channel: 'private' });
    if (topic === 'out_of_scope') {
      expect(r.action).toBe('out_of_scope');
      expect(r.reply).toMatch(/12345|122|12315|物业|厂家|客服/);
      return;
    }
    expect(r.action, r.reply).toBe('answer');
    expect(r.topic).toBe(topic);
    if (topic !== 'chitchat') {
      expect(r.reply).toContain('依据：《');
      expect(r.reply).toContain('不构成法律意见');
      expect(r.reply).toContain('12319');
    }
  });

  it('answers a gas leak with the emergency steps first, in groups too', async () => {
    const r = await brain.ask('家里闻到煤气味怎么办', { channel: 'room' });
    expect(r.urgent).toBe(true);
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply.slice(0, 120)).toMatch(/不要.*(开关|电器|明火)/);
    expect(r.reply).toContain('119');
  });

  it('asks back when "not ours" wins narrowly, offering the bureau topic and the redirect; picking the redirect answers where to go', async () => {
    const question = '在工地干活受伤了工头不管';
    const r = await brain.ask(question, { channel: 'private' });
    expect(r.action).toBe('clarify');
    const topics = r.choices.map((c) => c.topic);
    expect(topics[0]).toBe('construction_waste');
    expect(topics.at(-1)).toBe('out_of_scope');
    const last = r.choices.at(-1);
    expect(last?.label).toMatch(/请找/);
    expect(r.reply).toContain(`${last?.n ?? '?'}. ${last?.label ?? '?'}`);
    const picked = await brain.ask(String(last?.n), { channel: 'private', pending: { choices: r.choices, question } });
    expect(picked.action).toBe('out_of_scope');
    expect(picked.topic).toBe('out_of_scope');
    expect(picked.reply).toMatch(/劳动/);
  });

  it('declines a car left in the road with the traffic police redirect (the vehicle is not 非机动车)', async () => {
    const r = await brain.ask('楼下的车乱停在马路中间，堵住了小区出口，交警也不来', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.traffic');
    expect(r.reply).toMatch(/交警|122/);
  });

  it('keeps group answers short (≤ 300 characters before the citation footer)', async () => {
    const r = await brain.ask('占道经营怎么处罚', { channel: 'room' });
    const body = r.reply.split('\n依据：')[0] ?? '';
    expect([...body].length).toBeLessThanOrEqual(300);
  });
});

describe('the intent within a topic when node-nlp has no opinion (src/nlu/intent-centroids.ts)', () => {
  it('answers a vendor loudspeaker complaint with the loudspeaker answer, not the first noise answer in the file', async () => {
    const r = await brain.ask('能不能管下楼下水果店的喇叭 一天喊到黑', { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('noise.shop_speaker');
    expect(r.reply).toContain('依据：《');
  });

  it('declines a letter about the neighbours upstairs with the neighbours redirect, not the traffic police one', async () => {
    const r = await brain.ask('尊敬的领导：我家楼上住户装修完以后天天晚上十二点还在拖柜子、小孩蹦跳，我上去沟通了三次都没用，物业也说管不了，请问这种情况到底该找谁？', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.neighbor');
    expect(r.reply).toContain('邻居');
    expect(r.reply).not.toContain('交警');
  });
});

describe('a household question about gas cylinders', () => {
  it('gets safe use first in a group, before the fines for unlicensed refilling', async () => {
    const r = await brain.ask('液化气罐放在厨房安全吗', { channel: 'room' });
    expect(r.intent).toBe('gas_safety.cylinder');
    expect(r.reply).toContain('气瓶直立');
    expect(r.reply.indexOf('气瓶直立')).toBeLessThan(r.reply.indexOf('黑气站'));
    expect(r.reply).toContain('依据：《城镇燃气管理条例》第二十七条');
  });
});

describe('questions found by hand that were misread', () => {
  it('answers "城管打人了怎么投诉" with how to complain about an officer, not as another department\'s matter', async () => {
    const r = await brain.ask('城管打人了怎么投诉', { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('enforcement_conduct.complain');
    expect(r.reply).toContain('110');
  });

  it('points a broken street light to 12345, not to appliance repair', async () => {
    const r = await brain.ask('路灯坏了好几天了找哪个', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.reply).toContain('12345');
    expect(r.reply).not.toMatch(/油烟机|家电/);
  });

  it('answers compensation for a demolished 违建 with the demolition answer (as a rule no compensation)', async () => {
    const r = await brain.ask('违章建筑被拆了能要求赔偿吗', { channel: 'private' });
    expect(r.intent).toBe('illegal_construction.demolition');
    expect(r.reply).toContain('一般不能获得补偿');
    expect(r.reply).toContain('《中华人民共和国行政强制法》');
  });
});

describe('a word of the domain with an unknown word', () => {
  it('does not decline "油烟问题有没有人跟进" for the unknown 跟进: 油烟 is evidence of the fumes topic', async () => {
    const r = await brain.ask('油烟问题有没有人跟进', { channel: 'private' });
    expect(r.action).not.toBe('out_of_scope');
    expect([r.topic, ...r.choices.map((c) => c.topic)]).toContain('fumes_bbq');
  });
});

/**
 * Faults found by hand (issue 7), asked the way a citizen writes: each reply is what the
 * citizen sees — the answer, the article it cites, the key phrase. Variants not in intents/
 * check that the fix generalises beyond the one sentence.
 */
describe('hand-found faults: a repair request is not an offence', () => {
  it.each(['小区燃气管道在哪里报修', '燃气表坏了找谁修', '楼道里的燃气管子锈了找哪个来修'])('%s → who repairs (the gas company, not 城管), citing the gas company\'s duty', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('gas_safety.repair');
    expect(r.urgent).toBeFalsy();
    expect(r.reply).toContain('燃气公司报修');
    expect(r.reply).toContain('城管部门不上门维修');
    expect(r.reply).toMatch(/依据：《城镇燃气管理条例》第[^\n]*十九条/);
    expect(r.reply).not.toContain('罚款');
  });

  it('a stove that will not light is no fire: after-sales repair, no emergency, no fines', async () => {
    const r = await brain.ask('家里燃气灶打不着火找谁', { channel: 'private' });
    expect(r.urgent).toBeFalsy();
    expect(r.reply.startsWith('【紧急】')).toBe(false);
    expect(r.reply).toContain('售后');
    expect(r.reply).not.toContain('罚款');
  });

  it('a repair question that mentions a leak gets the emergency steps first', async () => {
    const r = await brain.ask('燃气管子漏气了找谁修', { channel: 'room' });
    expect(r.urgent).toBe(true);
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply).toContain('119');
  });
});

describe('hand-found faults: a fine without its written decision', () => {
  it.each(['被罚了款但是我没有收到决定书', '罚了款一张单子都没给我，合法吗'])('%s → the decision must be handed over or served; no receipt, no payment', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('penalty_rights.decision');
    expect(r.reply).toContain('7日内');
    expect(r.reply).toContain('有权拒绝缴纳');
    expect(r.reply).toMatch(/《中华人民共和国行政处罚法》第[^\n]*六十一条[^\n]*七十条/);
    expect(r.reply).not.toContain('应当先申请行政复议');
  });
});

describe('hand-found faults: confiscation is a penalty, not a seizure', () => {
  it.each(['城管说要没收我的电动三轮车合法吗', '城管要把我的货没收，有这个权力吗'])('%s → what confiscation needs (a legal basis, notice, hearing, decision)', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('seized_items.confiscate');
    expect(r.reply).toContain('行政处罚的一种');
    expect(r.reply).toContain('听证');
    expect(r.reply).toMatch(/依据：《中华人民共和国行政处罚法》[^；\n]*第九条/);
  });
});

describe('hand-found faults: a complaint about officers\' conduct', () => {
  it.each(['你们城管就知道欺负老百姓', '城管太欺负人了'])('%s → how to complain about enforcement conduct, not "not ours"', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('enforcement_conduct.complain');
    expect(r.reply).toContain('依据：《');
  });
});

/**
 * Hand-checked answers that a retraining must not flip (node-nlp's choice of the intent within
 * a topic moves when intents/ changes: last session 4 new utterances sent the shop loudspeaker
 * to 娱乐场所 and a street light to appliance repair). [question, intent, phrase of the reply].
 */
const HAND_CHECKED: [string, string, string][] = [
  ['门口商铺用喇叭叫卖太吵了怎么办', 'noise.shop_speaker', '依据：《中华人民共和国噪声污染防治法》'],
  ['城管打人了怎么投诉', 'enforcement_conduct.complain', '110'],
  ['占道经营怎么处罚', 'street_vending.penalty', '《城市道路管理条例》'],
  ['罚款怎么缴纳', 'penalty_rights.payment', '15日内'],
  ['暂扣的三轮车怎么领取', 'seized_items.retrieve', '身份证件'],
  ['夜间施工扰民找谁', 'noise.night_construction', '夜间'],
  ['热线说转给城管了，城管说没收到', 'hotline_report.progress', '12319'],
  ['不服城管的处罚怎么申请复议', 'penalty_rights.reconsideration', '60日'],
  ['上门燃气安检是真的吗', 'gas_safety.inspection', '核实'],
];

describe('hand-checked answers', () => {
  it.each(HAND_CHECKED)('%s → %s', async (q, intent, phrase) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe(intent);
    expect(r.reply).toContain(phrase);
  });

  it('路灯坏了找谁 → the 12345 redirect, not appliance repair', async () => {
    const r = await brain.ask('路灯坏了找谁', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.reply).toContain('12345');
    expect(r.reply).not.toMatch(/油烟机|家电/);
  });

  it('燃气泄漏怎么办 → the emergency steps first', async () => {
    const r = await brain.ask('燃气泄漏怎么办', { channel: 'room' });
    expect(r.urgent).toBe(true);
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply.slice(0, 120)).toMatch(/不要.*(开关|电器|明火)/);
  });
});

describe('hand-found faults: the frame of the answer', () => {
  it.each(['家里天然气表旁边有股味', '隔壁家门口煤气味好重，敲门没人'])('a reported gas smell starts with the emergency steps, not with how to report: %s', async (q) => {
    const r = await brain.ask(q, { channel: 'room' });
    expect(r.urgent).toBe(true);
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply).not.toContain('想让这个问题尽快有人处理');
  });

  it.each([
    ['电动车停人行道被贴了单子', 'parking'],
    ['楼顶加了个彩钢棚邻居举报了会么样', 'illegal_construction'],
    ['燃气热水器想移到卫生间', 'gas_safety'],
  ])('the citizen who was fined or reported, or who means to do something, is not told how to report a problem: %s', async (q, topic) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.topic).toBe(topic);
    expect(r.reply).not.toContain('想让这个问题尽快有人处理');
    expect(r.reply).toContain('依据：《');
  });
});

/**
 * Hand-found faults, batch 3 (issue 7): each question below got a wrong kind of answer before
 * its fix; the variants are not in intents/ and check that the fix is not one sentence.
 */
describe('hand-found faults: complaints about officers are not declined', () => {
  it.each([
    '我被城管打了想要赔偿',
    '城管人员收红包',
    '城管来了没说什么就把东西搬走了',
    // Variants not in intents/.
    '我被城管打了',
    '城管队员收了摊主的红包',
    '城管骂我还推了我一下',
    '城管不讲理由直接把我摊子上的东西搬走了',
    '执法的没说一句话就把我东西拉走了',
  ])('%s → how to complain about enforcement conduct (申诉、检举, damages), not "not ours"', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe('enforcement_conduct.complain');
    expect(r.reply).toContain('有权申诉或检举');
    expect(r.reply).toContain('收受财物');
    expect(r.reply).toMatch(/依据：《中华人民共和国行政处罚法》[^\n]*第八十一条/);
  });

  it('打 as in 打电话 is no blow, and collecting seized goods is no complaint', async () => {
    expect((await brain.ask('城管打电话给我说要拆', { channel: 'private' })).intent).not.toBe('enforcement_conduct.complain');
    const collect = await brain.ask('被城管收走的三轮车怎么领', { channel: 'private' });
    expect(collect.intent).toBe('seized_items.retrieve');
  });
});

describe('hand-found faults: may 城管 tow my vehicle', () => {
  it('"城管可以拖我的车吗" (which vehicle?) is asked back with the towing answer first and the traffic police second; 1 answers on towing, naming 交警 for cars', async () => {
    const question = '城管可以拖我的车吗';
    const r = await brain.ask(question, { channel: 'private' });
    expect(r.action).toBe('clarify');
    expect(r.choices.map((c) => c.intent)).toEqual(['parking.penalty', 'out_of_scope.traffic']);
    const picked = await brain.ask('1', { channel: 'private', pending: { choices: r.choices, question } });
    expect(picked.intent).toBe('parking.penalty');
    expect(picked.reply).toContain('扣押期限一般不得超过三十日');
    expect(picked.reply).toContain('由公安机关交通管理部门（交警）依法处理');
    expect(picked.reply).toMatch(/《中华人民共和国道路交通安全法》[^\n]*第九十三条/);
  });

  it.each(['城管有权拖走我的电瓶车吗', '城管能不能拖车'])('%s → the towing and collection answer', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('parking.penalty');
    expect(r.reply).toContain('依据：《');
  });
});

describe('hand-found faults: moving or boxing in gas installations is a modification, not a repair', () => {
  it.each(['天然气管道要改到阳台 可以么', '天然气表可以包进柜子里吗', '煤气管子可以移到阳台不', '燃气表能不能装到柜子里面'])('%s → the modification answer (不得擅自改装), not who repairs', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('gas_safety.modify');
    expect(r.reply).toContain('不得擅自安装、改装、拆除户内燃气设施');
    expect(r.reply).not.toContain('城管部门不上门维修');
    expect(r.reply).toMatch(/依据：《城镇燃气管理条例》[^\n]*第四十九条/);
  });
});

describe('hand-found faults: drying clothes in front of a shop', () => {
  it.each(['做生意的门口晒个衣服犯法吗', '门店门口晒被子违规吗'])('%s → street hanging and clutter (市容), not shop loudspeakers or a question back', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('city_appearance.clutter');
    expect(r.reply).toContain('吊挂有碍市容的物品');
    expect(r.reply).toContain('依据：《城市市容和环境卫生管理条例》');
  });
});

/**
 * Other departments' matters citizens bring to a 城管 hotline (issue 7, batch 3): declined with
 * where to go, not with another department's redirect (个税 was sent to the 医保 line, a lost
 * parcel to labour inspection, a dog bite to the neighbours' mediation). Lines of
 * data/rejection-set.txt, none of them a training utterance.
 */
const REDIRECTS: [string, string, RegExp][] = [
  ['个人所得税怎么申请退税', 'out_of_scope.tax', /12366/],
  ['快递丢了快递公司不赔', 'out_of_scope.express', /12305/],
  ['被邻居家的狗咬了怎么索赔', 'out_of_scope.pet_injury', /狂犬病[\s\S]*协商赔偿/],
  ['身份证过期了去哪换新的', 'out_of_scope.police', /派出所/],
  ['公积金贷款额度怎么算', 'out_of_scope.social_security', /12329/],
];

describe('other departments\' matters get their own redirect', () => {
  it.each(REDIRECTS)('%s → %s', async (q, intent, where) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.intent).toBe(intent);
    expect(r.reply).toMatch(where);
    expect(r.reply).toContain('不属于城管的职责');
    expect(r.citations).toEqual([]);
  });
});

/** A batch case: the message is answered with this intent, and the reply says this. */
async function answersWith(q: string, intent: string, says: string): Promise<void> {
  await repliesWith(q, 'answer', intent, says);
}

/**
 * Issue 7, batch 4: messages written by hand the way Xinzhou residents write, each misread on
 * the data before (the answer it got in the comment). The first of each pair is the reported
 * message, the second a phrasing of our own that is not a training utterance.
 */
const BATCH4: [string, string, string][] = [
  // penalty_rights.on_the_spot: a vendor asks whether the fine is right, not about on-the-spot limits
  ['我在路边卖几个西瓜城管要罚我500块对不对', 'street_vending.penalty', '当场罚款只限于对个人200元以下'],
  ['路边卖桃子被城管罚了款 罚得对不对啊', 'street_vending.penalty', '您有权陈述、申辩'],
  // noise.decoration: a construction site at night is not home decoration
  ['工地晚上还在装钢筋 叮叮当当的 有人管没', 'noise.night_construction', '依据：《'],
  // declined (店门口, 卖东西 were no evidence for street vending)
  ['搞么事不让我在店门口卖东西', 'street_vending.outside_shop', '依据：《'],
  ['为么事不准我在自己店门口卖东西', 'street_vending.outside_shop', '依据：《'],
  // asked back (towing of parked e-bikes, the traffic police)
  ['三轮车被城管拖走了 要等几天才能去拿', 'seized_items.retrieve', '扣押期限不得超过30日'],
  // fumes_bbq.bbq: a restaurant (馆子) is not an open-air barbecue
  ['一楼馆子的油烟把我家窗帘都熏黄了', 'fumes_bbq.fumes', '依据：《'],
  ['楼下馆子炒菜的烟全往我家飘', 'fumes_bbq.fumes', '依据：《'],
];

describe('hand-found faults, batch 4: the kind of answer the message asks for', () => {
  it.each(BATCH4)('%s → %s', answersWith);

  it('dining and drinking noise at a barbecue stall is not answered as barbecue fumes: the noise answer (batch 5; asked back before)', async () => {
    const r = await brain.ask('烧烤摊的客人晚上喝酒吵死了 找哪个', { channel: 'private' });
    expect(r.intent).not.toBe('fumes_bbq.bbq');
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe('noise.entertainment');
  });
});

/** Batch 4: other departments' matters that went to the wrong redirect (in the comment). */
const REDIRECTS_4: [string, string, RegExp][] = [
  // out_of_scope.writing ("帮我…" read as a writing request)
  ['能不能帮我查一下我的违章停车', 'out_of_scope.traffic', /交管12123/],
  ['帮我查查我的车有没有违停记录', 'out_of_scope.traffic', /交管12123/],
  // out_of_scope.police, out_of_scope.other
  ['结婚证丢了补办要去哪里', 'out_of_scope.civil_affairs', /婚姻登记处/],
  ['结婚登记在哪里办', 'out_of_scope.civil_affairs', /婚姻登记处/],
  // out_of_scope.other
  ['家里困难想申请低保找谁', 'out_of_scope.civil_affairs', /街道办事处或乡镇人民政府/],
  // out_of_scope.social_security, out_of_scope.other
  ['学区房怎么划片的 哪里能查', 'out_of_scope.education', /区教育局/],
  ['尊敬的领导：我家孩子今年上小学，我们住的小区明明离学校很近却被划到了另一个学区，要走好远，请问学区是怎么划的，我们能不能申请调整？另外小区门口路灯坏了很久。', 'out_of_scope.education', /区教育局/],
  // out_of_scope.neighbor, out_of_scope.writing
  ['医院把我爸的病看错了 医疗纠纷找哪个部门', 'out_of_scope.health', /医疗纠纷人民调解/],
  ['尊敬的领导，我母亲在区医院做手术后出现感染，医院推卸责任，我们想知道医疗纠纷应该找哪个部门处理，能不能帮我们调解？', 'out_of_scope.health', /区卫生健康局/],
];

describe('hand-found faults, batch 4: other departments\' matters get their own redirect', () => {
  it.each(REDIRECTS_4)('%s → %s', async (q, intent, where) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.intent).toBe(intent);
    expect(r.reply).toMatch(where);
    expect(r.reply).toContain('不属于城管的职责');
    // The traffic redirect cites who tows cars (道路交通安全法); the others state no law.
    if (intent !== 'out_of_scope.traffic') expect(r.citations).toEqual([]);
  });

  it('a question about shares is declined without the tax redirect', async () => {
    const r = await brain.ask('股票现在能不能买', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.intent).not.toBe('out_of_scope.tax');
    expect(r.reply).not.toContain('12366');
  });
});

/**
 * Batch 5: messages written by hand the way citizens write; the reply before is in the comment.
 * Phrasings not in intents/ check that the fix is not one sentence.
 */
const BATCH5: [string, string, string][] = [
  // outdoor_ads.permit (审批 read as an advertising permit); asked back with it first
  ['在阳台上封个窗要不要审批', 'illegal_construction.what', '封闭阳台'],
  ['在阳台上装个防盗窗要不要报批', 'illegal_construction.what', '封闭阳台'],
  // asked back (out_of_scope first, city_appearance second); declined with the dog-bite redirect
  ['有人在小区里养鸡养鸭，臭得很', 'city_appearance.poultry', '家畜家禽'],
  ['隔壁在小区里养了一群鸡 天天打鸣', 'city_appearance.poultry', '家畜家禽'],
  // asked back, littering first
  ['餐馆把泔水倒进下水道', 'city_appearance.littering', '泔水'],
  ['店门口的污水直接泼到马路上', 'city_appearance.littering', '泔水'],
  // asked back, the right answer first
  ['烧烤摊的客人晚上喝酒吵死了', 'noise.entertainment', '娱乐'],
  ['邻居家装修周末一大早就开始砸墙', 'noise.decoration', '装修'],
];

describe('hand-found faults, batch 5: the answer the message is about', () => {
  it.each(BATCH5)('%s → %s', answersWith);

  it('burning paper money in a residential area is not answered as barbecue: declined with the general 12345 redirect (our knowledge has no rule on it)', async () => {
    const r = await brain.ask('有人在小区里烧纸钱，烟很大', { channel: 'private' });
    expect(r.intent).not.toBe('fumes_bbq.bbq');
    expect(r.action).toBe('out_of_scope');
    expect(r.reply).toContain('12345');
  });
});

describe('hand-found faults, batch 6: long letters name every bureau problem they raise', () => {
  it('a ground-floor extension with its renovation rubble: the extension (违建) is answered or named, not left out (batch 6; only the rubble and the lawn before)', async () => {
    const r = await brain.ask('尊敬的领导：我们小区12栋一楼的业主正在把院墙打掉往外扩建，占了小区公共绿地，已经搞了一个多礼拜了，而且他家装修的建筑垃圾就堆在楼道门口，灰尘大得很，也没人清运。物业说管不了。请求城管部门依法查处违建，并督促他清理建筑垃圾。', { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    const topics = [r.topic, ...(r.secondary ?? []).map((s) => s.topic)];
    expect(topics).toContain('illegal_construction');
    expect(topics).toContain('construction_waste');
  });

  it('a letter in Wuhan dialect about a neighbour adding a storey on the roof is answered on 违建, not asked back with the housing redirect (batch 6)', async () => {
    const r = await brain.ask('尊敬滴领导，我屋隔壁那家在屋顶上加了一层，搞了快半年了，都没人管，么样搞？他们说是办了手续的，我不信，请问能不能查一哈他有没有规化许可？', { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.topic).toBe('illegal_construction');
  });

  it('a vendor asking where to collect his seized tricycle and fruit is not told he complained about the officers (batch 6; named 投诉执法人员 before)', async () => {
    const r = await brain.ask('尊敬的城管领导，我是在路边卖水果的，上个礼拜三下午你们的执法人员把我的三轮车和一车的水果都拉走了，给了我一张单子。水果放久了就坏了，三轮车也是我吃饭的家伙。请问我要去哪里领回来，要带什么，要交罚款才能领吗？', { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.topic).toBe('seized_items');
    expect((r.secondary ?? []).map((s) => s.topic)).not.toContain('enforcement_conduct');
  });
});

/**
 * Issue 7, found by hand by the lead (2026-12-02): questions about reaching the bureau itself
 * were declined as not ours ("城管局在哪里") or asked back on noise ("城管几点下班"). The
 * hotline answer says how to reach it: 12319 / 12345 (round the clock), online, or in person.
 */
describe('hand-found faults: reaching the bureau itself', () => {
  it.each([
    ['城管局在哪里', 'hotline_report.hotline', '新洲区城管局'],
    ['城管几点下班', 'hotline_report.hotline', '12345全天候受理'],
    ['城管下班以后有事找谁', 'hotline_report.hotline', '12319'],
  ] as [string, string, string][])('%s → %s', answersWith);
});

/** A row of a reply table, asserted on the shipped brain (test/helpers/replies.ts). */
function repliesWith(...row: ReplyCase): Promise<void> {
  return expectReply(brain, row, { allowChoices: true });
}

/** Issue 7, batch 8: legal-site questions and long letters of our own, each misread on the data before (what it got in the comment). */
const BATCH8: [string, 'answer' | 'out_of_scope', string, string?][] = [
  // expropriation (征收补偿, 强拆 threatened): the general redirect, not the housing one that names 征收
  ['律师您好，我父母在邾城的老房子今年被纳入片区征收，征收部门按评估价补偿，我们认为评估偏低一直没签补偿协议，现在对方说不签就要依法强拆，还派人来量房子。请问：征收补偿标准由谁定？不签协议会不会被强拆？我们可以复议或者起诉吗？', 'out_of_scope', 'out_of_scope.housing', '征收'],
  // a tenant's deposit (扣押金): the general redirect, not the housing one that names 押金
  ['请问，我毕业后租了一间单间，住满一年合同到期退租，房东检查后说墙上有钉子眼、马桶有裂纹，要从押金里扣掉一千五，我觉得是正常损耗，请问房东这样扣押金合法吗？我应该怎么维权？', 'out_of_scope', 'out_of_scope.housing', '押金'],
  // pushcarts at a school gate, other departments named: declined with the education redirect
  ['写给街道和城管：我是某某小学家长委员会的成员。每天下午四点半放学，校门口两侧被卖烤肠、冰糖葫芦、炸土豆的推车占满，油锅就架在人行道上，孩子挤着买，有个孩子被热油溅到过手。我们找过教育局，说校外不归学校；打110，民警说不是治安事件；卫生的事又让我们找市场监管。到底这些推车谁来管？', 'answer', 'street_vending'],
  // 油条 fumes next to an after-school room: asked back
  ['您好，我在小学旁边开了个午托班，门口对面有两个早餐摊天天架着大锅炸油条、炸麻球，油烟顺着风往我们屋里灌，孩子们午睡前屋里还是一股油味，跟摊主说过也没用。请问这种油烟问题可以找谁处理？', 'answer', 'fumes_bbq'],
  // banners (条幅) on trees, lamp posts and fences: asked back
  ['写给城管的一封信：我们街道周围最近到处是条幅，楼盘的、驾校的、补习班的，绑在行道树上、挂在路灯杆和小区栏杆上，风吹雨淋都烂了也没人收，夜里被风刮下来一条正好盖在一辆电动车上，差点出事。请问这些条幅都批过吗？能不能派人来清理？', 'answer', 'outdoor_ads.banner'],
  // a steel shop's goods on a road's green belt (隔离带): asked back
  ['领导您好，我们这条街的中间隔离带本来种着月季和冬青，现在被路边一家钢材店用来堆钢管角铁，花木全压在底下死掉了，叉车每天在隔离带上进进出出，路沿都碾碎了，晚上钢管戳出来很吓人。老板说等生意淡了就挪走。请问这种情况谁来管，能否要求恢复和补种？', 'answer', 'greenery'],
  // an outdoor LED screen bright at night, was it approved: asked back with night construction
  ['反映：我家阳台正对着一个商场的户外大屏，晚上十点多了还在放广告，光一闪一闪照进卧室，老人失眠好几个礼拜了。请问这块屏当初是怎么批下来的？城管能不能要求他们晚上早点关？', 'answer', 'outdoor_ads.permit'],
];

describe('hand-found faults, batch 8: legal-site questions and long letters with the topic deep inside', () => {
  it.each(BATCH8)('%s → %s %s', repliesWith);

  it('a letter on the waste kiosk\'s opening hours (撤桶, 投放亭) that mentions a quarrel is not answered as noise: 垃圾分类 comes first (batch 8; the entertainment-noise answer before; still asked back, with 垃圾分类 as the first choice)', async () => {
    const r = await brain.ask('领导您好，自从小区搞了撤桶，全小区只剩东门一个投放亭，早上七点开到八点半，晚上六点半开到八点，我们上早班的五点多出门，晚上回来又过了点，昨天楼上大姐为扔垃圾跟值守的人大吵一架，吵得整栋楼都听得见。请问这个投放时段是谁定的，能不能照顾一下上班族？', { channel: 'private' });
    expect(r.action, r.reply).not.toBe('out_of_scope');
    expect(r.topic).toBe('waste_sorting');
  });
});

/**
 * Issue 7, batch 7: messages found by hand, each misread on the data before (what it got in
 * the comment). Where there are two, the second is a phrasing of our own that is not a
 * training utterance and also failed before.
 */
const BATCH7: [string, string, string][] = [
  // out_of_scope.medical: paying a fine in instalments (行政处罚法 第六十六条)
  ['罚单上的钱能分期交吗', 'penalty_rights.payment', '分期'],
  // asked back with no fitting topic, or declined: whether officers may come in to inspect
  ['城管可以进我家里检查吗', 'enforcement_conduct.identity', '有权拒绝接受调查或检查'],
  ['城管能不能进屋', 'enforcement_conduct.identity', '有权拒绝接受调查或检查'],
  ['城管冇得证件也要进我屋里查 我能不让进吗', 'enforcement_conduct.identity', '有权拒绝接受调查或检查'],
  // asked back with parking and the fire-safety redirect / parking and city appearance
  ['医院门口单车电瓶车挤成一团', 'parking.sidewalk', '依据：《'],
  ['小区大门口单车堆着几个月冇人来搬', 'parking.shared_bike', '依据：《'],
  // asked back with barbecue first: a barbecue shop's tables on the pavement is 出店经营
  ['烧烤店门口人行道摆满了桌子 怎么投诉', 'street_vending.outside_shop', '依据：《'],
  // penalty_rights.on_the_spot: fined without being heard is 陈述申辩 (行政处罚法 第四十五条)
  ['城管罚我之前没让我说话 这合法吗', 'penalty_rights.statement', '陈述'],
  // penalty_rights.litigation: asking to pay less is 从轻、减轻 (行政处罚法 第三十二条)
  ['被罚款了能不能少交点', 'penalty_rights.no_penalty', '减轻'],
  // declined: the hotline not answering is a hotline question
  ['城管的电话怎么没人接', 'hotline_report.hotline', '12319'],
  // asked back with parking first: a breakfast vendor's tricycle at a bus stop is 占道经营
  ['卖早点的三轮车停在公交站 挡到人上车', 'street_vending.report', '依据：《'],
  // city_appearance.poultry (拉屎 was only the chickens' word) / penalty_rights.payment: dog mess is 乱扔乱倒
  ['狗在小区里到处拉屎没人管', 'city_appearance.littering', '依据：《'],
  ['遛狗的人不清理粪便 可以罚款么', 'city_appearance.littering', '依据：《'],
];

/**
 * Batch 24: someone else seen vending, told with no complaint word, was a question and got how
 * to apply for a stall ("小区门口有人卖早点": street_vending.permit, whose utterance "想在小区门口
 * 卖早点，可以申请吗" reads almost the same). A sighting is a report (src/nlu/acts.ts): how to
 * report it comes first, then the rule — and a report's next steps are the guidance's, not those
 * the answer has for its own asker (报名 for a stall).
 */
describe('hand-found faults, batch 24: a vendor seen is reported, not a stall applied for', () => {
  it.each(['小区门口有人卖早点', '菜场门口有人卖活鸡'])('%s → how to report it, then the rule, without an applicant\'s steps', async (q) => {
    const r = await brain.ask(q, { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.topic).toBe('street_vending');
    expect(r.act).toBe('report');
    // Either the report answer itself (its steps are the reporter's) or the guidance, then the rule with no steps of its own.
    if (r.intent !== 'street_vending.report') {
      expect(r.reply.startsWith('想让这个问题尽快有人处理')).toBe(true);
      expect(r.reply).not.toContain('下一步可以这样做');
    }
    expect(r.reply).toContain('反映');
    expect(r.reply).toContain('依据：《');
    expect(r.reply).not.toContain('报名');
  });
});

describe('hand-found faults, batch 7: the answer the message is about', () => {
  it.each(BATCH7)('%s → %s', answersWith);

  // "不服处罚决定可以起诉吗" sits on a near tie between the litigation answer and 复议前置, which
  // more data flips either way (batch 7 and the merge did). 复议前置 binds only on-the-spot
  // decisions, so whichever answers, the reply — the group's short form too — says that one
  // may sue directly otherwise (行政诉讼法 第四十四条).
  it.each(['room', 'private'] as const)('"can I sue" says one may go to court directly unless fined on the spot (%s)', async (channel) => {
    const r = await brain.ask('不服处罚决定可以起诉吗', { channel });
    expect(r.action, r.reply).toBe('answer');
    expect(['penalty_rights.litigation', 'penalty_rights.prior_reconsideration']).toContain(r.intent);
    expect(r.reply).toMatch(/也可以直接向法院起诉|直接起诉的，自知道/);
    expect(r.reply).toContain('第四十四条');
  });

  it('a barbecue letter about the pavement taken names 占道 as the answer or a secondary topic, fumes too (batch 7; asked back with barbecue first before)', async () => {
    const r = await brain.ask('强烈反映某某小区门口的烧烤摊！每天晚上烟熏火燎，桌子摆满了人行道，喝酒划拳到半夜，行人只能走车道。', { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    const topics = [r.topic, ...(r.secondary ?? []).map((s) => s.topic)];
    expect(topics).toContain('street_vending');
    expect(topics).toContain('fumes_bbq');
  });

  it('gas paid for but none coming is the supplier\'s: the utilities redirect with its gas-smell steps (batch 7; the general decline before)', async () => {
    const r = await brain.ask('交了燃气费还是没气用', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.utilities');
    expect(r.reply).toContain('关闭燃气阀门');
  });

  it('unpaid wages are a labour matter: the labour-inspection redirect, not the general one (batch 7; out_of_scope.other before)', async () => {
    for (const q of ['老板拖欠工资三个月了', '工地老板跑了 工资冇人给']) {
      const r = await brain.ask(q, { channel: 'private' });
      expect(r.action, q).toBe('out_of_scope');
      expect(r.intent, q).toBe('out_of_scope.labor');
      expect(r.reply).toContain('劳动保障监察');
    }
  });

  it('the fees of transferring a second-hand flat are a tax matter, not the utilities\' (batch 7; the utilities redirect before)', async () => {
    const r = await brain.ask('二手房过户要交哪些费用', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.tax');
    expect(r.reply).toContain('12366');
  });
});
