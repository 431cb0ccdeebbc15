import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
const FONT_FAMILY = 'Microsoft YaHei, PingFang SC, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif';
const COLORS = ['#3b6fd8', '#f0a431', '#9aa3b5', '#2fa36b', '#d8553b', '#7c5ccf', '#2aa3b8'];
function base(title) {
    return {
        animation: false,
        color: COLORS,
        backgroundColor: '#ffffff',
        textStyle: { fontFamily: FONT_FAMILY },
        title: { text: title, left: 'center', top: 8, textStyle: { fontSize: 16, fontFamily: FONT_FAMILY } },
    };
}
/** The charts of a report (empty parts left out). */
export function reportCharts(report) {
    const charts = [];
    const periods = report.periods;
    if (periods.length > 1) {
        charts.push({
            id: 'trend',
            title: '咨询量趋势',
            width: 800,
            height: 360,
            option: {
                ...base('咨询量趋势（人次）'),
                legend: { bottom: 4, data: ['咨询', '解答'] },
                grid: { left: 56, right: 24, top: 48, bottom: 64 },
                xAxis: { type: 'category', data: periods.map((p) => p.period), axisLabel: { hideOverlap: true } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                    { name: '咨询', type: 'line', data: periods.map((p) => p.total), label: { show: periods.length <= 16 } },
                    { name: '解答', type: 'line', data: periods.map((p) => p.answered) },
                ],
            },
        });
    }
    const topics = report.topicTotals.filter((t) => t.total > 0).sort((a, b) => a.total - b.total);
    if (topics.length > 0) {
        charts.push({
            id: 'topics',
            title: '各话题咨询量',
            width: 800,
            height: Math.max(240, 60 + topics.length * 28),
            option: {
                ...base('各话题咨询量（人次）'),
                grid: { left: 140, right: 48, top: 44, bottom: 24 },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', data: topics.map((t) => t.topicName) },
                series: [{ type: 'bar', data: topics.map((t) => t.total), label: { show: true, position: 'right' } }],
            },
        });
    }
    const t = report.totals;
    if (t.total > 0) {
        charts.push({
            id: 'outcomes',
            title: '处理结果',
            width: 560,
            height: 340,
            option: {
                ...base('处理结果'),
                series: [
                    {
                        type: 'pie',
                        radius: ['35%', '62%'],
                        center: ['50%', '56%'],
                        label: { formatter: '{b}\n{c}人次（{d}%）' },
                        data: [
                            { name: '解答', value: t.answered },
                            { name: '追问澄清', value: t.clarified },
                            { name: '非城管事项', value: t.outOfScope },
                        ].filter((d) => d.value > 0),
                    },
                ],
            },
        });
        const channels = report.channelTotals.filter((c) => c.total > 0);
        charts.push({
            id: 'channels',
            title: '咨询渠道',
            width: 560,
            height: 340,
            option: {
                ...base('咨询渠道'),
                series: [{ type: 'pie', radius: '60%', center: ['50%', '56%'], label: { formatter: '{b}\n{c}人次（{d}%）' }, data: channels.map((c) => ({ name: c.channelName, value: c.total })) }],
            },
        });
        charts.push({
            id: 'hours',
            title: '咨询时段分布',
            width: 800,
            height: 320,
            option: {
                ...base('咨询时段分布（人次）'),
                grid: { left: 48, right: 24, top: 44, bottom: 40 },
                xAxis: { type: 'category', data: report.byHour.map((h) => `${h.hour}时`) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [{ type: 'bar', data: report.byHour.map((h) => h.total) }],
            },
        });
    }
    return charts;
}
/** SVG of one chart (ECharts server-side rendering, no browser). */
export function chartSvg(chart) {
    const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chart.width, height: chart.height });
    try {
        instance.setOption(chart.option);
        return instance.renderToSVGString();
    }
    finally {
        instance.dispose();
    }
}
/** Font files with Chinese glyphs, looked for once (loading every system font per chart is slow). */
const CJK_FONT = /(NotoSansCJK|NotoSansSC|NotoSerifCJK|SourceHanSans|wqy-microhei|wqy-zenhei|msyh|simhei|simsun|PingFang|Hiragino Sans GB|STHeiti)/i;
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.local/share/fonts'), '/System/Library/Fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];
let cjkFonts;
export function findCjkFonts() {
    if (cjkFonts)
        return cjkFonts;
    const found = [];
    const walk = (dir, depth) => {
        if (depth > 4 || found.length >= 2)
            return;
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries) {
            const full = path.join(dir, e.name);
            if (e.isDirectory())
                walk(full, depth + 1);
            else if (/\.(ttf|ttc|otf)$/i.test(e.name) && CJK_FONT.test(e.name) && !/bold|black|heavy/i.test(e.name))
                found.push(full);
            if (found.length >= 2)
                return;
        }
    };
    for (const d of FONT_DIRS)
        walk(d, 0);
    cjkFonts = found;
    return found;
}
/** PNG of an SVG at `scale` × its size (2 = sharp when printed). */
export function svgToPng(svg, width, scale = 2) {
    const fonts = findCjkFonts();
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'width', value: Math.round(width * scale) },
        // With a known CJK font, load just that; otherwise whatever the system has.
        font: fonts.length > 0 ? { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'WenQuanYi Micro Hei' } : { loadSystemFonts: true },
        background: '#ffffff',
    });
    return Buffer.from(resvg.render().asPng());
}
/** Every chart of a report as SVG and PNG. */
export function renderCharts(report) {
    return reportCharts(report).map((c) => {
        const svg = chartSvg(c);
        return { ...c, svg, png: svgToPng(svg, c.width) };
    });
}
//# sourceMappingURL=charts.js.map