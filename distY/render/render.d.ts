import type { AnswerEntry, CommonTexts } from '../knowledge/types.js';
import { type Channel, type Citation, type ClarifyChoice } from '../core/types.js';
/**
 * Turning answers into the text a citizen reads. Pure functions; every string here is
 * simplified Chinese because citizens read it.
 */
/** 14 → 第十四条 (law style: 第一百一十条). */
export declare function articleName(n: number): string;
/** "《城市道路管理条例》第二十七条、第四十二条；《武汉市市容环境卫生管理条例》" — one entry per law, articles in order. */
export declare function formatCitations(citations: readonly Citation[]): string;
export interface RenderContext {
    channel: Channel;
    common: CommonTexts;
    /**
     * Show the answer's next steps (private chats). False for a report framed with how to report
     * it: those are the reporter's next steps, and the answer's own are written for its asker
     * (the vendor applying for a stall, the one fined).
     */
    steps?: boolean;
}
/** Footer every legal answer carries: the disclaimer and the hotline. */
export declare function footer(common: CommonTexts, disclaimer?: string): string;
/**
 * Full reply for an answered intent: short form in groups, full form plus next steps in
 * private. Both forms come from the answer's legal points (the short form is the points
 * marked short), and each cites the articles of the points it shows.
 */
export declare function renderAnswer(entry: AnswerEntry, ctx: RenderContext): string;
export declare function renderClarify(choices: readonly ClarifyChoice[], common: CommonTexts): string;
export declare function renderDecline(common: CommonTexts): string;
export declare function renderEmpty(common: CommonTexts): string;
