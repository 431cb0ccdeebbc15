import type { Logger } from 'pino';
import { readAnnouncementCounts, type AnnouncementCounts } from '../bot/announce/stats.js';
import { botKeys } from '../bot/keys.js';
import { exportConsultations } from '../cli/commands/export.js';
import type { Config } from '../config/config.js';
import type { StatsRedis } from '../redis/connection.js';
import { CHITCHAT_BUCKET, FIELD_SEP, statsKeys } from '../stats/keys.js';
import type { StatsReport } from '../stats/query.js';
import { addDays, daysBetween, type DayString } from '../stats/time.js';

/**
 * The console's figures. `/api/stats` is exactly what `pufa export --format json` prints
 * (the same library function renders it); the dashboard adds the previous period of the
 * same length, announcements, and an hour-of-day × weekday grid.
 */
export interface StatsQuery {
  from: string;
  to: string;
  by?: string;
}

/** `pufa export --format json` for the range, parsed. */
export async function statsJson(config: Config, logger: Logger, redis: StatsRedis, q: StatsQuery): Promise<StatsReport> {
  const result = await exportConsultations({ config, logger, redis, from: q.from, to: q.to, by: q.by ?? 'month', format: 'json' });
  return JSON.parse(String(result.output)) as StatsReport;
}

/** The range of the same length right before [from, to]. */
export function previousRange(from: DayString, to: DayString): { from: DayString; to: DayString } {
  const n = daysBetween(from, to).length;
  return { from: addDays(from, -n), to: addDays(from, -1) };
}

/** Consultations (chitchat left out) per weekday (0 = Monday … 6 = Sunday) × hour, in STATS_TIMEZONE. */
export async function weekdayHourGrid(redis: StatsRedis, prefix: string, from: DayString, to: DayString): Promise<number[][]> {
  const keys = statsKeys(prefix);
  const days = daysBetween(from, to);
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const pipeline = redis.pipeline();
  for (const d of days) pipeline.hgetall(keys.hour(d));
  const replies = (await pipeline.exec()) ?? [];
  days.forEach((day, i) => {
    const [err, hash] = replies[i] ?? [null, {}];
    if (err) throw err;
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    for (const [field, value] of Object.entries((hash ?? {}) as Record<string, string>)) {
      const [hour = '', bucket = ''] = field.split(FIELD_SEP);
      const h = Number(hour);
      if (bucket === CHITCHAT_BUCKET || !(h >= 0 && h < 24)) continue;
      grid[weekday]![h]! += Number(value);
    }
  });
  return grid;
}

export interface Dashboard {
  range: { from: DayString; to: DayString; by: string };
  previousRange: { from: DayString; to: DayString };
  current: StatsReport;
  previous: StatsReport;
  announcements: { current: AnnouncementCounts; previous: AnnouncementCounts };
  /** [weekday 0=Mon..6=Sun][hour 0..23] */
  heatmap: number[][];
}

export async function dashboard(config: Config, logger: Logger, redis: StatsRedis, q: StatsQuery): Promise<Dashboard> {
  const current = await statsJson(config, logger, redis, q);
  const prev = previousRange(current.from, current.to);
  const previous = await statsJson(config, logger, redis, { ...q, ...prev });
  const keys = botKeys(config.REDIS_PREFIX);
  const [annNow, annPrev, heatmap] = await Promise.all([
    readAnnouncementCounts(redis, keys, current.from, current.to),
    readAnnouncementCounts(redis, keys, prev.from, prev.to),
    weekdayHourGrid(redis, config.REDIS_PREFIX, current.from, current.to),
  ]);
  return { range: { from: current.from, to: current.to, by: current.by }, previousRange: prev, current, previous, announcements: { current: annNow, previous: annPrev }, heatmap };
}
