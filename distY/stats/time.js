import { PufaError } from '../core/errors.js';
export const GRANULARITIES = ['day', 'week', 'month', 'year'];
const formatters = new Map();
function formatterFor(timeZone) {
    let f = formatters.get(timeZone);
    if (!f) {
        try {
            f = new Intl.DateTimeFormat('en-US', {
                timeZone,
                year: 'numeric',
                month: '2-digit',
                day: '2-digit',
                hour: '2-digit',
                hourCycle: 'h23',
            });
        }
        catch (err) {
            throw new PufaError('PUFA_ERR_CONFIG', `STATS_TIMEZONE: unknown time zone ${JSON.stringify(timeZone)} (use an IANA name such as Asia/Shanghai)`, { cause: err });
        }
        formatters.set(timeZone, f);
    }
    return f;
}
/** Throws PUFA_ERR_CONFIG for a time zone the runtime does not know. */
export function assertTimeZone(timeZone) {
    formatterFor(timeZone);
}
// Every real time zone offset is a multiple of 15 minutes, so all moments inside one
// 15-minute slot of the epoch share day and hour. Caching per slot makes record() cheap.
const SLOT_MS = 15 * 60 * 1000;
/** Day / month / year / hour of `date` in `timeZone`. Cached per 15-minute slot. */
export function createBucketer(timeZone) {
    const f = formatterFor(timeZone);
    let lastSlot = Number.NaN;
    let last;
    return (date) => {
        const slot = Math.floor(date.getTime() / SLOT_MS);
        if (slot === lastSlot && last)
            return last;
        const parts = {};
        for (const p of f.formatToParts(date))
            parts[p.type] = p.value;
        const year = parts.year ?? '1970';
        const month = `${year}-${parts.month ?? '01'}`;
        const bucket = { day: `${month}-${parts.day ?? '01'}`, month, year, hour: Number(parts.hour ?? '0') % 24 };
        lastSlot = slot;
        last = bucket;
        return bucket;
    };
}
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** True for a real calendar date `YYYY-MM-DD` (rejects 2026-02-30). */
export function isValidDay(s) {
    const m = DAY_RE.exec(s);
    if (!m)
        return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1)
        return false;
    const t = new Date(Date.UTC(y, mo - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
/** Parse a `--from`/`--to` value; throws PUFA_ERR_INPUT with a bilingual message. */
export function parseDay(value, flag) {
    const s = value.trim();
    if (!DAY_RE.test(s)) {
        throw new PufaError('PUFA_ERR_INPUT', `${flag} 日期格式应为 YYYY-MM-DD / ${flag} must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
    }
    if (!isValidDay(s)) {
        throw new PufaError('PUFA_ERR_INPUT', `${flag} 不是有效日期 / ${flag} is not a real calendar date (got ${JSON.stringify(value)})`);
    }
    return s;
}
/** Check from ≤ to; throws PUFA_ERR_INPUT otherwise. */
export function assertRange(from, to) {
    if (from > to) {
        throw new PufaError('PUFA_ERR_INPUT', `开始日期晚于结束日期 / --from ${from} is after --to ${to}`);
    }
}
function toUtc(day) {
    const m = DAY_RE.exec(day);
    if (!m)
        throw new PufaError('PUFA_ERR_INPUT', `not a date: ${day}`);
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}
function fromUtc(d) {
    return d.toISOString().slice(0, 10);
}
export function addDays(day, n) {
    const d = toUtc(day);
    d.setUTCDate(d.getUTCDate() + n);
    return fromUtc(d);
}
/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from, to) {
    const out = [];
    for (let d = from; d <= to; d = addDays(d, 1))
        out.push(d);
    return out;
}
/** Number of days in [from, to], both included (the one day-span formula). */
export function spanDays(from, to) {
    return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000) + 1;
}
/** The last day of the month `months` after the month of `day` (0: its own month). */
function monthEnd(day, months = 0) {
    const d = toUtc(day);
    return fromUtc(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)));
}
/** The first day of the month `months` after the month of `day`. */
function monthStart(day, months) {
    const d = toUtc(day);
    return fromUtc(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}
/** The same date a year earlier (never asked for 29 February: a month's last day takes the whole-months rule). */
function yearEarlier(day) {
    const d = toUtc(day);
    return fromUtc(new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate())));
}
/**
 * The period a range is compared with, as a report compares it:
 * - whole calendar months (a month, a quarter, a year: from the 1st to a month's last day) → as
 *   many whole months just before (环比): March → February; Q2 → Q1; 2026 → 2025;
 * - a year so far (1 January to a day of the same year: "今年") → the same dates a year
 *   earlier (上年同期): 1 Jan–3 Dec 2026 → 1 Jan–3 Dec 2025;
 * - any other range → the stretch of the same length just before it: 1–3 May → 28–30 April.
 */
export function previousPeriod(from, to) {
    const f = toUtc(from);
    const t = toUtc(to);
    if (f.getUTCDate() === 1 && monthEnd(to) === to) {
        const months = (t.getUTCFullYear() - f.getUTCFullYear()) * 12 + (t.getUTCMonth() - f.getUTCMonth()) + 1;
        return { from: monthStart(from, -months), to: monthEnd(from, -1) };
    }
    if (f.getUTCMonth() === 0 && f.getUTCDate() === 1 && t.getUTCFullYear() === f.getUTCFullYear())
        return { from: yearEarlier(from), to: yearEarlier(to) };
    return { from: addDays(from, -spanDays(from, to)), to: addDays(from, -1) };
}
/** How a range is grouped when nobody said: by day up to a month (31 days), else by month. */
export function defaultGranularity(from, to) {
    return spanDays(from, to) <= 31 ? 'day' : 'month';
}
/** ISO weekday 1 (Monday) … 7 (Sunday). */
function isoWeekday(day) {
    const wd = toUtc(day).getUTCDay();
    return wd === 0 ? 7 : wd;
}
/** ISO-8601 week label `2026-W01` (weeks start on Monday, as in Chinese calendars). */
export function isoWeek(day) {
    const d = toUtc(day);
    // The Thursday of this week decides the week-year.
    d.setUTCDate(d.getUTCDate() + 4 - isoWeekday(day));
    const weekYear = d.getUTCFullYear();
    const jan1 = Date.UTC(weekYear, 0, 1);
    const week = Math.floor((d.getTime() - jan1) / 86_400_000 / 7) + 1;
    return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
export function lastDayOfMonth(month) {
    const [y, m] = month.split('-').map(Number);
    return fromUtc(new Date(Date.UTC(y, m, 0)));
}
/** The period label a day belongs to. */
export function periodOf(day, by) {
    switch (by) {
        case 'day':
            return day;
        case 'week':
            return isoWeek(day);
        case 'month':
            return day.slice(0, 7);
        case 'year':
            return day.slice(0, 4);
    }
}
/** Split [from, to] into periods (the first and last may be partial). */
export function splitPeriods(from, to, by) {
    const out = [];
    for (const day of daysBetween(from, to)) {
        const label = periodOf(day, by);
        const last = out[out.length - 1];
        if (last && last.period === label) {
            last.to = day;
            last.days.push(day);
        }
        else {
            out.push({ period: label, from: day, to: day, days: [day] });
        }
    }
    return out;
}
/**
 * Cover [from, to] with the coarsest calendar units: whole years, whole months, single
 * days. Distinct-citizen counts use the matching year/month/day HyperLogLogs, so a whole
 * year costs one key rather than 365.
 */
export function coverRange(from, to) {
    const years = [];
    const months = [];
    const days = [];
    let d = from;
    while (d <= to) {
        const y = d.slice(0, 4);
        const m = d.slice(0, 7);
        if (d.endsWith('-01-01') && `${y}-12-31` <= to) {
            years.push(y);
            d = `${Number(y) + 1}-01-01`;
        }
        else if (d.endsWith('-01') && lastDayOfMonth(m) <= to) {
            months.push(m);
            d = addDays(lastDayOfMonth(m), 1);
        }
        else {
            days.push(d);
            d = addDays(d, 1);
        }
    }
    return { years, months, days };
}
/** Today and common ranges in the bureau's time zone. */
export function todayIn(timeZone, now = new Date()) {
    return createBucketer(timeZone)(now).day;
}
/** This week (Monday..today), this month, this year — up to today, in `timeZone`. */
export function namedRange(name, timeZone, now = new Date()) {
    const today = todayIn(timeZone, now);
    switch (name) {
        case 'today':
            return { from: today, to: today };
        case 'week':
            return { from: addDays(today, 1 - isoWeekday(today)), to: today };
        case 'month':
            return { from: `${today.slice(0, 7)}-01`, to: today };
        case 'year':
            return { from: `${today.slice(0, 4)}-01-01`, to: today };
    }
}
/** `2026年1月5日` */
export function chineseDate(day) {
    const [y, m, d] = day.split('-').map(Number);
    return `${y}年${m}月${d}日`;
}
/**
 * How the year-end report names a range: `2026年` for a whole year, `2026年3月` for a whole
 * month, `2025年至2026年`, otherwise `2026年1月1日至2026年3月31日`.
 */
export function chineseRange(from, to) {
    const cover = coverRange(from, to);
    if (cover.months.length === 0 && cover.days.length === 0 && cover.years.length > 0) {
        const first = cover.years[0];
        const last = cover.years[cover.years.length - 1];
        return first === last ? `${first}年` : `${first}年至${last}年`;
    }
    if (cover.years.length === 0 && cover.days.length === 0 && cover.months.length === 1) {
        const [y, m] = cover.months[0].split('-').map(Number);
        return `${y}年${m}月`;
    }
    if (from === to)
        return chineseDate(from);
    return `${chineseDate(from)}至${chineseDate(to)}`;
}
const offsetFormatters = new Map();
/** Offset of `timeZone` from UTC at `date`, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(timeZone, date) {
    let f = offsetFormatters.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
        offsetFormatters.set(timeZone, f);
    }
    const name = f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (!m)
        return 0;
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    return m[1] === '-' ? -minutes : minutes;
}
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/**
 * Parse an ISO date or date-time strictly (2026-02-30 is rejected). Without an offset
 * (`2026-03-01T09:30`, `2026-03-01`) the time is read in `timeZone`, the bureau's clock.
 */
export function parseDateTime(value, timeZone) {
    const m = DATE_TIME_RE.exec(value.trim());
    if (!m)
        return undefined;
    const [, day = '', hh = '00', mi = '00', ss = '00', ms = '0', zone] = m;
    if (!isValidDay(day) || Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59)
        return undefined;
    if (zone) {
        const t = Date.parse(`${day}T${hh}:${mi}:${ss}.${ms.padEnd(3, '0')}${zone}`);
        return Number.isNaN(t) ? undefined : new Date(t);
    }
    const [y, mo, d] = day.split('-').map(Number);
    const civil = Date.UTC(y, mo - 1, d, Number(hh), Number(mi), Number(ss), Number(ms.padEnd(3, '0')));
    const guess = civil - zoneOffsetMinutes(timeZone, new Date(civil)) * 60_000;
    return new Date(civil - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000);
}
/** `2026-03-01 09:30` in `timeZone`. */
export function formatLocal(date, timeZone) {
    const b = createBucketer(timeZone)(date);
    const minutes = new Date(date.getTime() + zoneOffsetMinutes(timeZone, date) * 60_000).getUTCMinutes();
    return `${b.day} ${String(b.hour).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
//# sourceMappingURL=time.js.map