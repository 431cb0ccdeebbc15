import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChineseTokenizer, DICT_FILE, STOPWORDS, USER_WORD_FREQ } from '../../src/nlu/tokenizer.js';

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

describe('ChineseTokenizer piece by piece', () => {
  const terms = ['占道经营', '渣土车', '违建', '店招', '么样办'];
  /** The reference: one jieba cut of the whole text, filtered as the tokenizer does. */
  const full = Jieba.withDict(readFileSync(DICT_FILE));
  full.loadDict(Buffer.from(terms.map((t) => `${t} ${USER_WORD_FREQ}`).join('\n'), 'utf8'));
  function reference(text: string): string[] {
    return full
      .cut(text.toLowerCase(), true)
      .map((w) => w.trim())
      .filter((w) => w.length > 0 && !/^[\p{P}\p{S}\s]+$/u.test(w) && !STOPWORDS.has(w))
      .map((w) => (/^\d+(\.\d+)?$/u.test(w) ? (w.length === 5 && w.startsWith('123') ? w : '#num') : w));
  }

  it('gives a letter, then its sentences joined another way, the tokens of one whole cut (property)', () => {
    const tok = new ChineseTokenizer({ terms });
    const piece = fc.oneof(
      fc.constantFrom('占道经营', '这个', '我们', '一下', '渣土车', '么样办', '城管', '罚款', '3.5米', 'ABC店', '12319', '2000块', '摆摊', '夜市', '噪音', '晚上十点'),
      fc.constantFrom(...'，。！？；：、,!?;: ()（）“”《》.-%#\n'.split('')),
      fc.string({ maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const want = reference(text);
        expect(tok.tokenize(text)).toEqual(want);
        const rejoined = text.split('。').join('，');
        expect(tok.tokenize(rejoined)).toEqual(reference(rejoined));
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
