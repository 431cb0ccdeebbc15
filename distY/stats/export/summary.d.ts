import type { StatsReport } from '../query.js';
/** How a period label reads in the report: `3月5日`, `第9周`, `2026年3月`, `2026年`. */
export declare function periodName(period: string): string;
/** 上升 / 下降 / 平稳: the least-squares slope over the periods, relative to their mean. */
export declare function trendWord(values: readonly number[]): '上升' | '下降' | '平稳' | undefined;
/**
 * The paragraph(s) for the bureau's year-end 普法 report, with the exact figures of the
 * report (statsReport): totals with the answered share, topics, channels, the trend, the
 * comparison with the previous period of the same length, the busiest hour, announcements,
 * citizens' feedback and a few example questions (redacted). For example:
 *
 * 2026年，普法助手共受理群众咨询1234人次，涉及约567名群众。其中直接解答1000人次（解答率81.0%），
 * 追问澄清150人次，对84人次非城管事项告知了办理渠道。……
 */
export declare function reportToSummary(report: StatsReport): string;
