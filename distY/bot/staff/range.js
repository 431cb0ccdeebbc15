import { PufaError } from '../../core/errors.js';
import { addDays, assertRange, defaultGranularity, isValidDay, namedRange, todayIn } from '../../stats/time.js';
const NAMED = { 今天: 'today', 今日: 'today', 本周: 'week', 这周: 'week', 本月: 'month', 这个月: 'month', 今年: 'year', 本年: 'year' };
const DAY = /^\d{4}-\d{1,2}-\d{1,2}$/;
function normalizeDay(s) {
    const [y, m, d] = s.split('-');
    const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    if (!isValidDay(day))
        throw new PufaError('PUFA_ERR_INPUT', `不是有效日期：${s}（格式 YYYY-MM-DD）`);
    return day;
}
export function parseStaffRange(args, timeZone, now = new Date()) {
    const words = args.split(/\s+/).filter((w) => w.length > 0);
    const days = [];
    let named;
    const rest = [];
    for (const w of words) {
        const n = NAMED[w];
        if (n)
            named = namedRange(n, timeZone, now);
        else if (w === '上月' || w === '上个月') {
            const first = `${todayIn(timeZone, now).slice(0, 7)}-01`;
            const last = addDays(first, -1);
            named = { from: `${last.slice(0, 7)}-01`, to: last };
        }
        else if (w === '昨天' || w === '昨日') {
            const y = addDays(todayIn(timeZone, now), -1);
            named = { from: y, to: y };
        }
        else if (DAY.test(w))
            days.push(normalizeDay(w));
        else
            rest.push(w);
    }
    let from;
    let to;
    if (days.length >= 2) {
        [from, to] = [days[0], days[1]];
        if (from > to)
            throw new PufaError('PUFA_ERR_INPUT', `开始日期 ${from} 晚于结束日期 ${to}`);
        assertRange(from, to);
    }
    else if (days.length === 1) {
        from = to = days[0];
    }
    else {
        ({ from, to } = named ?? namedRange('today', timeZone, now));
    }
    return { from, to, by: defaultGranularity(from, to), rest };
}
//# sourceMappingURL=range.js.map