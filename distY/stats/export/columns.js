import { FIGURE_NAMES } from '../definitions.js';
import { CHANNEL, HOUR, ROOM, TOPIC } from '../schema.js';
/**
 * Column headers of every export, in Chinese as staff use them: the figures' names from
 * ../definitions.ts, the dimensions' columns from ../schema.ts. The same four outcome
 * columns follow each view's label columns.
 */
export const HEADERS = {
    period: '时间段',
    topic: TOPIC.column,
    channel: CHANNEL.column,
    room: ROOM.column,
    hour: HOUR.column,
    from: '开始日期',
    to: '结束日期',
    answered: FIGURE_NAMES.answered,
    clarified: FIGURE_NAMES.clarified,
    outOfScope: FIGURE_NAMES.outOfScope,
    total: FIGURE_NAMES.total,
    citizens: FIGURE_NAMES.citizens,
    secondary: FIGURE_NAMES.secondary,
    answeredShare: FIGURE_NAMES.answeredShare,
    pushes: FIGURE_NAMES.pushes,
    groupsReached: FIGURE_NAMES.groupsReached,
    intent: '意图',
    helpful: FIGURE_NAMES.helpful,
    notHelpful: FIGURE_NAMES.notHelpful,
    weekday: '星期',
};
/** Label of the totals row. */
export const TOTAL_LABEL = '合计';
export const COUNT_HEADERS = [HEADERS.answered, HEADERS.clarified, HEADERS.outOfScope, HEADERS.total];
export function countCells(c) {
    return [c.answered, c.clarified, c.outOfScope, c.total];
}
/** Sheet names, in workbook order. */
export const SHEETS = {
    summary: '汇总',
    charts: '图表',
    topic: '按话题',
    channel: '按渠道',
    room: '按群',
    detail: '明细',
    hour: '按时段',
    heatmap: '星期×时段',
    feedback: '群众反馈',
    notes: '说明',
};
/**
 * The label columns of the detail rows, derived from the statistics schema: topic, channel
 * and group, then every further detail dimension of the report (`StatsReport.dimensions`).
 */
export function detailColumns(report) {
    const extra = Object.entries(report.dimensions ?? {}).filter(([, t]) => t.detail);
    return [
        { header: HEADERS.topic, cell: (r) => r.topicName },
        { header: HEADERS.channel, cell: (r) => r.channelName },
        { header: HEADERS.room, cell: (r) => r.roomName },
        ...extra.map(([name, t]) => ({ header: t.column, cell: (r) => r.dims?.[name] ?? '' })),
    ];
}
/** Further dimensions of the report that have a sheet of their own, in schema order. */
export function dimensionSheets(report) {
    return Object.entries(report.dimensions ?? {}).filter((e) => typeof e[1].sheet === 'string');
}
//# sourceMappingURL=columns.js.map