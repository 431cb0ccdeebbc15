interface PackedDict {
    v: number;
    /** The words, sorted (UTF-16 order), concatenated. */
    words: string;
    /** Start of each word in `words`, then the end. */
    offsets: Int32Array;
    freqs: Int32Array;
    total: number;
    /** Longest word, in UTF-16 code units. */
    maxLen: number;
}
/** Parse jieba's `word freq tag` lines into the packed form (no duplicates in dict.txt; the last one would win). */
export declare function packDictionary(text: string): PackedDict;
/**
 * Characters that end a jieba block: white space and punctuation (not `.`, which jieba keeps
 * inside a block, as in 3.5). No dictionary word contains them (test/nlu/jieba-dict.test.ts),
 * so the dictionary is walked piece by piece between them, and the tokenizer cuts a text
 * piece by piece (test/nlu/tokenizer.test.ts compares that with one cut).
 */
export declare const BLOCK_BREAK: RegExp;
/** The packed form of `dictFile`: from the cache file when there is one, else compiled (and cached). */
export declare function packedDictionary(dictFile: string): PackedDict;
/**
 * jieba on the full dictionary plus user words (`word freq` lines loaded after it, as
 * `Jieba.loadDict` does: a user word replaces the dictionary's frequency), loading words
 * only as texts need them.
 */
export declare class LazyJieba {
    private readonly dict;
    /** jieba's dict.txt itself, for `loadAll` before any word is loaded (read in one piece rather than built line by line). */
    private readonly dictFile?;
    private readonly jieba;
    /** User words → frequency (they replace the dictionary's). */
    private readonly user;
    /** Words already in `jieba` (with their frequency), the filler excluded. */
    private readonly present;
    private readonly total;
    private loadedMass;
    private readonly maxLen;
    constructor(dict: PackedDict, userWords?: readonly (readonly [string, number])[], 
    /** jieba's dict.txt itself, for `loadAll` before any word is loaded (read in one piece rather than built line by line). */
    dictFile?: (() => Buffer) | undefined);
    /** Forget which texts and pieces were walked (a new message begins); the words loaded stay. */
    forget(): void;
    /** The frequency of `word` in the dictionary (a user word's own), or undefined when it is no word of it. */
    frequency(word: string): number | undefined;
    /** Every word is in jieba (`loadAll`): nothing left to walk for. */
    private complete;
    /**
     * Load every word not loaded yet, in one call: for a long-running process (the bot), where
     * walking each new piece for words to load was a fifth of tokenising a letter. The
     * segmentation stays the same (the full dictionary, as `prepare` loads it piece by piece).
     */
    loadAll(): void;
    /** Load `lines` into jieba with the filler carrying the mass of the words not loaded yet. */
    private load;
    /** Texts prepared lately (a message is cut several times: features, node-nlp, evidence). */
    private readonly recent;
    /** A dictionary word (or user word) of `text`: load it unless already there. */
    private found;
    /**
     * Load the words of `text` not loaded yet (and move their mass off the filler). No word of
     * the dictionary contains punctuation or white space (test/nlu/jieba-dict.test.ts checks),
     * so the text is walked piece by piece between them, and a piece walked lately (a letter's
     * sentence after the whole letter) is not walked again.
     */
    private prepare;
    /** `prepare` for several texts, with one load into jieba. */
    private prepareAll;
    /** User words by their first UTF-16 unit (built on first use). */
    private userByFirst;
    /** Load the user words that occur in `text` (a user word may hold punctuation, so the whole text is searched). */
    private userWordsOf;
    /**
     * Per dictionary word (sorted position), 1 once it is in jieba: a word met again is passed
     * over without building its string (a letter walks over a few hundred words).
     */
    private loadedWords;
    /**
     * Per first unit met so far, where the words with each second unit start: pairs (second
     * unit, start) in order, then the end of the first unit's words. Built from one scan of
     * that unit's words when first met: the dictionary's words starting with a common
     * character (的, 不, 大) number in the thousands, and two binary searches over them at
     * every position of a text were most of a walk's cache misses.
     */
    private readonly second;
    /** The end of the range `secondUnits` returned last. */
    private secondEnd;
    /** Start of the words of `[lo, hi)` (all starting with `c0`) whose second unit is `c1`, or -1; their end in `secondEnd`. */
    private secondUnits;
    /** Pieces walked lately. */
    private readonly walked;
    /** Per first UTF-16 code unit, where its words start in the sorted dictionary (65,537 entries). */
    private firstIndex;
    private byFirstUnit;
    /**
     * The dictionary words starting at each position of `piece`, found by narrowing the sorted
     * list one character at a time (a trie walk on the sorted array): no substring is built
     * unless it is a word. Returns the frequency mass loaded.
     */
    private walk;
    cut(text: string, hmm: boolean): string[];
    /**
     * The cuts of several pieces — texts without white space (BLOCK_BREAK splits at it) — in
     * one call into jieba: the pieces joined by line feeds, which end jieba's blocks and come
     * back as tokens of their own. jieba cuts each block alone, so each piece's words are
     * those of its own cut (test/nlu/tokenizer.test.ts compares with one whole cut); one call
     * instead of one per piece (a letter has twenty).
     */
    cutPieces(pieces: readonly string[], hmm: boolean): string[][];
}
export {};
