import type { StatsReport } from '../query.js';
import { SHEETS } from './columns.js';
export { SHEETS };
/**
 * The report as an Excel workbook. 汇总 (per period: outcomes, answered share, distinct
 * citizens, announcements — the trend, ready to chart), 图表 (the charts as images), 按话题
 * (period × topic with 兼涉), 按渠道, 按群, 明细 (period × topic × channel × group, for pivot
 * tables), 按时段, 星期×时段 (heatmap-ready), 群众反馈 (👍/👎 per topic and intent). Bold
 * header and totals row 合计 on each table.
 */
export declare function reportToXlsx(report: StatsReport): Promise<Buffer>;
