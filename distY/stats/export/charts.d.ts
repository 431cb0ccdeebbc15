import * as echarts from 'echarts';
import type { StatsReport } from '../query.js';
/**
 * The report's charts, drawn on the server: ECharts renders SVG without a browser (SSR),
 * resvg turns it into PNG for formats that need a bitmap (Excel, older Word). The same
 * chart options can be given to ECharts in the browser (the console).
 *
 * Chinese labels in the PNG need a CJK font on the machine that renders (Debian:
 * `fonts-noto-cjk` or `fonts-wqy-microhei`; Windows and macOS have one); the SVG names the
 * usual families and Word draws it with the reader's own fonts.
 */
export type EChartsOption = echarts.EChartsCoreOption;
export interface Chart {
    /** File-friendly id: trend, topics, outcomes, channels, hours. */
    id: string;
    title: string;
    width: number;
    height: number;
    option: EChartsOption;
}
export interface RenderedChart extends Chart {
    svg: string;
    png: Buffer;
}
/** The charts of a report (empty parts left out). */
export declare function reportCharts(report: StatsReport): Chart[];
/** SVG of one chart (ECharts server-side rendering, no browser). */
export declare function chartSvg(chart: Chart): string;
export declare function findCjkFonts(): string[];
/** PNG of an SVG at `scale` × its size (2 = sharp when printed). */
export declare function svgToPng(svg: string, width: number, scale?: number): Buffer;
/** Every chart of a report as SVG and PNG. */
export declare function renderCharts(report: StatsReport): RenderedChart[];
