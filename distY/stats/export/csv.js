import { stringify } from 'csv-stringify/sync';
import { COUNT_HEADERS, HEADERS, TOTAL_LABEL, countCells, detailColumns } from './columns.js';
/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as GBK and garbles the Chinese. */
export const BOM = '\uFEFF';
/**
 * The figures as CSV for Excel: UTF-8 with BOM, CRLF line ends.
 *
 * First block, one row per period × topic × channel × group that had consultations
 * (ready for a pivot table): 时间段,话题,渠道,群,解答,追问澄清,非城管事项,合计 (further
 * detail dimensions of the statistics schema add their column after 群); then a
 * totals row 合计. After an empty line, the announcements per period:
 * 时间段,公告推送,送达群次, with a totals row.
 */
export function reportToCsv(report) {
    const labels = detailColumns(report);
    const rows = [[HEADERS.period, ...labels.map((c) => c.header), ...COUNT_HEADERS]];
    for (const r of report.byDetail)
        rows.push([r.period, ...labels.map((c) => c.cell(r)), ...countCells(r)]);
    rows.push([TOTAL_LABEL, ...labels.map(() => ''), ...countCells(report.totals)]);
    rows.push([]);
    rows.push([HEADERS.period, HEADERS.pushes, HEADERS.groupsReached]);
    for (const p of report.periods)
        rows.push([p.period, p.pushes, p.groupsReached]);
    rows.push([TOTAL_LABEL, report.announcements.pushes, report.announcements.groupsReached]);
    return BOM + stringify(rows, { record_delimiter: '\r\n' });
}
//# sourceMappingURL=csv.js.map