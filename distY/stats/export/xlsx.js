import ExcelJS from 'exceljs';
import { answeredShare } from '../definitions.js';
import { renderCharts } from './charts.js';
import { COUNT_HEADERS, HEADERS, SHEETS, TOTAL_LABEL, countCells, detailColumns, dimensionSheets } from './columns.js';
export { SHEETS };
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
function addTable(wb, name, header, rows, totals, widths) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header);
    for (const r of rows)
        ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    if (totals)
        ws.addRow(totals).font = { bold: true };
    ws.columns.forEach((col, i) => {
        col.width = widths[i] ?? 10;
    });
    return ws;
}
function sum(rows) {
    return rows.reduce((a, r) => ({ answered: a.answered + r.answered, clarified: a.clarified + r.clarified, outOfScope: a.outOfScope + r.outOfScope, total: a.total + r.total }), { answered: 0, clarified: 0, outOfScope: 0, total: 0 });
}
const share = (c) => answeredShare(c);
/**
 * The report as an Excel workbook. 汇总 (per period: outcomes, answered share, distinct
 * citizens, announcements — the trend, ready to chart), 图表 (the charts as images), 按话题
 * (period × topic with 兼涉), 按渠道, 按群, 明细 (period × topic × channel × group, for pivot
 * tables), 按时段, 星期×时段 (heatmap-ready), 群众反馈 (👍/👎 per topic and intent). Bold
 * header and totals row 合计 on each table.
 */
export async function reportToXlsx(report) {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'pufa-bot';
    wb.created = new Date(0);
    const t = report.totals;
    const totalRow = (c, labels) => [TOTAL_LABEL, ...Array(labels - 1).fill(''), ...countCells(c)];
    const summary = addTable(wb, SHEETS.summary, [HEADERS.period, HEADERS.from, HEADERS.to, ...COUNT_HEADERS, HEADERS.answeredShare, HEADERS.citizens, HEADERS.pushes, HEADERS.groupsReached], report.periods.map((p) => [p.period, p.from, p.to, ...countCells(p), share(p), p.citizens, p.pushes, p.groupsReached]), [TOTAL_LABEL, report.from, report.to, ...countCells(t), report.answeredShare, t.citizens, report.announcements.pushes, report.announcements.groupsReached], [14, 12, 12, 8, 10, 12, 8, 10, 12, 10, 10]);
    summary.getColumn(8).numFmt = '0.0%';
    const charts = renderCharts(report);
    const cs = wb.addWorksheet(SHEETS.charts);
    cs.getColumn(1).width = 2;
    let row = 1;
    for (const c of charts) {
        const id = wb.addImage({ buffer: c.png, extension: 'png' });
        cs.addImage(id, { tl: { col: 1, row }, ext: { width: c.width, height: c.height } });
        row += Math.ceil(c.height / 20) + 2;
    }
    addTable(wb, SHEETS.topic, [HEADERS.period, HEADERS.topic, ...COUNT_HEADERS, HEADERS.secondary], report.byTopic.map((r) => [r.period, r.topicName, ...countCells(r), r.secondary]), [...totalRow(t, 2), report.topicTotals.reduce((n, r) => n + r.secondary, 0)], [14, 18, 8, 10, 12, 8, 8]);
    addTable(wb, SHEETS.channel, [HEADERS.period, HEADERS.channel, ...COUNT_HEADERS], report.byChannel.map((r) => [r.period, r.channelName, ...countCells(r)]), totalRow(t, 2), [14, 10, 8, 10, 12, 8]);
    addTable(wb, SHEETS.room, [HEADERS.period, HEADERS.room, ...COUNT_HEADERS], report.byRoom.map((r) => [r.period, r.roomName, ...countCells(r)]), totalRow(sum(report.roomTotals), 2), [14, 24, 8, 10, 12, 8]);
    const labels = detailColumns(report);
    addTable(wb, SHEETS.detail, [HEADERS.period, ...labels.map((c) => c.header), ...COUNT_HEADERS], report.byDetail.map((r) => [r.period, ...labels.map((c) => c.cell(r)), ...countCells(r)]), totalRow(t, 1 + labels.length), [14, 18, 8, 24, ...labels.slice(3).map(() => 16), 8, 10, 12, 8]);
    // Further dimensions of the statistics schema: one sheet each, per period, with its 合计 row.
    for (const [, table] of dimensionSheets(report)) {
        addTable(wb, table.sheet, [HEADERS.period, table.column, ...COUNT_HEADERS], table.byPeriod.map((r) => [r.period, r.label, ...countCells(r)]), totalRow(sum(table.totals), 2), [14, 20, 8, 10, 12, 8]);
    }
    addTable(wb, SHEETS.hour, [HEADERS.hour, ...COUNT_HEADERS], report.byHour.map((r) => [r.label, ...countCells(r)]), totalRow(t, 1), [14, 8, 10, 12, 8]);
    addTable(wb, SHEETS.heatmap, [HEADERS.weekday, ...Array.from({ length: 24 }, (_, h) => `${h}时`), HEADERS.total], report.weekdayHour.map((hours, d) => [WEEKDAYS[d], ...hours, hours.reduce((a, b) => a + b, 0)]), undefined, [8, ...Array(24).fill(5), 8]);
    addTable(wb, SHEETS.feedback, [HEADERS.topic, HEADERS.intent, HEADERS.helpful, HEADERS.notHelpful], report.feedback.rows.map((r) => [r.topicName, r.intent, r.helpful, r.notHelpful]), [TOTAL_LABEL, '', report.feedback.helpful, report.feedback.notHelpful], [18, 30, 10, 10]);
    // The previous period and how the figures are defined, apart (汇总 ends with its 合计 row).
    const notes = wb.addWorksheet(SHEETS.notes);
    notes.addRow(['', HEADERS.from, HEADERS.to, ...COUNT_HEADERS, HEADERS.answeredShare, HEADERS.citizens, HEADERS.pushes, HEADERS.groupsReached]).font = { bold: true };
    notes.addRow(['本期', report.from, report.to, ...countCells(t), report.answeredShare, t.citizens, report.announcements.pushes, report.announcements.groupsReached]);
    if (report.previous) {
        const p = report.previous;
        notes.addRow(['上一同期', p.from, p.to, ...countCells(p.totals), p.answeredShare, p.totals.citizens, p.announcements.pushes, p.announcements.groupsReached]);
    }
    notes.getColumn(8).numFmt = '0.0%';
    notes.addRow([]);
    const lines = [
        '口径：一个群众问题计一次咨询；机器人追问、群众回复选项的，按最终解答的话题计一次；问候、致谢等闲聊和 👍/👎 回复不计入。',
        '解答率 = 解答 ÷ 合计；兼涉为一并提到的其他话题，不计入合计；咨询群众数为去重估算值。',
        report.includeTest ? '含测试数据（终端对话、模拟）。' : '不含测试数据（终端对话、模拟）。',
        ...(report.chitchat > 0 ? [`闲聊 ${report.chitchat} 条（不计入咨询）。`] : []),
        ...(report.testLeftOut > 0 ? [`另有测试数据 ${report.testLeftOut} 人次未计入。`] : []),
        ...(report.dropped > 0 ? [`另有 ${report.dropped} 人次因统计服务中断未能计入。`] : []),
    ];
    for (const line of lines)
        notes.addRow([line]);
    notes.columns.forEach((col, i) => {
        col.width = [12, 12, 12, 8, 10, 12, 8, 10, 12, 10, 10][i] ?? 10;
    });
    const data = await wb.xlsx.writeBuffer();
    return Buffer.from(data);
}
//# sourceMappingURL=xlsx.js.map