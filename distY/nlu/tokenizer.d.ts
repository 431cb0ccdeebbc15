/**
 * jieba's default dictionary. Not loaded whole: src/nlu/jieba-dict.ts packs it once and
 * loads into jieba only the words of the texts cut (same segmentation, a fraction of the
 * start-up time and memory).
 */
export declare const DICT_FILE: string;
/**
 * Chinese word segmentation for intent matching: jieba (via @node-rs/jieba, native and
 * fast) with a user dictionary of the domain's terms (占道经营, 渣土车, 违建 …) taken from
 * the `terms:` lists of intents/*.yaml. Measured against @nlpjs/lang-zh in the README.
 */
/** Particles and punctuation that carry no intent. Kept short on purpose: 吗/在 matter for greetings. */
export declare const STOPWORDS: ReadonlySet<string>;
/** Frequency of the domain's and the dialect's words. */
export declare const USER_WORD_FREQ = 100000;
export interface TokenizerOptions {
    /** Domain terms added to jieba's dictionary. */
    terms?: readonly string[];
}
export declare class ChineseTokenizer {
    private readonly jieba;
    constructor(options?: TokenizerOptions);
    /**
     * The last texts tokenised: one message is tokenised several times (the topic model's
     * features, node-nlp, the evidence rule), for the whole text and each sentence of a letter.
     */
    private readonly recent;
    /** Forget the texts and pieces cut so far (a new message begins); the words loaded into jieba stay. */
    forget(): void;
    /** Load jieba's whole dictionary now rather than word by word (a long-running process; src/nlu/jieba-dict.ts). */
    loadAll(): void;
    /** True when `word` is a word of jieba's dictionary or a user word (a domain term). */
    isWord(word: string): boolean;
    /** Tokens for the classifier: words (lower-cased), numbers as `#num`, no stopwords. */
    tokenize(text: string): string[];
    /**
     * jieba cuts a text block by block, a block being a run of Chinese characters, letters and
     * digits (its RE_HAN_DEFAULT); punctuation and white space always end a block. So the text
     * is cut piece by piece between them, each piece's words remembered: a letter's sentences,
     * cut after the whole letter, are put together from pieces already cut.
     */
    private readonly pieces;
    private segment;
    /** The tokens of jieba's words for a piece. */
    private words;
}
/**
 * How common each of `words` is in general Chinese: its frequency in jieba's dictionary (0
 * when absent). Used to tell everyday words (东西 18,877, 回来 12,128) from words that say
 * something about a topic (暂扣 3, 三轮车 160). One pass over the dictionary file.
 */
export declare function generalFrequencies(words: Iterable<string>): Map<string, number>;
