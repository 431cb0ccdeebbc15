import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { type StatsRedis } from '../redis/connection.js';
import { type StatsSchema } from './schema.js';
import { type ReviewItem, type StatsReport } from './query.js';
import { spanDays, type DayString, type Granularity } from './time.js';
/** Longest range one report may cover (ten years and a bit). */
export declare const MAX_DAYS = 3700;
export interface StatsReportOptions {
    config: Config;
    logger: Logger;
    /** `YYYY-MM-DD`, inclusive, in STATS_TIMEZONE. */
    from: string;
    to: string;
    /** Periods of the tables: day | week | month | year. Default: day up to 31 days, else month. */
    by?: string;
    /** Add test data (terminal chat, simulate). Default false: the official figures. */
    includeTest?: boolean;
    /** Compare with the previous period of the same length. Default true. */
    compare?: boolean;
    /** Example questions to pick (one per busy topic). Default 3. */
    examples?: number;
    /** Use this client instead of opening the configured store (the bot, the console). */
    redis?: StatsRedis;
    /** The dimensions to read (default STATS_SCHEMA, the one the bot records with). */
    schema?: StatsSchema;
}
export declare function parseGranularity(value: string): Granularity;
/** Days in [from, to] (the same as `spanDays` of ./time.ts). */
export declare const rangeDays: typeof spanDays;
/** Validate a range and its grouping; throws PUFA_ERR_INPUT. */
export declare function resolveRange(options: {
    from: string;
    to: string;
    by?: string | undefined;
}): {
    from: DayString;
    to: DayString;
    by: Granularity;
};
/**
 * The figures of a period, by the definitions of src/stats/definitions.ts: what
 * `pufa export --format json` prints, what `pufa stats`, the other export formats, WeChat
 * `#统计` and the web console show. Official figures unless `includeTest`; with the
 * previous period of the same length for comparison, announcements (pushes sent, groups
 * reached) per period and in total, and a few example questions (redacted, official data).
 *
 * Throws PUFA_ERR_INPUT for a bad range (before connecting) and PUFA_ERR_REDIS when the
 * statistics cannot be read.
 *
 * @example
 *   const report = await statsReport({ config, logger, from: '2026-01-01', to: '2026-12-31', by: 'month' });
 *   report.totals.total; report.answeredShare; report.previous?.change.total
 */
export declare function statsReport(options: StatsReportOptions): Promise<StatsReport>;
export interface ReviewListOptions {
    config: Config;
    logger: Logger;
    from: string;
    to: string;
    /** At most this many questions (identical ones merged). Default 20. */
    count?: number;
    includeTest?: boolean;
    redis?: StatsRedis;
}
/**
 * The staff review list of a period (declined, asked-back, low-confidence and 👎 answers),
 * newest first, identical questions merged with a count, with topic, outcome and offered
 * choices. What `pufa stats --review` prints and the console's review queue shows.
 */
export declare function reviewList(options: ReviewListOptions): Promise<ReviewItem[]>;
