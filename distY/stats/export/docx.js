import { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatShare } from '../definitions.js';
import { chineseRange } from '../time.js';
import { renderCharts } from './charts.js';
import { COUNT_HEADERS, HEADERS, TOTAL_LABEL, countCells } from './columns.js';
import { periodName, reportToSummary } from './summary.js';
/**
 * The year-end report as a Word document (.docx), ready to paste into the bureau's
 * report: the summary text, the key figures, tables per period, topic, channel and group,
 * citizens' feedback, example questions, and the charts as images (SVG with a PNG
 * fallback for older Word), plus a note on how each figure is defined.
 */
const FONT = 'Microsoft YaHei';
function cell(text, opts = {}) {
    return new TableCell({
        children: [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: String(text), bold: opts.bold ?? false, font: FONT, size: 20 })] })],
    });
}
function table(header, rows, totals) {
    const line = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
    return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
        rows: [
            new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true })) }),
            ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v, { right: typeof v === 'number' })) })),
            ...(totals ? [new TableRow({ children: totals.map((v) => cell(v, { bold: true, right: typeof v === 'number' })) })] : []),
        ],
    });
}
function heading(text) {
    return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, font: FONT })] });
}
function para(text) {
    return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, font: FONT, size: 22 })] });
}
function image(chart) {
    if (!chart)
        return [];
    const width = 600;
    const height = Math.round((chart.height / chart.width) * width);
    return [
        new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 120 },
            children: [
                new ImageRun({
                    type: 'svg',
                    data: Buffer.from(chart.svg, 'utf8'),
                    fallback: { type: 'png', data: chart.png },
                    transformation: { width, height },
                    altText: { name: chart.id, title: chart.title, description: chart.title },
                }),
            ],
        }),
    ];
}
export async function reportToDocx(report) {
    const when = chineseRange(report.from, report.to);
    const t = report.totals;
    const charts = new Map(renderCharts(report).map((c) => [c.id, c]));
    const children = [];
    children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${when}普法咨询统计报告`, font: FONT })] }));
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `统计期间：${report.from} 至 ${report.to}（${report.timezone}）${report.includeTest ? '，含测试数据' : ''}`, font: FONT, size: 20, color: '666666' })] }));
    children.push(heading('一、总体情况'));
    for (const p of reportToSummary(report).trim().split('\n'))
        children.push(para(p));
    const prev = report.previous;
    const keyRows = [
        ['咨询人次', t.total, prev ? prev.totals.total : '—'],
        ['其中：解答', t.answered, prev ? prev.totals.answered : '—'],
        ['追问澄清', t.clarified, prev ? prev.totals.clarified : '—'],
        ['非城管事项', t.outOfScope, prev ? prev.totals.outOfScope : '—'],
        ['解答率', formatShare(report.answeredShare), prev ? formatShare(prev.answeredShare) : '—'],
        ['咨询群众数（估算）', t.citizens, prev ? prev.totals.citizens : '—'],
        ['公告推送（次）', report.announcements.pushes, prev ? prev.announcements.pushes : '—'],
        ['送达群次', report.announcements.groupsReached, prev ? prev.announcements.groupsReached : '—'],
    ];
    children.push(table(['指标', '本期', prev ? `上一同期（${prev.from} 至 ${prev.to}）` : '上一同期'], keyRows));
    children.push(...image(charts.get('outcomes')));
    if (report.periods.length > 1) {
        children.push(heading('二、趋势'));
        children.push(...image(charts.get('trend')));
        children.push(table([HEADERS.period, ...COUNT_HEADERS, HEADERS.answeredShare, HEADERS.citizens, HEADERS.pushes], report.periods.map((p) => [periodName(p.period), ...countCells(p), formatShare(p.total > 0 ? p.answered / p.total : null), p.citizens, p.pushes]), [TOTAL_LABEL, ...countCells(t), formatShare(report.answeredShare), t.citizens, report.announcements.pushes]));
    }
    children.push(heading(report.periods.length > 1 ? '三、按话题' : '二、按话题'));
    const topics = report.topicTotals.filter((r) => r.total > 0 || r.secondary > 0);
    children.push(table([HEADERS.topic, ...COUNT_HEADERS, HEADERS.secondary], topics.map((r) => [r.topicName, ...countCells(r), r.secondary]), [TOTAL_LABEL, ...countCells(t), topics.reduce((n, r) => n + r.secondary, 0)]));
    children.push(para('注：“兼涉”为群众在咨询其他话题时一并提到本话题的次数，不计入合计。'));
    children.push(...image(charts.get('topics')));
    children.push(heading(report.periods.length > 1 ? '四、渠道与群' : '三、渠道与群'));
    children.push(table([HEADERS.channel, ...COUNT_HEADERS], report.channelTotals.filter((c) => c.total > 0).map((c) => [c.channelName, ...countCells(c)]), [TOTAL_LABEL, ...countCells(t)]));
    children.push(...image(charts.get('channels')));
    if (report.roomTotals.length > 0) {
        children.push(table([HEADERS.room, ...COUNT_HEADERS], report.roomTotals.slice(0, 20).map((r) => [r.roomName, ...countCells(r)])));
        if (report.roomTotals.length > 20)
            children.push(para(`（共 ${report.roomTotals.length} 个群，完整列表见 xlsx 导出）`));
    }
    children.push(...image(charts.get('hours')));
    let n = report.periods.length > 1 ? 5 : 4;
    const numeral = () => ['', '一', '二', '三', '四', '五', '六', '七', '八'][n++] ?? String(n);
    if (report.feedback.rows.length > 0) {
        children.push(heading(`${numeral()}、群众反馈`));
        children.push(table([HEADERS.topic, HEADERS.intent, HEADERS.helpful, HEADERS.notHelpful], report.feedback.rows.map((r) => [r.topicName, r.intent, r.helpful, r.notHelpful]), [TOTAL_LABEL, '', report.feedback.helpful, report.feedback.notHelpful]));
    }
    if (report.examples.length > 0) {
        children.push(heading(`${numeral()}、典型问题（已去除个人信息）`));
        for (const e of report.examples)
            children.push(para(`· “${e.text}”（${e.topicName}）`));
    }
    children.push(heading(`${numeral()}、统计口径`));
    for (const line of [
        '咨询：群众提出的一个问题计一次；机器人追问、群众回复选项的，按最终解答的话题计一次；问候、致谢等闲聊和对解答的 👍/👎 回复不计入。',
        '解答：机器人直接给出了答复；追问澄清：机器人请群众在几个话题中选择而群众未再回复；非城管事项：告知了办理渠道。解答率 = 解答 ÷ 咨询人次。',
        '咨询群众数为去重估算值（误差约 1%）；公告推送为发送到至少一个群的公告次数，送达群次为各公告送达群数之和。',
        report.includeTest ? '本报告含测试数据（终端对话、模拟数据）。' : '终端对话和模拟产生的测试数据不计入。',
        ...(report.dropped > 0 ? [`另有 ${report.dropped} 人次因统计服务中断未能计入。`] : []),
    ]) {
        children.push(para(line));
    }
    const doc = new Document({
        creator: 'pufa-bot',
        title: `${when}普法咨询统计报告`,
        styles: { default: { document: { run: { font: FONT } } } },
        sections: [{ children }],
    });
    return Packer.toBuffer(doc);
}
//# sourceMappingURL=docx.js.map