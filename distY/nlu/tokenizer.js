import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BLOCK_BREAK, LazyJieba, packedDictionary } from './jieba-dict.js';
import { RecentMap } from './recent.js';
/**
 * jieba's default dictionary. Not loaded whole: src/nlu/jieba-dict.ts packs it once and
 * loads into jieba only the words of the texts cut (same segmentation, a fraction of the
 * start-up time and memory).
 */
export const DICT_FILE = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
/**
 * Chinese word segmentation for intent matching: jieba (via @node-rs/jieba, native and
 * fast) with a user dictionary of the domain's terms (占道经营, 渣土车, 违建 …) taken from
 * the `terms:` lists of intents/*.yaml. Measured against @nlpjs/lang-zh in the README.
 */
/** Particles and punctuation that carry no intent. Kept short on purpose: 吗/在 matter for greetings. */
export const STOPWORDS = new Set([
    '的', '了', '啊', '呀', '吧', '哦', '嘛', '呢', '哈', '啦', '喔', '哟', '地', '得', '着', '之',
    '我', '我们', '你', '你们', '他', '她', '他们', '它', '这', '那', '这个', '那个', '一下', '一个',
]);
const PUNCT_ONLY = /^[\p{P}\p{S}\s]+$/u;
const DIGITS = /^\d+(\.\d+)?$/u;
/**
 * Wuhan-dialect and colloquial words, so that 么样办 segments as 么样/办 rather than 么/样办.
 * A fact of the language, not of the bureau's domain, so it lives here and not in intents/.
 */
const DIALECT_TERMS = ['么样', '么样办', '冇得', '冇', '搞么事', '么事', '几多', '克哪里', '蛮好', '蛮多', '咋办', '咋整', '啥子', '晓得', '不晓得', '问哈', '么得', '冒得'];
/** How many texts `tokenize` remembers per generation (a letter is a whole text and its sentences; src/nlu/recent.ts). */
const RECENT_TEXTS = 16;
/** How many pieces (between punctuation) it remembers the words of, per generation (a long letter has ~40). */
const RECENT_PIECES = 64;
/** Frequency of the domain's and the dialect's words. */
export const USER_WORD_FREQ = 100000;
export class ChineseTokenizer {
    jieba;
    constructor(options = {}) {
        const terms = [...new Set([...DIALECT_TERMS, ...(options.terms ?? [])])].filter((t) => t.trim().length > 1);
        // High frequency so that the user's words win over the general dictionary's splits.
        // The dictionary is loaded word by word as texts need them (src/nlu/jieba-dict.ts).
        this.jieba = new LazyJieba(packedDictionary(DICT_FILE), terms.map((t) => [t.trim(), USER_WORD_FREQ]), () => readFileSync(DICT_FILE));
    }
    /**
     * The last texts tokenised: one message is tokenised several times (the topic model's
     * features, node-nlp, the evidence rule), for the whole text and each sentence of a letter.
     */
    recent = new RecentMap(RECENT_TEXTS);
    /** Forget the texts and pieces cut so far (a new message begins); the words loaded into jieba stay. */
    forget() {
        this.recent.clear();
        this.pieces.clear();
        this.jieba.forget();
    }
    /** Load jieba's whole dictionary now rather than word by word (a long-running process; src/nlu/jieba-dict.ts). */
    loadAll() {
        this.jieba.loadAll();
    }
    /** True when `word` is a word of jieba's dictionary or a user word (a domain term). */
    isWord(word) {
        return (this.jieba.frequency(word) ?? 0) > 0;
    }
    /** Tokens for the classifier: words (lower-cased), numbers as `#num`, no stopwords. */
    tokenize(text) {
        const known = this.recent.get(text);
        if (known)
            return [...known];
        const out = this.segment(text);
        this.recent.set(text, out);
        return [...out];
    }
    /**
     * jieba cuts a text block by block, a block being a run of Chinese characters, letters and
     * digits (its RE_HAN_DEFAULT); punctuation and white space always end a block. So the text
     * is cut piece by piece between them, each piece's words remembered: a letter's sentences,
     * cut after the whole letter, are put together from pieces already cut.
     */
    pieces = new RecentMap(RECENT_PIECES);
    segment(text) {
        const pieces = text.toLowerCase().split(BLOCK_BREAK);
        // The pieces not cut lately, cut in one call into jieba.
        const known = new Map();
        const fresh = [];
        for (const piece of pieces) {
            if (piece.length === 0 || known.has(piece))
                continue;
            const words = this.pieces.get(piece);
            if (words)
                known.set(piece, words);
            else if (!fresh.includes(piece))
                fresh.push(piece);
        }
        if (fresh.length > 0) {
            const cuts = this.jieba.cutPieces(fresh, true);
            fresh.forEach((piece, i) => {
                const words = this.words(cuts[i]);
                known.set(piece, words);
                this.pieces.set(piece, words);
            });
        }
        const out = [];
        for (const piece of pieces) {
            if (piece.length === 0)
                continue;
            for (const w of known.get(piece))
                out.push(w);
        }
        return out;
    }
    /** The tokens of jieba's words for a piece. */
    words(cut) {
        const out = [];
        for (const raw of cut) {
            const c = raw.charCodeAt(0);
            // Most words are Chinese: no white space, punctuation or digits to look for.
            if (raw.length > 0 && c >= 0x4e00 && c <= 0x9fff && !STOPWORDS.has(raw)) {
                out.push(raw);
                continue;
            }
            const word = raw.trim();
            if (word.length === 0 || PUNCT_ONLY.test(word) || STOPWORDS.has(word))
                continue;
            if (DIGITS.test(word)) {
                // Hotline numbers are meaningful (12319 → hotline topic); other numbers are not.
                out.push(word.length === 5 && word.startsWith('123') ? word : '#num');
                continue;
            }
            out.push(word);
        }
        return out;
    }
}
/**
 * How common each of `words` is in general Chinese: its frequency in jieba's dictionary (0
 * when absent). Used to tell everyday words (东西 18,877, 回来 12,128) from words that say
 * something about a topic (暂扣 3, 三轮车 160). One pass over the dictionary file.
 */
export function generalFrequencies(words) {
    const wanted = new Set(words);
    const out = new Map();
    const text = readFileSync(DICT_FILE, 'utf8');
    let start = 0;
    while (start < text.length && out.size < wanted.size) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        const space = text.indexOf(' ', start);
        if (space > start && space < end) {
            const word = text.slice(start, space);
            if (wanted.has(word))
                out.set(word, Number.parseInt(text.slice(space + 1, end), 10) || 0);
        }
        start = end + 1;
    }
    return out;
}
//# sourceMappingURL=tokenizer.js.map