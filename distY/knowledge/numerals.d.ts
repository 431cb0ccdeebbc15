/** Every character a Chinese numeral (without a decimal point) can contain. */
export declare const CHINESE_NUMERAL_CHARS = "\u96F6\u3007\u4E00\u4E8C\u4E24\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341\u767E\u5343\u4E07\u4EBF";
/**
 * Replace full-width digits and the full-width point by their ASCII forms. The length
 * does not change, so indexes stay valid. （The full-width comma stays: in Chinese text
 * it separates clauses, not thousands.）
 */
export declare function toHalfWidthDigits(text: string): string;
/**
 * Parse a number written in Arabic digits, Chinese numerals or a mix of both.
 * Returns `undefined` for anything that is not one well-formed number.
 *
 * @example parseNumber('五千') // 5000
 * @example parseNumber('2万元'.slice(0, 2)) // 20000
 * @example parseNumber('一千五') // 1500 (colloquial: 一千五百)
 */
export declare function parseNumber(raw: string): number | undefined;
/**
 * Parse an article number as written in YAML or in a law text: `14`, `'14'`, `十四`,
 * `第十四条`, `第14条`. Returns `undefined` unless it is a positive integer.
 */
export declare function parseArticleNumber(value: string | number): number | undefined;
/**
 * Write a non-negative integer in Chinese numerals (`14` → `十四`, `20000` → `二万`).
 * Uses nzh's "small" (lower-case) numerals with the colloquial leading 十.
 */
export declare function toChineseNumber(n: number): string;
