import Nzh from 'nzh';
/**
 * Chinese ↔ Arabic numbers as they appear in law texts and in answers written by staff:
 * `五千`, `二十万`, `两千`, `十五`, `一千五`, `5万`, `0.5万`, `2万5千`, `1,000`, `二〇二六`.
 * Standard Chinese numerals are decoded by `nzh`; this module adds what nzh gets wrong
 * or does not know (两, digit-by-digit years, colloquial `一千五`, Arabic digits mixed with
 * 万/千) and rejects malformed input instead of guessing.
 */
/** Chinese digit characters and their values. */
const CN_DIGITS = {
    零: 0,
    〇: 0,
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
};
const SMALL_UNITS = { 十: 10, 百: 100, 千: 1000 };
/** Every character a Chinese numeral (without a decimal point) can contain. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/**
 * Replace full-width digits and the full-width point by their ASCII forms. The length
 * does not change, so indexes stay valid. （The full-width comma stays: in Chinese text
 * it separates clauses, not thousands.）
 */
export function toHalfWidthDigits(text) {
    return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
const ARABIC = /^\d+(?:\.\d+)?$/;
const ARABIC_WITH_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/**
 * Parse a number written in Arabic digits, Chinese numerals or a mix of both.
 * Returns `undefined` for anything that is not one well-formed number.
 *
 * @example parseNumber('五千') // 5000
 * @example parseNumber('2万元'.slice(0, 2)) // 20000
 * @example parseNumber('一千五') // 1500 (colloquial: 一千五百)
 */
export function parseNumber(raw) {
    let s = toHalfWidthDigits(raw.trim());
    if (s === '')
        return undefined;
    if (ARABIC_WITH_GROUPS.test(s))
        s = s.replace(/,/g, '');
    return parseWithBigUnit(s, '亿', 1e8);
}
/** Split on 亿 then 万 (the "big" units), so `2万5千` = 2 × 10000 + 5千. */
function parseWithBigUnit(s, unit, factor) {
    const next = unit === '亿' ? (x) => parseWithBigUnit(x, '万', 1e4) : parseSection;
    const at = s.indexOf(unit);
    if (at < 0)
        return next(s);
    if (s.indexOf(unit, at + 1) >= 0)
        return undefined; // 万万 and the like: not a figure we expect
    const head = s.slice(0, at);
    const tail = s.slice(at + 1);
    // 万 alone (`万元`) is no number; 十万 is (head `十`).
    const headValue = head === '' ? undefined : next(head);
    if (headValue === undefined)
        return undefined;
    if (tail === '')
        return headValue * factor;
    // Colloquial `一万二` / `2万5` means 12000 / 25000, not 10002.
    const single = tail.length === 1 ? (CN_DIGITS[tail] ?? (/\d/.test(tail) ? Number(tail) : undefined)) : undefined;
    if (single !== undefined && single > 0)
        return headValue * factor + single * (factor / 10);
    const tailValue = parseWithBigUnit(tail.replace(/^[零〇]/, ''), '万', 1e4);
    if (tailValue === undefined || tailValue >= factor)
        return undefined;
    return headValue * factor + tailValue;
}
/** A number below 10000 (may still carry a decimal part when in Arabic digits). */
function parseSection(s) {
    if (s === '')
        return undefined;
    if (ARABIC.test(s))
        return Number(s);
    // Arabic digits with a Chinese unit: 5千, 1.5千, 3百.
    const mixed = /^(\d+(?:\.\d+)?)([十百千])$/.exec(s);
    if (mixed)
        return Number(mixed[1]) * SMALL_UNITS[mixed[2]];
    if (![...s].every((c) => c in CN_DIGITS || c in SMALL_UNITS))
        return undefined;
    // Digit by digit (二〇二六, 一二): nzh would read 二〇二六 as 226.
    if (![...s].some((c) => c in SMALL_UNITS)) {
        return [...s].reduce((acc, c) => acc * 10 + CN_DIGITS[c], 0);
    }
    if (!isWellFormedSection(s))
        return undefined;
    // Colloquial `一千五` = 一千五百, `一百五` = 一百五十 (nzh reads them as 1005 and 105).
    let text = s.replace(/两/g, '二').replace(/〇/g, '零');
    const tail = /([千百])([一二三四五六七八九])$/.exec(text);
    if (tail)
        text += tail[1] === '千' ? '百' : '十';
    const decoded = Number(Nzh.cn.decodeS(text));
    return Number.isFinite(decoded) ? decoded : undefined;
}
/** Units strictly decreasing, at most one unit after each digit, no two digits in a row. */
function isWellFormedSection(s) {
    let lastUnit = Infinity;
    let prev = 'start';
    for (const c of s) {
        const unit = SMALL_UNITS[c];
        if (unit !== undefined) {
            if (unit >= lastUnit || prev === 'unit' || prev === 'zero')
                return false;
            // 十 may start a number (十五); 百 and 千 need a digit before them.
            if (prev === 'start' && unit !== 10)
                return false;
            lastUnit = unit;
            prev = 'unit';
        }
        else if (CN_DIGITS[c] === 0) {
            if (prev !== 'unit')
                return false;
            prev = 'zero';
        }
        else {
            if (prev === 'digit')
                return false;
            prev = 'digit';
        }
    }
    return prev !== 'zero';
}
/**
 * Parse an article number as written in YAML or in a law text: `14`, `'14'`, `十四`,
 * `第十四条`, `第14条`. Returns `undefined` unless it is a positive integer.
 */
export function parseArticleNumber(value) {
    if (typeof value === 'number')
        return Number.isInteger(value) && value > 0 ? value : undefined;
    const m = /^\s*第?\s*([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)\s*条?\s*$/.exec(value);
    if (!m)
        return undefined;
    const n = parseNumber(m[1]);
    return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}
/**
 * Write a non-negative integer in Chinese numerals (`14` → `十四`, `20000` → `二万`).
 * Uses nzh's "small" (lower-case) numerals with the colloquial leading 十.
 */
export function toChineseNumber(n) {
    return Nzh.cn.encodeS(n);
}
//# sourceMappingURL=numerals.js.map