import { createHash } from 'node:crypto';
import { readCompiled, writeCompiled } from '../knowledge/compiled.js';
import { BLOCK_BREAK, packedDictionary } from './jieba-dict.js';
import { loadPinyinTable } from './pinyin-table.js';
import { indexOfSorted } from './sorted-strings.js';
import { DICT_FILE } from './tokenizer.js';
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
export const REAL_WORD_FREQ = 50;
/** A single character counted at least this often (是 796,991, 的 318,825, 有 423,765) is a function word. */
export const FUNCTION_WORD_FREQ = 300_000;
/**
 * How much more likely (natural log) the corrected text must be than the text as written,
 * in jieba's word model, for a window to be read as a slip: e^SLIP_COST ≈ 1,100 to one.
 */
export const SLIP_COST = 9;
/** What a confusion of Wuhan speech costs on top (natural log): e^4 ≈ 55 times less likely than a plain homophone. */
export const FUZZY_COST = 4;
/**
 * A domain term's frequency in the word model per use in our utterances (+1): a term our
 * citizens use often (罚款 211, 违建 66) is a likelier reading than a rare one (督办 1, 拍卖 3).
 * 20,000 puts a term of the median use (4) at the tokenizer's 100,000.
 */
export const TERM_FREQ_PER_USE = 20_000;
/** The particle of a verb's complement (拍得好): the character before it is a verb, as written. */
const COMPLEMENT = '得';
/** Characters on each side of the window scored with it. */
const CONTEXT = 6;
/** Longest word looked up when scoring. */
const MAX_WORD = 6;
/** A syllable folded for the confusions of Wuhan speech: zh→z, ch→c, sh→s, n→l; ang→an, eng→en, ing→in. */
export function foldSyllable(s) {
    let out = s;
    if (/^[zcs]h/u.test(out))
        out = out[0] + out.slice(2);
    else if (/^n[aeiouv]/u.test(out))
        out = `l${out.slice(1)}`;
    if (/(?:a|e|i)ng$/u.test(out))
        out = out.slice(0, -1);
    return out;
}
/** One character that ends a jieba block. */
const BREAK = new RegExp(`^${BLOCK_BREAK.source}$`, 'u');
const HAN_FIRST = 0x4e00;
const HAN_COUNT = 0x9fff - HAN_FIRST + 1;
const isHan = (code) => code >= HAN_FIRST && code <= 0x9fff;
export class Homophones {
    deps;
    /** Every domain term → its frequency in the word model (by its uses in our utterances). */
    terms = new Map();
    /**
     * Per Han character (code − 0x4E00), where its pairs (index in `matched`, place) start in
     * `pairs`, then the end: `pairs[pairStart[c], pairStart[c + 1])`. Flat arrays, so that a
     * letter's ~300 characters read an 84 KB index rather than a Map's entries scattered in the heap.
     */
    pairStart = new Int32Array(HAN_COUNT + 1);
    pairs;
    /** The terms matched (2–4 Han characters with their sounds). */
    matched = [];
    /** Each matched term's character codes, from `codeAt[t]`, `lengthOf[t]` of them. */
    codes;
    codeAt;
    lengthOf;
    /** Syllable id → the id of its folded form (`foldSyllable`; -1 when fuzzy matching is off). */
    foldOf;
    constructor(deps) {
        this.deps = deps;
        const { syllables } = deps.pinyin;
        const ids = new Map();
        for (let id = 0; id < syllables.length; id += 1)
            ids.set(syllables[id], id);
        this.foldOf = new Int32Array(syllables.length).fill(-1);
        if (deps.fuzzy) {
            const folds = new Map();
            for (let id = 0; id < syllables.length; id += 1) {
                const key = foldSyllable(syllables[id]);
                let f = folds.get(key);
                if (f === undefined)
                    folds.set(key, (f = folds.size));
                this.foldOf[id] = f;
            }
        }
        const byChar = new Map();
        for (const t of deps.terms) {
            this.terms.set(t.text, TERM_FREQ_PER_USE * (t.uses + 1));
            const n = t.text.length;
            if (n < 2 || n > 4 || t.sounds.length !== n)
                continue;
            const sounds = [];
            const folded = [];
            for (let k = 0; k < n; k += 1) {
                const here = [];
                const fold = [];
                for (const syl of t.sounds[k]) {
                    const id = ids.get(syl);
                    if (id === undefined || here.includes(id))
                        continue;
                    here.push(id);
                    if (!fold.includes(this.foldOf[id]))
                        fold.push(this.foldOf[id]);
                }
                sounds.push(here);
                folded.push(fold);
            }
            if (sounds.some((c, k) => c.length === 0 || !isHan(t.text.charCodeAt(k))))
                continue;
            const index = this.matched.length;
            this.matched.push({ text: t.text, sounds, folded, uses: t.uses });
            for (let place = 0; place < t.text.length; place += 1) {
                const code = t.text.charCodeAt(place);
                const list = byChar.get(code);
                if (list)
                    list.push(index, place);
                else
                    byChar.set(code, [index, place]);
            }
        }
        // Every matched term is Han throughout (checked above): count each character's pairs, then place them.
        for (const [code, list] of byChar)
            this.pairStart[code - HAN_FIRST + 1] = list.length;
        for (let c = 0; c < HAN_COUNT; c += 1)
            this.pairStart[c + 1] = this.pairStart[c + 1] + this.pairStart[c];
        this.pairs = new Int32Array(this.pairStart[HAN_COUNT]);
        for (const [code, list] of byChar)
            this.pairs.set(list, this.pairStart[code - HAN_FIRST]);
        // The terms' characters side by side: a window is compared as integers (a letter makes ~700 comparisons).
        this.codeAt = new Int32Array(this.matched.length);
        this.lengthOf = new Int32Array(this.matched.length);
        this.codes = new Int32Array(this.matched.reduce((n, m) => n + m.text.length, 0));
        let at = 0;
        this.matched.forEach((m, i) => {
            this.codeAt[i] = at;
            this.lengthOf[i] = m.text.length;
            for (let k = 0; k < m.text.length; k += 1)
                this.codes[at + k] = m.text.charCodeAt(k);
            at += m.text.length;
        });
    }
    /** `text` with homophone slips of domain terms replaced by the terms (see the module's comment). */
    correct(text) {
        const found = this.candidates(text);
        if (found.length === 0)
            return { text, corrections: [] };
        const kept = found.filter((c) => this.plausible(text, c) && !meantElsewhere(text, c, found));
        if (kept.length === 0)
            return { text, corrections: [] };
        kept.sort((a, b) => b.term.text.length - a.term.text.length || a.changed - b.changed || Number(a.fuzzy) - Number(b.fuzzy) || Number(a.rare) - Number(b.rare) || b.term.uses - a.term.uses || a.at - b.at);
        const taken = new Uint8Array(text.length);
        const chosen = [];
        for (const c of kept) {
            const end = c.at + c.term.text.length;
            let free = true;
            for (let i = c.at; i < end; i += 1)
                if (taken[i])
                    free = false;
            if (!free)
                continue;
            // The same window read as two different terms equally well: no reading.
            const rival = kept.find((o) => o !== c && o.at === c.at && o.term.text.length === c.term.text.length && o.changed === c.changed && o.fuzzy === c.fuzzy && o.rare === c.rare && o.term.uses === c.term.uses && o.term.text !== c.term.text);
            if (rival)
                continue;
            taken.fill(1, c.at, end);
            chosen.push(c);
        }
        if (chosen.length === 0)
            return { text, corrections: [] };
        chosen.sort((a, b) => a.at - b.at);
        let out = '';
        let from = 0;
        const corrections = [];
        for (const c of chosen) {
            const end = c.at + c.term.text.length;
            corrections.push({ at: c.at, from: text.slice(c.at, end), to: c.term.text });
            out += text.slice(from, c.at) + c.term.text;
            from = end;
        }
        return { text: out + text.slice(from), corrections };
    }
    /** Windows that sound like a term and share a character with it in place (cheap: most texts have none). */
    candidates(text) {
        const out = [];
        const { codes, codeAt, lengthOf, pairStart, pairs } = this;
        for (let i = 0; i < text.length; i += 1) {
            const c = text.charCodeAt(i);
            if (!isHan(c))
                continue;
            const end = pairStart[c - HAN_FIRST + 1];
            for (let e = pairStart[c - HAN_FIRST]; e < end; e += 2) {
                const t = pairs[e];
                const place = pairs[e + 1];
                const at = i - place;
                const n = lengthOf[t];
                if (at < 0 || at + n > text.length)
                    continue;
                const from = codeAt[t];
                // Found from its first shared character only; at most one other changed (two in a 4-character term).
                let changed = 0;
                let ok = true;
                for (let k = 0; k < n; k += 1) {
                    const same = text.charCodeAt(at + k) === codes[from + k];
                    if (same && k < place)
                        ok = false;
                    if (!same)
                        changed += 1;
                }
                if (!ok || changed === 0 || changed > (n >= 4 ? 2 : 1))
                    continue;
                const term = this.matched[t];
                let fuzzy = false;
                let rare = false;
                for (let k = 0; k < n && ok; k += 1) {
                    const code = text.charCodeAt(at + k);
                    if (code === codes[from + k])
                        continue;
                    const like = this.soundsLike(code, term, k);
                    ok = like !== 'no';
                    fuzzy ||= like === 'fuzzy';
                    rare ||= like === 'rare';
                }
                if (ok)
                    out.push({ at, term, changed, fuzzy, rare });
            }
        }
        return out;
    }
    /** Whether the character `code` can be read as the term's character at `k`: by its most common reading, by another, only by a confusion, or not. */
    soundsLike(code, term, k) {
        if (!isHan(code))
            return 'no';
        const readings = this.deps.pinyin.readings(code);
        const exact = term.sounds[k];
        for (let r = 0; r < readings.length; r += 1)
            if (exact.includes(readings[r]))
                return r === 0 ? 'exact' : 'rare';
        const folded = term.folded[k];
        for (const id of readings)
            if (this.foldOf[id] !== -1 && folded.includes(this.foldOf[id]))
                return 'fuzzy';
        return 'no';
    }
    plausible(text, c) {
        const n = c.term.text.length;
        const window = text.slice(c.at, c.at + n);
        if (this.terms.has(window))
            return false;
        if (this.deps.frequency(window) !== undefined)
            return false;
        for (let k = 0; k < n; k += 1) {
            const ch = window[k];
            if (ch === c.term.text[k])
                continue;
            if ((this.deps.frequency(ch) ?? 0) >= FUNCTION_WORD_FREQ || this.claimed(text, c.at + k, c.at, c.at + n))
                return false;
            // The window's last character followed by 得 is a verb with its complement (广告拍得真好,
            // 广告派得到处都是): meant; our terms name matters, they are not verbs with a complement.
            if (k === n - 1 && text[c.at + n] === COMPLEMENT)
                return false;
        }
        // The window with a few characters either side, within its run of text (jieba cuts runs apart).
        let from = c.at;
        while (from > 0 && c.at - from < CONTEXT && !BREAK.test(text[from - 1]))
            from -= 1;
        let to = c.at + n;
        while (to < text.length && to - (c.at + n) < CONTEXT && !BREAK.test(text[to]))
            to += 1;
        const written = text.slice(from, to);
        const read = text.slice(from, c.at) + c.term.text + text.slice(c.at + n, to);
        const gain = this.score(read) - this.score(written);
        return gain >= SLIP_COST + (c.fuzzy ? FUZZY_COST : 0);
    }
    /**
     * Whether the character at `p` makes a real word (≥ REAL_WORD_FREQ) with characters
     * outside the window [from, to): 通 of 垃圾通道, 废 of 报废机动车, 撤 of 自行撤除 are meant.
     */
    claimed(text, p, from, to) {
        for (let start = Math.max(0, p - 3); start <= p; start += 1) {
            for (let end = Math.max(p + 1, start + 2); end <= Math.min(text.length, start + 4); end += 1) {
                if (start >= from && end <= to)
                    continue;
                if ((this.deps.frequency(text.slice(start, end)) ?? 0) >= REAL_WORD_FREQ)
                    return true;
            }
        }
        return false;
    }
    /** Frequency of a word for the scoring: a domain term as the tokenizer has it, else jieba's dictionary. */
    wordFrequency(word) {
        return this.terms.get(word) ?? this.deps.frequency(word);
    }
    /** Log-probability of the best segmentation of `s` in jieba's unigram model (its own route calculation). */
    score(s) {
        const n = s.length;
        const logTotal = Math.log(this.deps.total);
        const best = new Float64Array(n + 1);
        for (let i = n - 1; i >= 0; i -= 1) {
            let b = -Infinity;
            for (let len = 1; len <= MAX_WORD && i + len <= n; len += 1) {
                const f = this.wordFrequency(s.slice(i, i + len));
                if (f === undefined && len > 1)
                    continue;
                const v = Math.log(f || 1) - logTotal + best[i + len];
                if (v > b)
                    b = v;
            }
            best[i] = b;
        }
        return best[0];
    }
}
/**
 * Whether a character that `c` would change is, as written, a character of another window
 * that sounds like a term: 违 of 油烟违见 belongs to 违见 (a slip of 违建), so 油烟违 is not
 * read as 油烟味 — even when 违见 itself is left as written (违见天, 见天 being a word).
 */
function meantElsewhere(text, c, found) {
    const end = c.at + c.term.text.length;
    for (let p = c.at; p < end; p += 1) {
        if (text[p] === c.term.text[p - c.at])
            continue;
        for (const o of found) {
            if (o === c || p < o.at || p >= o.at + o.term.text.length)
                continue;
            if (text[p] === o.term.text[p - o.at])
                return true;
        }
    }
    return false;
}
/** Bump when the compiled terms change form or the way they are made. */
const TERMS_VERSION = 1;
/**
 * The terms as the corrector needs them: uses in the utterances, and per character the
 * reading in the term (pinyin-pro reads a word in context: 银行 yin hang) plus the
 * character's most common one (pinyin-pro is not always right: 还款 hai kuan). The other
 * readings of a term's character are left out: 盖 is read ge only as a surname, so 加个 is not
 * 加盖. pinyin-pro is imported here only.
 */
export async function compileHomophoneTerms(terms, utterances) {
    const { pinyin } = await import('pinyin-pro');
    const out = [];
    for (const raw of new Set(terms.map((t) => t.trim()))) {
        if (raw === '')
            continue;
        let uses = 0;
        for (const u of utterances)
            if (u.includes(raw))
                uses += 1;
        const han = /^\p{Script=Han}{2,4}$/u.test(raw);
        const inContext = han ? pinyin(raw, { toneType: 'none', type: 'array', v: true }) : [];
        const sounds = inContext.length === raw.length
            ? [...raw].map((ch, k) => [...new Set([inContext[k], pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true })[0] ?? ''])].filter((x) => /^[a-z]+$/u.test(x)))
            : [];
        out.push({ text: raw, uses, sounds });
    }
    return out;
}
/**
 * The corrector for a knowledge base's terms, with the real readings (pinyin-pro's, through
 * the cached table) and jieba's dictionary. The compiled terms are cached in `cacheDir`
 * (named, like the model, by the hash of `intents/` and the terms), so pinyin-pro is imported only when
 * `intents/` changed or the readings table is built; no cache folder → compiled each time.
 */
export async function loadHomophones(kb, options = {}) {
    try {
        return await loadReal(kb, options);
    }
    catch (err) {
        // pinyin-pro missing (an install from before it was a dependency): understood as written.
        options.log?.warn({ err }, 'homophone slips are not corrected: the pinyin readings could not be loaded (run npm install)');
        return new Homophones({ terms: [], pinyin: { syllables: [], readings: () => [] }, frequency: () => undefined, total: 1 });
    }
}
async function loadReal(kb, options) {
    const pinyin = await loadPinyinTable(options.cacheDir);
    // Named like the model: by the content of intents/ (terms and utterances) and the terms.
    const key = createHash('sha256').update(JSON.stringify([TERMS_VERSION, kb.intentsHash, kb.terms])).digest('hex').slice(0, 32);
    let terms = options.cacheDir ? readCompiled(options.cacheDir, 'homophone-terms', key) : undefined;
    if (!terms) {
        terms = await compileHomophoneTerms(kb.terms, kb.intents.flatMap((i) => i.utterances));
        if (options.cacheDir) {
            try {
                writeCompiled(options.cacheDir, 'homophone-terms', key, terms);
            }
            catch {
                // read-only: compiled again next start
            }
        }
    }
    const dict = packedDictionary(DICT_FILE);
    const frequency = (word) => {
        const i = indexOfSorted(dict.words, dict.offsets, dict.freqs.length, word);
        return i < 0 ? undefined : dict.freqs[i];
    };
    return new Homophones({ terms, pinyin, frequency, total: dict.total, fuzzy: options.fuzzy ?? true });
}
//# sourceMappingURL=homophones.js.map