import type { StatsReport } from '../query.js';
export { BOM, reportToCsv } from './csv.js';
export { reportToJson } from './json.js';
export { reportToSummary } from './summary.js';
export { HEADERS, SHEETS, TOTAL_LABEL } from './columns.js';
export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'summary' | 'docx';
export declare const EXPORT_FORMATS: readonly ExportFormat[];
/** Formats that are files, not text (need --out on the command line). */
export declare const BINARY_FORMATS: readonly ExportFormat[];
export declare function parseFormat(value: string): ExportFormat;
/** Render a report: text for csv/json/summary, bytes for xlsx and docx. */
export declare function renderReport(report: StatsReport, format: ExportFormat): Promise<string | Buffer>;
