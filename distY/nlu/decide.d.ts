import { type Action, type IntentScore } from '../core/types.js';
/**
 * The three outcomes, chosen from the ranked intents by calibrated thresholds on the top
 * score and on the gap to the runner-up. Confidence is judged per topic (the sum of its
 * intents' scores): when 占道 "处罚" and 占道 "申请" split the vote, the citizen is still
 * clearly asking about 占道经营, and the best of the two is answered rather than asking back.
 * Defaults come from `pufa calibrate` (src/nlu/calibrate.ts; README "Accuracy and speed").
 */
export interface Thresholds {
    /** Minimum top topic score to answer directly. */
    answer: number;
    /** Minimum top topic score to offer choices; below it the bot declines. */
    clarify: number;
    /** Minimum gap between the top two topics to answer directly. */
    gap: number;
    /**
     * When "not ours" wins without confidence, offer the in-scope topics scoring at least this
     * share of its score instead of declining. Unset (the brain): decline. The anchor keeps
     * the rule it was first measured with (0.5), so its figures do not move with ours.
     */
    outOfScopeAlternatives?: number;
    /**
     * With those alternatives, also offer the redirect of "not ours" as the last choice
     * ("交通违章请找交警"): the citizen whose question is indeed not ours gets where to go with
     * one reply instead of retyping. Unset for the anchor, which keeps its first rule.
     */
    offerNotOurs?: boolean;
    /**
     * A bureau topic the topic model is at least this sure of is answered without a word of the
     * text that is evidence for it (src/nlu/evidence.ts). Unset: never (the evidence rule alone).
     */
    sure?: number;
    /**
     * "Not ours" whose best intent has less than this share of the topic: the model cannot tell
     * whose matter it is, so the general redirect (`GENERAL_REDIRECT`, 12345) stands in for a
     * department guessed among near-equals. Unset: the best intent, however small its share.
     */
    generalRedirectBelow?: number;
    /**
     * A letter — a message of at least `chars` characters — is answered only from this top
     * score on (`answer` applies to shorter ones). In a long letter most words are its story
     * (the street, the years, the calls made), so a topic leads it at 0.25–0.35 on one or two
     * words, and on real letters those answers were as often wrong as right; a question back
     * costs the writer one reply. Unset: `answer` for every length (README "Accuracy and speed").
     */
    letter?: {
        chars: number;
        answer: number;
    };
}
/** The redirect for "not ours" when the department cannot be told (12345, the common departments). */
export declare const GENERAL_REDIRECT = "out_of_scope.other";
/**
 * Chosen for the shipped brain by `pufa calibrate` (src/nlu/calibrate.ts: right answer +1,
 * wrong answer −2, useful question back +0.4, useless −0.3, wrong decline −1) on messages of
 * our own written the way citizens write (test/nlu/data/holdout-set.jsonl plus the dev set,
 * never the evaluation file). The held-out `intents/` utterances used before are too tidy to
 * tell these rules apart. README "Accuracy and speed".
 */
export declare const DEFAULT_THRESHOLDS: Thresholds;
/**
 * The anchor's decision rule in `pufa eval --compare` and the bench: issue 7's "answering
 * only when its probability is ≥ 0.4", asking back below that (choices ≥ 0.15).
 */
export declare const ANCHOR_THRESHOLDS: Thresholds;
export interface Decision {
    action: Action;
    /** The intent to answer (answer / out_of_scope with a redirect), or the top candidate (clarify). */
    top: IntentScore | undefined;
    /** Candidates offered when clarifying (up to 3, in-scope only, best intent of each topic first). */
    candidates: IntentScore[];
    /**
     * The score the decision was taken on: the top topic's (the sum of its intents), which is
     * what the thresholds apply to. An answer reports it, not the intent's share of it.
     */
    confidence: number;
}
export interface TopicScore {
    topic: string;
    score: number;
    /** Best intent of the topic. */
    best: IntentScore;
}
/** Sum intent scores per topic, highest first. */
export declare function topicScores(ranking: readonly IntentScore[]): TopicScore[];
/** A letter's length when only its threshold is configured (NLU_LETTER_ANSWER_THRESHOLD without NLU_LETTER_CHARS). */
export declare const DEFAULT_LETTER_CHARS = 150;
/** The thresholds for a message of `chars` characters: a letter's answer threshold when it is one. */
export declare function thresholdsFor(t: Thresholds, chars: number): Thresholds;
/** Decide what to do with a ranking (highest first, `None` already removed). */
export declare function decide(ranking: readonly IntentScore[], t: Thresholds): Decision;
