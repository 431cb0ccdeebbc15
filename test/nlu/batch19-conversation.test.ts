import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { conversation, staysOnTopic } from '../helpers/conversation.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Issue 7, batch 19: conversations found by talking to the bot as a citizen (2026-12-03, fourth
 * session). What each message got before is in the comments; none is a training utterance. The
 * state between messages is the one the chat keeps (test/helpers/conversation.ts).
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('follow-ups in the words citizens use', () => {
  // Before: 找哪个 → the general 12345 redirect; 要办么手续 → the 婚姻 redirect (and the thread
  // was lost: 多久能批下来 → 结婚证, 不批会么样 → 医保); 还能用不 → the 医保 redirect; 该找谁管 → redirect.
  it.each([
    ['小区门口共享单车堆成山', '找哪个'],
    ['小区门口共享单车堆成山', '这归谁管'],
    ['我想在店门口挂个招牌', '要办么手续'],
    ['我想在店门口挂个招牌', '需要啥资料'],
    ['家里煤气罐放了好多年了', '还能用不'],
    ['家里煤气罐放了好多年了', '可以继续用吗'],
  ])('after "%s", "%s" stays on its topic', async (first, text) => staysOnTopic(brain, first, text));

  it('keeps the thread over several follow-ups: the shop sign, its papers, how long, and what if not approved', async () => {
    const replies = await conversation(brain, '我想在店门口挂个招牌', '要办么手续', '多久能批下来', '不批会么样');
    expect(replies.map((r) => r.topic)).toEqual(['outdoor_ads', 'outdoor_ads', 'outdoor_ads', 'outdoor_ads']);
    // What happens without approval is the topic's penalty answer.
    expect(replies[3]?.intent).toBe('outdoor_ads.penalty');
  });

  it('a short question that names another department\'s matter is declined with its redirect, as without the previous answer', async () => {
    // With the yes-or-no follow-up above, "能借钱不" would have been read as a question about gas cylinders.
    for (const text of ['能借钱不', '能离婚不']) {
      const [, r] = await conversation(brain, '家里煤气罐放了好多年了', text);
      expect(r?.action, `${text}: ${r?.reply}`).toBe('out_of_scope');
      expect(r?.resolved).toBeUndefined();
    }
  });
});

describe('whose it is, and what it cost', () => {
  // Before: 树是我家种的 → declined (12345); 车是我自己的 / 车是新买的 好几千 → declined or another redirect.
  it.each([
    ['城管说我门口的树不能砍', '树是我家种的'],
    ['城管说我门口的树不能砍', '这棵是我们自己栽的'],
    ['城管把我的三轮车扣了', '车是我自己的'],
    ['城管把我的三轮车扣了', '车是新买的 好几千'],
  ])('after "%s", "%s" gets that answer again', async (first, text) => {
    const [a, r] = await conversation(brain, first, text);
    expect(r?.action, r?.reply).toBe('answer');
    expect(r?.intent).toBe(a?.intent);
    expect(r?.resolved).toBe('followup');
  });
});
