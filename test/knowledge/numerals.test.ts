import { describe, expect, it } from 'vitest';
import { parseArticleNumber, parseNumber, toChineseNumber } from '../../src/knowledge/numerals.js';

describe('parseNumber', () => {
  it.each([
    ['五千', 5000],
    ['两千', 2000],
    ['一千', 1000],
    ['十五', 15],
    ['十', 10],
    ['六十', 60],
    ['二十万', 200000],
    ['一百万', 1000000],
    ['一百零五', 105],
    ['二十万零五百', 200500],
    ['一千五', 1500],
    ['一百五', 150],
    ['一万二', 12000],
    ['5万', 50000],
    ['0.5万', 5000],
    ['1.5万', 15000],
    ['2万5千', 25000],
    ['2万5', 25000],
    ['5千', 5000],
    ['5000', 5000],
    ['1,000', 1000],
    ['３万', 30000],
    ['二〇二六', 2026],
    ['两', 2],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', '万', '百', '千万', '十十', '五十五十', '一百一百', '三百零', '2.5.3', '1,00', 'abc', '万万'])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe('parseArticleNumber', () => {
  it.each<[string | number, number | undefined]>([
    [14, 14],
    ['14', 14],
    ['第十四条', 14],
    ['第14条', 14],
    ['十四', 14],
    ['第一百二十九条', 129],
    [0, undefined],
    [1.5, undefined],
    ['第十四款', undefined],
    ['fourteen', undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseArticleNumber(value)).toBe(expected);
  });
});

describe('toChineseNumber', () => {
  it('writes small Chinese numerals', () => {
    expect(toChineseNumber(14)).toBe('十四');
    expect(toChineseNumber(20000)).toBe('二万');
  });
});
