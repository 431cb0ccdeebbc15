import { type DayString, type Granularity } from '../../stats/time.js';
/**
 * Date ranges in staff commands: `今天` (default), `昨天`, `本周`, `本月` (to date), `上月`, `今年`, one day
 * `2026-01-05`, or two days `2026-01-01 2026-03-31`. Civil dates in STATS_TIMEZONE.
 * Words that are not part of a range are returned in `rest` (e.g. the export format).
 */
export interface StaffRange {
    from: DayString;
    to: DayString;
    /** Granularity for tables: days up to a month, months beyond. */
    by: Granularity;
    rest: string[];
}
export declare function parseStaffRange(args: string, timeZone: string, now?: Date): StaffRange;
