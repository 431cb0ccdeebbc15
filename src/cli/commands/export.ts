import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import { PufaError } from '../../core/errors.js';
import { openStatsRedis, type StatsRedis } from '../../redis/connection.js';
import { EXPORT_FORMATS, parseFormat, renderReport, type ExportFormat } from '../../stats/export/index.js';
import { queryStats, type StatsReport } from '../../stats/query.js';
import { assertRange, assertTimeZone, GRANULARITIES, parseDay, type Granularity } from '../../stats/time.js';
import { loadTopics } from '../../stats/topics.js';
import { loadRuntime } from '../runtime.js';

/** Longest range one export may cover (ten years and a bit). */
const MAX_DAYS = 3700;

export interface ExportOptions {
  config: Config;
  logger: Logger;
  /** `YYYY-MM-DD`, inclusive, in STATS_TIMEZONE. */
  from: string;
  to: string;
  /** Default `month`. */
  by?: string;
  /** Default `csv`. */
  format?: string;
  /** Write here; required for xlsx. Without it the text is returned (and printed by the CLI). */
  out?: string;
  /** Use this client instead of opening the configured store. */
  redis?: StatsRedis;
}

export interface ExportResult {
  report: StatsReport;
  format: ExportFormat;
  /** The rendered export (text for csv/json/summary, bytes for xlsx). */
  output: string | Buffer;
  /** Absolute path written, when `out` was given. */
  file?: string;
}

export function parseGranularity(value: string): Granularity {
  const v = value.trim().toLowerCase();
  if ((GRANULARITIES as readonly string[]).includes(v)) return v as Granularity;
  throw new PufaError('PUFA_ERR_INPUT', `--by 只能是 ${GRANULARITIES.join('|')} / --by must be one of ${GRANULARITIES.join(', ')} (got ${JSON.stringify(value)})`);
}

/** Check every option before touching Redis; throws PUFA_ERR_INPUT. */
export function validateExportOptions(options: Pick<ExportOptions, 'from' | 'to' | 'by' | 'format' | 'out'>): { from: string; to: string; by: Granularity; format: ExportFormat } {
  const from = parseDay(options.from, '--from');
  const to = parseDay(options.to, '--to');
  assertRange(from, to);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_DAYS) throw new PufaError('PUFA_ERR_INPUT', `日期范围过长 / range too long: ${days} days (at most ${MAX_DAYS})`);
  const by = parseGranularity(options.by ?? 'month');
  const format = parseFormat(options.format ?? 'csv');
  if (format === 'xlsx' && !options.out) throw new PufaError('PUFA_ERR_INPUT', 'xlsx 格式需要 --out 文件名 / --format xlsx needs --out FILE');
  return { from, to, by, format };
}

/**
 * Export the outreach statistics of [from, to]: the library form of `pufa export`.
 * Throws PUFA_ERR_INPUT for bad options (before connecting), PUFA_ERR_REDIS when Redis
 * cannot be reached, PUFA_ERR_EXPORT when the file cannot be written.
 */
export async function exportConsultations(options: ExportOptions): Promise<ExportResult> {
  const { config, logger } = options;
  const { from, to, by, format } = validateExportOptions(options);
  assertTimeZone(config.STATS_TIMEZONE);
  const topics = loadTopics(config.PUFA_KNOWLEDGE_DIR);

  const store = options.redis ? undefined : await openStatsRedis(config, logger, { purpose: 'command', connectionName: 'pufa-export' });
  let report: StatsReport;
  try {
    report = await queryStats(options.redis ?? store!.redis, { from, to, by, prefix: config.REDIS_PREFIX, topics, timezone: config.STATS_TIMEZONE });
  } catch (err) {
    if (err instanceof PufaError) throw err;
    throw new PufaError('PUFA_ERR_REDIS', `读取统计失败 / could not read the statistics: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    await store?.close();
  }

  const output = await renderReport(report, format);
  const result: ExportResult = { report, format, output };
  if (options.out) {
    const file = path.resolve(options.out);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, output);
    } catch (err) {
      throw new PufaError('PUFA_ERR_EXPORT', `无法写入 / cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    result.file = file;
  }
  return result;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('导出普法咨询统计 (export consultation statistics for the year-end report)')
    .requiredOption('--from <date>', '开始日期 start date, YYYY-MM-DD (inclusive)')
    .requiredOption('--to <date>', '结束日期 end date, YYYY-MM-DD (inclusive)')
    .option('--by <period>', `按日/周/月/年汇总 group by: ${GRANULARITIES.join('|')}`, 'month')
    .option('--format <format>', `导出格式 output format: ${EXPORT_FORMATS.join('|')}`, 'csv')
    .option('--out <file>', '写入文件 write to FILE (required for xlsx; otherwise stdout)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  pufa export --from 2026-01-01 --to 2026-12-31 --format summary',
        '  pufa export --from 2026-01-01 --to 2026-12-31 --by month --format csv --out 2026.csv',
        '  pufa export --from 2026-01-01 --to 2026-03-31 --by week --format xlsx --out q1.xlsx',
      ].join('\n'),
    )
    .action(async (opts: { from: string; to: string; by: string; format: string; out?: string }) => {
      const { config, logger } = loadRuntime();
      const result = await exportConsultations({ config, logger, ...opts });
      if (result.file) process.stderr.write(`已导出 / written: ${result.file}\n`);
      else process.stdout.write(result.output);
    });
}
