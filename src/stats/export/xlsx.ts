import ExcelJS from 'exceljs';
import type { Counts, StatsReport } from '../query.js';
import { COUNT_HEADERS, HEADERS, TOTAL_LABEL, countCells } from './columns.js';

/** Sheet names, in workbook order. */
export const SHEETS = { topic: '按话题', channel: '按渠道', room: '按群', hour: '按时段', summary: '汇总' } as const;

function addTable(wb: ExcelJS.Workbook, name: string, labels: string[], rows: (string | number)[][], totals: (string | number)[], widths: number[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...labels, ...COUNT_HEADERS]);
  for (const r of rows) ws.addRow(r);
  const total = ws.addRow(totals);
  ws.getRow(1).font = { bold: true };
  total.font = { bold: true };
  ws.columns.forEach((col, i) => {
    col.width = widths[i] ?? 10;
  });
}

/**
 * The report as an Excel workbook: sheets 按话题 (period × topic), 按渠道 (period ×
 * channel), 按群 (period × room), 按时段 (hour of day) and 汇总 (per period, with distinct
 * citizens). Each sheet has a bold header and a bold totals row 合计.
 */
export async function reportToXlsx(report: StatsReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pufa-bot';
  wb.created = new Date(0);
  const totalRow = (c: Counts, labels: number): (string | number)[] => [TOTAL_LABEL, ...Array<string>(labels - 1).fill(''), ...countCells(c)];

  addTable(wb, SHEETS.topic, [HEADERS.period, HEADERS.topic], report.byTopic.map((r) => [r.period, r.topicName, ...countCells(r)]), totalRow(report.totals, 2), [14, 18, 8, 10, 12, 8]);
  addTable(wb, SHEETS.channel, [HEADERS.period, HEADERS.channel], report.byChannel.map((r) => [r.period, r.channelName, ...countCells(r)]), totalRow(report.totals, 2), [14, 10, 8, 10, 12, 8]);
  const roomSum = report.roomTotals.reduce<Counts>((a, r) => ({ answered: a.answered + r.answered, clarified: a.clarified + r.clarified, outOfScope: a.outOfScope + r.outOfScope, total: a.total + r.total }), { answered: 0, clarified: 0, outOfScope: 0, total: 0 });
  addTable(wb, SHEETS.room, [HEADERS.period, HEADERS.room], report.byRoom.map((r) => [r.period, r.roomName, ...countCells(r)]), totalRow(roomSum, 2), [14, 24, 8, 10, 12, 8]);
  addTable(wb, SHEETS.hour, [HEADERS.hour], report.byHour.map((r) => [r.label, ...countCells(r)]), totalRow(report.totals, 1), [14, 8, 10, 12, 8]);

  const ws = wb.addWorksheet(SHEETS.summary, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([HEADERS.period, HEADERS.from, HEADERS.to, ...COUNT_HEADERS, HEADERS.citizens]);
  for (const p of report.periods) ws.addRow([p.period, p.from, p.to, ...countCells(p), p.citizens]);
  ws.addRow([TOTAL_LABEL, report.from, report.to, ...countCells(report.totals), report.totals.citizens]).font = { bold: true };
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col, i) => {
    col.width = [14, 12, 12, 8, 10, 12, 8, 12][i] ?? 10;
  });

  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
