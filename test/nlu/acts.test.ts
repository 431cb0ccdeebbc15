import { describe, expect, it } from 'vitest';
import { asksPermit, bareComplaint, complainsOfConduct, conductFirst, detectAct, permitFirst, smallTalkOf } from '../../src/nlu/acts.js';
import { asksOnlyTheTime, asksWhenHandled, followupChars, namesProgress, choosesWithinTopic, intentInTopic, looksLikeFollowup, recentTopic, statesDeadline } from '../../src/nlu/context.js';
import { splitSentences } from '../../src/nlu/letters.js';

/**
 * The dialogue's pure parts, on messages written by us in the way citizens write in chat
 * (none taken from ../shared/eval): speech acts, small talk, follow-ups, sentence splitting.
 */

/** Complaints and reports: the citizen wants something dealt with. */
const REPORTS = [
  '门口摊贩一直没人管',
  '每天几点了还在施工 吵死了',
  '狗在小区草坪上拉屎冇得人管',
  '我家楼下那个烧烤店天天晚上油烟往楼上飘，窗户都不敢开',
  '小区门口的水果摊一直摆在人行道上，推婴儿车都过不去',
  '隔壁单元一楼把花园围起来搭了个彩钢棚，物业说管不了',
  '工地每天晚上十一点以后还在打桩，吵得孩子睡不着',
  '渣土车半夜从我们路上过，一路撒泥巴，早上全是灰',
  '地铁口的共享单车乱停，把盲道都堵死了',
  '楼道里到处贴满了开锁的小广告，清了又贴',
  '有人把小区的绿化带挖了种菜，好几个月了',
  '街边那家店的招牌歪了，刮风的时候晃得厉害，怕砸到人',
  '有个流动摊贩每天在学校门口卖烤肠，堵着校门没人管',
  '楼下麻将馆每晚吵到凌晨两三点，严重影响休息',
  '垃圾站好几天没人清运，臭得受不了',
  '烧烤摊油烟太大，晚上喝酒吵到一两点，还经营到凌晨，能不能管管',
  '楼下违建举报了没用',
  '门口的摊子清了几回还是照样摆到路中间',
  // Someone else seen doing it, with no complaint word: a short message is a report too (it was a question, and "小区门口有人卖早点" got how to apply for a stall).
  '菜场门口有人摆摊卖鱼',
  '河边绿地里有人种菜',
];

/** About a complaint already made: where it got to. */
const PROGRESS = ['投诉了三次冇用', '打了好几次12345都冇得用', '反映的事情城管一直不来处理，我要投诉他们不作为', '打了12345一直没人来管', '投诉了一个月没人回复', '上个月打了12345反映违建，到现在还没人来处理', '我反映的问题一直没人回复，工单也查不到', '投诉了好几次噪音都没有下文', '我反映的油烟问题到底有没有人在跟进', '投诉的噪音问题有进展吗', '上回打电话说的那个事 到现在都冇得人来', '反映了半个月了还是没人来', '收到短信说“该诉求不属于本部门职责，已退回”', '我的投诉被转办到街道了 怎么没人管', '反映了三回了 每回都说处理了', '他们回复说的跟实际不一样 我要找谁'];

/** Questions about the rule, even with a complaint word in them. */
const QUESTIONS = ['共享单车的押金怎么退回', '户外广告牌要多大才需要审批', '围墙要多高才算违建', '有人说在自家门口卖东西不罚，是真的吗', '小区门口有人卖早点 可以吗', '复议是找城管局还是找区政府', '烧烤摊是找城管还是找环保', '占道经营怎么处罚', '门口招牌要审批吗', '我想了解一下占道经营的处罚规定', '被城管扣的三轮车怎么领回来', '天天在门口摆摊会被罚款吗', '夜市摊位在哪里申请', '邻居搭阳光房算不算违建', '厨余垃圾和其他垃圾分不清', '不知道怎么给垃圾分类', '今天天气怎么样', '厨余垃圾每天几点收', '垃圾车一般什么时候来收'];

describe('speech acts', () => {
  it.each(REPORTS)('report ← %s', (text) => {
    expect(['report', 'progress']).toContain(detectAct(text));
  });
  it('reports without a complaint of progress are reports', () => {
    for (const text of REPORTS.filter((t) => !t.includes('举报了'))) expect(detectAct(text), text).toBe('report');
  });
  it.each(PROGRESS)('progress ← %s', (text) => {
    expect(detectAct(text)).toBe('progress');
  });
  it.each(QUESTIONS)('question ← %s', (text) => {
    expect(detectAct(text)).toBe('question');
  });
});

/**
 * The citizen's own case (fined, ticketed, seized from, reported): a question about what
 * happens to them, not a problem to report — unless it is about how officers treated them.
 */
const OWN_CASES = [
  // A business owner's own legal question, with a word of complaints in it (投诉, 乱倒, 乱贴): found by batch 8.
  '我开了家小饭馆，楼上投诉油烟，城管来检查说我没装净化器，请问罚款标准是多少',
  '装修队被城管查到乱倒建筑垃圾，要罚几万块，处罚的标准是什么',
  '城管打电话说我们店乱贴小广告，发传单也要罚吗',
  '电动车停人行道被贴了单子', '电动车被城管拉走了', '楼顶加了个彩钢棚邻居举报了会么样', '摆摊被罚了三百块钱合法不', '城管冇调查就当场罚了我五百', '店招超尺寸被责令整改', '我家加盖的房子被拆了政府赔不赔',
  // A paper served on the citizen (fifth session; framed as a report of a problem before).
  '我收到一个责令改正通知书 说我违建 我该么办', '接到一份限期拆除决定书，我的棚子是十年前搭的', '门上贴了张通知单说我占道经营',
  // Someone in charge stops the citizen doing it: whether they may (eighth session; framed as a report before, with how to report it).
  '物业不让我们在自己阳台装防盗网', '城管不让我在自己店门口摆桌子', '社区不准我们在门口种菜'];
/** What the citizen means to do themselves, worded as a statement: a question about the rule for it. */
const INTENTIONS = ['厨房改造燃气管要挪一下', '燃气热水器想移到卫生间', '我打算在自家院子搭个棚子', '准备在店门口装个灯箱'];
const STILL_REPORTS = ['楼下烧烤店油烟熏得不让人开窗', '一楼把公共绿地围起来了，其他住户想进去都进不去', '被城管推了还扣了东西', '我想在网上给城管留言举报我家楼下路边乱摆摊的问题', '我想举报我们单位晚上偷偷排废气', '协管员天天来骂人还罚我'];

describe('about to ask', () => {
  // Declined before: 我想问个事 as a 婚姻 question, 我想咨询一下 as 税务, 问一下 with the general
  // decline; "城管" alone got the answer on officers' conduct.
  it.each(['我想问个事', '我想咨询一下', '问一下', '城管', '领导 我想请教个问题', '在吗 我想问一下'])('is small talk (what the bot answers): %s', (text) => {
    expect(smallTalkOf(text)).toBe('help');
  });
  it.each(['我想问一下占道经营怎么罚', '问下城管电话', '城管打人'])('is a question when the matter follows: %s', (text) => {
    expect(smallTalkOf(text)).toBeUndefined();
  });
});

describe('asking by "A不A"', () => {
  // Framed as a report before ("想让这个问题尽快有人处理…"): no question word but 会不会 / 是不是.
  it.each(['煤气罐在外面晒太阳会不会炸', '隔壁饭店门口堆的液化气罐是不是违规', '门口这个招牌挂得安不安全'])('question ← %s', (text) => {
    expect(detectAct(text)).toBe('question');
  });
});

describe("Wuhan's 么 for 什么 before a noun", () => {
  // Framed as a report before: "扔到么桶里" had no question word.
  it.each(['吃剩的感冒药过了期 扔到么桶里', '城管么时候上班', '这个事归么部门管'])('question ← %s', (text) => {
    expect(detectAct(text)).toBe('question');
  });
});

describe('the citizen\'s own case is not a report', () => {
  it.each(OWN_CASES)('question ← %s', (text) => {
    expect(detectAct(text)).toBe('question');
  });
  it.each(INTENTIONS)('question ← %s', (text) => {
    expect(detectAct(text)).toBe('question');
  });
  it.each(STILL_REPORTS)('report ← %s', (text) => {
    expect(detectAct(text)).toBe('report');
  });
});

describe('small talk', () => {
  it.each([
    ['早上好', 'greeting'],
    ['你好', 'greeting'],
    ['您好，普法助手', 'greeting'],
    ['在吗', 'greeting'],
    ['晚上好呀', 'greeting'],
    ['谢谢', 'thanks'],
    ['谢谢你啊', 'thanks'],
    ['好的，谢谢', 'thanks'],
    ['辛苦了', 'thanks'],
    ['明白了，多谢', 'thanks'],
    ['喂喂 有人冇', 'greeting'],
    ['在冇', 'greeting'],
    ['小帮手 你好', 'greeting'],
    ['嗨 小帮手 忙不忙', 'greeting'],
    ['好的晓得了', 'thanks'],
    ['收到', 'thanks'],
    ['嗯嗯 知道了', 'thanks'],
    ['城管管什么', 'help'],
    // A place, no matter named (eighth session; declined before).
    ['城管管不管小区里的事', 'help'],
    ['你们管不管农村的事情', 'help'],
    ['城管到底是干嘛的？', 'help'],
    ['你们平时都管些啥', 'help'],
    // Fifth session (found talking to the bot): an insult was declined, asking for staff got the
    // answer on officers' conduct, "机器人吧" got an apology for a reply never given.
    ['城管都是干什么吃的', 'help'],
    ['群里有没有城管的人', 'help'],
    ['有城管的工作人员吗', 'help'],
    ['机器人吧', 'help'],
    ['你是真人吗', 'help'],
  ])('%s → %s', (text, kind) => {
    expect(smallTalkOf(text)).toBe(kind);
    expect(detectAct(text)).toBe('smalltalk');
  });
  it.each(['好的，那罚多少钱', '收到，要带什么材料', '喂 楼下烧烤好吵', '你好，门口有人摆摊怎么办', '谢谢你们上次处理了违建，这次楼下又有人搭棚子', '早上好，渣土车又撒了一路', '城管管不管楼上加建', '城管管什么时候来', '群里有没有城管的人管管楼下烧烤'])('is not small talk when there is more: %s', (text) => {
    expect(smallTalkOf(text)).toBeUndefined();
  });
});

describe('follow-ups', () => {
  const terms = new Set(['占道经营', '摆摊', '违建', '暂扣', '三轮车', '油烟', '罚款', '投诉', '招牌', '夜市']);
  it.each(['那罚多少钱？', '要去哪里办？', '多久能拿回来？', '要带什么材料？', '那找谁投诉？', '那要罚款吗', '还有，什么时候能办好', '过了十五天会怎样', '好的 已经开窗了 然后呢'])('%s leans on the previous topic', (text) => {
    expect(looksLikeFollowup(text, terms)).toBe(true);
  });
  it.each(['那违建怎么举报', '夜市摊位呢，要去哪里办', '楼下油烟太大怎么办', '今天我家门口来了一个卖菜的三轮车占道，要去哪里投诉呀', '好的'])('%s is not a follow-up', (text) => {
    expect(looksLikeFollowup(text, terms)).toBe(false);
  });

  it.each(['多久之内', '那要多长时间？', '期限是几天', '什么时候之前要办', '要多久啊'])('%s asks only how long', (text) => {
    expect(asksOnlyTheTime(text)).toBe(true);
  });
  it.each(['多久能拿回来？', '罚款多久之内要交', '什么时候有人来处理', '多久不领会被处理'])('%s asks how long about a matter of its own', (text) => {
    expect(asksOnlyTheTime(text)).toBe(false);
  });
  it('finds the time limits an answer states', () => {
    expect(statesDeadline('申请复议的期限是自知道该处罚决定之日起60日内。')).toBe(true);
    expect(statesDeadline('逾期不领取的，可以依法处理，一般为九十日。')).toBe(true);
    expect(statesDeadline('看清决定书上写明的复议机关和期限。')).toBe(false);
  });

  it('leans only on a recent answer', () => {
    const state = { choices: [], question: 'q', lastTopic: 'seized_items', lastIntent: 'seized_items.retrieve', lastAt: 1_000_000 };
    expect(recentTopic(state, 1_000_000 + 299_000, 300)).toEqual({ topic: 'seized_items', intent: 'seized_items.retrieve' });
    expect(recentTopic(state, 1_000_000 + 301_000, 300)).toBeUndefined();
    expect(recentTopic({ choices: [], question: 'q' }, 1_000_000, 300)).toBeUndefined();
  });

  it('picks the best intent of the previous topic, or the previous intent', () => {
    const ranking = [
      { intent: 'penalty_rights.payment', topic: 'penalty_rights', score: 0.5 },
      { intent: 'seized_items.deadline', topic: 'seized_items', score: 0.2 },
      { intent: 'seized_items.retrieve', topic: 'seized_items', score: 0.1 },
    ];
    expect(intentInTopic(ranking, 'seized_items', 'seized_items.retrieve')?.intent).toBe('seized_items.deadline');
    expect(intentInTopic(ranking, 'noise', 'noise.report')?.intent).toBe('noise.report');
  });
});

describe('sentences of a letter', () => {
  it('splits at sentence and clause marks, joining short pieces', () => {
    expect(splitSentences('烧烤摊油烟太大，晚上喝酒吵到一两点，还经营到凌晨，能不能管管')).toEqual(['烧烤摊油烟太大', '晚上喝酒吵到一两点', '还经营到凌晨，能不能管管']);
    expect(splitSentences('你好。楼下违建！怎么办？')).toEqual(['你好，楼下违建，怎么办']);
    expect(splitSentences('占道经营怎么处罚')).toEqual(['占道经营怎么处罚']);
    expect(splitSentences('，，。')).toEqual([]);
  });
});

describe('whether a follow-up\'s words choose an intent of the topic', () => {
  it('equal shares choose none; unequal shares, or none of the topic, are told apart', () => {
    const equal = [
      { intent: 'parking.penalty', topic: 'parking', score: 0.2 },
      { intent: 'parking.sidewalk', topic: 'parking', score: 0.2 },
      { intent: 'noise.report', topic: 'noise', score: 0.05 },
    ];
    expect(choosesWithinTopic(equal, 'parking')).toBe(false);
    expect(choosesWithinTopic(equal, 'noise')).toBe(true);
    expect(choosesWithinTopic(equal, 'greenery')).toBe(false);
    expect(choosesWithinTopic([{ intent: 'parking.penalty', topic: 'parking', score: 0.3 }, { intent: 'parking.sidewalk', topic: 'parking', score: 0.1 }], 'parking')).toBe(true);
  });
});

describe('wanting to complain with no matter named', () => {
  it.each(['我要投诉', '我想举报', '怎么投诉？', '去哪里举报', '投诉找谁', '我要反映问题'])('%s is a bare complaint', (text) => {
    expect(bareComplaint(text)).toBe(true);
  });
  it.each(['我要投诉城管', '投诉楼下烧烤', '我要举报违建', '投诉了没用', '投诉电话多少'])('%s names more', (text) => {
    expect(bareComplaint(text)).toBe(false);
  });
});

describe('complaints of officers\' conduct', () => {
  // 打一个 was read as 打一个电话 (eighth session): "看到城管打一个摆摊的大姐" was asked back with the stall's matters.
  it.each(['看到城管打一个摆摊的大姐', '卖菜的老人被城管推倒了，太过分了', '城管骂人还动手', '城管来收了我三百块钱的摊位费 也没给收据', '城管收钱不开发票'])('%s complains of conduct', (text) => {
    expect(complainsOfConduct(text)).toBe(true);
  });
  it.each(['城管打一个电话过来说要罚款', '我给城管打一下电话问问', '城管打12345转过来的工单', '城管打个电话就行', '城管说摊位费要去市场管理处交'])('%s does not', (text) => {
    expect(complainsOfConduct(text)).toBe(false);
  });

  const ranking = [
    { intent: 'enforcement_conduct.complain', topic: 'enforcement_conduct', score: 0.29 },
    { intent: 'street_vending.report', topic: 'street_vending', score: 0.24 },
    { intent: 'street_vending.penalty', topic: 'street_vending', score: 0.02 },
  ];
  const askedBack = { action: 'clarify' as const, top: ranking[0], candidates: [ranking[0]!, ranking[1]!], confidence: 0.29 };

  it('a question back that the conduct topic leads is answered on conduct when the wording names the misconduct', () => {
    const d = conductFirst(askedBack, ranking, '卖菜的老人被城管推倒了，太过分了', 0.25);
    expect(d.action).toBe('answer');
    expect(d.top?.intent).toBe('enforcement_conduct.complain');
    expect(d.candidates).toEqual([]);
  });
  it('but not without such words', () => {
    expect(conductFirst(askedBack, ranking, '卖菜的老人被城管说了几句', 0.25)).toBe(askedBack);
  });
  // Ninth session: below the answer threshold, or with another topic leading, conduct among the choices is answered too.
  it('below the answer threshold or behind another topic, when conduct is among the choices', () => {
    expect(conductFirst(askedBack, ranking, '卖菜的老人被城管推倒了', 0.3).top?.topic).toBe('enforcement_conduct');
    const vendorFirst = [{ ...ranking[1]!, score: 0.3 }, { ...ranking[0]!, score: 0.28 }];
    const d = conductFirst({ ...askedBack, top: vendorFirst[0], candidates: [vendorFirst[0]!, vendorFirst[1]!], confidence: 0.3 }, vendorFirst, '城管推倒了摆摊的，摊子还在路中间', 0.25);
    expect(d.action).toBe('answer');
    expect(d.top?.intent).toBe('enforcement_conduct.complain');
    // Not offered: the question back stays.
    const noConduct = { ...askedBack, top: ranking[1], candidates: [ranking[1]!] };
    expect(conductFirst(noConduct, ranking.slice(1), '卖菜的老人被城管推倒了', 0.25)).toBe(noConduct);
  });
  it('an answer on another matter is given on conduct when conduct is among the three leading topics', () => {
    const answered = { action: 'answer' as const, top: ranking[1], candidates: [], confidence: 0.47 };
    const vendorFirst = [{ ...ranking[1]!, score: 0.47 }, { ...ranking[0]!, score: 0.2 }];
    expect(conductFirst(answered, vendorFirst, '卖鱼的大爷被城管打了', 0.25).top?.topic).toBe('enforcement_conduct');
    expect(conductFirst(answered, vendorFirst, '卖鱼的大爷把筐子摆在路边', 0.25)).toBe(answered);
    expect(conductFirst(answered, [vendorFirst[0]!], '卖鱼的大爷被城管打了', 0.25)).toBe(answered);
  });
  // Tenth session: pulling at someone and hurting them is misconduct too.
  it.each(['城管收东西的时候拉扯，把他的手划伤了', '城管把我拽倒了 膝盖摔伤了', '执法队员弄伤了我家老人'])('%s complains of conduct', (text) => {
    expect(complainsOfConduct(text)).toBe(true);
  });
  it.each(['城管让我把摊子往里拽一点', '我不小心摔伤了 城管帮忙叫了车'])('%s does not', (text) => {
    expect(complainsOfConduct(text)).toBe(false);
  });
  // Tenth session: "…把他的手划伤了…能要求城管赔医药费吗" was declined (医药费 read as a medical matter).
  it('a decline is answered on conduct when conduct is among the three leading topics', () => {
    const declined = { action: 'out_of_scope' as const, top: undefined, candidates: [], confidence: 0.32 };
    const seizedFirst = [
      { intent: 'seized_items.return', topic: 'seized_items', score: 0.32 },
      { intent: 'out_of_scope.medical', topic: 'out_of_scope', score: 0.3 },
      { ...ranking[0]!, score: 0.2 },
    ];
    const d = conductFirst(declined, seizedFirst, '城管收东西的时候拉扯，把他的手划伤了，能要求城管赔医药费吗', 0.25);
    expect(d.action).toBe('answer');
    expect(d.top?.intent).toBe('enforcement_conduct.complain');
    expect(conductFirst(declined, seizedFirst, '收东西的时候手划了一下，能报医药费吗', 0.25)).toBe(declined);
    expect(conductFirst(declined, seizedFirst.slice(0, 2), '城管收东西的时候拉扯，把他的手划伤了', 0.25)).toBe(declined);
  });
});

describe('when a reported matter is dealt with', () => {
  it.each(['多久能处理', '什么时候来拆', '几天有结果', '投诉了多久有回复', '城管多久能来'])('%s asks when it is dealt with', (text) => {
    expect(asksWhenHandled(text)).toBe(true);
  });
  // Tenth session: 下来 is no coming ("几天能批下来" asks about a permit, "挂几天就拿下来" tells).
  it.each(['多久之内要交罚款', '怎么处理', '大概几天能批下来', '挂几天就拿下来'])('%s does not', (text) => {
    expect(asksWhenHandled(text)).toBe(false);
  });
  it('a sentence on the work order tells how it goes on; 施工单位 and a permit\'s 20日内 do not', () => {
    expect(namesProgress('举报后请保留工单号，可以凭工单号查询进度')).toBe(true);
    expect(namesProgress('施工单位不得把建筑垃圾交给个人运输')).toBe(false);
    expect(namesProgress('主管部门应在收到申请后20日内作出是否核准的决定')).toBe(false);
  });
});

describe('a follow-up\'s length', () => {
  it('counts neither spaces nor punctuation', () => {
    expect(followupChars('他们说装了净化的 但是味道还是蛮大')).toBe(16);
    expect(followupChars('那罚多少钱？')).toBe(5);
    expect(followupChars('  ')).toBe(0);
  });
});

describe('asking whether a permit is needed', () => {
  it.each(['店门口放个广告牌要不要办手续', '摆摊要去哪里申请', '换招牌需要什么审批', '门头招牌要报批不'])('%s asks about a permit', (text) => {
    expect(asksPermit(text)).toBe(true);
  });
  it.each(['店门口的招牌没审批会罚吗', '没办手续被拆了', '广告牌多大算大型', '在路边摆摊会被罚多少', '摆在人行道上罚不罚', '哪里可以交罚款'])('%s does not (a fine, a demolition, a size)', (text) => {
    expect(asksPermit(text)).toBe(false);
  });
  it.each(['在哪里摆摊不会被罚', '卖凉面的摆哪儿才不会挨罚', '想摆个水果摊 摆哪里不违法', '什么地方可以摆夜宵摊'])('%s asks where it is allowed: the permit answer, though it names the fine', (text) => {
    expect(asksPermit(text)).toBe(true);
  });
  const penalty = { intent: 'outdoor_ads.penalty', topic: 'outdoor_ads', score: 0.4 };
  const answered = { action: 'answer' as const, top: penalty, candidates: [], confidence: 0.93 };
  it('an answer on the penalty becomes the permit answer, at the same confidence', () => {
    const d = permitFirst(answered, '店门口放个广告牌要不要办手续', (i) => i === 'outdoor_ads.permit');
    expect(d.top?.intent).toBe('outdoor_ads.permit');
    expect(d.confidence).toBe(0.93);
  });
  it('not when the topic has no permit answer, nor for another intent', () => {
    expect(permitFirst(answered, '店门口放个广告牌要不要办手续', () => false)).toBe(answered);
    const banner = { ...answered, top: { ...penalty, intent: 'outdoor_ads.banner' } };
    expect(permitFirst(banner, '挂横幅要不要审批', () => true)).toBe(banner);
  });
});

describe('a complaint made once is a detail, not its progress', () => {
  it.each(['还是那家 上个月就反映过一回', '去年投诉过一次'])('%s is not about progress', (text) => {
    expect(detectAct(text)).not.toBe('progress');
  });
});
