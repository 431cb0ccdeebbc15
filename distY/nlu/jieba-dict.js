import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { indexOfSorted } from './sorted-strings.js';
import { RecentSet } from './recent.js';
/**
 * jieba with its 349,000-word dictionary loaded word by word as texts need them (fast start).
 *
 * Building jieba's trie from the whole dictionary took ~0.15 s and ~44 MB of every process
 * that segments one question. The segmentation of a text depends only on the dictionary
 * words that occur in it (the DAG of its substrings, and the check of a run of single
 * characters) and on the dictionary's total frequency (every path is scored by
 * ln(freq) − ln(total)); jieba's HMM model for unknown runs is built in. So this keeps the
 * dictionary as one sorted string searched in place, and before cutting a text loads into a
 * jieba instance the words of the text not loaded yet, together with a placeholder entry
 * (a private-use character no text contains) whose frequency keeps the total equal to the
 * full dictionary's. The result is the same segmentation as jieba on the full dictionary
 * (test/nlu/jieba-dict.test.ts compares both on every utterance and more).
 *
 * The packed dictionary is compiled once from jieba's dict.txt into a cache file next to
 * the installed packages (`node_modules/.cache/pufa-bot/`, else the system temp folder),
 * named by the size and time of dict.txt; without a writable cache it is compiled in memory.
 */
/** A word no text contains: carries the frequency of the words not loaded. */
const FILLER = '\uE000\uE001';
/** Bump when the packed layout changes. */
const PACKED_VERSION = 2;
/** Parse jieba's `word freq tag` lines into the packed form (no duplicates in dict.txt; the last one would win). */
export function packDictionary(text) {
    const freq = new Map();
    for (const line of text.split('\n')) {
        const [word, f] = line.trim().split(/\s+/u);
        if (!word)
            continue;
        freq.set(word, Math.min(2 ** 31 - 1, Math.max(0, Math.trunc(Number(f ?? 0) || 0))));
    }
    const words = [...freq.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const offsets = new Int32Array(words.length + 1);
    const freqs = new Int32Array(words.length);
    let at = 0;
    let total = 0;
    let maxLen = 0;
    words.forEach((w, i) => {
        offsets[i] = at;
        at += w.length;
        const f = freq.get(w);
        freqs[i] = f;
        total += f;
        maxLen = Math.max(maxLen, w.length);
    });
    offsets[words.length] = at;
    return { v: PACKED_VERSION, words: words.join(''), offsets, freqs, total, maxLen };
}
/**
 * Characters that end a jieba block: white space and punctuation (not `.`, which jieba keeps
 * inside a block, as in 3.5). No dictionary word contains them (test/nlu/jieba-dict.test.ts),
 * so the dictionary is walked piece by piece between them, and the tokenizer cuts a text
 * piece by piece (test/nlu/tokenizer.test.ts compares that with one cut).
 */
export const BLOCK_BREAK = /[\s，。！？；：、,!?;:（）()“”"'‘’【】《》]+/u;
/** The UTF-16 unit at `k` of the sorted word `idx`, or -1 when the word is not that long. */
function unitAt(words, offsets, idx, k) {
    const start = offsets[idx];
    return offsets[idx + 1] - start > k ? words.charCodeAt(start + k) : -1;
}
/** Frequency of `word` in the packed dictionary, or undefined. */
function lookup(d, word) {
    const i = indexOfSorted(d.words, d.offsets, d.freqs.length, word);
    return i < 0 ? undefined : d.freqs[i];
}
function cacheFiles(dictFile) {
    const st = statSync(dictFile);
    const name = `jieba-dict-v${PACKED_VERSION}-${st.size}-${Math.floor(st.mtimeMs)}.bin`;
    const dirs = [];
    const nodeModules = dictFile.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (nodeModules >= 0)
        dirs.push(path.join(dictFile.slice(0, nodeModules), 'node_modules', '.cache', 'pufa-bot'));
    dirs.push(path.join(os.tmpdir(), 'pufa-bot-cache'));
    return dirs.map((d) => path.join(d, name));
}
/**
 * The cache file: a 24-byte head (magic, version, word count, length of the words in UTF-16
 * code units, total as float64), then the words as UTF-16LE, the offsets and the
 * frequencies as int32 (all little-endian, 4-byte aligned). Read with one read and no parse.
 */
const MAGIC = 0x4a424450; // "PDBJ"
function encodePacked(d) {
    const n = d.freqs.length;
    const wordsBytes = d.words.length * 2;
    const pad = (4 - (wordsBytes % 4)) % 4;
    const out = Buffer.alloc(24 + wordsBytes + pad + (n + 1) * 4 + n * 4);
    out.writeUInt32LE(MAGIC, 0);
    out.writeUInt32LE(PACKED_VERSION, 4);
    out.writeUInt32LE(n, 8);
    out.writeUInt32LE(d.maxLen, 12);
    out.writeDoubleLE(d.total, 16);
    out.write(d.words, 24, 'utf16le');
    let at = 24 + wordsBytes + pad;
    out.set(new Uint8Array(d.offsets.buffer, d.offsets.byteOffset, d.offsets.byteLength), at);
    at += d.offsets.byteLength;
    out.set(new Uint8Array(d.freqs.buffer, d.freqs.byteOffset, d.freqs.byteLength), at);
    return out;
}
function decodePacked(buf) {
    if (buf.length < 24 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== PACKED_VERSION)
        return undefined;
    const n = buf.readUInt32LE(8);
    const maxLen = buf.readUInt32LE(12);
    const total = buf.readDoubleLE(16);
    // The end of the words is the last offset; read it from where the offsets end.
    const tail = (n + 1) * 4 + n * 4;
    const wordsBytes = buf.length - 24 - tail;
    if (wordsBytes < 0)
        return undefined;
    const copy = buf.byteOffset % 4 === 0 ? buf : Buffer.from(buf);
    const at = copy.byteOffset + 24 + wordsBytes;
    const offsets = new Int32Array(copy.buffer, at, n + 1);
    const freqs = new Int32Array(copy.buffer, at + (n + 1) * 4, n);
    const chars = offsets[n];
    if (chars * 2 > wordsBytes)
        return undefined;
    return { v: PACKED_VERSION, words: copy.toString('utf16le', 24, 24 + chars * 2), offsets, freqs, total, maxLen };
}
const loaded = new Map();
/** The packed form of `dictFile`: from the cache file when there is one, else compiled (and cached). */
export function packedDictionary(dictFile) {
    const known = loaded.get(dictFile);
    if (known)
        return known;
    const files = cacheFiles(dictFile);
    for (const file of files) {
        try {
            const d = decodePacked(readFileSync(file));
            if (d) {
                loaded.set(dictFile, d);
                return d;
            }
        }
        catch {
            // not there: compile
        }
    }
    const d = packDictionary(readFileSync(dictFile, 'utf8'));
    for (const file of files) {
        try {
            mkdirSync(path.dirname(file), { recursive: true });
            const tmp = `${file}.${process.pid}.tmp`;
            writeFileSync(tmp, encodePacked(d));
            renameSync(tmp, file);
            // Earlier versions (or dictionaries) packed here are no longer used.
            for (const old of readdirSync(path.dirname(file))) {
                if (old.startsWith('jieba-dict-') && old.endsWith('.bin') && old !== path.basename(file))
                    rmSync(path.join(path.dirname(file), old), { force: true });
            }
            break;
        }
        catch {
            // read-only: try the next place, or stay in memory
        }
    }
    loaded.set(dictFile, d);
    return d;
}
/**
 * jieba on the full dictionary plus user words (`word freq` lines loaded after it, as
 * `Jieba.loadDict` does: a user word replaces the dictionary's frequency), loading words
 * only as texts need them.
 */
export class LazyJieba {
    dict;
    dictFile;
    jieba = new Jieba();
    /** User words → frequency (they replace the dictionary's). */
    user = new Map();
    /** Words already in `jieba` (with their frequency), the filler excluded. */
    present = new Set();
    total;
    loadedMass = 0;
    maxLen;
    constructor(dict, userWords = [], 
    /** jieba's dict.txt itself, for `loadAll` before any word is loaded (read in one piece rather than built line by line). */
    dictFile) {
        this.dict = dict;
        this.dictFile = dictFile;
        let total = dict.total;
        let maxLen = dict.maxLen;
        for (const [w, f] of userWords) {
            const before = this.user.get(w) ?? lookup(dict, w);
            total += f - (before ?? 0);
            this.user.set(w, f);
            maxLen = Math.max(maxLen, w.length);
        }
        this.total = total;
        this.maxLen = maxLen;
    }
    /** Forget which texts and pieces were walked (a new message begins); the words loaded stay. */
    forget() {
        this.recent.clear();
        this.walked.clear();
    }
    /** The frequency of `word` in the dictionary (a user word's own), or undefined when it is no word of it. */
    frequency(word) {
        return this.user.get(word) ?? lookup(this.dict, word);
    }
    /** Every word is in jieba (`loadAll`): nothing left to walk for. */
    complete = false;
    /**
     * Load every word not loaded yet, in one call: for a long-running process (the bot), where
     * walking each new piece for words to load was a fifth of tokenising a letter. The
     * segmentation stays the same (the full dictionary, as `prepare` loads it piece by piece).
     */
    loadAll() {
        if (this.complete)
            return;
        if (this.present.size === 0 && this.dictFile) {
            // Nothing loaded yet: the file as it is, then the user words (which replace its frequencies).
            this.jieba.loadDict(this.dictFile());
            if (this.user.size > 0)
                this.jieba.loadDict(Buffer.from([...this.user].map(([w, f]) => `${w} ${f}`).join('\n'), 'utf8'));
            this.complete = true;
            return;
        }
        // Some words are in jieba already (texts cut lazily, e.g. a training): the rest, as `prepare` loads them.
        const { words, offsets, freqs } = this.dict;
        const loaded = (this.loadedWords ??= new Uint8Array(freqs.length));
        const lines = [];
        let mass = 0;
        for (let i = 0; i < freqs.length; i += 1) {
            if (loaded[i] === 1)
                continue;
            loaded[i] = 1;
            mass += this.found(words.slice(offsets[i], offsets[i + 1]), freqs[i], lines);
        }
        for (const word of this.user.keys())
            mass += this.found(word, undefined, lines);
        this.load(lines, mass);
        // The words' strings are no longer needed to tell what is loaded.
        this.present.clear();
        this.complete = true;
    }
    /** Load `lines` into jieba with the filler carrying the mass of the words not loaded yet. */
    load(lines, mass) {
        this.loadedMass += mass;
        lines.push(`${FILLER} ${Math.max(0, this.total - this.loadedMass)}`);
        this.jieba.loadDict(Buffer.from(lines.join('\n'), 'utf8'));
    }
    /** Texts prepared lately (a message is cut several times: features, node-nlp, evidence). */
    recent = new RecentSet(16);
    /** A dictionary word (or user word) of `text`: load it unless already there. */
    found(word, dictFreq, lines) {
        if (this.present.has(word))
            return 0;
        const f = this.user.get(word) ?? dictFreq;
        if (f === undefined)
            return 0;
        this.present.add(word);
        lines.push(`${word} ${f}`);
        return f;
    }
    /**
     * Load the words of `text` not loaded yet (and move their mass off the filler). No word of
     * the dictionary contains punctuation or white space (test/nlu/jieba-dict.test.ts checks),
     * so the text is walked piece by piece between them, and a piece walked lately (a letter's
     * sentence after the whole letter) is not walked again.
     */
    prepare(text) {
        this.prepareAll([text]);
    }
    /** `prepare` for several texts, with one load into jieba. */
    prepareAll(texts) {
        if (this.complete)
            return;
        const lines = [];
        let mass = 0;
        for (const text of texts) {
            if (this.recent.has(text))
                continue;
            for (const piece of text.split(BLOCK_BREAK)) {
                if (piece.length === 0 || this.walked.has(piece))
                    continue;
                mass += this.walk(piece, lines);
                this.walked.add(piece);
            }
            mass += this.userWordsOf(text, lines);
            this.recent.add(text);
        }
        if (lines.length === 0 && this.present.size > 0)
            return;
        this.load(lines, mass);
    }
    /** User words by their first UTF-16 unit (built on first use). */
    userByFirst;
    /** Load the user words that occur in `text` (a user word may hold punctuation, so the whole text is searched). */
    userWordsOf(text, lines) {
        if (!this.userByFirst) {
            this.userByFirst = new Map();
            for (const w of this.user.keys()) {
                const list = this.userByFirst.get(w.charCodeAt(0));
                if (list)
                    list.push(w);
                else
                    this.userByFirst.set(w.charCodeAt(0), [w]);
            }
        }
        let mass = 0;
        for (let i = 0; i < text.length; i += 1) {
            const c = text.charCodeAt(i);
            const list = this.userByFirst.get(c);
            if (!list)
                continue;
            let stale = false;
            for (const w of list) {
                if (this.present.has(w))
                    stale = true;
                else if (text.startsWith(w, i)) {
                    mass += this.found(w, undefined, lines);
                    stale = true;
                }
            }
            // A word once loaded is not looked for again: every text would otherwise test it at each
            // place its first character occurs (a tenth of a letter's tokenising).
            if (!stale)
                continue;
            const left = list.filter((w) => !this.present.has(w));
            if (left.length === 0)
                this.userByFirst.delete(c);
            else
                this.userByFirst.set(c, left);
        }
        return mass;
    }
    /**
     * Per dictionary word (sorted position), 1 once it is in jieba: a word met again is passed
     * over without building its string (a letter walks over a few hundred words).
     */
    loadedWords;
    /**
     * Per first unit met so far, where the words with each second unit start: pairs (second
     * unit, start) in order, then the end of the first unit's words. Built from one scan of
     * that unit's words when first met: the dictionary's words starting with a common
     * character (的, 不, 大) number in the thousands, and two binary searches over them at
     * every position of a text were most of a walk's cache misses.
     */
    second = new Map();
    /** The end of the range `secondUnits` returned last. */
    secondEnd = 0;
    /** Start of the words of `[lo, hi)` (all starting with `c0`) whose second unit is `c1`, or -1; their end in `secondEnd`. */
    secondUnits(c0, lo, hi, c1) {
        let index = this.second.get(c0);
        if (!index) {
            const { words, offsets } = this.dict;
            const pairs = [];
            let prev = -2;
            for (let m = lo; m < hi; m += 1) {
                const u = unitAt(words, offsets, m, 1);
                if (u !== prev)
                    pairs.push(u, m);
                prev = u;
            }
            pairs.push(hi);
            index = Int32Array.from(pairs);
            this.second.set(c0, index);
        }
        let a = 0;
        let b = (index.length - 1) / 2;
        while (a < b) {
            const m = (a + b) >>> 1;
            if (index[m * 2] < c1)
                a = m + 1;
            else
                b = m;
        }
        if (a * 2 + 1 >= index.length || index[a * 2] !== c1)
            return -1;
        this.secondEnd = index[a * 2 + 3] ?? index[index.length - 1];
        return index[a * 2 + 1];
    }
    /** Pieces walked lately. */
    walked = new RecentSet(64);
    /** Per first UTF-16 code unit, where its words start in the sorted dictionary (65,537 entries). */
    firstIndex;
    byFirstUnit() {
        const { words, offsets, freqs } = this.dict;
        const index = new Int32Array(0x10001);
        // Count the words of each first unit, then turn the counts into start positions.
        for (let i = 0; i < freqs.length; i += 1) {
            const at = words.charCodeAt(offsets[i]) + 1;
            index[at] = index[at] + 1;
        }
        for (let c = 1; c <= 0x10000; c += 1)
            index[c] = index[c] + index[c - 1];
        return index;
    }
    /**
     * The dictionary words starting at each position of `piece`, found by narrowing the sorted
     * list one character at a time (a trie walk on the sorted array): no substring is built
     * unless it is a word. Returns the frequency mass loaded.
     */
    walk(piece, lines) {
        const { words, offsets, freqs } = this.dict;
        const first = (this.firstIndex ??= this.byFirstUnit());
        const loaded = (this.loadedWords ??= new Uint8Array(freqs.length));
        const n = piece.length;
        let mass = 0;
        for (let i = 0; i < n; i += 1) {
            const c0 = piece.charCodeAt(i);
            let lo = first[c0];
            let hi = first[c0 + 1];
            for (let k = 0; lo < hi;) {
                if (offsets[lo + 1] - offsets[lo] === k + 1 && loaded[lo] === 0) {
                    mass += this.found(piece.slice(i, i + k + 1), freqs[lo], lines);
                    loaded[lo] = 1;
                }
                k += 1;
                if (k >= this.dict.maxLen || i + k >= n)
                    break;
                // Within [lo, hi) every word starts with piece[i, i+k); order by the unit at k (none first).
                const c = piece.charCodeAt(i + k);
                if (k === 1) {
                    // The second unit through the first unit's own index (one short search, not two over all its words).
                    const from = this.secondUnits(c0, lo, hi, c);
                    if (from < 0)
                        break;
                    lo = from;
                    hi = this.secondEnd;
                    continue;
                }
                let a = lo;
                let b = hi;
                while (a < b) {
                    const m = (a + b) >>> 1;
                    if (unitAt(words, offsets, m, k) < c)
                        a = m + 1;
                    else
                        b = m;
                }
                const from = a;
                b = hi;
                while (a < b) {
                    const m = (a + b) >>> 1;
                    if (unitAt(words, offsets, m, k) <= c)
                        a = m + 1;
                    else
                        b = m;
                }
                lo = from;
                hi = a;
            }
        }
        return mass;
    }
    cut(text, hmm) {
        this.prepare(text);
        return this.jieba.cut(text, hmm);
    }
    /**
     * The cuts of several pieces — texts without white space (BLOCK_BREAK splits at it) — in
     * one call into jieba: the pieces joined by line feeds, which end jieba's blocks and come
     * back as tokens of their own. jieba cuts each block alone, so each piece's words are
     * those of its own cut (test/nlu/tokenizer.test.ts compares with one whole cut); one call
     * instead of one per piece (a letter has twenty).
     */
    cutPieces(pieces, hmm) {
        if (pieces.some((p) => /\s/u.test(p)))
            return pieces.map((p) => this.cut(p, hmm));
        this.prepareAll(pieces);
        const out = [[]];
        for (const w of this.jieba.cut(pieces.join('\n'), hmm)) {
            if (w === '\n')
                out.push([]);
            else
                out[out.length - 1].push(w);
        }
        if (out.length !== pieces.length)
            return pieces.map((p) => this.cut(p, hmm));
        return out;
    }
}
//# sourceMappingURL=jieba-dict.js.map