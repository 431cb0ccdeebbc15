import { describe, expect, it } from 'vitest';
import { capLength, normalizeText } from '../../src/core/normalize.js';

describe('normalizeText', () => {
  it('turns full-width characters into half-width', () => {
    expect(normalizeText('ＡＢＣ１２３　占道？').text).toBe('ABC123 占道?');
  });

  it('turns traditional characters into simplified', () => {
    expect(normalizeText('佔道經營會被罰款嗎').text).toBe('占道经营会被罚款吗');
    expect(normalizeText('噪聲擾民').text).toBe('噪声扰民');
  });

  it('strips @mentions (WeChat U+2005 and plain space) but keeps the question', () => {
    expect(normalizeText('@普法助手\u2005违建怎么举报').text).toBe('违建怎么举报');
    expect(normalizeText('@城管小助手 渣土车撒漏').text).toBe('渣土车撒漏');
  });

  it('removes emoji, WeChat text emoji and decoration', () => {
    expect(normalizeText('😡😡楼下烧烤油烟太大了[发怒][发怒]！！！').text).toBe('楼下烧烤油烟太大了!');
    expect(normalizeText('★★★【求助】违建★★★').text).toBe('求助 违建');
  });

  it('collapses whitespace and newlines', () => {
    expect(normalizeText('  垃圾\n\n分类 \t 怎么分  ').text).toBe('垃圾 分类 怎么分');
  });

  it('marks empty, emoji-only and punctuation-only input as empty', () => {
    for (const s of ['', '   ', '😀👍🎉', '[微笑][微笑]', '？？？！！', '\u200b\u200b']) {
      const n = normalizeText(s);
      expect(n.empty, JSON.stringify(s)).toBe(true);
      expect(n.text).toBe('');
    }
  });

  it('caps very long input but keeps the request at the end of a letter', () => {
    const context = '我们小区是二零一五年交房的，开发商是某某公司，当时承诺环境优美。'.repeat(30);
    const letter = `尊敬的领导您好。${context}请问楼下烧烤店油烟直排，城管能不能管一下？`;
    const n = normalizeText(letter, { maxChars: 200 });
    expect(n.truncated).toBe(true);
    expect([...n.text].length).toBeLessThanOrEqual(200);
    expect(n.text).toContain('尊敬的领导您好');
    expect(n.text).toContain('城管能不能管一下');
  });

  it('handles a one-sentence giant input without hanging', () => {
    const huge = '占'.repeat(2_000_000);
    const n = normalizeText(huge, { maxChars: 400 });
    expect([...n.text].length).toBeLessThanOrEqual(400);
  });
});

describe('capLength', () => {
  it('leaves short text alone', () => {
    expect(capLength('短句。', 10)).toEqual({ text: '短句。', truncated: false });
  });
});
