import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { StatsRedis } from '../../redis/connection.js';
import type { StatsReport } from '../query.js';
import type { Granularity } from '../time.js';
import { type ExportFormat } from './index.js';
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
export declare function validateExportOptions(options: Pick<ExportOptions, 'from' | 'to' | 'by' | 'format' | 'out'>): {
    from: string;
    to: string;
    by: Granularity;
    format: ExportFormat;
};
/**
 * Export the outreach statistics of [from, to]: the library form of `pufa export`. The
 * figures are statsReport()'s (json prints exactly that). Throws PUFA_ERR_INPUT for bad
 * options (before connecting), PUFA_ERR_REDIS when Redis cannot be reached,
 * PUFA_ERR_EXPORT when the file cannot be written.
 */
export declare function exportConsultations(options: ExportOptions): Promise<ExportResult>;
