import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { type StatsRedis } from '../redis/connection.js';
import type { ReviewItem, StatsReport } from './query.js';
import { type NamedRange } from './time.js';
/**
 * The statistics overview as a library function: what `pufa stats` prints and what the
 * bot's `#统计` answers (both call it; neither owns it).
 */
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
/** `12月1日至12月2日` within one year, else the full dates. */
export declare function shortRange(from: string, to: string): string;
/** The heading: which dates the figures cover, and whether a named range is to date. */
export declare function statsHeading(report: StatsReport, range?: StatsRange, today?: string): string;
/** Render a report as terminal tables (totals, topics, channels, periods, groups, review list). */
export declare function renderOverview(report: StatsReport, review?: ReviewItem[], extra?: {
    range?: StatsRange;
    today?: string;
    lastMonth?: StatsReport;
}): string;
/** The review list: newest first, merged identical questions with a count, reason, topic and offered choices. */
export declare function renderReview(review: ReviewItem[], timezone: string): string;
/** from/to of the options (explicit dates or a named range, default today). */
export declare function statsRange(options: Pick<StatsOptions, 'range' | 'from' | 'to'>, timeZone: string, now?: Date): {
    from: string;
    to: string;
};
/**
 * The library form of `pufa stats`. `--month` is the calendar month to date; its heading
 * names the dates covered, and during the first 7 days of a month the previous whole month
 * is shown too (staff on 2 December should not think November vanished).
 */
export declare function statsOverview(options: StatsOptions): Promise<StatsOverview>;
