import type { Logger } from 'pino';
import { exportConsultations } from '../stats/export/consultations.js';
import type { Config } from '../config/config.js';
import type { StatsRedis } from '../redis/connection.js';
import type { StatsReport } from '../stats/query.js';
import { statsReport } from '../stats/report.js';
import { addDays, daysBetween, type DayString } from '../stats/time.js';

/**
 * The console's figures. `/api/stats` is exactly what `pufa export --format json` prints
 * (the same library function renders it, with the figures of src/stats/definitions.ts);
 * the dashboard adds the previous period of the same length in full (for the charts'
 * comparison series). Official figures unless `includeTest`.
 */
export interface StatsQuery {
  from: string;
  to: string;
  by?: string;
  includeTest?: boolean;
}

/** `pufa export --format json [--include-test]` for the range, parsed. */
export async function statsJson(config: Config, logger: Logger, redis: StatsRedis, q: StatsQuery): Promise<StatsReport> {
  const result = await exportConsultations({ config, logger, redis, from: q.from, to: q.to, by: q.by ?? 'month', format: 'json', includeTest: q.includeTest === true });
  return JSON.parse(String(result.output)) as StatsReport;
}

/** The report for a file download (xlsx, docx …): the same library function as `pufa export`. */
export function reportFor(config: Config, logger: Logger, redis: StatsRedis, q: StatsQuery): Promise<StatsReport> {
  return statsReport({ config, logger, redis, from: q.from, to: q.to, by: q.by ?? 'month', includeTest: q.includeTest === true });
}

/** The range of the same length right before [from, to]. */
export function previousRange(from: DayString, to: DayString): { from: DayString; to: DayString } {
  const n = daysBetween(from, to).length;
  return { from: addDays(from, -n), to: addDays(from, -1) };
}

export interface Dashboard {
  range: { from: DayString; to: DayString; by: string };
  previousRange: { from: DayString; to: DayString };
  /** Every figure of the period (with `previous` totals, announcements and the weekday × hour grid). */
  current: StatsReport;
  /** The previous period in full, grouped the same way (comparison series of the charts). */
  previous: StatsReport;
}

export async function dashboard(config: Config, logger: Logger, redis: StatsRedis, q: StatsQuery): Promise<Dashboard> {
  const current = await statsJson(config, logger, redis, q);
  const prev = previousRange(current.from, current.to);
  const previous = await statsJson(config, logger, redis, { ...q, ...prev, by: current.by });
  return { range: { from: current.from, to: current.to, by: current.by }, previousRange: prev, current, previous };
}
