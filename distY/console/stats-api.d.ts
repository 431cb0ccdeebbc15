import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { StatsRedis } from '../redis/connection.js';
import type { StatsReport } from '../stats/query.js';
import { type DayString } from '../stats/time.js';
/**
 * The console's figures, all from `statsReport()` (src/stats/report.ts) — the library
 * function `pufa export` renders: `/api/stats` is exactly what `pufa export --format json`
 * prints, the downloads (csv, xlsx, docx …) are rendered from the very same report, and the
 * dashboard adds the previous period of the same length in full (for the charts'
 * comparison series). Official figures unless `includeTest`.
 */
export interface StatsQuery {
    from: string;
    to: string;
    by?: string;
    includeTest?: boolean;
}
/** The report for [from, to]: what every export format (and the dashboard) is rendered from. */
export declare function reportFor(config: Config, logger: Logger, redis: StatsRedis, q: StatsQuery): Promise<StatsReport>;
/** `pufa export --format json [--include-test]` for the range, parsed. */
export declare function statsJson(config: Config, logger: Logger, redis: StatsRedis, q: StatsQuery): Promise<StatsReport>;
export interface Dashboard {
    range: {
        from: DayString;
        to: DayString;
        by: string;
    };
    previousRange: {
        from: DayString;
        to: DayString;
    };
    /** Every figure of the period (with `previous` totals, announcements and the weekday × hour grid). */
    current: StatsReport;
    /** The previous period in full, grouped the same way (comparison series of the charts). */
    previous: StatsReport;
}
export declare function dashboard(config: Config, logger: Logger, redis: StatsRedis, q: StatsQuery): Promise<Dashboard>;
