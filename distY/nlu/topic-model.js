import { LogReg, LookupPolicy, SORTED_LOOKUPS, SparseRow, Tfidf } from './linear.js';
import { RecentMap } from './recent.js';
/** sklearn's `analyzer="char"`: lower-case, whitespace runs → one space, every n-gram of code points. */
export function charNgrams(text, min = 1, max = 3) {
    const s = text.toLowerCase().replace(/\s\s+/gu, ' ');
    const starts = codePointStarts(s);
    const count = starts.length - 1;
    const out = [];
    for (let n = min; n <= max; n += 1) {
        for (let i = 0; i + n <= count; i += 1)
            out.push(s.slice(starts[i], starts[i + n]));
    }
    return out;
}
/** Whether the UTF-16 unit at `i` starts a code point (a surrogate pair is one character). */
function startsCodePoint(s, i) {
    const c = s.charCodeAt(i);
    return c < 0xdc00 || c > 0xdfff || i === 0 || !isHighSurrogate(s.charCodeAt(i - 1));
}
/** The start of every code point of `s`, then `s.length`. */
function codePointStarts(s) {
    const starts = [];
    for (let i = 0; i < s.length; i += 1)
        if (startsCodePoint(s, i))
            starts.push(i);
    starts.push(s.length);
    return starts;
}
function isHighSurrogate(c) {
    return c >= 0xd800 && c <= 0xdbff;
}
/**
 * `tfidf.row(charNgrams(text, min, max))` without building the n-grams as strings: each is
 * looked up by its range of the text (for the intent centroids' 2–3-grams, which built ~600
 * strings for a letter). The same row (test/nlu/linear.test.ts).
 */
export function charNgramRow(tfidf, text, min = 1, max = 3) {
    const row = new SparseRow();
    charNgramRowInto(tfidf, text, row, min, max);
    return { idx: row.idx.slice(0, row.n), val: row.val.slice(0, row.n) };
}
/**
 * `charNgramRow` into the reusable buffers of `row` (`Tfidf.rowInto`). With `closed` — the
 * vocabulary was fitted on all the `min`…`max`-grams of its texts, so it holds both
 * (n−1)-grams of each n-gram it holds — an n-gram is not looked up when one of them is
 * unknown (the same row: `knownGrams`).
 */
export function charNgramRowInto(tfidf, text, row, min = 1, max = 3, closed = false, 
/** A shared table holding `tfidf`'s vocabulary as one of its views (CharLrViews `extraFinder`). */
shared) {
    const s = text.toLowerCase().replace(/\s\s+/gu, ' ');
    const starts = codePointStarts(s);
    const count = starts.length - 1;
    const lookups = count * Math.max(0, max - min + 1);
    const { finder, view } = shared?.(lookups) ?? { finder: tfidf.finder(lookups), view: 0 };
    const columns = row.reserveColumns(Math.max(1, count * Math.max(0, max - min + 1)));
    let n = 0;
    const prune = closed && s.indexOf(WORD_MARK_CHAR) < 0;
    let { prev, cur } = knownScratch(count);
    for (let len = min; len <= max; len += 1) {
        for (let i = 0; i + len <= count; i += 1) {
            let found = -1;
            if (!prune || len === min || (prev[i] === 1 && prev[i + 1] === 1)) {
                const c = finder.column(finder.find(s, starts[i], starts[i + len]), view);
                if (c >= 0)
                    columns[n++] = c;
                found = c;
            }
            // Known to this vocabulary (a shared table knows the others' terms too).
            cur[i] = found < 0 ? 0 : 1;
        }
        [prev, cur] = [cur, prev];
    }
    tfidf.rowInto(columns, n, row);
}
/**
 * Two rows of flags, one per character, for the n-grams of the last length and of this one
 * (reused: the text's n-grams found, or not, by `charNgramRowInto` and `segmentColumns`).
 * An n-gram of a vocabulary fitted on all the 1–3-grams of its texts has both its
 * (n−1)-grams in it (every text holding "abc" holds "ab" and "bc", so their document
 * frequencies are at least its own, whatever the minimum): when "ab" or "bc" is known to no
 * vocabulary, neither is "abc", and its look-up is skipped. Half of a citizen's letter's
 * n-grams are unknown to the model, most of them 3-grams of unknown 2-grams. Not for a text
 * holding the word features' mark (a word feature "\u0001罚款" has no "\u0001罚" to stand for it).
 */
function knownScratch(count) {
    if (knownRows.prev.length < count)
        knownRows = { prev: new Uint8Array(count * 2), cur: new Uint8Array(count * 2) };
    return knownRows;
}
let knownRows = { prev: new Uint8Array(1024), cur: new Uint8Array(1024) };
export function topicSamples(intents, normalize) {
    return intents.flatMap((i) => i.utterances.map((u) => ({ text: normalize(u), label: i.topic })));
}
export function ranked(classes, p) {
    return classes.map((topic, k) => ({ topic, score: p[k] })).sort((a, b) => b.score - a.score);
}
/**
 * Letters, from the same utterances: for each topic, `rate` × its utterance count extra samples,
 * each two of its utterances (drawn with a fixed seed) joined as one text. A letter tells one
 * matter in several sentences; samples of one sentence each teach a view to lean on the one
 * strongest word, and a long text dilutes it (its TF-IDF row is L2-normalised over all its
 * n-grams). Measured on batch 23's check sets, written without running the model (README
 * "Letter pairs"). Deterministic: the same intents give the same samples.
 */
export function withLetterPairs(intents, rate) {
    if (!(rate > 0))
        return intents;
    // A linear congruential generator (glibc's constants): a fixed, portable sequence.
    let seed = LETTER_PAIRS_SEED;
    const next = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
    };
    const byTopic = new Map();
    for (const i of intents) {
        const entry = byTopic.get(i.topic);
        if (entry)
            entry.utterances.push(...i.utterances);
        else
            byTopic.set(i.topic, { first: i, utterances: [...i.utterances] });
    }
    const pairs = [];
    for (const [topic, { first, utterances }] of byTopic) {
        const count = Math.round(utterances.length * rate);
        const texts = [];
        for (let j = 0; j < count; j += 1) {
            const a = utterances[Math.floor(next() * utterances.length)];
            const b = utterances[Math.floor(next() * utterances.length)];
            texts.push(`${a}，${b}`);
        }
        pairs.push({ ...first, id: `${topic}.letter_pairs`, utterances: texts });
    }
    return [...intents, ...pairs];
}
/** The seed of `withLetterPairs`' draws. */
export const LETTER_PAIRS_SEED = 12345;
export const ANCHOR_OPTIONS = { C: 10, minDf: 1, balanced: false, words: false };
/**
 * Character 1–3-gram TF-IDF (sublinear tf) + multinomial logistic regression over topics.
 * With ANCHOR_OPTIONS it is the anchor of issue 7 (`../shared/tools/charlr_baseline.py`,
 * C = 10, every utterance of intents/*.yaml with its topic label), ported feature for
 * feature; the shipped brain uses it with its own options as one of its stages.
 */
export class CharLrTopicModel {
    normalize;
    options;
    tokenize;
    name;
    tfidf;
    lr;
    /** Iterations L-BFGS took at the last training. */
    iterations = 0;
    constructor(normalize = (s) => s, options = ANCHOR_OPTIONS, 
    /** Word segmenter, needed when `options.words`. */
    tokenize) {
        this.normalize = normalize;
        this.options = options;
        this.tokenize = tokenize;
        if (options.words && !tokenize)
            throw new Error('word features need a tokenizer');
        this.name = `char 1–3-gram${options.words ? ' + word' : ''} TF-IDF + LR (C=${options.C}${options.minDf > 1 ? `, min df ${options.minDf}` : ''}${options.balanced ? ', balanced' : ''}${options.letterPairs ? `, letter pairs ${options.letterPairs}` : ''})`;
    }
    /** The features of a text: its character 1–3-grams, and its words when configured. */
    features(text) {
        const chars = charNgrams(text);
        if (!this.options.words || !this.tokenize)
            return chars;
        return [...chars, ...this.tokenize(text).map((w) => `\u0001${w}`)];
    }
    get classes() {
        return this.lr?.classes ?? [];
    }
    train(intents) {
        const samples = topicSamples(withLetterPairs(intents, this.options.letterPairs ?? 0), this.normalize);
        const classes = [...new Set(samples.map((s) => s.label))].sort();
        const index = new Map(classes.map((c, i) => [c, i]));
        const { tfidf, X } = Tfidf.fit(samples.map((s) => this.features(s.text)), { minDf: this.options.minDf });
        const y = samples.map((s) => index.get(s.label));
        let sampleWeight;
        if (this.options.balanced) {
            const counts = classes.map((_, k) => y.filter((v) => v === k).length);
            sampleWeight = Float64Array.from(y, (k) => samples.length / (classes.length * counts[k]));
        }
        const { model, iterations } = LogReg.fit(X, y, classes, { C: this.options.C, maxIter: 3000, ...(sampleWeight ? { sampleWeight } : {}) });
        this.tfidf = tfidf;
        this.lr = model;
        this.iterations = iterations;
    }
    /** Topic probabilities in `classes` order; undefined when no n-gram of the text is known. */
    probabilities(normalized) {
        return (this.views ??= new CharLrViews([this])).probabilities(normalized)[0];
    }
    /** This model alone through the fast feature path (CharLrViews). */
    views;
    /** Topic probabilities from the plain path: every feature a string, looked up one by one (the reference for the fast one). */
    probabilitiesOfFeatures(normalized) {
        const { tfidf, lr } = this.trained();
        const { idx, val } = tfidf.row(this.features(normalized));
        // sklearn predicts the intercepts' softmax for a text with no known n-gram; we say "nothing".
        if (idx.length === 0)
            return undefined;
        return lr.predict(idx, val);
    }
    /** The vectoriser and the regression (throws when not trained). */
    trained() {
        if (!this.tfidf || !this.lr)
            throw new Error('topic model not trained');
        // The same object until the next training or import (CharLrViews tells a new model by it).
        if (this.parts?.tfidf !== this.tfidf || this.parts.lr !== this.lr)
            this.parts = { tfidf: this.tfidf, lr: this.lr };
        return this.parts;
    }
    parts;
    /** The word segmenter of the word features (undefined without them). */
    get wordTokenizer() {
        return this.options.words ? this.tokenize : undefined;
    }
    rank(normalized) {
        const p = this.probabilities(normalized);
        return p ? ranked(this.classes, p) : [];
    }
    export() {
        if (!this.tfidf || !this.lr)
            throw new Error('topic model not trained');
        return { kind: 'charlr', options: this.options, tfidf: this.tfidf.toJSON(), lr: this.lr.toJSON() };
    }
    import(model) {
        const saved = model;
        if (saved?.kind !== 'charlr')
            throw new Error('not a char-LR topic model');
        this.tfidf = Tfidf.fromJSON(saved.tfidf);
        this.lr = LogReg.fromJSON(saved.lr);
    }
}
/** Units that end a segment of `CharLrViews`: white space and the punctuation letters are split at. */
function isBreakUnit(c) {
    switch (c) {
        case 0x20: // space (white space runs are one space by then)
        case 0x0a:
        case 0x21: // !
        case 0x2c: // ,
        case 0x3a: // :
        case 0x3b: // ;
        case 0x3f: // ?
        case 0x3001: // 、
        case 0x3002: // 。
        case 0xff01: // ！
        case 0xff0c: // ，
        case 0xff1a: // ：
        case 0xff1b: // ；
        case 0xff1f: // ？
            return true;
        default:
            return false;
    }
}
/** How many segments `CharLrViews` remembers per generation (a letter has a few dozen; src/nlu/recent.ts). */
const RECENT_SEGMENTS = 64;
/**
 * The probabilities of one or several char-LR topic models for a text, with the features
 * found the fast way; the same numbers as each model's `probabilitiesOfFeatures` (a property
 * test compares them). The shipped brain asks it for both its views at once:
 * - no n-gram string is built: every character 1–3-gram is looked up by its UTF-16 units in
 *   one table for all the models (`TermColumns`, one probe gives a column in each; binary
 *   search of the saved vocabularies for the first few texts, `LookupPolicy`);
 * - a letter is ranked whole, then sentence by sentence (src/nlu/letters.ts), and its
 *   sentences are its pieces between punctuation joined again. So the columns of the
 *   n-grams inside each segment (the text between white space and punctuation) are
 *   remembered, and a sentence's row is gathered from its segments'; only the few n-grams
 *   that hold punctuation or white space are looked up afresh;
 * - term counts by sorting the columns, not in an array as long as the vocabulary.
 */
export class CharLrViews {
    models;
    sortedLookups;
    extra;
    /** Binary search for the first texts, then one hash table (`LookupPolicy`). */
    lookup;
    /** The models' parts the look-ups were made for (a retrained or imported model starts again). */
    parts = [];
    segments = new RecentMap(RECENT_SEGMENTS);
    /** Columns of the text being done, per model, then (with an extra vocabulary) the extra one's. */
    cols = [];
    lens = [];
    /** The text whose extra columns `cols[models]` holds (`extraColumns`). */
    extraOf;
    constructor(models, 
    /** Look-ups by binary search before the hash table is built (tests set 0 or Infinity). */
    sortedLookups = SORTED_LOOKUPS, 
    /**
     * Another vocabulary of the same texts' n-grams, put in the same table (its columns are
     * the table's view after the models'), for a caller that looks up the same text's
     * n-grams right after: `extraFinder`. Undefined while it has none.
     */
    extra) {
        this.models = models;
        this.sortedLookups = sortedLookups;
        this.extra = extra;
    }
    /** The extra vocabulary the table was built with. */
    extraTfidf;
    ready() {
        let stale = !this.lookup;
        for (let v = 0; v < this.models.length; v += 1)
            if (this.models[v].trained() !== this.parts[v])
                stale = true;
        const extra = this.extra?.();
        if (extra !== this.extraTfidf)
            stale = true;
        if (stale || !this.lookup) {
            this.parts = this.models.map((m) => m.trained());
            this.extraTfidf = extra;
            this.lookup = new LookupPolicy([...this.parts.map((p) => p.tfidf.packed()), ...(extra ? [extra.packed()] : [])], this.sortedLookups);
            this.segments.clear();
            this.extraOf = undefined;
            const views = this.parts.length + (extra ? 1 : 0);
            this.cols = Array.from({ length: views }, () => new Int32Array(1024));
            this.lens = this.cols.map(() => 0);
            this.outs = this.parts.map((p) => new Float64Array(p.lr.classes.length));
            this.shared = this.parts.map(() => undefined);
        }
        return { lookup: this.lookup, parts: this.parts };
    }
    /** Start of each code point of the text being done, then its end; whether each is a break (reused). */
    starts = new Int32Array(512);
    breaks = new Uint8Array(512);
    /** The row of the text being done (reused). */
    row = new SparseRow();
    /** Per model, the probabilities `probabilitiesShared` returns (reused), and the list it returns. */
    outs = [];
    shared = [];
    /** Per model, its topic probabilities (in its `classes` order); undefined when it knows no feature of the text. */
    probabilities(normalized) {
        return this.probabilitiesShared(normalized).map((p) => (p ? Float64Array.from(p) : undefined));
    }
    /** Forget the segments of the texts done so far (a new message begins). */
    forget() {
        this.segments.clear();
        this.extraOf = undefined;
    }
    /** Build the look-up table now rather than after the first texts (a long-running process). */
    preload() {
        this.ready().lookup.build();
    }
    /**
     * The table's finder for `n` more look-ups and the view of the extra vocabulary in it
     * (undefined without one): its n-grams are the slots this text's look-ups just read.
     */
    extraFinder(n) {
        const { lookup, parts } = this.ready();
        return this.extraTfidf ? { finder: lookup.finder(n), view: parts.length } : undefined;
    }
    /**
     * The extra vocabulary's columns of every character 1–3-gram of `normalized` (as often as
     * each occurs, in no order) when it is the text `probabilitiesShared` did last: found by
     * the same probes as the models' (a letter's ~600 2–3-grams are not looked up again for the
     * intent centroids). Undefined otherwise. The array is this object's, overwritten by its next call.
     */
    extraColumns(normalized) {
        // `extraOf` is set only with an extra vocabulary, and cleared when the table is rebuilt.
        const V = this.ready().parts.length;
        if (this.extraOf !== normalized)
            return undefined;
        return { columns: this.cols[V], n: this.lens[V] };
    }
    /**
     * `probabilities` in arrays of this object's own, overwritten by the next call (the list
     * too): for a caller that reads them at once (the shipped brain averages the two views
     * into an array of its own). No typed array is made per text.
     */
    probabilitiesShared(normalized) {
        const { lookup, parts } = this.ready();
        // Up to three n-grams per character and a word per two: the look-ups this text may make.
        const table = lookup.finder(3 * normalized.length);
        const V = parts.length;
        // The extra vocabulary's columns are gathered with the models' (the same n-grams, the same probes).
        const all = this.cols.length;
        for (let v = 0; v < all; v += 1)
            this.lens[v] = 0;
        this.extraOf = all > V ? normalized : undefined;
        const s = normalized.toLowerCase().replace(/\s\s+/gu, ' ');
        if (this.starts.length < s.length + 1) {
            this.starts = new Int32Array(s.length * 2 + 1);
            this.breaks = new Uint8Array(s.length * 2 + 1);
        }
        const { starts, breaks } = this;
        // Start of every code point (a surrogate pair is one character), as charNgrams.
        let count = 0;
        for (let i = 0; i < s.length; i += 1) {
            if (startsCodePoint(s, i)) {
                starts[count] = i;
                breaks[count] = isBreakUnit(s.charCodeAt(i)) ? 1 : 0;
                count += 1;
            }
        }
        starts[count] = s.length;
        breaks[count] = 1;
        // The n-grams inside each segment, remembered per segment.
        let from = 0;
        for (let i = 0; i <= count; i += 1) {
            if (breaks[i] === 0)
                continue;
            if (i > from)
                this.addSegment(table, s.slice(starts[from], starts[i]));
            from = i + 1;
        }
        // The n-grams that hold a break.
        for (let i = 0; i < count; i += 1) {
            let crossing = false;
            for (let n = 1; n <= 3 && i + n <= count; n += 1) {
                crossing ||= breaks[i + n - 1] === 1;
                if (crossing)
                    this.addFound(table, table.find(s, starts[i], starts[i + n]));
            }
        }
        // The word features, for the models that have them.
        for (let v = 0; v < V; v += 1) {
            const tokenize = this.models[v].wordTokenizer;
            if (!tokenize)
                continue;
            for (const w of tokenize(normalized))
                this.push(v, table.column(table.find(w, 0, w.length, WORD_MARK), v));
        }
        const { row, shared } = this;
        for (let v = 0; v < V; v += 1) {
            const { tfidf, lr } = parts[v];
            tfidf.rowInto(this.cols[v], this.lens[v], row);
            shared[v] = row.n === 0 ? undefined : lr.predictInto(row.idx, row.val, row.n, this.outs[v]);
        }
        return shared;
    }
    push(v, column) {
        if (column < 0)
            return;
        let cols = this.cols[v];
        const n = this.lens[v];
        if (n === cols.length) {
            const grown = new Int32Array(cols.length * 2);
            grown.set(cols);
            this.cols[v] = cols = grown;
        }
        cols[n] = column;
        this.lens[v] = n + 1;
    }
    addFound(table, found) {
        if (found === -1)
            return;
        for (let v = 0; v < this.cols.length; v += 1)
            this.push(v, table.column(found, v));
    }
    addSegment(table, segment) {
        let known = this.segments.get(segment);
        if (!known) {
            known = segmentColumns(table, segment, this.cols.length);
            this.segments.set(segment, known);
        }
        for (let v = 0; v < known.length; v += 1) {
            const cols = known[v];
            for (let i = 0; i < cols.length; i += 1)
                this.push(v, cols[i]);
        }
    }
}
/** The mark of a word feature (`CharLrTopicModel.features`). */
const WORD_MARK = 0x0001;
const WORD_MARK_CHAR = String.fromCharCode(WORD_MARK);
/**
 * Per vocabulary, the columns of every character 1–3-gram of `segment` it knows. Plain arrays
 * of small integers: they live in the heap, where a scavenge frees them all at once (a typed
 * array's buffer is freed one by one). An n-gram with an (n−1)-gram no vocabulary knows is
 * not looked up (`knownScratch`): the models' vocabularies hold all the 1–3-grams of their texts.
 */
function segmentColumns(table, segment, V) {
    const starts = codePointStarts(segment);
    const count = starts.length - 1;
    const out = [];
    for (let v = 0; v < V; v += 1)
        out.push([]);
    const prune = segment.indexOf(WORD_MARK_CHAR) < 0;
    let { prev, cur } = knownScratch(count);
    for (let n = 1; n <= 3; n += 1) {
        for (let i = 0; i + n <= count; i += 1) {
            let found = -1;
            if (!prune || n === 1 || (prev[i] === 1 && prev[i + 1] === 1)) {
                found = table.find(segment, starts[i], starts[i + n]);
                if (found !== -1) {
                    for (let v = 0; v < V; v += 1) {
                        const c = table.column(found, v);
                        if (c >= 0)
                            out[v].push(c);
                    }
                }
            }
            cur[i] = found === -1 ? 0 : 1;
        }
        [prev, cur] = [cur, prev];
    }
    return out;
}
//# sourceMappingURL=topic-model.js.map