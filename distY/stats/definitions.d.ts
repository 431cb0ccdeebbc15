import type { Action, TopicId } from '../core/types.js';
import type { Consultation } from './types.js';
/**
 * The definition of every figure, once. Everything that prints a figure (`pufa simulate`,
 * `pufa stats`, every `pufa export` format, WeChat `#统计`, the web console) counts with
 * these rules; docs/statistics.md "Definitions" says the same in words, and the Redis
 * recording script (record-script.ts) applies them when it writes the aggregates.
 *
 * - 咨询 (consultation): one citizen question. A clarification ("您想问的是：1 … 2 …") and
 *   the citizen's reply to it ("1") are ONE consultation, counted under the topic and the
 *   outcome of the reply (the recording script moves the clarification's count there; the
 *   reply carries `replaces`).
 * - Small talk (topic `chitchat`: greetings, thanks, "what can you do") is not a
 *   consultation: it is counted apart as 闲聊 and is in no consultation figure.
 * - A 👍 / 👎 reply is not a consultation (it is counted as feedback on the answer).
 * - 解答 (answered): the bot answered the question directly (action `answer`); 追问澄清: the bot
 *   asked back and the citizen did not pick a choice; 非城管事项: outside the bureau's remit,
 *   the bot said where to go. 合计 = 解答 + 追问澄清 + 非城管事项.
 * - 解答率 (answered share) = 解答 / 合计.
 * - Secondary topics (`Consultation.secondaryTopics`: other topics one message also
 *   raised) are counted in a separate 兼涉 figure per topic; the consultation itself counts
 *   once, under its primary topic. A secondary equal to the primary is ignored.
 * - 咨询群众数 (citizens): distinct citizens who asked at least one consultation (HyperLogLog
 *   estimate, standard error 0.81 %, exact for small numbers).
 * - Test data (`Consultation.test`: the terminal chat, `pufa simulate`) is in no official
 *   figure; `--include-test` (console: a switch) adds it.
 */
/** Outcome counts of one row. `total` = answered + clarified + outOfScope. */
export interface Counts {
    /** 解答: the bot answered. */
    answered: number;
    /** 追问澄清: the bot asked which of a few topics was meant (and the citizen did not choose). */
    clarified: number;
    /** 非城管事项: not the bureau's business; the bot said where to go. */
    outOfScope: number;
    total: number;
}
/** Chinese names of the figures as staff read them (tables, console tooltips). */
export declare const FIGURE_NAMES: {
    readonly consultations: "咨询人次";
    readonly answered: "解答";
    readonly clarified: "追问澄清";
    readonly outOfScope: "非城管事项";
    readonly total: "合计";
    readonly answeredShare: "解答率";
    readonly citizens: "咨询群众数";
    readonly chitchat: "闲聊";
    readonly secondary: "兼涉";
    readonly helpful: "有帮助";
    readonly notHelpful: "没帮助";
    readonly pushes: "公告推送";
    readonly groupsReached: "送达群次";
};
export declare const OUTCOME_KEYS: Readonly<Record<Action, keyof Omit<Counts, 'total'>>>;
export declare function emptyCounts(): Counts;
/** Add `n` consultations of outcome `action` (unknown actions are ignored). */
export declare function addOutcome(target: Counts, action: string, n?: number): void;
export declare function addCounts(target: Counts, src: Counts): void;
/** Small talk is not a consultation. */
export declare function isConsultation(c: Pick<Consultation, 'topic'>): boolean;
/** 解答率: answered / total, rounded to 0.1 %; null when there is nothing to divide. */
export declare function answeredShare(c: Counts): number | null;
/** `85.2%` (or `—`). */
export declare function formatShare(share: number | null): string;
/** Relative change of `now` against `before`: 0.123 = +12.3 %; null when `before` is 0. */
export declare function change(now: number, before: number): number | null;
/** The secondary topics that count: distinct, not the primary, not small talk. */
export declare function secondaryTopicsOf(c: Pick<Consultation, 'topic' | 'secondaryTopics'>): TopicId[];
/** Why a consultation goes to the staff review list, if it does. */
export type ReviewReason = 'clarify' | 'out_of_scope' | 'low_score' | 'not_helpful';
export declare const REVIEW_REASON_NAMES: Readonly<Record<ReviewReason, string>>;
/**
 * Review-worthy: the bot asked back, declined, or answered with a score below `lowScore`
 * (STATS_REVIEW_LOW_SCORE). A 👎 adds the answered question later (see Feedback).
 */
export declare function reviewReason(c: Pick<Consultation, 'topic' | 'action' | 'score'>, lowScore: number): ReviewReason | undefined;
/** Longest question kept as an example for the summary. */
export declare const EXAMPLE_MAX_CHARS = 60;
/** A short, answered, official question may serve as an example in the summary. */
export declare function isExample(c: Pick<Consultation, 'topic' | 'action' | 'text' | 'test'>): boolean;
/** Consultations of a run, counted by the definitions above (what `pufa simulate` prints). */
export interface Tally {
    totals: Counts;
    /** Small-talk messages (not consultations). */
    chitchat: number;
    byTopic: Map<TopicId, Counts>;
    /** Secondary-topic mentions per topic. */
    secondary: Map<TopicId, number>;
    /** Clarifications resolved by the citizen's reply (counted once, under the reply). */
    resolvedClarifications: number;
}
/**
 * Count a list of consultations as the Redis aggregates do: a consultation that
 * `replaces` an earlier one of the list takes its place; small talk apart.
 */
export declare function tallyConsultations(list: readonly Consultation[]): Tally;
/**
 * The one-line figures every tool prints the same way (pufa simulate, pufa stats, #统计):
 * `咨询 12 人次；解答 9，追问澄清 2，非城管事项 1；解答率 75.0%；闲聊 3`.
 */
export declare function figuresLine(c: Counts, chitchat: number): string;
