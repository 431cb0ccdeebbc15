/**
 * Calendar helpers for the statistics. Buckets (day, hour, month, year) are civil dates in
 * the bureau's time zone (STATS_TIMEZONE, default Asia/Shanghai). Date ranges given by staff
 * (`--from 2026-01-01`) are civil dates too, so range arithmetic below works on plain
 * `YYYY-MM-DD` strings with UTC maths and never depends on the machine's own time zone.
 */
/** A civil date `YYYY-MM-DD`. */
export type DayString = string;
export type Granularity = 'day' | 'week' | 'month' | 'year';
export declare const GRANULARITIES: readonly Granularity[];
/** Where a moment falls in the bureau's calendar. */
export interface ZonedBucket {
    /** `YYYY-MM-DD` */
    day: DayString;
    /** `YYYY-MM` */
    month: string;
    /** `YYYY` */
    year: string;
    /** 0–23 */
    hour: number;
}
/** Throws PUFA_ERR_CONFIG for a time zone the runtime does not know. */
export declare function assertTimeZone(timeZone: string): void;
/** Day / month / year / hour of `date` in `timeZone`. Cached per 15-minute slot. */
export declare function createBucketer(timeZone: string): (date: Date) => ZonedBucket;
/** True for a real calendar date `YYYY-MM-DD` (rejects 2026-02-30). */
export declare function isValidDay(s: string): boolean;
/** Parse a `--from`/`--to` value; throws PUFA_ERR_INPUT with a bilingual message. */
export declare function parseDay(value: string, flag: string): DayString;
/** Check from ≤ to; throws PUFA_ERR_INPUT otherwise. */
export declare function assertRange(from: DayString, to: DayString): void;
export declare function addDays(day: DayString, n: number): DayString;
/** Every day from `from` to `to`, inclusive. */
export declare function daysBetween(from: DayString, to: DayString): DayString[];
/** Number of days in [from, to], both included (the one day-span formula). */
export declare function spanDays(from: DayString, to: DayString): number;
/**
 * The period a range is compared with, as a report compares it:
 * - whole calendar months (a month, a quarter, a year: from the 1st to a month's last day) → as
 *   many whole months just before (环比): March → February; Q2 → Q1; 2026 → 2025;
 * - a year so far (1 January to a day of the same year: "今年") → the same dates a year
 *   earlier (上年同期): 1 Jan–3 Dec 2026 → 1 Jan–3 Dec 2025;
 * - any other range → the stretch of the same length just before it: 1–3 May → 28–30 April.
 */
export declare function previousPeriod(from: DayString, to: DayString): {
    from: DayString;
    to: DayString;
};
/** How a range is grouped when nobody said: by day up to a month (31 days), else by month. */
export declare function defaultGranularity(from: DayString, to: DayString): Granularity;
/** ISO-8601 week label `2026-W01` (weeks start on Monday, as in Chinese calendars). */
export declare function isoWeek(day: DayString): string;
export declare function lastDayOfMonth(month: string): DayString;
/** The period label a day belongs to. */
export declare function periodOf(day: DayString, by: Granularity): string;
/** One period of a range, clipped to the range. */
export interface Period {
    /** `2026-01-05`, `2026-W02`, `2026-01` or `2026`. */
    period: string;
    from: DayString;
    to: DayString;
    days: DayString[];
}
/** Split [from, to] into periods (the first and last may be partial). */
export declare function splitPeriods(from: DayString, to: DayString, by: Granularity): Period[];
/**
 * Cover [from, to] with the coarsest calendar units: whole years, whole months, single
 * days. Distinct-citizen counts use the matching year/month/day HyperLogLogs, so a whole
 * year costs one key rather than 365.
 */
export declare function coverRange(from: DayString, to: DayString): {
    years: string[];
    months: string[];
    days: DayString[];
};
/** Today and common ranges in the bureau's time zone. */
export declare function todayIn(timeZone: string, now?: Date): DayString;
export type NamedRange = 'today' | 'week' | 'month' | 'year';
/** This week (Monday..today), this month, this year — up to today, in `timeZone`. */
export declare function namedRange(name: NamedRange, timeZone: string, now?: Date): {
    from: DayString;
    to: DayString;
};
/** `2026年1月5日` */
export declare function chineseDate(day: DayString): string;
/**
 * How the year-end report names a range: `2026年` for a whole year, `2026年3月` for a whole
 * month, `2025年至2026年`, otherwise `2026年1月1日至2026年3月31日`.
 */
export declare function chineseRange(from: DayString, to: DayString): string;
/** Offset of `timeZone` from UTC at `date`, in minutes (Asia/Shanghai: 480). */
export declare function zoneOffsetMinutes(timeZone: string, date: Date): number;
/**
 * Parse an ISO date or date-time strictly (2026-02-30 is rejected). Without an offset
 * (`2026-03-01T09:30`, `2026-03-01`) the time is read in `timeZone`, the bureau's clock.
 */
export declare function parseDateTime(value: string, timeZone: string): Date | undefined;
/** `2026-03-01 09:30` in `timeZone`. */
export declare function formatLocal(date: Date, timeZone: string): string;
