import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { vagueMatter } from '../../src/nlu/context.js';
import { conversation } from '../helpers/conversation.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * A matter named with no question about it (issue 7, fifth session; found talking to the bot).
 * Before, the model's guess among the topic's answers was given: "我想问下违建的事" → the demolition
 * procedure, "咨询一下占道经营" → the penalty, "问一下燃气安全的事" → door-to-door inspections.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('a matter named with no question about it', () => {
  it.each([
    ['我想问下违建的事', 'illegal_construction'],
    ['咨询一下占道经营', 'street_vending'],
    ['问一下燃气安全的事', 'gas_safety'],
    ['关于共享单车的问题', 'parking'],
    ['请问户外广告的事', 'outdoor_ads'],
    ['油烟的事想问一下', 'fumes_bbq'],
  ])('"%s" is offered the topic\'s answers to choose from, and a number then answers one', async (text, topic) => {
    const [ask, picked] = await conversation(brain, text, '2');
    expect(ask?.action).toBe('clarify');
    expect(ask?.choices.length).toBe(3);
    expect(new Set(ask?.choices.map((c) => c.topic))).toEqual(new Set([topic]));
    expect(picked?.action).toBe('answer');
    expect(picked?.intent).toBe(ask?.choices[1]?.intent);
  });

  it('a question about the matter is answered: "我想问下违建怎么举报"', async () => {
    const r = await brain.ask('我想问下违建怎么举报', { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('illegal_construction.report');
  });

  it('its name alone is answered, as before (the intent is the model\'s)', async () => {
    const r = await brain.ask('违建', { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.topic).toBe('illegal_construction');
  });

  it('reads only the words that say there is a question', () => {
    expect(vagueMatter('我想咨询一下暂扣的问题')).toBe('暂扣');
    expect(vagueMatter('想了解垃圾分类方面的规定')).toBe('垃圾分类');
    expect(vagueMatter('违建怎么举报')).toBeUndefined();
    expect(vagueMatter('楼下烧烤油烟太大了')).toBeUndefined();
  });
});
