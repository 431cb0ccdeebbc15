import { describe, expect, it } from 'vitest';
import { urgentTopic } from '../../src/nlu/safety.js';

/** Which messages get the gas emergency steps first (src/nlu/safety.ts). Our own messages. */
describe('a gas emergency reported, not feared', () => {
  it.each(['家里煤气罐爆炸了', '楼下饭馆的液化气罐着火了', '燃气管道起火了怎么办', '闻到燃气味', '煤气味很大怕爆炸', '天然气表旁边有股味'])('emergency ← %s', (text) => {
    expect(urgentTopic(text)).toBe('gas_safety');
  });

  it.each([
    '我楼下开餐馆的在店里面放了好几个液化气罐，还在人行道上用液化气炒菜，我担心会爆炸',
    '燃气灶会不会爆炸',
    '液化气罐放阳台上怕起火吗',
    '家里燃气灶打不着火找谁',
  ])('a question, not an emergency ← %s', (text) => {
    expect(urgentTopic(text)).toBeUndefined();
  });
});
