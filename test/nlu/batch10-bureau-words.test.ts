import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Batch 10: bureau matters whose words mislead the bot between bureau topics — shopfronts and
 * residents' encroachments (built → 违法建设, goods out → 占道经营, piled → 市容), gas facilities in
 * everyday words (调压箱, 送气管, a pipe that smells), and building or vending on green land.
 * Each fault was found by hand (messages written by us, not taken from ../shared/eval) and is
 * asserted with the message that showed it and a second phrasing that is no training utterance.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

const ask = (q: string) => brain.ask(q, { channel: 'private' });

/** [topic, what the reply must say, message]; every row is answered (not asked back, not declined). */
const ANSWERED: [string, RegExp, string][] = [
  // A shop that builds its front out, or encloses the public corridor, is 违法建设 (was 占道经营 / asked back with only 投诉举报).
  ['illegal_construction', /违法建设|违建/, '一楼的店把人行道上的走廊封起来当店面用了'],
  ['illegal_construction', /违法建设|违建/, '楼下铺子用玻璃把门口的过道围起来变成店里的了'],
  ['illegal_construction', /违法建设|违建/, '门面外扩么样举报'],
  ['illegal_construction', /违法建设|违建/, '铺面往外扩建了一大截 找哪个举报'],
  // A long letter about a shopfront built out, with 油烟 and tables in passing (was 油烟).
  ['illegal_construction', /违法建设|违建/, '尊敬的领导：我住某某小区3栋，楼下新开的餐馆从上个月开始把门面往外扩，先是搭钢架后来直接砌墙装了卷闸门，人行道只剩一条缝，晚上还摆桌子油烟也大。我们打过热线说会处理至今没动，请依法查处门面外扩。'],
  ['illegal_construction', /违法建设|违建/, '您好，某某街一家面馆今年开春把店门口用砖墙和彩钢板往前接出去一间，现在门面比原来宽了三米多，路过只能下到机动车道，晚上门口也吵，找过社区没有下文，请问这种私自扩门面的该哪个部门来拆？'],
  // Residents enclosing the common corridor or the stairwell (was declined as a neighbours' quarrel or a fire matter).
  ['illegal_construction', /违法建设|违建/, '对门邻居把公共走廊封闭了装了个门'],
  ['illegal_construction', /违法建设|违建/, '隔壁把两家共用的过道砌墙封了归他自己用'],
  ['illegal_construction', /违法建设|违建/, '邻居把楼道的窗户封死 隔了个小房间'],
  ['illegal_construction', /违法建设|违建/, '楼上那户在楼梯平台上用板子隔出一间屋放杂物'],
  // The 架空层 walled in (was declined).
  ['illegal_construction', /违法建设|违建/, '尊敬的领导：我是某某小区业主，小区的架空层按规划是公共活动区，前年被一楼商户占了一半，先是堆货，今年干脆砌墙装门做了仓库，晚上还有货车装卸吵得很，我们向物业和社区反映过多次都没结果，请求恢复架空层原状。'],
  ['illegal_construction', /违法建设|违建/, '小区架空层被一楼住户砌了墙改成房子住人 这个归哪个管'],
  // Building a house on green land is 违法建设 (was 园林绿化 occupation).
  ['illegal_construction', /违法建设|违建/, '有人在绿地上盖了间砖房'],
  ['illegal_construction', /违法建设|违建/, '占了绿地砌了两间房出租'],
  // Selling from a stall beside the lawn is 占道经营.
  ['street_vending', /占道|摊/, '草坪旁边天天有个卖水果的摊子'],
  // Old furniture left on the pavement by a shop is 乱堆乱放 (was asked back with 占道经营 and 停放).
  ['city_appearance', /堆/, '商户把旧桌椅堆在门口人行道上不拿走'],
  // Gas facilities in everyday words (were declined or read as 园林绿化).
  ['gas_safety', /燃气/, '调压箱被车撞了'],
  ['gas_safety', /燃气/, '小区的调压箱门坏了一直开着'],
  ['gas_safety', /燃气/, '楼道里的送气管被人挂了一堆东西'],
  ['gas_safety', /燃气/, '外墙那根黄色的管子锈蚀了 会不会漏'],
  ['gas_safety', /燃气/, '楼外面那根送气的铁管子锈成渣了'],
  ['gas_safety', /燃气/, '尊敬的领导：我住某某小区，单元门口的调压箱锈得很厉害，箱门掉了一半，小孩放学老在旁边玩，楼前的绿化带也被踩秃了，请问这个调压箱归谁管，能不能尽快来修一下？'],
];

/**
 * [topic, message] that the bot answers with the topic or asks back offering it first: these were
 * answered with another topic (损绿, 乱堆乱放 read as 占道 or declined, a gas pipe hung with washing read
 * as 晾晒). More data to lift them over the answer threshold pulled an unrelated held-out line
 * (a fight at a stall, not ours) into an answer, so they stop at a question back.
 */
const ANSWERED_OR_OFFERED_FIRST: [string, string][] = [
  ['street_vending', '有人在绿化带边上支个摊子卖菜'],
  ['city_appearance', '店里淘汰的沙发柜子在门外放了半个月了没人搬'],
  ['gas_safety', '有人在楼道那根黄管子上晾拖把'],
];

describe('batch 10: bureau words that misled the bot between topics', () => {
  it.each(ANSWERED_OR_OFFERED_FIRST)('%s ← %s (answered, or offered first)', async (topic, q) => {
    const r = await ask(q);
    if (r.action === 'answer') expect(r.topic).toBe(topic);
    else {
      expect(r.action, r.reply).toBe('clarify');
      expect(r.choices[0]?.topic).toBe(topic);
      expect(r.reply).toContain(`${r.choices[0]?.n ?? "?"}. ${r.choices[0]?.label ?? "?"}`);
    }
  }, 60_000);

  it.each(ANSWERED)('%s ← %s %s', async (topic, says, q) => {
    const r = await ask(q);
    expect(r.action, r.reply).toBe('answer');
    expect(r.topic).toBe(topic);
    expect(r.reply).toMatch(says);
    expect(r.reply).toContain('依据：《');
  }, 60_000);

  // A gas smell at a facility or a stove gets the emergency steps first (was declined: 环境 / 家电 / 其他).
  it.each([
    '楼下的调压柜旁边有一股臭味',
    '小区调压箱那里一直有股气味 是不是漏了',
    '家里的燃气灶打不着火还有味',
    '灶点不燃 屋里还有点臭鸡蛋味',
    '您好，我家是老房子，厨房那根管子锈得发黑了，昨天拿抹布擦了一下还掉渣，今天做饭时好像有一丝丝味道，家里有老人，请问这种情况要怎么办，先做什么',
    '厨房那根送气的管子锈了 这两天总闻到一点味道',
  ])('%s → the gas-leak emergency answer', async (q) => {
    const r = await ask(q);
    expect(r.action, r.reply).toBe('answer');
    expect(r.intent).toBe('gas_safety.leak');
    expect(r.urgent).toBe(true);
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply).toContain('119');
  }, 60_000);
});
