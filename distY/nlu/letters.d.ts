import { type IntentScore } from '../core/types.js';
import type { TopicScore } from './decide.js';
import type { IntentRanker } from './rankers.js';
/**
 * Letters with several topics. A long message is split into sentences (clauses, for the
 * comma-chained style of chat letters); each is ranked on its own, next to the ranking of
 * the whole text. A topic that one sentence is clearly about is "mentioned" even when the
 * whole text is dominated by another: the reply answers the primary topic and names the
 * others in one line each. Pure apart from the injected ranker.
 */
/** Shortest sentence (in characters) ranked on its own; shorter pieces join their neighbour. */
export declare const MIN_SENTENCE_CHARS = 6;
/**
 * A sentence names a topic when that topic leads the sentence's ranking (out of scope and
 * small talk included) either clearly — score ≥ SENTENCE_SURE, gap ≥ SENTENCE_SURE_GAP — or
 * moderately — score ≥ SENTENCE_TOPIC_MIN, gap ≥ SENTENCE_GAP_MIN — with the whole text
 * leaning to it too (≥ WHOLE_SUPPORT_MIN).
 */
export declare const SENTENCE_SURE = 0.6;
export declare const SENTENCE_SURE_GAP = 0.3;
export declare const SENTENCE_TOPIC_MIN = 0.3;
export declare const SENTENCE_GAP_MIN = 0.1;
export declare const WHOLE_SUPPORT_MIN = 0.05;
/** Two topics of the whole text that both reach this score are both mentioned. */
export declare const WHOLE_SECOND_MIN = 0.3;
/**
 * A report's second bureau topic is named from this score of the whole text on, when the text
 * has a word for it: "楼下烧烤太吵了还熏人" is answered on the barbecue (0.61) and names the noise
 * (0.17, 吵) — a line "您还提到：…", never the answer.
 */
export declare const WHOLE_NAMED_MIN = 0.15;
/** At most this many secondary topics are named. */
export declare const MAX_SECONDARY = 2;
/**
 * At most this many sentences are ranked: neighbours are joined (shortest pair first) down
 * to it, so a long letter costs a bounded number of rankings.
 */
export declare const MAX_SENTENCES = 4;
/**
 * Split a message into sentences for scoring; short pieces are joined to the next one (the
 * last to the previous), then the shortest neighbours are joined until at most `max` are left.
 */
export declare function splitSentences(text: string, max?: number): string[];
export declare function inScopeTopic(topic: string): boolean;
/** A ranker may mark a candidate the text has no evidence for (`evidence: false`); such a topic is never named. */
export declare function hasEvidence(s: IntentScore): boolean;
/** One topic a sentence is clearly about. */
export interface SentenceTopic {
    sentence: string;
    topic: string;
    score: number;
    /** The sentence's best intent of that topic. */
    best: IntentScore;
}
export interface LetterAnalysis {
    sentences: string[];
    /**
     * Per sentence, the topic it is clearly about (in-scope only); sentences without one are
     * left out, and so are those about the topic the message is answered on (`analyseLetter`'s
     * `answered`): a reply never names its own topic as another.
     */
    topics: SentenceTopic[];
}
/**
 * What analysing a letter needs of the ranker: a sentence's topics (with their evidence),
 * and, only for a sentence that names a topic, its intents (the best of that topic).
 */
export type SentenceRanker = Pick<IntentRanker, 'rankTopics' | 'rank' | 'evidentTopics'>;
/**
 * Rank every sentence of a message that has at least two; a one-sentence message has nothing
 * to add. A sentence about `answered` (the topic the reply answers on) is not ranked for its
 * intent: only the other topics are named (a letter is mostly about its main topic, and
 * choosing the intent is node-nlp's run over the sentence).
 */
export declare function analyseLetter(text: string, ranker: SentenceRanker, whole?: readonly TopicScore[], answered?: string): Promise<LetterAnalysis>;
/**
 * Secondary topics of a message whose primary topic is `primary`: topics a sentence is
 * clearly about, strongest first, then (when `allowWhole`) a second in-scope topic of the
 * whole text that it has a word for and that reaches `WHOLE_NAMED_MIN`. Each with its best intent; never the primary.
 */
export declare function secondaryTopics(primary: string, whole: readonly TopicScore[], letter: LetterAnalysis, allowWhole: boolean): IntentScore[];
