import type { StatsReport } from '../query.js';

/** The whole report as pretty JSON (for programs): totals, periods and every view. */
export function reportToJson(report: StatsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
