import type { StatsReport } from '../query.js';
/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as GBK and garbles the Chinese. */
export declare const BOM = "\uFEFF";
/**
 * The figures as CSV for Excel: UTF-8 with BOM, CRLF line ends.
 *
 * First block, one row per period × topic × channel × group that had consultations
 * (ready for a pivot table): 时间段,话题,渠道,群,解答,追问澄清,非城管事项,合计 (further
 * detail dimensions of the statistics schema add their column after 群); then a
 * totals row 合计. After an empty line, the announcements per period:
 * 时间段,公告推送,送达群次, with a totals row.
 */
export declare function reportToCsv(report: StatsReport): string;
