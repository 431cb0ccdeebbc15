import type { IntentDef } from '../knowledge/types.js';
/**
 * Which topics a text gives evidence for: a topic has evidence when the text contains a word
 * (jieba with the domain dictionary) that our utterances use for that topic at least twice,
 * and markedly more often than for an average topic (its share of the word's uses is at
 * least LIFT times the topic's share of all utterances, and at least MIN_SHARE). A statistical model spreads probability over every topic; this is
 * the rule that a question back never offers a topic the citizen said nothing about
 * ("今天天气怎么样" must not be asked "是不是燃气泄漏？").
 */
export interface TopicEvidenceModel {
    /** word → topics it is evidence for. */
    words: [string, string[]][];
}
/** How much more often than the topic's base rate a word must be used for it (城管, 请问, 小区 are not). */
export declare const LIFT = 2;
/** And at least this share of the word's uses, whatever the topic's size. */
export declare const MIN_SHARE = 0.25;
/** Uses of a word within a topic's utterances before it counts (one-off words of long letters do not); a domain term counts from its first use. */
export declare const MIN_USES = 2;
/**
 * An everyday word — at least this frequent in jieba's general dictionary (东西 18,877, 拿
 * 19,956, 回来 12,128) — is no evidence
 * for a topic by itself, however often our utterances of one topic happen to use it
 * ("店门口的东西" says nothing about seized goods). The domain terms of intents/*.yaml
 * (罚款, 城管 …) always count.
 */
export declare const EVERYDAY_FREQUENCY = 10000;
export interface EvidenceOptions {
    /** General-language frequency of words (see EVERYDAY_FREQUENCY); no filter when absent. */
    generalFrequency?: (words: readonly string[]) => ReadonlyMap<string, number>;
    /** Domain terms: evidence whatever their general frequency. */
    terms?: readonly string[];
    /**
     * Each topic's own terms: one that no utterance uses at all ("五要五不", "泥头车", "液化石油气")
     * is evidence for the topics that list it — we listed it for them. Without this, a question
     * naming only such a term had no evidence for any topic and was declined.
     */
    topicTerms?: Readonly<Record<string, readonly string[]>>;
}
export declare class TopicEvidence {
    private readonly words;
    private constructor();
    static train(intents: readonly IntentDef[], tokenize: (text: string) => string[], normalize: (s: string) => string, options?: EvidenceOptions): TopicEvidence;
    static fromJSON(m: TopicEvidenceModel): TopicEvidence;
    toJSON(): TopicEvidenceModel;
    /**
     * Topics the tokens give evidence for. With `isWord` (the tokenizer's dictionary), a token
     * of three or more characters that is no evidence word itself — a compound jieba knows whole
     * and our utterances never use, "烤羊肉串", "臭豆腐摊" — gives the evidence of a part of it
     * that is an evidence word when the rest is a dictionary word of two or more characters
     * (烤 + 羊肉串, 臭豆腐 + 摊): the compound is that word's. Without a dictionary word for
     * the rest ("挖掘机": 掘机 is none), nothing.
     */
    topics(tokens: readonly string[], isWord?: (word: string) => boolean): Set<string>;
    /** The evidence of a compound's parts (`topics`): split once, one side an evidence word, the other a dictionary word of two or more characters. */
    private partsEvidence;
}
