import { describe, expect, it } from 'vitest';
import { shippedReplyTable, type ReplyCase } from '../helpers/replies.js';

/**
 * Issue 7, batch 14: questions written the way people ask on public legal Q&A sites and
 * forums — background first and the question last, 律师您好 / 网友们, 合法吗 / 有依据吗 /
 * 能告吗, the wrong legal word (收走 for 暂扣, 乱收费 for a fine), a relative's case told in
 * the third person. Found with test/nlu/data/realstyle14-diag.jsonl (written before any fix);
 * every row here was written for this test: none is a training utterance of intents/ (the
 * first row of a group is the diagnostic line or the probe that showed the fault, the second
 * our own other phrasing), none comes from ../shared/eval. What each got before batch 14 is in
 * the comment of its group.
 */
type Case = ReplyCase;

const FAULTS: Case[] = [
  // rude officers in plain words: declined (no evidence) / declined with the express redirect
  ['城管对人很凶 说话难听', 'answer', 'enforcement_conduct.complain', '文明执法'],
  ['城管说话态度太差了 像训孙子一样', 'answer', 'enforcement_conduct.complain', '文明执法'],
  // selective enforcement: the 亮证 answer
  ['一条街都在摆，执法人员凭什么只扣我一家的，旁边几家都不管，是不是选择性执法？', 'answer', 'enforcement_conduct.complain', '文明执法'],
  ['城管选择性执法 只针对我们家', 'answer', 'enforcement_conduct.complain', '文明执法'],
  // 城管 taking money without a receipt, or a monthly "management fee": declined / the 亮证 answer
  ['城管收了钱不开票 这算不算乱收费', 'answer', 'enforcement_conduct.complain'],
  ['城管每个月收我们摊位管理费 这个合法吗', 'answer', 'enforcement_conduct.complain'],
  // reaching the bureau on WeChat: declined / asked back with 行政诉讼
  ['怎么在微信上投诉城管的事', 'answer', 'hotline_report.hotline', '公众号'],
  ['微信上能不能投诉城管', 'answer', 'hotline_report.hotline', '公众号'],
  // moved on by 城管, asking where a stall is allowed: the 占道经营 penalty answer (the diagnostic letter
  // that showed it, "…说我占道经营要撵我走，到底哪里才可以合法摆摊？", still flips between the two answers)
  ['我卖菜老是被城管赶 哪里能正规摆', 'answer', 'street_vending.permit', '疏导点'],
  // a shop's standing sign fined, "有依据吗": asked back (户外广告/占道/处罚) / 出店经营 / 首违不罚
  ['我在自己店门口立了个落地的广告牌，今天城管来说要罚款两百，我放在自家门口也不行吗，有依据吗？', 'answer', 'outdoor_ads.penalty', '户外广告'],
  ['我家店门口摆了个发光的立牌 城管说违规要罚 这有规定吗', 'answer', 'outdoor_ads.penalty', '户外广告'],
  ['律师您好，我在门口放了块易拉宝写着今日特价，城管说要罚款，请问合法吗？', 'answer', 'outdoor_ads.penalty', '户外广告'],
  // a hauler without 核准 asking the fine: asked back (渣土/处罚/not ours) / 偷倒建筑垃圾
  ['请问律师，我是跑运输的，开一台自卸车帮工地拉土，被城管查了说没有办运输核准，车扣了还要罚款，请问这个核准要去哪里办，要什么材料，没办的话一般罚多少？', 'answer', 'construction_waste.transport', '核准'],
  ['没办核准就拉建筑垃圾 被抓到了怎么处理 罚好多', 'answer', 'construction_waste.transport', '核准'],
  // a letter about loose, falling shop signs: asked back (户外广告/停车/not ours); the second phrasing was answered before too
  ['尊敬的领导：某某路沿街商铺的招牌五花八门，有的伸出来一米多，有的灯箱坏了半年没人修，上个月大风还吹掉一块砸到了路边的电动车。我们向社区反映过，社区说归城管。恳请城管部门组织检查，该拆的拆，该修的修。', 'answer', 'outdoor_ads.banner', '坠落'],
  ['尊敬的领导：我们这条街的店招高低不齐，好几块灯箱外壳破了吊着，上个月刮风还掉下来一块砸到了停着的电动车，幸好没砸到人，请城管部门安排排查，该加固的加固。', 'answer', 'outdoor_ads.banner', '坠落'],
  // fined, not convinced, "能告吗": 当场处罚 / 当场处罚先复议
  ['城管罚了我两千 我不服能告吗', 'answer', 'penalty_rights.litigation', '起诉期限'],
  ['被城管罚了五百块 不服气 可以去法院告吗', 'answer', 'penalty_rights.litigation', '起诉期限'],
  // a shop's loudspeaker, "城管还是派出所": 室内装修噪声 / the general noise-report answer
  ['楼下商铺喇叭吵 找城管还是找派出所', 'answer', 'noise.shop_speaker', '商铺门口'],
  ['店门口的音响天天放 找城管还是派出所', 'answer', 'noise.shop_speaker', '商铺门口'],
  // the gas company's home check charging a fee: the repair answer
  ['燃气公司上门检查收费合法吗', 'answer', 'gas_safety.inspection', '上门安检'],
  ['燃气公司派人来查气还要收钱 这是真的吗', 'answer', 'gas_safety.inspection', '上门安检'],
  // property smashed in a forced demolition: declined / answered without a word on damages
  ['强拆的时候把我屋里的家电砸坏了 能要求赔偿吗', 'answer', 'illegal_construction.demolition', '有权依法要求赔偿'],
  ['强制拆除弄坏了我的东西 可以索赔吗', 'answer', 'illegal_construction.demolition', '有权依法要求赔偿'],
  // a relative's vendor goods taken, third person: declined with the 12315 redirect / asked back
  ['我奶奶卖菜的秤被收走了 能要回来吗', 'answer', 'seized_items.retrieve', '暂扣'],
  ['我婆婆在路边卖鸡蛋 篮子被城管拿走了 要去哪里领', 'answer', 'seized_items.retrieve', '暂扣'],
  // not ours, declined with the wrong agency: the catch-all / the police-conduct redirect
  ['在饭店吃饭吃出了头发，叫老板来他态度还很差，不肯退钱，这个应该找哪里投诉？', 'out_of_scope', 'out_of_scope.consumer', '12315'],
  ['在馆子里吃出了头发 老板态度差还不肯退钱', 'out_of_scope', 'out_of_scope.consumer', '12315'],
  // unpaid wages with 包工头/总包/工程款: the catch-all
  ['我在某某工地干了四个月的木工，包工头说工程款没结下来，一直拖着不发工资，现在人都联系不上了。我们十几个工友都是外地的，请问这种情况去哪里投诉，能不能让总包单位付钱？', 'out_of_scope', 'out_of_scope.labor', '劳动保障监察'],
  ['在某某工地干油漆工三个多月了，工头说工程款没结清，一直不发钱，现在找不到人了，我们几个外地工友想问问该去哪里投诉，能不能找总包要？', 'out_of_scope', 'out_of_scope.labor', '劳动保障监察'],
];

/**
 * The other side: forum-style questions that are not the bureau's keep their decline (they
 * did before batch 14 too; the new lines for 城管收钱 and 强拆赔偿 must not take them).
 */
const NOT_OURS: Case[] = [
  ['律师您好，我家的老房子在征收范围内，评估给的补偿款每平米才三千多，我不同意，请问征收补偿标准有依据吗？', 'out_of_scope', 'out_of_scope'],
  ['物业乱收停车费 城管管吗', 'out_of_scope', 'out_of_scope.housing'],
  ['交警扣了我的电动车 要交停车费合法吗', 'out_of_scope', 'out_of_scope.traffic'],
  ['房东不退押金 能告吗', 'out_of_scope', 'out_of_scope.housing'],
];

const table = shippedReplyTable();
const repliesWith = table.repliesWith;

describe('hand-found faults, batch 14: questions as asked on legal Q&A sites and forums', () => {
  it.each(FAULTS)('%s → %s %s', repliesWith, 60_000);

  it('the demolition answer cites the article on damages of unlawful coercion (行政强制法 第八条)', async () => {
    const r = await table.brain.ask('强拆的时候把我屋里的家电砸坏了 能要求赔偿吗', { channel: 'private' });
    expect(r.citations).toContainEqual(expect.objectContaining({ law: '中华人民共和国行政强制法', article: 8 }));
  }, 60_000);
});

describe('batch 14, the other side: not-ours forum questions keep their decline', () => {
  it.each(NOT_OURS)('%s → %s %s', repliesWith, 60_000);
});
