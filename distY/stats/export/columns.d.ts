import { type Counts } from '../definitions.js';
import type { DetailRow, DimensionTable, StatsReport } from '../query.js';
/**
 * Column headers of every export, in Chinese as staff use them: the figures' names from
 * ../definitions.ts, the dimensions' columns from ../schema.ts. The same four outcome
 * columns follow each view's label columns.
 */
export declare const HEADERS: {
    readonly period: "时间段";
    readonly topic: string;
    readonly channel: string;
    readonly room: string;
    readonly hour: string;
    readonly from: "开始日期";
    readonly to: "结束日期";
    readonly answered: "解答";
    readonly clarified: "追问澄清";
    readonly outOfScope: "非城管事项";
    readonly total: "合计";
    readonly citizens: "咨询群众数";
    readonly secondary: "兼涉";
    readonly answeredShare: "解答率";
    readonly pushes: "公告推送";
    readonly groupsReached: "送达群次";
    readonly intent: "意图";
    readonly helpful: "有帮助";
    readonly notHelpful: "没帮助";
    readonly weekday: "星期";
};
/** Label of the totals row. */
export declare const TOTAL_LABEL = "\u5408\u8BA1";
export declare const COUNT_HEADERS: readonly ["解答", "追问澄清", "非城管事项", "合计"];
export declare function countCells(c: Counts): number[];
/** Sheet names, in workbook order. */
export declare const SHEETS: {
    readonly summary: "汇总";
    readonly charts: "图表";
    readonly topic: "按话题";
    readonly channel: "按渠道";
    readonly room: "按群";
    readonly detail: "明细";
    readonly hour: "按时段";
    readonly heatmap: "星期×时段";
    readonly feedback: "群众反馈";
    readonly notes: "说明";
};
/** A label column of the detail rows (CSV, 明细): header and cell. */
export interface DetailColumn {
    header: string;
    cell(row: DetailRow): string;
}
/**
 * The label columns of the detail rows, derived from the statistics schema: topic, channel
 * and group, then every further detail dimension of the report (`StatsReport.dimensions`).
 */
export declare function detailColumns(report: StatsReport): DetailColumn[];
/** Further dimensions of the report that have a sheet of their own, in schema order. */
export declare function dimensionSheets(report: StatsReport): [name: string, table: DimensionTable & {
    sheet: string;
}][];
