import { describe, expect, it } from 'vitest';
import { shippedReplyTable, type ReplyCase } from '../helpers/replies.js';

/**
 * Issue 7, batch 12: everyday messages of a district 城管 WeChat group that are not the
 * bureau's (crimes and fights, taxis, 物业 gates and door locks, shops, hospital bills, pension
 * certification, a neighbour's dog or curses, banks) and small talk (group greetings, holiday
 * wishes, good-nights). Written by us for this test: none is a training utterance or a line of
 * test/nlu/data/notours12-diag.jsonl (the probe that found the categories), none comes from
 * ../shared/eval. Before batch 12 each was declined with another agency's redirect (a fight
 * with the 12345 catch-all, drugs with the fire service, a stalker with the labour office, a
 * frozen bank card with the water and power companies), asked back with bureau topics, or
 * declined as small talk; what it got is in the comment of its group. Each is now declined
 * with the redirect that names the right agency and its hotline, or answered as small talk.
 */
type Case = ReplyCase;

const FAULTS: Case[] = [
  // crimes and violence (110): other / fire_safety / labor / asked back with 露天烧烤 / other / asked back with 娱乐场所噪声
  ['菜场门口两个人为了车位打起来了 一个满脸是血', 'out_of_scope', 'out_of_scope.police', '110'],
  ['出租屋隔壁天天有人吸毒 不敢出门', 'out_of_scope', 'out_of_scope.police', '110'],
  ['有个人天天在我下班路上跟着我', 'out_of_scope', 'out_of_scope.police', '110'],
  ['在夜市卖烧烤 几个小混混来要保护费', 'out_of_scope', 'out_of_scope.police', '110'],
  ['有人打电话说我孩子出事了 要我马上转钱', 'out_of_scope', 'out_of_scope.police', '110'],
  ['小区里有人开赌场 天天打牌到半夜', 'out_of_scope', 'out_of_scope.police', '110'],
  // things left in a taxi (12328): other / the police redirect
  ['手机忘在出租车后座上了 么样找', 'out_of_scope', 'out_of_scope.traffic', '12328'],
  ['出租车上丢了手机 么样联系司机', 'out_of_scope', 'out_of_scope.traffic', '12328'],
  // 物业's gate and door lock (housing, 12345): other / asked back with 燃气安全
  ['小区进门的道闸天天坏 车子排长队', 'out_of_scope', 'out_of_scope.housing', '12345'],
  ['单元楼的门禁一直坏着 外人随便进出', 'out_of_scope', 'out_of_scope.housing', '12345'],
  // a shop's goods and deposits (12315): weather / express
  ['新买的运动鞋穿了一个礼拜就开胶了 店家不退', 'out_of_scope', 'out_of_scope.consumer', '12315'],
  ['在家具城订了床 交了定金一直不送货', 'out_of_scope', 'out_of_scope.consumer', '12315'],
  // a hospital's bill (卫生健康): the medical-insurance redirect / consumer
  ['拍个CT加验血收了八百多 是不是乱收费', 'out_of_scope', 'out_of_scope.health', '卫生健康'],
  ['出院结账单上多了几项没做过的检查', 'out_of_scope', 'out_of_scope.health', '卫生健康'],
  // pension certification (12333): tax / the medical-insurance redirect
  ['退休工资要每年认证 老人不会用手机', 'out_of_scope', 'out_of_scope.social_security', '12333'],
  ['每年都要搞退休认证 在哪弄', 'out_of_scope', 'out_of_scope.social_security', '12333'],
  // a neighbour's dog barking, a neighbour's curses: telecom / the police redirect / fire_safety
  ['隔壁那条金毛一天叫到晚', 'out_of_scope', 'out_of_scope.neighbor', '调解'],
  ['隔壁的小狗一有动静就狂叫 吵死人', 'out_of_scope', 'out_of_scope.neighbor', '调解'],
  ['对门的老头天天在楼道里骂骂咧咧', 'out_of_scope', 'out_of_scope.neighbor', '调解'],
  // banks (the loan redirect, now with 12378): utilities / other / declined without a redirect
  ['银行卡突然冻结了 钱取不出来', 'out_of_scope', 'out_of_scope.loan', '12378'],
  ['银行买的理财亏了 当初说稳赚', 'out_of_scope', 'out_of_scope.loan', '12378'],
  ['银行卡被冻结了要去哪里解', 'out_of_scope', 'out_of_scope.loan', '12378'],
  // small talk: the advertising / weather / fire_safety redirects, or declined
  ['大家好 刚进来的', 'answer', 'chitchat.greeting', '普法助手'],
  ['祝各位中秋快乐', 'answer', 'chitchat.smalltalk', '普法助手'],
  ['给大家拜年啦', 'answer', 'chitchat.smalltalk', '普法助手'],
  ['我睡了 明天再聊', 'answer', 'chitchat.smalltalk', '普法助手'],
  ['好困 先睡了各位', 'answer', 'chitchat.smalltalk', '普法助手'],
  // the police told them the bureau took it (seized_items): the police-conduct redirect
  ['派出所说我的电动三轮是城管拉走的 去哪领', 'answer', 'seized_items'],
  ['去派出所问了 说是城管把我的摊子收走了 怎么拿回来', 'answer', 'seized_items'],
];

/**
 * The other side: bureau matters that name the police, 物业, 交警, 122, 工商 or a neighbour keep
 * their bureau topic (they did before batch 12 too; the new "not ours" lines must not take them).
 */
const OURS: Case[] = [
  ['渣土车一路撒泥 交警说这事归城管', 'answer', 'construction_waste'],
  ['泥头车漏了一地的土 打122说要找城管', 'answer', 'construction_waste'],
  ['营业执照办完了 店门口的招牌要不要另外报批', 'answer', 'outdoor_ads'],
  ['工商那边说招牌的事归城管 要办什么手续', 'answer', 'outdoor_ads'],
  ['派出所说楼下饭馆的油烟归城管管 熏得开不了窗', 'answer', 'fumes_bbq'],
  ['社区说门口早点摊占道要找城管 天天堵路', 'answer', 'street_vending'],
  ['邻居在楼顶搭了个彩钢棚 物业让我找城管', 'answer', 'illegal_construction'],
  ['民警说我的三轮车是被城管拖走的 到哪里领', 'answer', 'seized_items'],
];

const table = shippedReplyTable();
const repliesWith = table.repliesWith;

describe('hand-found faults, batch 12: everyday not-ours messages and small talk', () => {
  it.each(FAULTS)('%s → %s %s', repliesWith, 60_000);

  it('the police redirect names the crimes it takes and 110, without legal citations', async () => {
    const r = await table.brain.ask('在夜市卖烧烤 几个小混混来要保护费', { channel: 'private' });
    expect(r.reply).toMatch(/保护费|敲诈勒索/);
    expect(r.reply).toContain('110');
    expect(r.citations).toEqual([]);
  }, 60_000);

  it('the bank questions get the bank\'s own complaint desk before 12378', async () => {
    const r = await table.brain.ask('银行卡突然冻结了 钱取不出来', { channel: 'private' });
    expect(r.reply).toMatch(/银行.*客服/);
    expect(r.reply).toContain('12378');
  }, 60_000);
});

describe('batch 12, the other side: bureau matters that name another agency or a neighbour keep their topic', () => {
  it.each(OURS)('%s → %s %s', repliesWith, 60_000);
});
