import { type BrainReply } from '../core/types.js';
/**
 * Scoring of labelled questions. The predicted topic is the topic of the answered intent;
 * `out_of_scope` when the bot declines; `clarify` when it asks (never equal to a label).
 */
export interface EvalItem {
    text: string;
    topic: string;
    uncertain?: boolean;
}
export interface TopicMetrics {
    topic: string;
    support: number;
    predicted: number;
    correct: number;
    precision: number;
    recall: number;
    f1: number;
}
export interface EvalSubset {
    total: number;
    correct: number;
    accuracy: number;
    /** Share of lines where the bot asked instead of answering. */
    clarifyRate: number;
    /** Share of clarify lines whose offered choices contained the right topic. */
    clarifyHitRate: number;
    /** Share of lines whose top-ranked topic (no thresholds) is the label; a line with no ranking counts as out_of_scope. */
    top1: number;
    /** Share of lines whose label is among the three top-ranked topics. */
    top3: number;
    /** Share of lines the bot committed on (answered, or declined as not ours) instead of asking back. */
    coverage: number;
    /** Of the committed lines, the share on the right topic (a decline is right for out_of_scope lines). */
    answeredPrecision: number;
    /** Lines labelled out_of_scope, and the share of them declined (null when there are none). */
    outOfScope: number;
    outOfScopeDeclined: number | null;
}
export interface EvalReport extends EvalSubset {
    certain: EvalSubset;
    uncertain: EvalSubset;
    topics: TopicMetrics[];
    /** label → predicted → count, for mistakes only, most frequent first. */
    confusions: {
        label: string;
        predicted: string;
        count: number;
    }[];
}
export interface EvalPrediction {
    item: EvalItem;
    predicted: string;
    reply: BrainReply;
    /** Topic ids as the ranker orders them for the whole text (no thresholds), if known. */
    ranked?: readonly string[];
}
export declare function predictedTopic(reply: BrainReply): string;
export declare function scorePredictions(preds: readonly EvalPrediction[]): EvalReport;
