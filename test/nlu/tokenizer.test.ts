import { describe, expect, it } from 'vitest';
import { ChineseTokenizer } from '../../src/nlu/tokenizer.js';

describe('ChineseTokenizer', () => {
  const tok = new ChineseTokenizer({ terms: ['占道经营', '渣土车', '违建', '店招'] });

  it('keeps the domain terms whole', () => {
    expect(tok.tokenize('路边占道经营被罚了')).toContain('占道经营');
    expect(tok.tokenize('渣土车撒漏')).toContain('渣土车');
    expect(tok.tokenize('隔壁搞违建')).toContain('违建');
  });

  it('segments Wuhan dialect words', () => {
    expect(tok.tokenize('被罚了么样办')).toContain('么样办');
    expect(tok.tokenize('冇得人管')).toContain('冇得');
  });

  it('drops punctuation and particles, keeps hotline numbers and folds other numbers', () => {
    const tokens = tok.tokenize('打了12319，罚了2000块啊！');
    expect(tokens).toContain('12319');
    expect(tokens).toContain('#num');
    expect(tokens).not.toContain('啊');
    expect(tokens.some((t) => /[，！]/.test(t))).toBe(false);
  });
});
