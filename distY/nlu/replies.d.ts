import { type BrainReply, type Channel, type IntentScore, type SpeechAct } from '../core/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { type FollowupFocus } from '../render/render-dialog.js';
import type { ReportGuide } from './report-guide.js';
/**
 * The replies of the brain, built from the knowledge base: an answer (framed by the message's
 * act, with its secondary topics), small talk, a decline, a question back, the hint for a
 * stray number. Pure: knowledge in, `BrainReply` out; the brain decides which one.
 */
export interface ReplyKit {
    readonly kb: KnowledgeBase;
    readonly guide: ReportGuide;
}
/** The answer of one intent as it stands in the knowledge base. */
export declare function answerReply(kit: ReplyKit, intent: string, channel: Channel, score: number, normalized: string, action?: 'answer' | 'out_of_scope', steps?: boolean): BrainReply;
/**
 * The answer to a message, framed by its act: a report gets how to report it (what to
 * include, where) before the rule; secondary topics are named in one line each.
 */
export declare function composedAnswer(kit: ReplyKit, top: IntentScore, channel: Channel, normalized: string, act: SpeechAct, secondary: readonly IntentScore[]): BrainReply;
/**
 * Only what an answer says of one thing, with its articles: of fines (its sentences with 罚款,
 * and the rules before one that says "违反上述规定的") for "那罚多少钱？" right after that answer;
 * of time limits (its sentences with a number of days or months) for "多久之内"; of where to go,
 * what to bring or how it goes on (`NAMES_FOCUS`, next steps included). Undefined when it says
 * nothing of it.
 */
export declare function focusedReply(kit: ReplyKit, top: IntentScore, normalized: string, focus: FollowupFocus): BrainReply | undefined;
/**
 * The answer just given, asked about again with nothing in the message choosing a part of it or
 * another answer: its gist (the points of its group form), the first of the topic's other
 * answers named (the knowledge base's order), its articles (`renderAskedAgain`). Undefined when
 * it has no such points.
 */
export declare function askedAgainReply(kit: ReplyKit, top: IntentScore, normalized: string, act?: SpeechAct): BrainReply | undefined;
/** A small-talk answer (chitchat.*), or undefined when the knowledge base has none for `intent`. */
export declare function smallTalkReply(kit: ReplyKit, intent: string, channel: Channel, normalized: string, score?: number): BrainReply | undefined;
/** An empty message: what the bot can do. */
export declare function emptyReply(kit: ReplyKit, normalized: string): BrainReply;
/** A number with nothing waiting for it: a short hint, never a guess; right after an answer, it names that answer's subject. */
export declare function strayChoiceReply(kit: ReplyKit, choice: number, valid: readonly number[], normalized: string, recentIntent?: string): BrainReply;
/**
 * Details added to the problem of the previous answer ("晚上也有", "拍了照片 发给谁"): what to
 * include in a report of that topic and where to report it, on that answer's intent; undefined
 * when the topic has no reporting guidance (暂扣物品, 罚款: not problems one reports).
 */
export declare function reportDetailReply(kit: ReplyKit, previous: {
    intent: string;
    topic: string;
}, channel: Channel, normalized: string): BrainReply | undefined;
/** A follow-up with nothing to follow: a hint to name the matter (as a stray "1"). */
export declare function lostFollowupReply(kit: ReplyKit, normalized: string): BrainReply;
/**
 * Not the bureau's matter: the redirect of an out_of_scope intent when one was recognised, else
 * the general decline; either carries `score` (the decision's, its topic's).
 */
export declare function declineReply(kit: ReplyKit, top: IntentScore | undefined, score: number, normalized: string, act: SpeechAct, channel: Channel): BrainReply;
/** A question back with numbered choices; a report the bot cannot place for sure still gets how to report it first. */
export declare function clarifyReply(kit: ReplyKit, candidates: readonly IntentScore[], top: IntentScore | undefined, normalized: string, act: SpeechAct, channel: Channel, lead?: string): BrainReply;
export declare function withAct(reply: BrainReply, act: SpeechAct): BrainReply;
