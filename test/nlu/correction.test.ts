import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { correctionOf } from '../../src/nlu/context.js';
import { conversation } from '../helpers/conversation.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * "不是这个" after an answer (issue 7, fifth session; found talking to the bot). Before, the same
 * answer again, whole; "不对 我是问要不要审批" too.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('the citizen says the answer was not what they asked', () => {
  it.each([
    ['门口有人卖菜', '不是这个'],
    ['楼顶可以加盖吗', '不对'],
    ['烤红薯的炉子被城管弄走了', '不是我要问的'],
  ])('after "%s", "%s" offers the other answers of that question, and a number then answers one', async (first, text) => {
    const [a, r, picked] = await conversation(brain, first, text, '1');
    expect(r?.action).toBe('clarify');
    expect(r?.reply).toMatch(/^抱歉，可能没理解对。/u);
    const given = a?.action === 'answer' ? [a.intent] : (a?.choices.map((c) => c.intent) ?? []);
    for (const c of r?.choices ?? []) expect(given).not.toContain(c.intent);
    expect(picked?.action).toBe('answer');
    expect(picked?.intent).toBe(r?.choices[0]?.intent);
  });

  it('"不对 我是问要不要审批" reads what follows, without holding to the answer given', async () => {
    const [a, r] = await conversation(brain, '楼顶可以加盖吗', '不对 我是问要不要审批');
    expect(a?.intent).not.toBe('illegal_construction.permit');
    expect(r?.intent).toBe('illegal_construction.permit');
  });

  it('with nothing given before, it is read as any message', async () => {
    const [r] = await conversation(brain, '不是这个');
    expect(r?.reply).not.toMatch(/^抱歉，可能没理解对。/u);
  });

  it('reads a correction and what follows it', () => {
    expect(correctionOf('不是这个')).toBe('');
    expect(correctionOf('不对，我是问要不要审批')).toBe('我是问要不要审批');
    expect(correctionOf('不对劲的味道')).toBeUndefined();
    expect(correctionOf('不是这个小区的人')).toBeUndefined();
  });
});
