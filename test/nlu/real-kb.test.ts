import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

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
  // The repository's own model cache (keyed by the content of intents/): trained once, shared.
  const config = loadConfig({ PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents'), PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'), PUFA_CACHE_DIR: path.join(REPO_ROOT, '.cache') });
  brain = await createBrain({ config });
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
    const question = '楼下的车乱停在马路中间，堵住了小区出口，交警也不来';
    const r = await brain.ask(question, { channel: 'private' });
    expect(r.action).toBe('clarify');
    expect(r.choices.map((c) => c.topic)).toEqual(['parking', 'out_of_scope']);
    expect(r.reply).toContain(`2. ${r.choices[1]?.label ?? '?'}`);
    expect(r.choices[1]?.label).toMatch(/请找/);
    const picked = await brain.ask('2', { channel: 'private', pending: { choices: r.choices, question } });
    expect(picked.action).toBe('out_of_scope');
    expect(picked.topic).toBe('out_of_scope');
    expect(picked.reply).toMatch(/交警|122/);
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
