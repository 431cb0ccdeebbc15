import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Letters that tell of an earlier complaint (its 工单, the community's promise) but ask about the
 * problem itself (issue 7, fifth session; found on our diagnostic letters, `letters20-diag.jsonl`,
 * and rephrased here). Before, a 工单 anywhere in the letter put where the complaint stands
 * first and the problem after it; a letter whose matter the model was unsure of got only that.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('a letter that tells of its complaint and asks about the problem', () => {
  it.each([
    // Before: the progress answer (hotline_report.progress), fumes named after it.
    ['楼下饭馆的油烟我在网上留言过，工单回复说已经整改，但是这几天还是呛得开不了窗。请问油烟到底有没有标准，能不能让他装净化器？', 'fumes_bbq'],
    // Before: the progress answer, the night works named after it.
    ['我反映过好几次工地夜里施工的事，12345的工单回复说已经处理了，可是昨晚又干到两点。请问夜里施工到底归谁管，怎么才能停下来？', 'noise'],
  ])('"%s" is answered on its problem, where the complaint stands named after it', async (text, topic) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.topic).toBe(topic);
    expect(r.reply).toContain('您还提到：投诉没人管或答复不满意');
  });

  it.each([
    '上个月投诉的违建工单显示办结了，可是棚子一点没拆，能不能督办？',
    '我上个月反映的工地噪音 有进度冇',
    '12345说办结了，结果违建一点没动',
  ])('"%s" asks where the complaint stands (or asks nothing else): that answer first', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.intent).toBe('hotline_report.progress');
    expect(r.reply).toContain('查进度');
  });

  it('a letter whose matter the model is unsure of is asked back with it, where the complaint stands the last choice', async () => {
    // Before: only the progress answer. (The first letter found, about fish sellers, is answered
    // on vending since batch 20's words for it: the model is sure of it now; the second, "楼下那条路天天被人弄得又脏
    // 又乱…", on the street's cleaning since batch 39, when 又脏又乱 stopped reading as poultry.)
    const r = await brain.ask('门口那条路天天被弄得乱七八糟，到处是烂菜叶和泥巴，社区来看过，说会跟上面反映，可是两个月了一点变化都没有。', { channel: 'private' });
    expect(r.action).toBe('clarify');
    expect(r.choices.at(-1)?.intent).toBe('hotline_report.progress');
    expect(r.choices.slice(0, -1).map((c) => c.topic)).toContain('city_appearance');
  });
});
