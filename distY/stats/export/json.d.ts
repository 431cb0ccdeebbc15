import type { StatsReport } from '../query.js';
/** The whole report as pretty JSON (for programs): totals, periods and every view. */
export declare function reportToJson(report: StatsReport): string;
