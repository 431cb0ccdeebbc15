import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import { PufaError } from '../../core/errors.js';
import { openStatsRedis, type StatsRedis } from '../../redis/connection.js';
import { queryStats, readReview, type ReviewItem, type StatsReport } from '../../stats/query.js';
import { renderTable } from '../../stats/table.js';
import { assertRange, assertTimeZone, chineseRange, formatLocal, namedRange, parseDay, type Granularity, type NamedRange } from '../../stats/time.js';
import { loadTopics } from '../../stats/topics.js';
import { loadRuntime } from '../runtime.js';
import { parseGranularity } from './export.js';

export interface StatsOptions {
  config: Config;
  logger: Logger;
  /** A named range in STATS_TIMEZONE (default `today`), or from/to. */
  range?: NamedRange;
  from?: string;
  to?: string;
  /** Grouping of the per-period table; default: day for up to a month, else month. */
  by?: string;
  /** Also list the newest N questions of the review list. */
  review?: number;
  redis?: StatsRedis;
  now?: Date;
}

export interface StatsOverview {
  report: StatsReport;
  review: ReviewItem[];
  /** The terminal rendering. */
  text: string;
}

const OUTCOME_HEADER = ['解答', '追问澄清', '非城管事项', '合计'];

/** Render a report as terminal tables (topics, channels, periods). */
export function renderOverview(report: StatsReport, review: ReviewItem[] = []): string {
  const t = report.totals;
  const out: string[] = [];
  out.push(`${chineseRange(report.from, report.to)}（${report.from} ~ ${report.to}，${report.timezone}）`);
  out.push(`咨询 ${t.total} 人次，群众 ${t.citizens} 人；解答 ${t.answered}，追问澄清 ${t.clarified}，非城管事项 ${t.outOfScope}；闲聊 ${report.chitchat}${report.dropped > 0 ? `；未计入 ${report.dropped}` : ''}`);
  out.push('');
  const topics = report.topicTotals.filter((r) => r.total > 0);
  out.push(renderTable(['话题', ...OUTCOME_HEADER], [...topics.map((r) => [r.topicName, r.answered, r.clarified, r.outOfScope, r.total]), ['合计', t.answered, t.clarified, t.outOfScope, t.total]]));
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
  if (review.length > 0) {
    out.push('');
    out.push('待改进的问题（最新在前）:');
    for (const r of review) {
      const at = Number.isNaN(Date.parse(r.at)) ? r.at : formatLocal(new Date(r.at), report.timezone);
      out.push(`  ${at}  ${r.action === 'clarify' ? '追问' : '非城管'}  ${r.text}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The library form of `pufa stats`. */
export async function statsOverview(options: StatsOptions): Promise<StatsOverview> {
  const { config, logger } = options;
  assertTimeZone(config.STATS_TIMEZONE);
  let from: string;
  let to: string;
  if (options.from !== undefined || options.to !== undefined) {
    if (options.from === undefined || options.to === undefined) throw new PufaError('PUFA_ERR_INPUT', '--from 和 --to 需要同时给出 / give both --from and --to');
    from = parseDay(options.from, '--from');
    to = parseDay(options.to, '--to');
    assertRange(from, to);
  } else {
    ({ from, to } = namedRange(options.range ?? 'today', config.STATS_TIMEZONE, options.now));
  }
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  const by: Granularity = options.by ? parseGranularity(options.by) : days <= 31 ? 'day' : 'month';
  const topics = loadTopics(config.PUFA_KNOWLEDGE_DIR);
  const store = options.redis ? undefined : await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-stats' });
  try {
    const redis = options.redis ?? store!.redis;
    const report = await queryStats(redis, { from, to, by, prefix: config.REDIS_PREFIX, topics, timezone: config.STATS_TIMEZONE });
    const review = options.review ? await readReview(redis, { prefix: config.REDIS_PREFIX, count: options.review }) : [];
    return { report, review, text: renderOverview(report, review) };
  } finally {
    await store?.close();
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new PufaError('PUFA_ERR_INPUT', `--review 需要 1–10000 的整数 / --review needs a whole number 1–10000 (got ${JSON.stringify(value)})`);
  return n;
}

export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('在终端查看咨询统计 (quick statistics table in the terminal)')
    .option('--today', '今天 today (default)')
    .option('--week', '本周 this week (Monday to today)')
    .option('--month', '本月 this month')
    .option('--year', '今年 this year')
    .option('--from <date>', '开始日期 YYYY-MM-DD')
    .option('--to <date>', '结束日期 YYYY-MM-DD')
    .option('--by <period>', '分时段 group by day|week|month|year')
    .option('--review [n]', '列出最新的待改进问题 list the newest N clarify/out-of-scope questions (default 20)')
    .addHelpText('after', '\nExamples:\n  pufa stats --today\n  pufa stats --month --review\n  pufa stats --from 2026-01-01 --to 2026-03-31 --by month')
    .action(async (opts: { today?: boolean; week?: boolean; month?: boolean; year?: boolean; from?: string; to?: string; by?: string; review?: string | boolean }) => {
      const named = (['today', 'week', 'month', 'year'] as const).filter((k) => opts[k]);
      if (named.length > 1 || (named.length > 0 && (opts.from || opts.to))) {
        throw new PufaError('PUFA_ERR_INPUT', '只能选择一个时间范围 / choose one range: --today, --week, --month, --year or --from/--to');
      }
      const { config, logger } = loadRuntime();
      const options: StatsOptions = { config, logger };
      if (named[0]) options.range = named[0];
      if (opts.from !== undefined) options.from = opts.from;
      if (opts.to !== undefined) options.to = opts.to;
      if (opts.by !== undefined) options.by = opts.by;
      if (opts.review !== undefined) options.review = opts.review === true ? 20 : positiveInt(String(opts.review));
      const result = await statsOverview(options);
      process.stdout.write(result.text);
    });
}
