import { describe, expect, it } from 'vitest';
import { GENERAL_REDIRECT } from '../../src/nlu/decide.js';
import { shippedReplyTable, type ReplyCase } from '../helpers/replies.js';

/**
 * Issue 7, batch 21: long 留言板 letters whose matter is another department's, written with
 * the bureau's words in passing (a factory's chimney smoke, waste liquid dumped by night, a
 * 物业 keeping a 装修 deposit, 缺斤少两 at a shop that also blocks the pavement, 小区 parking
 * fees, school fees). The faults were found with test/nlu/data/notours21-diag.jsonl (written
 * by us before any fix); each row here is our own wording, none is a training utterance, none
 * comes from ../shared/eval. The first row of a fault is the diagnostic line that found it; the
 * second is another phrasing written for this test. What each got before batch 21 is in the
 * comment of its group.
 */
const FAULTS: ReplyCase[] = [
  // a rubber factory's chimney smoke, taken at first for 露天焚烧: asked back (油烟 / not ours)
  [
    '尊敬的领导：我们某某小区对面的一家橡胶制品厂每天下午开始烧东西，黑烟从烟囱里冒出来，带着烧焦的橡胶味，飘得整个小区都是，晾在外面的衣服都是黑点。我们以为是有人露天焚烧垃圾，找了城管，城管查了说是企业锅炉排放。请问领导，企业烟囱冒黑烟、异味扰民应该哪个部门管，能不能要求他们停产整改？',
    'out_of_scope',
    'out_of_scope.environment',
    '12369',
  ],
  [
    '尊敬的领导：我们汪集街某某村后面有家做轮胎翻新的小厂，天天下午烟囱冒黑烟，带着一股焦糊的橡胶味，整个村子都闻得到，老人孩子一直咳嗽。请问这种厂子排黑烟谁来管？',
    'out_of_scope',
    'out_of_scope.environment',
    '12369',
  ],
  // chemical waste liquid dumped by a fish pond, first taken for 建筑垃圾: asked back (偷倒 / not ours)
  [
    '尊敬的领导：我们仓埠街某某村最近半夜总有人开车往村后的鱼塘边倒东西，我们以为是倒建筑垃圾，去看了才发现是几十桶带刺鼻气味的化工废液，鱼塘的鱼全死了。我们怀疑是有人非法处置危险废物，村里人都不敢用塘里的水了。请问领导，这种偷倒化工废液的事情归哪个部门查，能不能报警？',
    'out_of_scope',
    'out_of_scope.environment',
    '12369',
  ],
  [
    '尊敬的领导：我们某某村的水沟边上前几天被人扔了二十多个铁桶，桶里流出来黑乎乎的液体，气味很刺鼻，沟里的鱼虾全死了。村民怀疑是哪个厂子偷偷处理的化工废料。请问这种乱扔有毒废料的事该找哪个部门？',
    'out_of_scope',
    'out_of_scope',
  ],
  // 物业 keeping a 装修 deposit "for the 装修垃圾": answered 装修垃圾 (second phrasing)
  ['物业收了装修押金 说怕我乱倒装修垃圾 现在装完了押金拖着不退', 'out_of_scope', 'out_of_scope.housing', '物业'],
  // 小区 parking fees and 车位: declined with the general redirect (12345) instead of the 房管 one
  [
    '尊敬的领导：我们阳逻街某某小区地面停车位原来每月一百元，今年物业直接涨到两百五，还说不交就不给进道闸。这些地面车位是小区公共部分，收益应该归全体业主，物业涨价没有开业主大会表决。很多业主只好把车停在小区外面的马路上，又被交警贴条。请问小区停车费涨价合法吗，应该找哪个部门核定？',
    'out_of_scope',
    'out_of_scope.housing',
    '停车位收费',
  ],
  [
    '您好，我们小区的地面停车位以前一个月八十，物业今年说要涨到两百，也没开业主大会表决，停车收入从来不公示，不交钱道闸就不抬杆。请问小区车位收费涨价谁来管？',
    'out_of_scope',
    'out_of_scope.housing',
    '停车位收费',
  ],
  // school fees and weekend classes: declined with the general redirect instead of 教育局
  [
    '领导您好，我家孩子在汪集街某某中学读初二，学校最近要求每个学生交八百元的资料费和校服费，不交就不发书。另外每周六还要回学校补课，说是自愿其实不去要点名批评。我们家长私下都有意见，不敢当面说。请问领导，学校乱收费和周末补课归哪个部门管，能不能匿名反映？',
    'out_of_scope',
    'out_of_scope.education',
    '教育',
  ],
  ['我家孩子读初一 学校每学期要交几百块的教辅资料费 不买还不行 这种收费合理吗', 'out_of_scope', 'out_of_scope.education', '教育'],
];

/**
 * Letters that batch 21 took from a wrong bureau answer to a question back that offers a
 * redirect (the department's, or the general one, 12345: the citizen gets where to go with one
 * reply): a 装修 deposit kept by 物业 (answered 装修垃圾), 缺斤少两 at a shop that also puts its
 * goods on the pavement (answered 出店经营; a shorter phrasing of the same, "老板门口还占着人行道
 * 摆摊 我只想问缺斤少两找谁", is still answered 占道经营: the writer's "只想问" is a matter for the
 * rules, see the batch 21 report). The 装修 deposit's second phrasing is among the faults above.
 */
const REDIRECT_OFFERED: [question: string, redirect: string][] = [
  [
    '您好，我在汪集街某某小区住，上个月家里装修，物业收了三千块装修押金，说是怕装修垃圾乱倒和私自改结构，装完了要验收退还。现在我家装修完两个月了，装修垃圾也是我自己花钱请车拉走的，物业一直以经理不在为由不给验收，押金也不退。打了几次电话都说等等。请问物业扣着装修押金不退，我应该去哪里投诉？',
    'out_of_scope.housing',
  ],
  [
    '您好，我在阳逻街某某小区门口的一家菜店买肉，回家用自己的秤称，两斤的肉只有一斤六两，我回去找老板，他说我的秤不准，还骂我。菜店门口还占着人行道摆了好几筐菜，那个我也不想管了，我就想问缺斤少两这种事该找谁，能不能让他们把秤送去检测？拜托了，谢谢领导。',
    'out_of_scope.consumer',
  ],
];

/** The other side: bureau letters that name 物业, 交警, 110, 市场监管 or 公交公司 keep their topic. */
const OURS: ReplyCase[] = [
  [
    '尊敬的领导：邾城街某某小区东门外这半年来聚了十几个卖水果、卖烧饼的流动摊，从早上六点摆到晚上九点，把人行道和半边车道都占了，小区的车出门都要按喇叭让人让路。我们找物业，物业说小区门外不归他们管；交警来过一次，只把路边的汽车赶走了。请问领导，城管能不能来把这些摊子规范一下，划个地方让他们去摆？',
    'answer',
    'street_vending',
  ],
  [
    '尊敬的领导：我家在邾城街某某小区2栋，楼下门面去年开了一家烧烤店，排烟管就从我家窗户下面伸出来，每天下午四点开始冒烟，油烟味浓得家里不能开窗，衣服都不能晾外面。我们找物业，物业说门面是商业产权他们管不到；市场监管来看了说有营业执照。请问领导，餐馆油烟直排扰民城管能不能要求他们装净化器？',
    'answer',
    'fumes_bbq',
  ],
  [
    '您好，我们邾城街某某小区对面新开了一家酒吧，每天晚上十点以后有驻唱乐队，低音炮震得我家玻璃都响，一直到凌晨两点。我们打过110，民警来了让他们关小一点，走了又开大。酒吧老板说他们有文化经营许可。请问领导，娱乐场所夜间噪声扰民，城管是不是可以管，怎么处理？',
    'answer',
    'noise',
  ],
  [
    '尊敬的领导：我们小区旁边的公交站台周围经常横七竖八地停着十几辆共享电单车，挡住了上下车的通道，下雨天乘客只能站在马路上等车。我们打过公交公司的电话，他们说站台周边的单车停放不归他们，让我们找城管。请问领导，城管能不能把站台附近的共享单车清走，设个禁停区？',
    'answer',
    'parking',
  ],
  [
    '尊敬的领导：我三个月前在12345反映了我们阳逻街某某路上的夜市占道问题，工单显示已经转给城管，后来收到短信说已经办结，可是现场一点变化都没有，摊子照样摆到半夜。我打电话回访说不满意，过了一个星期又显示办结了。物业和社区都说让我找热线。请问领导，工单办结了问题没解决，怎么才能重新派单或者投诉办理的人？',
    'answer',
    'hotline_report',
  ],
];

const table = shippedReplyTable();
const repliesWith = table.repliesWith;

describe('hand-found faults, batch 21: other departments\' letters in the bureau\'s words', () => {
  it.each(FAULTS)('%s → %s %s', repliesWith, 60_000);
});

describe('batch 21, one step nearer: the redirect is offered, as the decline or as a choice', () => {
  it.each(REDIRECT_OFFERED)('%s → %s', async (question, redirect) => {
    const r = await table.brain.ask(question, { channel: 'private' });
    const offered = [redirect, GENERAL_REDIRECT];
    if (r.action === 'out_of_scope') expect(offered).toContain(r.intent);
    else {
      expect(r.action, r.reply.slice(0, 80)).toBe('clarify');
      expect(r.choices.some((c) => offered.includes(c.intent)), r.choices.map((c) => c.intent).join(' ')).toBe(true);
    }
  }, 60_000);
});

describe('batch 21, the other side: bureau letters that name 物业, 交警 or 110 keep their topic', () => {
  it.each(OURS)('%s → %s %s', repliesWith, 60_000);
});
