import { type IntentScore } from '../core/types.js';
import type { IntentDef } from '../knowledge/types.js';
import { type EngineLog } from './engine.js';
import type { ModelData } from './cache.js';
import { type LinearTopicOptions, type TopicScoreEntry } from './topic-model.js';
/**
 * Intent rankers: normalised text → intents with a score each (a distribution over intents,
 * highest first). The brain, `pufa eval --compare`, `pufa calibrate` and the bench only use
 * this interface, so an engine is swapped by its kind:
 * - `pufa`: the shipped brain — a character n-gram logistic regression over topics blended
 *   with node-nlp's topic totals, the intent within the topic by intent centroids blended with node-nlp;
 * - `anchor`: issue 7's anchor (char 1–3-gram TF-IDF + LR, C=10), intents of a topic equal;
 * - `legacy`: the previous brain (character naive-Bayes prior × node-nlp);
 * - `jieba`: node-nlp on jieba alone; `vanilla`: node-nlp with its own Chinese.
 */
export type RankerKind = 'pufa' | 'anchor' | 'legacy' | 'jieba' | 'vanilla';
export declare const RANKER_KINDS: readonly RankerKind[];
export interface IntentRanker {
    readonly kind: RankerKind;
    /** What it is, in a few words (eval and bench headings). */
    readonly name: string;
    /** Everything besides the training data that a saved model depends on (the cache key). */
    readonly settings: Readonly<Record<string, unknown>>;
    train(intents: readonly IntentDef[]): Promise<void>;
    /** Ranked intents for normalised text; empty when the text carries no evidence at all. */
    rank(normalized: string): Promise<IntentScore[]>;
    /**
     * Ranked topics (the sum of each topic's intents), highest first, each marked `evidence:
     * false` when the text has no word for it; the same totals as `rank`, but a ranker may
     * skip choosing the intent within each topic (a letter's sentences only need the topics).
     */
    rankTopics(normalized: string): Promise<TopicScoreEntry[]>;
    /**
     * Every topic in the ranker's order, for measuring top-k (`pufa eval`, the bench): its
     * ranking, and for a text the ranking leaves empty (no word of any topic: declined) "not
     * ours" first, then its model's order. Optional; without it the measure takes `rankTopics`.
     */
    orderTopics?(normalized: string): readonly string[];
    /**
     * The topics the text has a word for: those `rankTopics` leaves unmarked (every other topic
     * it returns is `evidence: false`). Optional; cheaper than ranking (no topic model is run),
     * so a letter's sentence with no word for a topic it could name is not ranked (letters.ts).
     */
    evidentTopics?(normalized: string): ReadonlySet<string>;
    /**
     * A new message begins: what the ranker remembers of the last one's texts (a letter is
     * ranked whole, then sentence by sentence) is dropped, so that it dies young (README
     * "Accuracy and speed"). Optional; the brain calls it before each message.
     */
    forget?(): void;
    /**
     * Load now what would otherwise load message by message (jieba's dictionary, 0.15–0.35 s
     * and ~40 MB; the n-gram table the first texts are looked up without, ~0.1 s): for a
     * long-running process (the bot, the terminal chat), not a one-shot `pufa ask`.
     */
    preload?(): void;
    /** The trained model as plain data (typed arrays allowed); src/nlu/cache.ts saves and reads it. */
    export(): ModelData;
    import(model: ModelData): void;
}
export interface RankerOptions {
    terms: readonly string[];
    /** Each topic's own terms (`KnowledgeBase.topicTerms`): evidence for it when no utterance uses them (src/nlu/evidence.ts). */
    topicTerms?: Readonly<Record<string, readonly string[]>>;
    normalize: (s: string) => string;
    /** Legacy/jieba only: weight of the naive-Bayes prior. */
    priorWeight?: number;
    /** Receives node-nlp's own messages (debug level). */
    log?: EngineLog;
    /**
     * Pufa only: how a topic's probability is shared among its intents; default `WITHIN_TOPIC`.
     * For measuring (bench/intent-cv.ts): the saved model is the same for every rule.
     */
    withinTopic?: WithinTopicRule;
}
/**
 * Highest score first, as `(a, b) => b.score - a.score` sorts (the same order: same signs,
 * NaN equal to all), but returning -1, 0 or 1: a comparator returning a fraction gives the
 * sort a new heap number at every comparison (~10 KB of garbage per message).
 */
export declare function byScore(a: {
    score: number;
}, b: {
    score: number;
}): number;
/** Topic totals of an intent ranking, highest first; a topic whose intents lack evidence is marked so. */
export declare function topicsOf(ranking: readonly IntentScore[]): TopicScoreEntry[];
/**
 * The shipped topic stage: two views of the text, each a TF-IDF logistic regression over
 * topics, their probabilities averaged (README "Understanding"):
 * - `word`: character 1–3-grams plus jieba words with the domain dictionary, balanced topic
 *   weights (the previous brain's model);
 * - `char`: character 1–3-grams, unbalanced (the anchor's model, ANCHOR_OPTIONS).
 * 5-fold cross-validation over our own utterances (test/nlu/data/README.md): the average
 * has the best held-out top-1 topic (92.1 % vs 91.8 % word, 91.2 % char), and the
 * unbalanced view keeps "not ours" likely for text unlike any topic (held-out out_of_scope
 * declined 89.2 % vs 80.0 % for the word view alone).
 * Batch 23 tried both views at C = 20 and trained on letter pairs too (`withLetterPairs`):
 * better on cross-validation and on two check sets of questions and letters, but four later
 * turns fewer on a third check set of conversations (123 against 126 of 168): its sharper
 * scores cross the bars the conversation rules read them by. Not shipped (README).
 */
export declare const PUFA_LR_OPTIONS: LinearTopicOptions;
export declare const PUFA_CHAR_OPTIONS: LinearTopicOptions;
/** Weight of the char view in the average (the word view has the rest). */
export declare const PUFA_CHAR_WEIGHT = 0.5;
/**
 * How the pufa ranker shares a topic's probability among the topic's intents, from node-nlp's
 * scores of those intents (`nn`, renormalised within the topic) and the text's intent-centroid
 * shares (`c`, src/nlu/intent-centroids.ts). Where node-nlp gives the topic nothing, `c` alone.
 */
export interface WithinTopicRule {
    /** α in α·nn + (1 − α)·c: 1 is node-nlp alone, 0 the centroids alone. */
    nlpWeight: number;
    /** node-nlp alone when its largest share within the topic is at least this (default: never). */
    confidentAt?: number;
    /**
     * Instead of a fixed α: node-nlp's raw scores plus this much mass of centroid shares,
     * (nnRaw_i + m·c_i) / (Σ nnRaw + m) — node-nlp weighs as much as it scored the topic.
     */
    centroidMass?: number;
}
/**
 * The shipped rule: 0.1·node-nlp + 0.9·centroids (README "Choosing the intent within a topic",
 * `npx tsx bench/intent-cv.ts`). Chosen by 5-fold cross-validation over the utterances of
 * intents/ and by how many decisions of other topics a small data change moves: the gold intent
 * first within its gold topic 85.8 % for node-nlp alone, 88.2 % for the centroids alone, 89.4 %
 * here (α = 0.05 / 0.15 / 0.2 / 0.5: 88.8 / 89.2 / 88.9 / 86.6 %); decisions of other topics
 * moved by 8 (or 6) utterances added to one intent: 25 and 29 for node-nlp alone, 7 and 9 here.
 * The centroid shares are flat (a text is similar to every intent of its topic), node-nlp's
 * nearly 0 or 1, so with this weight node-nlp decides the close calls of the centroids.
 */
export declare const WITHIN_TOPIC: WithinTopicRule;
/**
 * Shares of a topic's intents (in the order of `nnRaw`, node-nlp's raw score of each), summing
 * to 1. `centroids` is asked only when the rule needs it.
 */
export declare function withinTopicShares(nnRaw: readonly number[], centroids: () => readonly number[], rule: WithinTopicRule): number[];
/**
 * The text with repeated sentences kept once: a letter that says the same thing ten times
 * (or a pasted block) should not outweigh the one sentence that asks.
 */
export declare function distinctSentences(text: string): string;
export declare function createRanker(kind: RankerKind, intents: readonly IntentDef[], options: RankerOptions): IntentRanker;
