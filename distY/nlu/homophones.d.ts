import { type PinyinTable } from './pinyin-table.js';
/**
 * Homophone slips of domain terms, read as the term (issue 7: real citizens).
 *
 * Citizens type with pinyin input methods and dictate, so domain words arrive as other
 * characters with the same sound: 违见 (违建), 占到经营 (占道经营), 油咽 (油烟), 暂口 (暂扣), 罚宽 (罚款).
 * Such a word is evidence of nothing to the models. This module reads a window of 2–4 Han
 * characters as a domain term (the `terms:` of intents/*.yaml) when
 * - **it sounds like the term**: every character it changes can be read with the term's
 *   syllable at that place, tones ignored — any reading of the typed character (an input
 *   method offers them all), the term's reading in context or its character's most common
 *   one; or only by a confusion of Wuhan speech (n/l, z/zh, c/ch, s/sh, an/ang, en/eng,
 *   in/ing: 阳关房 → 阳光房), which costs more (`FUZZY_COST`);
 * - **it is close**: at least one character is the term's own, in place, and it changes one
 *   (two of a 4-character term);
 * - **it is not a word**: not a domain term and not a word of jieba's dictionary, however
 *   rare — 城关 (a town seat), 占到 ("accounts for": 罚款占到收入一半), 电化, 绿灯, 便宜 stay;
 *   inside a longer term it is read (占到经营 → 占道经营);
 * - **no changed character is meant**: none is a function word (是, 的, 有 … counted
 *   ≥ `FUNCTION_WORD_FREQ`: 这是垃圾 is not 湿垃圾) or makes a real word with characters
 *   outside the window (路边卖菜, 垃圾通道, 报废机动车, 自行撤除 stay), or ends the window
 *   before 得 (a verb with its complement: 广告拍得真好 is not 广告牌);
 * - **it reads better**: in jieba's own word model (unigram, its dictionary's frequencies,
 *   the best segmentation of the window and 6 characters either side), the text with the
 *   term is at least e^`SLIP_COST` times likelier than as written — a domain term counting
 *   by its uses in our utterances (`TERM_FREQ_PER_USE`). This keeps 天然气, 城关镇, 摩托车,
 *   图方便, 种菜犯法 as they are.
 * Overlapping readings: the longer window wins, then the one changing fewer characters, then
 * the one read by the typed characters' most common readings (射保 is 社保, not 医保 by 射's
 * rare yi), then the term used more; a window two terms fit equally is left alone.
 *
 * The constants were set on our own texts (the intents' utterances, the dev and holdout
 * sets, our answers, the law texts of ../shared/laws as clean text; never the eval file):
 * see README, "Homophone slips".
 *
 * Pure: text in, text and the corrections out; the readings, the dictionary and the terms
 * are given (`loadHomophones` wires the real ones). A correction replaces characters one for
 * one, so positions in the text are kept.
 */
/** A dictionary word counted at least this often that a changed character makes with its neighbours shows it is meant (路边, 通道, 报废). */
export declare const REAL_WORD_FREQ = 50;
/** A single character counted at least this often (是 796,991, 的 318,825, 有 423,765) is a function word. */
export declare const FUNCTION_WORD_FREQ = 300000;
/**
 * How much more likely (natural log) the corrected text must be than the text as written,
 * in jieba's word model, for a window to be read as a slip: e^SLIP_COST ≈ 1,100 to one.
 */
export declare const SLIP_COST = 9;
/** What a confusion of Wuhan speech costs on top (natural log): e^4 ≈ 55 times less likely than a plain homophone. */
export declare const FUZZY_COST = 4;
/**
 * A domain term's frequency in the word model per use in our utterances (+1): a term our
 * citizens use often (罚款 211, 违建 66) is a likelier reading than a rare one (督办 1, 拍卖 3).
 * 20,000 puts a term of the median use (4) at the tokenizer's 100,000.
 */
export declare const TERM_FREQ_PER_USE = 20000;
/** A domain term as the corrector knows it (compiled once per change of `intents/`). */
export interface HomophoneTerm {
    text: string;
    /** How many utterances of `intents/` contain it: how likely a citizen writing to us means it. */
    uses: number;
    /** Per character, the toneless syllables it is read with in the term (its reading in context, and its most common one). */
    sounds: string[][];
}
export interface HomophoneDeps {
    /** Every domain term; those of 2–4 Han characters are matched. */
    terms: readonly HomophoneTerm[];
    /** Readings of the characters a citizen may have typed (all of them: an input method offers every reading). */
    pinyin: PinyinTable;
    /** Frequency of `word` in jieba's dictionary, undefined when it is not a word there. */
    frequency: (word: string) => number | undefined;
    /** Total frequency of jieba's dictionary (its unigram model: a word's probability is frequency / total). */
    total: number;
    /** Also match the confusions of Wuhan speech (n/l, z/zh, c/ch, s/sh, an/ang, en/eng, in/ing). */
    fuzzy?: boolean;
}
export interface Correction {
    /** Position (UTF-16) of the window in the text. */
    at: number;
    from: string;
    to: string;
}
export interface Corrected {
    /** The text with each slip replaced by its term (same length). */
    text: string;
    corrections: Correction[];
}
/** A syllable folded for the confusions of Wuhan speech: zh→z, ch→c, sh→s, n→l; ang→an, eng→en, ing→in. */
export declare function foldSyllable(s: string): string;
export declare class Homophones {
    private readonly deps;
    /** Every domain term → its frequency in the word model (by its uses in our utterances). */
    private readonly terms;
    /**
     * Per Han character (code − 0x4E00), where its pairs (index in `matched`, place) start in
     * `pairs`, then the end: `pairs[pairStart[c], pairStart[c + 1])`. Flat arrays, so that a
     * letter's ~300 characters read an 84 KB index rather than a Map's entries scattered in the heap.
     */
    private readonly pairStart;
    private readonly pairs;
    /** The terms matched (2–4 Han characters with their sounds). */
    private readonly matched;
    /** Each matched term's character codes, from `codeAt[t]`, `lengthOf[t]` of them. */
    private readonly codes;
    private readonly codeAt;
    private readonly lengthOf;
    /** Syllable id → the id of its folded form (`foldSyllable`; -1 when fuzzy matching is off). */
    private readonly foldOf;
    constructor(deps: HomophoneDeps);
    /** `text` with homophone slips of domain terms replaced by the terms (see the module's comment). */
    correct(text: string): Corrected;
    /** Windows that sound like a term and share a character with it in place (cheap: most texts have none). */
    private candidates;
    /** Whether the character `code` can be read as the term's character at `k`: by its most common reading, by another, only by a confusion, or not. */
    private soundsLike;
    private plausible;
    /**
     * Whether the character at `p` makes a real word (≥ REAL_WORD_FREQ) with characters
     * outside the window [from, to): 通 of 垃圾通道, 废 of 报废机动车, 撤 of 自行撤除 are meant.
     */
    private claimed;
    /** Frequency of a word for the scoring: a domain term as the tokenizer has it, else jieba's dictionary. */
    private wordFrequency;
    /** Log-probability of the best segmentation of `s` in jieba's unigram model (its own route calculation). */
    private score;
}
/** What the corrector is built from: a knowledge base's terms and utterances, and the hash of intents/ they come from. */
export interface HomophoneSource {
    terms: readonly string[];
    intents: readonly {
        utterances: readonly string[];
    }[];
    intentsHash: string;
}
/**
 * The terms as the corrector needs them: uses in the utterances, and per character the
 * reading in the term (pinyin-pro reads a word in context: 银行 yin hang) plus the
 * character's most common one (pinyin-pro is not always right: 还款 hai kuan). The other
 * readings of a term's character are left out: 盖 is read ge only as a surname, so 加个 is not
 * 加盖. pinyin-pro is imported here only.
 */
export declare function compileHomophoneTerms(terms: readonly string[], utterances: readonly string[]): Promise<HomophoneTerm[]>;
/**
 * The corrector for a knowledge base's terms, with the real readings (pinyin-pro's, through
 * the cached table) and jieba's dictionary. The compiled terms are cached in `cacheDir`
 * (named, like the model, by the hash of `intents/` and the terms), so pinyin-pro is imported only when
 * `intents/` changed or the readings table is built; no cache folder → compiled each time.
 */
export declare function loadHomophones(kb: HomophoneSource, options?: {
    cacheDir?: string | undefined;
    fuzzy?: boolean;
    log?: {
        warn(obj: object, msg: string): void;
    };
}): Promise<Homophones>;
