import { PufaError } from '../../core/errors.js';
import { isValidDay } from '../../stats/time.js';
/**
 * `#定时 2026-01-05 09:30 …`: a civil date and time in the bureau's time zone
 * (STATS_TIMEZONE) → a moment. Works whatever the machine's own time zone is.
 */
const WHEN = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2})[:：](\d{2})(?:\s+|$)/u;
function offsetMs(timeZone, at) {
    const parts = {};
    const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    for (const p of f.formatToParts(new Date(at)))
        if (p.type !== 'literal')
            parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, (parts.hour ?? 0) % 24, parts.minute ?? 0, parts.second ?? 0);
    return asUtc - Math.floor(at / 1000) * 1000;
}
/** Milliseconds since the epoch of `day hour:minute` in `timeZone`. */
export function zonedTime(day, hour, minute, timeZone) {
    const [y, m, d] = day.split('-').map(Number);
    const guess = Date.UTC(y, m - 1, d, hour, minute);
    let at = guess - offsetMs(timeZone, guess);
    // Near a DST change the offset at the result may differ from the guess's: correct once.
    at = guess - offsetMs(timeZone, at);
    return at;
}
/** `YYYY-MM-DD HH:mm` of a moment in `timeZone`. */
export function formatZoned(at, timeZone) {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const p = {};
    for (const part of f.formatToParts(new Date(at)))
        p[part.type] = part.value;
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
/** Split `#定时` arguments into the moment and the rest. Throws PUFA_ERR_INPUT with a Chinese message. */
export function parseSchedule(args, timeZone, now = Date.now()) {
    const m = WHEN.exec(args.trim());
    if (!m)
        throw new PufaError('PUFA_ERR_INPUT', '时间格式应为 YYYY-MM-DD HH:mm，例如：#定时 2026-01-05 09:30 @新洲 明天上午停水通知……');
    const [, day, hh, mm] = m;
    const hour = Number(hh);
    const minute = Number(mm);
    if (!isValidDay(day) || hour > 23 || minute > 59)
        throw new PufaError('PUFA_ERR_INPUT', `不是有效的日期时间：${day} ${hh}:${mm}`);
    const at = zonedTime(day, hour, minute, timeZone);
    if (at <= now)
        throw new PufaError('PUFA_ERR_INPUT', `${day} ${hh}:${mm} 已经过去了，请给一个将来的时间。`);
    return { at, rest: args.trim().slice(m[0].length).trim() };
}
//# sourceMappingURL=schedule.js.map