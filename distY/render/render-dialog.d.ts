import type { CommonTexts } from '../knowledge/types.js';
import type { Channel, Citation, SecondaryTopic } from '../core/types.js';
/**
 * The conversation's own lines around an answer (render.ts renders the answers
 * themselves): the other topics a letter raised, how to report a problem, and the hint for
 * a stray "1". Pure; every string is simplified Chinese because citizens read it.
 */
/** "您还提到：夜间施工扰民怎么办（回复 2 查看）", one line per secondary topic; `n` is the reply number. */
export declare function renderSecondary(secondary: readonly (SecondaryTopic & {
    n: number;
})[]): string;
export interface ReportLines {
    intro: string;
    include: readonly string[];
    where: string;
}
/** How to report the problem so it is acted on: what to include, and where (the hotline from _common.yaml). */
export declare function renderReportGuide(guide: ReportLines, common: CommonTexts, channel: Channel): string;
/**
 * Details added to a problem just discussed ("晚上也有", "拍了照片 发给谁"): the bot takes no
 * report and passes nothing on, so it says so and tells what to include and where to report,
 * the details just given among them.
 */
export declare function renderReportDetail(guide: ReportLines, common: CommonTexts, channel: Channel, disclaimer?: string): string;
/** Heading between the report guidance and the rule (the answer). */
export declare const RULE_HEADING = "\u76F8\u5173\u89C4\u5B9A\uFF1A";
/**
 * A number sent when nothing is waiting for one. `valid` lists the numbers that would work now, if
 * any; `subject` is the title of the answer just given, if any (a "1" right after it is no time-out:
 * the citizen is told to ask on about it in words).
 */
export declare function renderStrayChoice(n: number, valid: readonly number[], common: CommonTexts, subject?: string): string;
/** A follow-up with nothing to follow ("那罚多少钱？" first, or long after the answer): ask for the matter, no guess. */
export declare function renderLostFollowup(common: CommonTexts): string;
/** What a focused follow-up asks about: the fines ("那罚多少钱？"), the time limits ("多久之内"), where to go ("去哪里办"), what to bring ("要带什么"), or when it is dealt with ("多久能处理"). */
export type FollowupFocus = 'fines' | 'deadline' | 'where' | 'bring' | 'progress';
/**
 * The answer just given, asked about again with nothing new to choose ("是不是超过期限了" right
 * after the seizure's time limits): its gist (the group form's sentences) under a line saying it
 * was just answered, the topic's other answers named to ask about, the articles, the footer — not
 * the whole answer word for word again.
 */
export declare function renderAskedAgain(title: string, sentences: readonly string[], others: readonly string[], citations: readonly Citation[], common: CommonTexts, disclaimer: string): string;
/** Part of the answer just given ("那罚多少钱？", "多久之内"): its sentences on that, their articles, the footer. */
export declare function renderFocused(focus: FollowupFocus, title: string, sentences: readonly string[], citations: readonly Citation[], common: CommonTexts, disclaimer: string): string;
