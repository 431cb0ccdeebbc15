import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import { PufaError } from '../../core/errors.js';
import { openStatsRedis, type StatsRedis } from '../../redis/connection.js';
import { figuresLine, formatShare } from '../../stats/definitions.js';
import { TEST_CHANNELS } from '../../stats/keys.js';
import { countTestData, purgeTestData, type PurgeCount } from '../../stats/purge.js';
import type { ReviewItem, StatsReport } from '../../stats/query.js';
import { rangeDays, resolveRange, reviewList, statsReport } from '../../stats/report.js';
import { renderTable } from '../../stats/table.js';
import { addDays, assertTimeZone, chineseDate, chineseRange, formatLocal, lastDayOfMonth, namedRange, parseDay, assertRange, todayIn, type NamedRange } from '../../stats/time.js';
import { loadRuntime } from '../runtime.js';

/** A named range, plus `lastMonth`: the whole previous calendar month. */
export type StatsRange = NamedRange | 'lastMonth';

export interface StatsOptions {
  config: Config;
  logger: Logger;
  /** A named range in STATS_TIMEZONE (default `today`), or from/to. */
  range?: StatsRange;
  from?: string;
  to?: string;
  /** Grouping of the per-period table; default: day for up to a month, else month. */
  by?: string;
  /** Also list the newest N questions of the review list (within the range). */
  review?: number;
  /** Add test data (terminal chat, simulate). */
  includeTest?: boolean;
  redis?: StatsRedis;
  now?: Date;
}

export interface StatsOverview {
  report: StatsReport;
  review: ReviewItem[];
  /** For `--month` early in a month: the previous whole month, shown below the heading. */
  lastMonth?: StatsReport;
  /** The terminal rendering. */
  text: string;
}

const OUTCOME_HEADER = ['解答', '追问澄清', '非城管事项', '合计'];

/** `12月1日至12月2日` within one year, else the full dates. */
function shortRange(from: string, to: string): string {
  if (from === to) return chineseDate(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${chineseDate(from)}至${chineseDate(to).slice(5)}`;
  return `${chineseDate(from)}至${chineseDate(to)}`;
}

const RANGE_NAMES: Record<StatsRange, string> = { today: '今天', week: '本周', month: '本月', year: '今年', lastMonth: '上月' };

function signed(rel: number | null): string {
  if (rel === null) return '—';
  const pct = (rel * 100).toFixed(1);
  return rel > 0 ? `+${pct}%` : `${pct}%`;
}

/** The heading: which dates the figures cover, and whether a named range is to date. */
export function statsHeading(report: StatsReport, range?: StatsRange, today?: string): string {
  const days = rangeDays(report.from, report.to);
  const toDate = range && range !== 'lastMonth' && today === report.to && range !== 'today' ? '，截至今天' : '';
  const name = range ? `${RANGE_NAMES[range]}：` : '';
  const test = report.includeTest ? '（含测试数据）' : '';
  return `${name}${shortRange(report.from, report.to)}（${report.from} ~ ${report.to}，共 ${days} 天${toDate}，${report.timezone}）${test}`;
}

/** Render a report as terminal tables (totals, topics, channels, periods, groups, review list). */
export function renderOverview(report: StatsReport, review: ReviewItem[] = [], extra: { range?: StatsRange; today?: string; lastMonth?: StatsReport } = {}): string {
  const t = report.totals;
  const out: string[] = [];
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
  if (report.feedback.helpful + report.feedback.notHelpful > 0) out.push(`群众反馈：有帮助 ${report.feedback.helpful}，没帮助 ${report.feedback.notHelpful}`);
  if (report.testLeftOut > 0) out.push(`另有测试数据 ${report.testLeftOut} 人次未计入（终端对话、pufa simulate；加 --include-test 可计入）`);
  out.push('');
  const topics = report.topicTotals.filter((r) => r.total > 0 || r.secondary > 0);
  const anySecondary = topics.some((r) => r.secondary > 0);
  const topicHeader = ['话题', ...OUTCOME_HEADER, ...(anySecondary ? ['兼涉'] : [])];
  const topicRow = (r: { answered: number; clarified: number; outOfScope: number; total: number }, name: string, secondary?: number): (string | number)[] => [name, r.answered, r.clarified, r.outOfScope, r.total, ...(anySecondary ? [secondary ?? ''] : [])];
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
    if (report.roomTotals.length > 10) out.push(`… 共 ${report.roomTotals.length} 个群（完整列表用 pufa export --format xlsx）`);
  }
  if (review.length > 0) out.push('', renderReview(review, report.timezone));
  return `${out.join('\n')}\n`;
}

/** The review list: newest first, merged identical questions with a count, reason, topic and offered choices. */
export function renderReview(review: ReviewItem[], timezone: string): string {
  const out = ['待改进的问题（本期内，最新在前，相同问题合并计数）:'];
  review.forEach((r, i) => {
    const at = Number.isNaN(Date.parse(r.at)) ? r.at : formatLocal(new Date(r.at), timezone);
    const times = r.count > 1 ? ` ×${r.count}` : '';
    const topic = r.topicName ? ` 话题:${r.topicName}` : '';
    out.push(`${String(i + 1).padStart(2)}. ${at}  [${r.reasonName}]${topic}${times}`);
    out.push(`    ${r.text}`);
    if (r.choices.length > 0) out.push(`    提供的选项：${r.choices.map((c, k) => `${k + 1}. ${c}`).join('  ')}`);
  });
  return out.join('\n');
}

/** from/to of the options (explicit dates or a named range, default today). */
export function statsRange(options: Pick<StatsOptions, 'range' | 'from' | 'to'>, timeZone: string, now?: Date): { from: string; to: string } {
  if (options.from !== undefined || options.to !== undefined) {
    if (options.from === undefined || options.to === undefined) throw new PufaError('PUFA_ERR_INPUT', '--from 和 --to 需要同时给出 / give both --from and --to');
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
export async function statsOverview(options: StatsOptions): Promise<StatsOverview> {
  const { config, logger } = options;
  assertTimeZone(config.STATS_TIMEZONE);
  const { from, to } = statsRange(options, config.STATS_TIMEZONE, options.now);
  resolveRange({ from, to, by: options.by });
  const store = options.redis ? undefined : await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-stats' });
  try {
    const redis = options.redis ?? store!.redis;
    const includeTest = options.includeTest === true;
    const report = await statsReport({ config, logger, redis, from, to, ...(options.by ? { by: options.by } : {}), includeTest, examples: 0 });
    const review = options.review ? await reviewList({ config, logger, redis, from, to, count: options.review, includeTest }) : [];
    const today = todayIn(config.STATS_TIMEZONE, options.now);
    let lastMonth: StatsReport | undefined;
    if (options.range === 'month' && rangeDays(from, to) <= 7) {
      const lm = statsRange({ range: 'lastMonth' }, config.STATS_TIMEZONE, options.now);
      lastMonth = await statsReport({ config, logger, redis, ...lm, by: 'month', includeTest, compare: false, examples: 0 });
    }
    const text = renderOverview(report, review, { ...(options.range ? { range: options.range } : {}), today, ...(lastMonth ? { lastMonth } : {}) });
    return { report, review, ...(lastMonth ? { lastMonth } : {}), text };
  } finally {
    await store?.close();
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new PufaError('PUFA_ERR_INPUT', `--review 需要 1–10000 的整数 / --review needs a whole number 1–10000 (got ${JSON.stringify(value)})`);
  return n;
}

export interface PurgeCommandOptions {
  config: Config;
  logger: Logger;
  from: string;
  to: string;
  /** Channels (console, private, room); default all. */
  channels?: string[];
  /** Asked before deleting; resolves true to go on. Not called with `yes`. */
  confirm?: (count: PurgeCount, text: string) => Promise<boolean>;
  yes?: boolean;
  redis?: StatsRedis;
}

/** The library form of `pufa stats purge`: count, confirm, delete test data. */
export async function purgeCommand(options: PurgeCommandOptions): Promise<{ count: PurgeCount; deleted: boolean; text: string }> {
  const { config, logger } = options;
  const { from, to } = resolveRange({ from: options.from, to: options.to });
  const channels = options.channels ?? [];
  for (const ch of channels) {
    if (!(TEST_CHANNELS as readonly string[]).includes(ch)) throw new PufaError('PUFA_ERR_INPUT', `--channel 只能是 ${TEST_CHANNELS.join('|')} / --channel must be one of ${TEST_CHANNELS.join(', ')} (got ${JSON.stringify(ch)})`);
  }
  const store = options.redis ? undefined : await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-purge' });
  try {
    const redis = options.redis ?? store!.redis;
    const opts = { prefix: config.REDIS_PREFIX, from, to, channels, timezone: config.STATS_TIMEZONE };
    const count = await countTestData(redis, opts);
    const what = `${shortRange(from, to)} ${channels.length > 0 ? channels.join('、') : '全部渠道'}的测试数据：咨询 ${count.consultations} 人次，闲聊 ${count.chitchat} 条，待改进问题 ${count.reviewEntries} 条（正式数据不受影响）`;
    if (count.keys === 0 && count.reviewEntries === 0) return { count, deleted: false, text: `没有可删除的测试数据：${what}\n` };
    if (!options.yes) {
      if (!options.confirm || !(await options.confirm(count, what))) return { count, deleted: false, text: `未删除 / nothing deleted：${what}\n` };
    }
    await purgeTestData(redis, opts);
    return { count, deleted: true, text: `已删除 / deleted：${what}\n` };
  } finally {
    await store?.close();
  }
}

/** Ask on the terminal; without a terminal, refuse (use --yes in scripts). */
async function askOnTerminal(_count: PurgeCount, what: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    process.stderr.write(`将删除 ${what}\n没有终端可确认；脚本中请加 --yes / no terminal to confirm: add --yes\n`);
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`将删除 ${what}\n确定删除吗？输入 yes 确认 / type yes to delete: `);
    return /^(y|yes|是|确认)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export function registerStatsCommand(program: Command): void {
  // `pufa stats purge --from …`: the options after `purge` are purge's own, not `stats`'s
  // (commander needs positional options on every level above; `pufa` itself has only -V/-h).
  program.enablePositionalOptions();
  const stats = program
    .command('stats')
    .description('在终端查看咨询统计 (quick statistics table in the terminal)')
    .enablePositionalOptions()
    .option('--today', '今天 today (default)')
    .option('--week', '本周 this week (Monday to today)')
    .option('--month', '本月 this calendar month to today (early in a month, last month is shown too)')
    .option('--last-month', '上月 the whole previous calendar month')
    .option('--year', '今年 this year to today')
    .option('--from <date>', '开始日期 YYYY-MM-DD')
    .option('--to <date>', '结束日期 YYYY-MM-DD')
    .option('--by <period>', '分时段 group by day|week|month|year')
    .option('--review [n]', '列出本期待改进的问题 list the period\'s questions to review (declined, asked back, low confidence, 👎), newest first (default 20)')
    .option('--include-test', '计入测试数据 include test data (terminal chat, pufa simulate)')
    .addHelpText('after', '\nExamples:\n  pufa stats --today\n  pufa stats --month --review\n  pufa stats --last-month\n  pufa stats --from 2026-01-01 --to 2026-03-31 --by month\n  pufa stats purge --channel console --from 2026-11-01 --to 2026-11-30')
    .action(async (opts: { today?: boolean; week?: boolean; month?: boolean; lastMonth?: boolean; year?: boolean; from?: string; to?: string; by?: string; review?: string | boolean; includeTest?: boolean }) => {
      const named = (['today', 'week', 'month', 'lastMonth', 'year'] as const).filter((k) => opts[k]);
      if (named.length > 1 || (named.length > 0 && (opts.from || opts.to))) {
        throw new PufaError('PUFA_ERR_INPUT', '只能选择一个时间范围 / choose one range: --today, --week, --month, --last-month, --year or --from/--to');
      }
      const { config, logger } = loadRuntime();
      const options: StatsOptions = { config, logger, includeTest: opts.includeTest === true };
      if (named[0]) options.range = named[0];
      if (opts.from !== undefined) options.from = opts.from;
      if (opts.to !== undefined) options.to = opts.to;
      if (opts.by !== undefined) options.by = opts.by;
      if (opts.review !== undefined) options.review = opts.review === true ? 20 : positiveInt(String(opts.review));
      const result = await statsOverview(options);
      process.stdout.write(result.text);
    });

  stats
    .command('purge')
    .description('删除测试数据（终端对话、pufa simulate），正式数据不受影响 (remove test data after a confirmation)')
    .requiredOption('--from <date>', '开始日期 YYYY-MM-DD')
    .requiredOption('--to <date>', '结束日期 YYYY-MM-DD')
    .option('--channel <channel...>', `渠道 ${TEST_CHANNELS.join('|')} (default: all)`)
    .option('--yes', '不再确认 do not ask (for scripts)')
    .addHelpText('after', '\nExamples:\n  pufa stats purge --channel console --from 2026-11-01 --to 2026-11-30\n  pufa stats purge --from 2026-01-01 --to 2026-12-31 --yes')
    .action(async (opts: { from: string; to: string; channel?: string[]; yes?: boolean }) => {
      const { config, logger } = loadRuntime();
      const result = await purgeCommand({ config, logger, from: opts.from, to: opts.to, channels: opts.channel ?? [], yes: opts.yes === true, confirm: askOnTerminal });
      process.stdout.write(result.text);
      if (!result.deleted && result.count.keys + result.count.reviewEntries > 0) process.exitCode = 1;
    });
}
