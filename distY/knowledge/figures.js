import { parseNumber, toHalfWidthDigits } from './numerals.js';
const CN_START = '零〇一二两三四五六七八九十';
const CN_ALL = `${CN_START}百千万亿`;
// Arabic part: thousands groups (1,000) only when they really are groups of three.
const DIG = String.raw `(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?`;
// A number starts at a boundary: not inside another number, not after a Latin letter
// (PM2.5年均浓度, GB50016), and never with 百/千/万 (百年大计, 千万不要, 数万元).
// The one exception: a bare 百/千 before a unit and 以上/以下 (树龄在百年以上).
const NUMBER = new RegExp(`(?<![\\d.${CN_ALL}A-Za-z])(?:(?:${DIG}|[${CN_START}])(?:${DIG}|[${CN_ALL}])*|[百千](?=(?:年|元|日|天)以[上下内]))`, 'g');
// Longest first: 个工作日 before 日, 个月 before 月, 小时 before nothing shorter.
const UNIT_AFTER = /^[余多]?(元|%|％|个工作日|工作日|个月|小时|日|天|月|年)/;
const RANGE_AFTER = new RegExp(`^\\s*(?:至|到|-|－|—|–|~|～)\\s*((?:${DIG}|[${CN_START}])(?:${DIG}|[${CN_ALL}])*)`);
const UNIT_OF = {
    元: { kind: 'money', unit: '元' },
    '%': { kind: 'percent', unit: '%' },
    '％': { kind: 'percent', unit: '%' },
    个工作日: { kind: 'duration', unit: '个工作日' },
    工作日: { kind: 'duration', unit: '个工作日' },
    个月: { kind: 'duration', unit: '个月' },
    月: { kind: 'duration', unit: '个月' },
    小时: { kind: 'duration', unit: '小时' },
    日: { kind: 'duration', unit: '日' },
    天: { kind: 'duration', unit: '日' },
    年: { kind: 'duration', unit: '年' },
};
// `统一年度`, `同一日`, `上一年`: 一 belongs to the word before it. But `以上一百万元`
// and `以下一万元` are the commonest way a law writes a range.
const WORD_BEFORE_ONE = new Set([...'统同唯逐单划专整上下这那某哪任之']);
const RANGE_WORD = /以[上下]$/;
// `24小时值班`: the hours of a service, not a legal time limit.
const SERVICE_AFTER_HOURS = /^(?:值班|值守|服务|受理|热线|在线|畅通|开通|接听|营业|不间断)/;
/**
 * All figures in `text`, in order.
 *
 * Recognised: `<num>(万)?元` (2万元 → 20000, 五千元 → 5000, 0.5万元 → 5000);
 * `<num>` + 日|天|个工作日|工作日|个月|月|年|小时; `<num>%` and `百分之<num>`; a range whose
 * first number has no unit of its own (`5000至5万元`, `3至6个月`, `2至5万元` = 2万–5万).
 * Not figures: hotline and phone numbers (no unit), calendar years and dates (2026年,
 * 3月1日), times of day (22时, 晚上10点), article numbers and ordinals (第十四条, 第三日).
 */
export function extractFigures(text) {
    const s = toHalfWidthDigits(text);
    const figures = [];
    for (const m of s.matchAll(NUMBER)) {
        const start = m.index;
        const token = m[0];
        const value = token === '百' ? 100 : token === '千' ? 1000 : parseNumber(token);
        if (value === undefined)
            continue;
        const end = start + token.length;
        const before = s.slice(0, start);
        const after = s.slice(end);
        if (before.endsWith('百分之')) {
            figures.push({ kind: 'percent', value, unit: '%', raw: text.slice(start - 3, end), index: start - 3 });
            continue;
        }
        if (isOrdinalOrWordPart(before, token))
            continue;
        const unit = UNIT_AFTER.exec(after);
        if (unit) {
            const match = { start, token, value, unitText: unit[1], end: end + unit[0].length };
            if (isFigure(s, match))
                figures.push(toFigure(text, match, match.end));
            continue;
        }
        // A range whose first number borrows the unit of the second: 5000至5万元, 3至6个月.
        const range = RANGE_AFTER.exec(after);
        if (!range)
            continue;
        const second = range[1];
        const secondValue = parseNumber(second);
        const secondStart = end + range[0].length - second.length;
        const secondUnit = UNIT_AFTER.exec(s.slice(secondStart + second.length));
        if (secondValue === undefined || !secondUnit)
            continue;
        const unitText = secondUnit[1];
        const secondMatch = { start: secondStart, token: second, value: secondValue, unitText, end: secondStart + second.length + secondUnit[0].length };
        if (!isFigure(s, secondMatch))
            continue;
        let firstValue = value;
        // 2至5万元 means 2万 to 5万; 5000至5万元 means 5000 to 50000.
        if (second.endsWith('万') && !/[万亿]/.test(token)) {
            const head = parseNumber(second.slice(0, -1));
            if (head !== undefined && value < head)
                firstValue = value * 1e4;
        }
        const first = { start, token, value: firstValue, unitText, end: secondMatch.end };
        if (isFigure(s, first))
            figures.push(toFigure(text, first, secondMatch.end));
    }
    return figures;
}
function toFigure(text, m, rawEnd) {
    const { kind, unit } = UNIT_OF[m.unitText];
    return { kind, unit, value: m.value, raw: text.slice(m.start, rawEnd), index: m.start };
}
/** 第十四条, 第3日; or 一 inside a word (统一年度). */
function isOrdinalOrWordPart(before, token) {
    const prev = before.trimEnd().slice(-1);
    if (prev === '第')
        return true;
    return token.startsWith('一') && WORD_BEFORE_ONE.has(before.slice(-1)) && !RANGE_WORD.test(before);
}
/** Rules out dates, calendar years and service hours once the unit is known. */
function isFigure(s, m) {
    const before = s.slice(0, m.start).trimEnd();
    const after = s.slice(m.end);
    const prev = before.slice(-1);
    switch (m.unitText) {
        case '元':
            // 一元化, 正月十五元宵节.
            return !/^[化宵旦]/.test(after);
        case '年': {
            if (/^[度级代]/.test(after))
                return false;
            // 2026年, 二〇二六年: a calendar year, not a number of years.
            if (/^\d+$/.test(m.token) && m.value >= 1000)
                return false;
            if (/^[零〇一二两三四五六七八九]{3,}$/.test(m.token))
                return false;
            return true;
        }
        case '日':
        case '天':
            // 3月1日: a day of the month.
            return prev !== '月';
        case '月':
            // 2026年3月, 3月1日, 3月份, 3月底: a month of the calendar.
            if (prev === '年')
                return false;
            if (/^\s*(?:\d+|[零〇一二三四五六七八九十]+)\s*[日号]/.test(after))
                return false;
            return !/^[份底初中末]/.test(after);
        case '小时':
            return !SERVICE_AFTER_HOURS.test(after.trimStart());
        default:
            return true;
    }
}
/** Same kind, same unit class and same value. */
export function sameFigure(a, b) {
    return a.kind === b.kind && a.unit === b.unit && Math.abs(a.value - b.value) < 1e-9;
}
/** `20000 元`, `15 日`, `50 %` — the normalised value, for messages. */
export function describeFigure(f) {
    return `${f.value} ${f.unit}`;
}
//# sourceMappingURL=figures.js.map