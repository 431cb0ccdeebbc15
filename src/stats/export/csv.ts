import { stringify } from 'csv-stringify/sync';
import type { StatsReport } from '../query.js';
import { COUNT_HEADERS, HEADERS, TOTAL_LABEL, countCells } from './columns.js';

/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as GBK and garbles the Chinese. */
export const BOM = '\uFEFF';

/**
 * The by-topic table as CSV: UTF-8 with BOM, CRLF line ends (what Excel expects), header
 * 时间段,话题,解答,追问澄清,非城管事项,合计; one row per period × topic; a totals row 合计.
 */
export function reportToCsv(report: StatsReport): string {
  const rows: (string | number)[][] = [[HEADERS.period, HEADERS.topic, ...COUNT_HEADERS]];
  for (const r of report.byTopic) rows.push([r.period, r.topicName, ...countCells(r)]);
  rows.push([TOTAL_LABEL, '', ...countCells(report.totals)]);
  return BOM + stringify(rows, { record_delimiter: '\r\n' });
}
