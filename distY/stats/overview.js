import { PufaError } from '../core/errors.js';
import { openStatsRedis } from '../redis/connection.js';
import { figuresLine, formatShare } from './definitions.js';
import { rangeDays, resolveRange, reviewList, statsReport } from './report.js';
import { renderTable } from './table.js';
import { addDays, assertTimeZone, chineseDate, chineseRange, formatLocal, lastDayOfMonth, namedRange, parseDay, assertRange, todayIn } from './time.js';
const OUTCOME_HEADER = ['解答', '追问澄清', '非城管事项', '合计'];
/** `12月1日至12月2日` within one year, else the full dates. */
export function shortRange(from, to) {
    if (from === to)
        return chineseDate(from);
    if (from.slice(0, 4) === to.slice(0, 4))
        return `${chineseDate(from)}至${chineseDate(to).slice(5)}`;
    return `${chineseDate(from)}至${chineseDate(to)}`;
}
const RANGE_NAMES = { today: '今天', week: '本周', month: '本月', year: '今年', lastMonth: '上月' };
function signed(rel) {
    if (rel === null)
        return '—';
    const pct = (rel * 100).toFixed(1);
    return rel > 0 ? `+${pct}%` : `${pct}%`;
}
/** The heading: which dates the figures cover, and whether a named range is to date. */
export function statsHeading(report, range, today) {
    const days = rangeDays(report.from, report.to);
    const toDate = range && range !== 'lastMonth' && today === report.to && range !== 'today' ? '，截至今天' : '';
    const name = range ? `${RANGE_NAMES[range]}：` : '';
    const test = report.includeTest ? '（含测试数据）' : '';
    return `${name}${shortRange(report.from, report.to)}（${report.from} ~ ${report.to}，共 ${days} 天${toDate}，${report.timezone}）${test}`;
}
/** Render a report as terminal tables (totals, topics, channels, periods, groups, review list). */
export function renderOverview(report, review = [], extra = {}) {
    const t = report.totals;
    const out = [];
    out.push(statsHeading(report, extra.range, extra.today));
    if (extra.lastMonth) {
        const lm = extra.lastMonth;
        out.push(`上月（${chineseRange(lm.from, lm.to)}）全月：咨询 ${lm.totals.total} 人次，解答率 ${formatShare(lm.answeredShare)}（完整数据：pufa stats --last-month）`);
    }
    out.push(`${figuresLine(t, report.chitchat)}；群众 ${t.citizens} 人${report.dropped > 0 ? `；未计入 ${report.dropped}` : ''}`);
    if (report.previous) {
        const p = report.previous;
        out.push(`上一同期（${shortRange(p.from, p.to)}）咨询 ${p.totals.total} 人次，本期 ${signed(p.change.total)}；解答率 ${formatShare(p.answeredShare)}`);
    }
    out.push(`公告推送 ${report.announcements.pushes} 次，送达 ${report.announcements.groupsReached} 个群次`);
    if (report.feedback.helpful + report.feedback.notHelpful > 0)
        out.push(`群众反馈：有帮助 ${report.feedback.helpful}，没帮助 ${report.feedback.notHelpful}`);
    if (report.testLeftOut > 0)
        out.push(`另有测试数据 ${report.testLeftOut} 人次未计入（终端对话、pufa simulate；加 --include-test 可计入）`);
    out.push('');
    const topics = report.topicTotals.filter((r) => r.total > 0 || r.secondary > 0);
    const anySecondary = topics.some((r) => r.secondary > 0);
    const topicHeader = ['话题', ...OUTCOME_HEADER, ...(anySecondary ? ['兼涉'] : [])];
    const topicRow = (r, name, secondary) => [name, r.answered, r.clarified, r.outOfScope, r.total, ...(anySecondary ? [secondary ?? ''] : [])];
    out.push(renderTable(topicHeader, [...topics.map((r) => topicRow(r, r.topicName, r.secondary)), topicRow(t, '合计')]));
    out.push('');
    out.push(renderTable(['渠道', ...OUTCOME_HEADER], report.channelTotals.map((r) => [r.channelName, r.answered, r.clarified, r.outOfScope, r.total])));
    const busy = report.periods.filter((p) => p.total > 0);
    if (report.periods.length > 1 && busy.length > 0) {
        out.push('');
        out.push(renderTable(['时间段', ...OUTCOME_HEADER, '群众'], busy.map((p) => [p.period, p.answered, p.clarified, p.outOfScope, p.total, p.citizens])));
    }
    if (report.roomTotals.length > 0) {
        out.push('');
        out.push(renderTable(['群', ...OUTCOME_HEADER], report.roomTotals.slice(0, 10).map((r) => [r.roomName, r.answered, r.clarified, r.outOfScope, r.total])));
        if (report.roomTotals.length > 10)
            out.push(`… 共 ${report.roomTotals.length} 个群（完整列表用 pufa export --format xlsx）`);
    }
    if (review.length > 0)
        out.push('', renderReview(review, report.timezone));
    return `${out.join('\n')}\n`;
}
/** The review list: newest first, merged identical questions with a count, reason, topic and offered choices. */
export function renderReview(review, timezone) {
    const out = ['待改进的问题（本期内，最新在前，相同问题合并计数）:'];
    review.forEach((r, i) => {
        const at = Number.isNaN(Date.parse(r.at)) ? r.at : formatLocal(new Date(r.at), timezone);
        const times = r.count > 1 ? ` ×${r.count}` : '';
        const topic = r.topicName ? ` 话题:${r.topicName}` : '';
        out.push(`${String(i + 1).padStart(2)}. ${at}  [${r.reasonName}]${topic}${times}`);
        out.push(`    ${r.text}`);
        if (r.choices.length > 0)
            out.push(`    提供的选项：${r.choices.map((c, k) => `${k + 1}. ${c}`).join('  ')}`);
    });
    return out.join('\n');
}
/** from/to of the options (explicit dates or a named range, default today). */
export function statsRange(options, timeZone, now) {
    if (options.from !== undefined || options.to !== undefined) {
        if (options.from === undefined || options.to === undefined)
            throw new PufaError('PUFA_ERR_INPUT', '--from 和 --to 需要同时给出 / give both --from and --to');
        const from = parseDay(options.from, '--from');
        const to = parseDay(options.to, '--to');
        assertRange(from, to);
        return { from, to };
    }
    if (options.range === 'lastMonth') {
        const first = `${todayIn(timeZone, now).slice(0, 7)}-01`;
        const last = addDays(first, -1);
        return { from: `${last.slice(0, 7)}-01`, to: lastDayOfMonth(last.slice(0, 7)) };
    }
    return namedRange(options.range ?? 'today', timeZone, now);
}
/**
 * The library form of `pufa stats`. `--month` is the calendar month to date; its heading
 * names the dates covered, and during the first 7 days of a month the previous whole month
 * is shown too (staff on 2 December should not think November vanished).
 */
export async function statsOverview(options) {
    const { config, logger } = options;
    assertTimeZone(config.STATS_TIMEZONE);
    const { from, to } = statsRange(options, config.STATS_TIMEZONE, options.now);
    resolveRange({ from, to, by: options.by });
    const store = options.redis ? undefined : await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-stats' });
    try {
        const redis = options.redis ?? store.redis;
        const includeTest = options.includeTest === true;
        const report = await statsReport({ config, logger, redis, from, to, ...(options.by ? { by: options.by } : {}), includeTest, examples: 0 });
        const review = options.review ? await reviewList({ config, logger, redis, from, to, count: options.review, includeTest }) : [];
        const today = todayIn(config.STATS_TIMEZONE, options.now);
        let lastMonth;
        if (options.range === 'month' && rangeDays(from, to) <= 7) {
            const lm = statsRange({ range: 'lastMonth' }, config.STATS_TIMEZONE, options.now);
            lastMonth = await statsReport({ config, logger, redis, ...lm, by: 'month', includeTest, compare: false, examples: 0 });
        }
        const text = renderOverview(report, review, { ...(options.range ? { range: options.range } : {}), today, ...(lastMonth ? { lastMonth } : {}) });
        return { report, review, ...(lastMonth ? { lastMonth } : {}), text };
    }
    finally {
        await store?.close();
    }
}
//# sourceMappingURL=overview.js.map