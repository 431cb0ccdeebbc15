import { describe, expect, it } from 'vitest';
import { dangerOf, isEmergency, urgentTopic } from '../../src/nlu/safety.js';

/** Which messages get the gas emergency steps first (src/nlu/safety.ts). Our own messages. */
describe('a gas emergency reported, not feared', () => {
  it.each(['家里煤气罐爆炸了', '楼下饭馆的液化气罐着火了', '燃气管道起火了怎么办', '闻到燃气味', '煤气味很大怕爆炸', '天然气表旁边有股味', '漏气了怎么办', '燃气好像漏气了 怎么查漏气'])('emergency ← %s', (text) => {
    expect(urgentTopic(text)).toBe('gas_safety');
  });

  it.each([
    '我楼下开餐馆的在店里面放了好几个液化气罐，还在人行道上用液化气炒菜，我担心会爆炸',
    '燃气灶会不会爆炸',
    '液化气罐放阳台上怕起火吗',
    '家里燃气灶打不着火找谁',
    // Tenth session: 漏气 denied or checked for, in a gas-bill letter.
    '燃气费涨到四百多，燃气公司让我自己查漏气，师傅上门查了也没有漏',
    '让我们自己检查有没有漏气，请人查了根本没漏',
  ])('a question, not an emergency ← %s', (text) => {
    expect(urgentTopic(text)).toBeUndefined();
  });
});

/** 漏气 denied or checked for is no leak reported (the model still answers a suspected leak with the steps: test/nlu/batch27.test.ts). */
describe('a leak ruled out', () => {
  it.each(['师傅上门查了也没有漏气', '不知道有没有漏气', '燃气没有漏气 就是费用高'])('no emergency by the net ← %s', (text) => {
    expect(urgentTopic(text)).toBeUndefined();
  });
});

/** Thirteenth session: gas smelt by its odorant, not named (before: asked back, the leak a choice among others). */
describe('the rotten-egg smell of the odorant', () => {
  it.each(['楼道里有股臭鸡蛋味 越来越浓 不晓得哪家的', '厨房里一股烂鸡蛋的味道'])('emergency ← %s', (text) => {
    expect(urgentTopic(text)).toBe('gas_safety');
  });

  it.each(['小区下水道一股臭鸡蛋味', '化粪池冒出臭鸡蛋味', '河边臭鸡蛋味熏死人'])('a drain, a cesspit or a river is not a leak ← %s', (text) => {
    expect(urgentTopic(text)).toBeUndefined();
  });
});

/**
 * Seventeenth session: danger to a person (src/nlu/safety.ts `dangerOf`). Before, "有人站在楼顶上
 * 好像要跳楼" was asked back with the gas leak among its choices, "我老公打我怎么办" got the
 * general redirect (社保、户口…), "小孩掉进河里了" the environment bureau's. Our own messages.
 */
describe('danger to a person told as happening now', () => {
  it.each([
    ['有人站在楼顶上好像要跳楼', 'self_harm'],
    ['我真的不想活了', 'self_harm'],
    ['我老公又打我了', 'violence'],
    ['邻居喝醉了拿着刀在我家门口吼 好怕', 'violence'],
    ['家暴找谁', 'violence'],
    ['小区门口有个小孩被渣土车撞了', 'traffic'],
    ['路边有个老人晕倒了', 'medical'],
    ['城管打人了 我头在流血', 'medical'],
    ['楼下电动车棚着火了', 'fire'],
    ['有个小孩掉进湖里了', 'water'],
    ['被困在电梯里怎么办', 'water'],
    // Other wordings of the same dangers.
    ['我不活了', 'self_harm'],
    ['我妈吃了好多安眠药', 'self_harm'],
    ['快来人啊 有人被砍了', 'violence'],
    ['他掐着我脖子', 'violence'],
    ['老人倒在地上起不来了', 'medical'],
    ['工地上有人从楼上摔下来了', 'medical'],
    ['电动车在楼道里冒烟了', 'fire'],
    ['河里有人在喊救命', 'water'],
    ['小孩被关在车里了', 'water'],
    // A cause guessed after the danger is not a supposition of it; a past one before a present one.
    ['有个老人晕倒了可能是中暑', 'medical'],
    ['上个月这里有人被车撞了 今天又有人被车撞了', 'traffic'],
  ])('%s → %s', (text, kind) => {
    expect(dangerOf(text)).toBe(kind);
    expect(isEmergency(text)).toBe(true);
  });

  it.each([
    // Figures of speech and everyday words.
    '商场门口挂的跳楼价大甩卖横幅能挂吗',
    '菜贩在楼道门口杀鸡杀鸭 气味难闻',
    '小区里的树能不能砍 要审批吗',
    '沿街居民在护栏上吊挂衣服被子 城管管不管',
    '夏天吵得人想死 楼下烧烤到半夜',
    // The danger as past, feared or supposed: a complaint or a question about it.
    '上个月我妈在这被电动车撞了 人行道上电动车乱停谁管',
    '物业不维护电梯 万一有人被困在电梯里怎么办',
    '消防通道被堵了 真要是着火了消防车都进不来',
    '路口红绿灯坏了 前天一个小学生差点被车撞了',
    '我爸爸去年在工地上摔伤了 包工头不管 能告吗',
    '老小区的电线乱拉 担心会着火',
    '小区的树被砍了好几棵',
    '我家门口的树被人砍了',
    '楼下烧烤烟雾太大 像着火了一样',
    '被罚款气得我想死',
    '还让不让人活了 天天查',
    '我在工地上开塔吊，从高处摔下来腿骨折了，包工头说我没签合同不算工伤',
  ])('not an emergency now ← %s', (text) => {
    expect(dangerOf(text)).toBeUndefined();
    expect(isEmergency(text)).toBe(false);
  });

  it('leaves a gas leak to its own answer (the gas steps), and lets both through the rate limit', () => {
    expect(dangerOf('闻到煤气味 有人晕倒了')).toBeUndefined();
    expect(isEmergency('闻到煤气味 有人晕倒了')).toBe(true);
  });

  // Nineteenth session: "煤气罐着火了" got only the leak's steps (open the windows, call from outside).
  it.each(['家里煤气罐爆炸了', '楼下饭馆的液化气罐着火了', '家里燃气起火了 怎么办'])('a gas fire or explosion happening gets the fire lines too ← %s', (text) => {
    expect(urgentTopic(text)).toBe('gas_safety');
    expect(dangerOf(text)).toBe('fire');
  });

  it.each(['煤气味很大怕爆炸', '燃气灶会不会爆炸', '厨房煤气泄漏了', '家里燃气灶打不着火找谁'])('a leak, or a fire feared, does not ← %s', (text) => {
    expect(dangerOf(text)).toBeUndefined();
  });

  it.each(['气得我要爆炸了', '作业太多脑袋要爆炸了'])('an explosion outside a gas text is a figure of speech ← %s', (text) => {
    expect(dangerOf(text)).toBeUndefined();
  });
});
