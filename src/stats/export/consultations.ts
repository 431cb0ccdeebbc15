import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import { PufaError } from '../../core/errors.js';
import type { StatsRedis } from '../../redis/connection.js';
import type { StatsReport } from '../query.js';
import { resolveRange, statsReport } from '../report.js';
import type { Granularity } from '../time.js';
import { BINARY_FORMATS, parseFormat, renderReport, type ExportFormat } from './index.js';

/** The library form of `pufa export` (the console's figures use it too). */
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
  /** Write here; required for xlsx and docx. Without it the text is returned (and printed by the CLI). */
  out?: string;
  /** Add test data (terminal chat, simulate). Default false: the official figures. */
  includeTest?: boolean;
  /** Use this client instead of opening the configured store. */
  redis?: StatsRedis;
}

export interface ExportResult {
  report: StatsReport;
  format: ExportFormat;
  /** The rendered export (text for csv/json/summary, bytes for xlsx/docx). */
  output: string | Buffer;
  /** Absolute path written, when `out` was given. */
  file?: string;
}

/** Check every option before touching Redis; throws PUFA_ERR_INPUT. */
export function validateExportOptions(options: Pick<ExportOptions, 'from' | 'to' | 'by' | 'format' | 'out'>): { from: string; to: string; by: Granularity; format: ExportFormat } {
  const { from, to, by } = resolveRange({ from: options.from, to: options.to, by: options.by ?? 'month' });
  const format = parseFormat(options.format ?? 'csv');
  if (BINARY_FORMATS.includes(format) && !options.out) throw new PufaError('PUFA_ERR_INPUT', `${format} 格式需要 --out 文件名 / --format ${format} needs --out FILE`);
  return { from, to, by, format };
}

/**
 * Export the outreach statistics of [from, to]: the library form of `pufa export`. The
 * figures are statsReport()'s (json prints exactly that). Throws PUFA_ERR_INPUT for bad
 * options (before connecting), PUFA_ERR_REDIS when Redis cannot be reached,
 * PUFA_ERR_EXPORT when the file cannot be written.
 */
export async function exportConsultations(options: ExportOptions): Promise<ExportResult> {
  const { config, logger } = options;
  const { from, to, by, format } = validateExportOptions(options);
  const report = await statsReport({ config, logger, from, to, by, includeTest: options.includeTest === true, ...(options.redis ? { redis: options.redis } : {}) });
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

