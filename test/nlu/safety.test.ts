import { describe, expect, it } from 'vitest';
import { urgentTopic } from '../../src/nlu/safety.js';

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
