/**
 * Sparse TF-IDF features and multinomial logistic regression, written to match
 * scikit-learn's `TfidfVectorizer(sublinear_tf=True)` and `LogisticRegression(lbfgs)`:
 * - tf = 1 + ln(count) (sublinear), idf = ln((1 + n) / (1 + df)) + 1 (smooth_idf), rows L2-normalised;
 * - softmax over all K classes (not K−1), objective mean cross-entropy + ‖W‖² / (2·C·n), the
 *   intercepts unpenalised, minimised by L-BFGS until the largest gradient entry is ≤ tol.
 * No npm package offers a sparse multinomial LR with L-BFGS, so this is the ~150 lines
 * it takes; `test/nlu/linear.test.ts` checks it against known optima.
 */
import { indexOfSorted } from './sorted-strings.js';
/** Packing and unpacking of a vocabulary (`TfidfModel`'s form). */
const PackedTerms = {
    pack(vocabulary) {
        const order = vocabulary.map((_, j) => j).sort((a, b) => {
            const x = vocabulary[a];
            const y = vocabulary[b];
            return x < y ? -1 : x > y ? 1 : 0;
        });
        const offsets = new Int32Array(order.length + 1);
        let at = 0;
        order.forEach((j, i) => {
            offsets[i] = at;
            at += vocabulary[j].length;
        });
        offsets[order.length] = at;
        return { terms: order.map((j) => vocabulary[j]).join(''), offsets, columns: Int32Array.from(order) };
    },
    /** The terms in column order. */
    vocabulary(v) {
        const out = new Array(v.columns.length);
        for (let i = 0; i < v.columns.length; i += 1)
            out[v.columns[i]] = v.terms.slice(v.offsets[i], v.offsets[i + 1]);
        return out;
    },
};
/**
 * Term → columns by binary search of each sorted vocabulary as saved: nothing to build. For a
 * process that classifies a question or two (`pufa ask`), building the hash tables of
 * `TermColumns` (~190,000 terms) cost more than all its look-ups; a running bot switches to
 * them after a few messages (`LookupPolicy`).
 */
export class SortedColumns {
    vocabularies;
    views;
    found;
    constructor(vocabularies) {
        this.vocabularies = vocabularies;
        this.views = vocabularies.length;
        this.found = new Int32Array(this.views);
    }
    find(text, start, end, prefix = -1) {
        const term = (prefix >= 0 ? String.fromCharCode(prefix) : '') + text.slice(start, end);
        let any = false;
        for (let v = 0; v < this.views; v += 1) {
            const voc = this.vocabularies[v];
            const i = indexOfSorted(voc.terms, voc.offsets, voc.columns.length, term);
            this.found[v] = i < 0 ? -1 : voc.columns[i];
            if (i >= 0)
                any = true;
        }
        return any ? 0 : -1;
    }
    column(found, view) {
        return found < 0 ? -1 : this.found[view];
    }
    get(term, view = 0) {
        const c = this.column(this.find(term, 0, term.length), view);
        return c < 0 ? undefined : c;
    }
}
/** Look-ups answered by binary search before the hash tables are built (a long letter makes ~1,000). */
export const SORTED_LOOKUPS = 4000;
/**
 * The finder for some vocabularies: `SortedColumns` for the first SORTED_LOOKUPS look-ups,
 * then `TermColumns` (built once). Both give the same columns (test/nlu/linear.test.ts).
 */
export class LookupPolicy {
    vocabularies;
    after;
    lookups = 0;
    table;
    sorted;
    constructor(vocabularies, after = SORTED_LOOKUPS) {
        this.vocabularies = vocabularies;
        this.after = after;
        this.sorted = new SortedColumns(vocabularies);
    }
    /** Build the hash table now (a long-running process: not on the message that crosses `after`, ~0.1 s). */
    build() {
        this.table ??= new TermColumns(this.vocabularies);
    }
    /** The finder for `n` more look-ups. */
    finder(n) {
        if (this.table)
            return this.table;
        this.lookups += n;
        if (this.lookups <= this.after)
            return this.sorted;
        this.table = new TermColumns(this.vocabularies);
        return this.table;
    }
}
/** Longest term, in UTF-16 units, keyed by its units alone (every character 1–3-gram of Chinese text). */
export const SHORT_TERM_UNITS = 3;
/**
 * Term → column in one or several vocabularies at once, through open-addressing hash tables
 * built from the packed vocabularies (no string is allocated). The shipped brain's two topic
 * models have the same character n-grams, so one probe gives a term's column in both.
 *
 * A term of 1–3 UTF-16 units — every character 1–3-gram of Chinese text, and most words — is
 * keyed exactly by its units (two int32: `u0 | u1 << 16`, `u2 | length << 16`), so a look-up
 * reads no string and compares no text; the key and the columns sit side by side in one
 * slot (16 bytes for two vocabularies). Longer terms (words, n-grams with characters beyond
 * the BMP; a few thousand) are hashed (FNV-1a) and compared with their text.
 * A letter looks up a thousand n-grams: a binary search of string comparisons per n-gram was
 * a fifth of its latency, a string hash table still the largest part.
 */
export class TermColumns {
    /** Columns per term: one per vocabulary. */
    views;
    /** Slots of `2 + views` int32: the key (0 in the second: empty), then the column in each vocabulary (-1: not in it). */
    short;
    shortMask;
    /** Slots of 2 int32: the hash, then the long term's number + 1 (0: empty). */
    long;
    longMask;
    /** The long terms, concatenated; term i is longText[longSpan[2i], longSpan[2i+1]). */
    longText;
    longSpan;
    /** `views` columns per long term. */
    longCols;
    constructor(vocabularies) {
        const V = vocabularies.length;
        this.views = V;
        // Vocabularies of the same texts share most terms: sized for the largest, grown if need be.
        let shortMost = 0;
        let longCount = 0;
        for (const v of vocabularies) {
            let short = 0;
            for (let i = 0; i < v.columns.length; i += 1) {
                const len = v.offsets[i + 1] - v.offsets[i];
                if (len >= 1 && len <= SHORT_TERM_UNITS)
                    short += 1;
                else
                    longCount += 1;
            }
            shortMost = Math.max(shortMost, short);
        }
        // At most half full: a citizen's text has many n-grams no utterance had, and a miss ends at the first empty slot.
        const stride = 2 + V;
        let size = 1;
        while (size < shortMost * 2)
            size <<= 1;
        this.short = new Int32Array(size * stride);
        this.shortMask = size - 1;
        let shortCount = 0;
        let lsize = 1;
        while (lsize < longCount * 2)
            lsize <<= 1;
        this.long = new Int32Array(lsize * 2);
        this.longMask = lsize - 1;
        const longParts = [];
        const longSpan = [];
        const longCols = [];
        let longAt = 0;
        for (let view = 0; view < V; view += 1) {
            const v = vocabularies[view];
            const text = v.terms;
            for (let i = 0; i < v.columns.length; i += 1) {
                const start = v.offsets[i];
                const end = v.offsets[i + 1];
                const column = v.columns[i];
                const len = end - start;
                if (len >= 1 && len <= SHORT_TERM_UNITS) {
                    const lo = text.charCodeAt(start) | (len > 1 ? text.charCodeAt(start + 1) << 16 : 0);
                    const hi = (len > 2 ? text.charCodeAt(start + 2) : 0) | (len << 16);
                    if (this.insertShort(lo, hi, view, column))
                        shortCount += 1;
                    if (shortCount * 2 > this.shortMask + 1)
                        this.growShort();
                }
                else {
                    const h = hashRange(text, start, end);
                    let slot = h & this.longMask;
                    for (;;) {
                        const id = this.long[slot * 2 + 1] - 1;
                        if (id < 0) {
                            longParts.push(text.slice(start, end));
                            longSpan.push(longAt, longAt + len);
                            longAt += len;
                            for (let k = 0; k < V; k += 1)
                                longCols.push(k === view ? column : -1);
                            this.long[slot * 2] = h;
                            this.long[slot * 2 + 1] = longSpan.length / 2;
                            break;
                        }
                        if (this.long[slot * 2] === h && text.slice(start, end) === longParts[id]) {
                            longCols[id * V + view] = column;
                            break;
                        }
                        slot = (slot + 1) & this.longMask;
                    }
                }
            }
        }
        this.longText = longParts.join('');
        this.longSpan = Int32Array.from(longSpan);
        this.longCols = Int32Array.from(longCols);
    }
    /** Put a short term's column for `view`; true when the term is new. */
    insertShort(lo, hi, view, column) {
        const table = this.short;
        const at = this.shortSlot(lo, hi);
        if (table[at + 1] === 0) {
            table[at] = lo;
            table[at + 1] = hi;
            for (let k = 0; k < this.views; k += 1)
                table[at + 2 + k] = k === view ? column : -1;
            return true;
        }
        table[at + 2 + view] = column;
        return false;
    }
    /** Start of the slot holding the short key (lo, hi), or of the empty slot where it would go. */
    shortSlot(lo, hi) {
        const stride = 2 + this.views;
        const table = this.short;
        let slot = shortHash(lo, hi) & this.shortMask;
        for (;;) {
            const at = slot * stride;
            const h = table[at + 1];
            if (h === 0 || (h === hi && table[at] === lo))
                return at;
            slot = (slot + 1) & this.shortMask;
        }
    }
    /** Twice the slots, every term put again. */
    growShort() {
        const stride = 2 + this.views;
        const old = this.short;
        this.short = new Int32Array(old.length * 2);
        this.shortMask = this.shortMask * 2 + 1;
        for (let at = 0; at < old.length; at += stride) {
            if (old[at + 1] === 0)
                continue;
            let slot = shortHash(old[at], old[at + 1]) & this.shortMask;
            while (this.short[slot * stride + 1] !== 0)
                slot = (slot + 1) & this.shortMask;
            this.short.set(old.subarray(at, at + stride), slot * stride);
        }
    }
    /**
     * The slot of the term `text.slice(start, end)` preceded by the unit `prefix` when it is
     * ≥ 0 (the word features' mark), as an index into `cols`; -1 when no vocabulary has it.
     */
    find(text, start, end, prefix = -1) {
        const len = end - start + (prefix >= 0 ? 1 : 0);
        if (len >= 1 && len <= SHORT_TERM_UNITS) {
            let u0;
            let u1 = 0;
            let u2 = 0;
            if (prefix >= 0) {
                u0 = prefix;
                if (len > 1)
                    u1 = text.charCodeAt(start);
                if (len > 2)
                    u2 = text.charCodeAt(start + 1);
            }
            else {
                u0 = text.charCodeAt(start);
                if (len > 1)
                    u1 = text.charCodeAt(start + 1);
                if (len > 2)
                    u2 = text.charCodeAt(start + 2);
            }
            const at = this.shortSlot(u0 | (u1 << 16), u2 | (len << 16));
            return this.short[at + 1] === 0 ? -1 : at + 2;
        }
        let h = 0x811c9dc5 | 0;
        if (prefix >= 0)
            h = Math.imul(h ^ prefix, 0x01000193);
        for (let i = start; i < end; i += 1)
            h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
        let slot = h & this.longMask;
        for (;;) {
            const id = this.long[slot * 2 + 1] - 1;
            if (id < 0)
                return -1;
            if (this.long[slot * 2] === h && this.longEquals(id, text, start, end, prefix))
                return -2 - id;
            slot = (slot + 1) & this.longMask;
        }
    }
    /** The column in vocabulary `view` of what `find` returned (-1: none). */
    column(found, view) {
        if (found >= 0)
            return this.short[found + view];
        if (found === -1)
            return -1;
        return this.longCols[(-2 - found) * this.views + view];
    }
    /** Column of `term` in vocabulary `view`, or undefined. */
    get(term, view = 0) {
        const c = this.column(this.find(term, 0, term.length), view);
        return c < 0 ? undefined : c;
    }
    longEquals(id, text, start, end, prefix) {
        const a = this.longSpan[id * 2];
        const b = this.longSpan[id * 2 + 1];
        let i = start;
        let j = a;
        if (prefix >= 0) {
            if (b - a !== end - start + 1 || this.longText.charCodeAt(j) !== prefix)
                return false;
            j += 1;
        }
        else if (b - a !== end - start)
            return false;
        for (; i < end; i += 1, j += 1)
            if (this.longText.charCodeAt(j) !== text.charCodeAt(i))
                return false;
        return true;
    }
}
/** Hash of a short term's key. */
function shortHash(lo, hi) {
    let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}
/** FNV-1a over the UTF-16 code units of `text.slice(start, end)` (as a signed 32-bit integer). */
function hashRange(text, start, end) {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i += 1)
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h;
}
/** Term counts of a list of terms, restricted to a vocabulary. */
function countsOf(terms, index, grow) {
    const counts = new Map();
    for (const t of terms) {
        let j = index ? index.get(t) : grow?.get(t);
        if (j === undefined && grow) {
            j = grow.size;
            grow.set(t, j);
        }
        if (j === undefined)
            continue;
        counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    return counts;
}
export class Tfidf {
    idf;
    sublinear;
    terms;
    packedTerms;
    /** Term → column of a freshly fitted model (a saved one is looked up through `table`). */
    map;
    constructor(vocabulary, idf, sublinear) {
        this.idf = idf;
        this.sublinear = sublinear;
        if (Array.isArray(vocabulary)) {
            this.terms = vocabulary;
            this.map = new Map(vocabulary.map((t, i) => [t, i]));
        }
        else {
            this.packedTerms = vocabulary;
        }
    }
    /** The terms in column order. */
    get vocabulary() {
        this.terms ??= PackedTerms.vocabulary(this.packedTerms);
        return this.terms;
    }
    /** The vocabulary in its saved form. */
    packed() {
        this.packedTerms ??= PackedTerms.pack(this.vocabulary);
        return this.packedTerms;
    }
    /** This vocabulary's own look-ups (binary search first, a hash table once it has been used a while). */
    lookup;
    /** A finder over this vocabulary for `n` more look-ups (binary search first, then a hash table). */
    finder(n) {
        return (this.lookup ??= new LookupPolicy([this.packed()])).finder(n);
    }
    indexFor(n) {
        if (this.map)
            return this.map;
        const finder = (this.lookup ??= new LookupPolicy([this.packed()])).finder(n);
        return {
            get: (term) => {
                const c = finder.column(finder.find(term, 0, term.length), 0);
                return c < 0 ? undefined : c;
            },
        };
    }
    /** Fit on documents given as term lists (terms may repeat); returns the model and the training matrix. */
    static fit(docs, options = {}) {
        const sublinear = options.sublinear ?? true;
        const minDf = options.minDf ?? 1;
        const grow = new Map();
        const rowCounts = docs.map((d) => countsOf(d, undefined, grow));
        const df = new Float64Array(grow.size);
        for (const c of rowCounts)
            for (const j of c.keys())
                df[j] = (df[j] ?? 0) + 1;
        // Keep terms with df ≥ minDf, in first-seen order (sklearn sorts; the order does not matter).
        const keep = [];
        const remap = new Int32Array(grow.size).fill(-1);
        const terms = [...grow.keys()];
        for (let j = 0; j < terms.length; j += 1) {
            if ((df[j] ?? 0) >= minDf) {
                remap[j] = keep.length;
                keep.push(j);
            }
        }
        const n = docs.length;
        const idf = Float64Array.from(keep, (j) => Math.log((1 + n) / (1 + (df[j] ?? 0))) + 1);
        const tfidf = new Tfidf(keep.map((j) => terms[j]), idf, sublinear);
        const remapped = rowCounts.map((c) => {
            const m = new Map();
            for (const [j, v] of c) {
                const k = remap[j] ?? -1;
                if (k >= 0)
                    m.set(k, v);
            }
            return m;
        });
        return { tfidf, X: tfidf.matrix(remapped) };
    }
    static fromJSON(m) {
        const ok = typeof m.terms === 'string' && m.offsets instanceof Int32Array && m.columns instanceof Int32Array && m.idf instanceof Float64Array;
        if (!ok || m.offsets.length !== m.columns.length + 1 || m.idf.length !== m.columns.length)
            throw new Error('not a TF-IDF model');
        return new Tfidf({ terms: m.terms, offsets: m.offsets, columns: m.columns }, m.idf, m.sublinear);
    }
    toJSON() {
        return { ...this.packed(), idf: this.idf, sublinear: this.sublinear };
    }
    get size() {
        return this.idf.length;
    }
    /** Known terms of a document, as a weighted, L2-normalised sparse row. */
    row(terms) {
        const index = this.indexFor(terms.length);
        const columns = new Int32Array(terms.length);
        let n = 0;
        for (const t of terms) {
            const j = index.get(t);
            if (j !== undefined)
                columns[n++] = j;
        }
        return this.rowOfColumns(columns, n);
    }
    /**
     * The row of a document given as the columns of its known terms, each as often as it
     * occurs, in any order: `columns[0, n)` (sorted in place).
     */
    rowOfColumns(columns, n) {
        const sorted = columns.subarray(0, n).sort();
        let distinct = 0;
        for (let i = 0; i < n; i += 1)
            if (i === 0 || sorted[i] !== sorted[i - 1])
                distinct += 1;
        const idx = new Int32Array(distinct);
        const counts = new Int32Array(distinct);
        let d = -1;
        for (let i = 0; i < n; i += 1) {
            if (i === 0 || sorted[i] !== sorted[i - 1])
                idx[++d] = sorted[i];
            counts[d] = counts[d] + 1;
        }
        return this.weighed(idx, (_, i) => counts[i]);
    }
    /**
     * `rowOfColumns` into reusable buffers: the row is `row.idx`/`row.val` [0, `row.n`), the
     * same numbers. A message's rows are made in the same few buffers instead of three typed
     * arrays each (every typed array over 64 bytes has a buffer outside the heap, which each
     * scavenge frees one by one: a third of its pause in the bench's tail).
     */
    rowInto(columns, n, row) {
        const sorted = row.sortColumns(columns, n);
        row.reserve(n);
        const { idx, val } = row;
        let d = -1;
        for (let i = 0; i < n; i += 1) {
            const j = sorted[i];
            if (i === 0 || j !== sorted[i - 1]) {
                d += 1;
                idx[d] = j;
                val[d] = 0;
            }
            val[d] = val[d] + 1;
        }
        const distinct = d + 1;
        // As `weighed`: sublinear tf × idf, then L2-normalised, the same operations in the same
        // order; 1 + ln(count) from a table of the same values for the usual small counts.
        for (let i = 0; i < distinct; i += 1) {
            const c = val[i];
            val[i] = (this.sublinear ? (c < SUBLINEAR_TF.length ? SUBLINEAR_TF[c] : 1 + Math.log(c)) : c) * this.idf[idx[i]];
        }
        let norm = 0;
        for (let i = 0; i < distinct; i += 1)
            norm += val[i] * val[i];
        norm = Math.sqrt(norm);
        if (norm > 0)
            for (let i = 0; i < distinct; i += 1)
                val[i] = val[i] / norm;
        row.n = distinct;
    }
    transform(docs) {
        return this.matrix(docs.map((d) => countsOf(d, this.indexFor(d.length), undefined)));
    }
    weigh(counts) {
        return this.weighed(Int32Array.from([...counts.keys()].sort((a, b) => a - b)), (j) => counts.get(j));
    }
    /** The row of the columns `idx` (ascending) with their counts: sublinear tf × idf, L2-normalised. */
    weighed(idx, countOf) {
        const val = new Float64Array(idx.length);
        for (let i = 0; i < idx.length; i += 1) {
            const j = idx[i];
            const c = countOf(j, i);
            val[i] = (this.sublinear ? 1 + Math.log(c) : c) * this.idf[j];
        }
        let norm = 0;
        for (let i = 0; i < val.length; i += 1)
            norm += val[i] * val[i];
        norm = Math.sqrt(norm);
        if (norm > 0)
            for (let i = 0; i < val.length; i += 1)
                val[i] = val[i] / norm;
        return { idx, val };
    }
    matrix(rows) {
        const weighed = rows.map((c) => this.weigh(c));
        return stack(weighed, this.size);
    }
}
const RADIX_BITS = 11;
const RADIX_BUCKETS = 1 << RADIX_BITS;
const RADIX_MASK = RADIX_BUCKETS - 1;
/** 1 + ln(c) for the counts 0…255, computed once by the same expression (the same doubles). */
const SUBLINEAR_TF = Float64Array.from({ length: 256 }, (_, c) => 1 + Math.log(c));
/**
 * A sparse row in buffers reused from one text to the next (`Tfidf.rowInto`): columns
 * `idx[0, n)` ascending, values `val[0, n)`; `columns` is scratch for gathering a text's
 * columns before they are counted.
 */
export class SparseRow {
    idx = new Int32Array(512);
    val = new Float64Array(512);
    columns = new Int32Array(1024);
    n = 0;
    /** Room for `n` entries. */
    reserve(n) {
        if (this.idx.length >= n)
            return;
        const size = Math.max(n, this.idx.length * 2);
        this.idx = new Int32Array(size);
        this.val = new Float64Array(size);
    }
    /** Scratch of `sortColumns`. */
    spare = new Int32Array(1024);
    buckets = new Int32Array(RADIX_BUCKETS);
    /**
     * `columns[0, n)` in ascending order (in `columns` itself or in this row's scratch; the
     * array holding them is returned). A least-significant-digit radix sort, 11 bits a pass
     * (two passes for any vocabulary under 4 million terms): a letter's ~900 columns in a
     * few microseconds, where the typed array's own sort took ~30.
     */
    sortColumns(columns, n) {
        if (n < 64)
            return columns.subarray(0, n).sort();
        if (this.spare.length < n)
            this.spare = new Int32Array(Math.max(n, this.spare.length * 2));
        let max = 0;
        let min = 0;
        for (let i = 0; i < n; i += 1) {
            const v = columns[i];
            if (v > max)
                max = v;
            else if (v < min)
                min = v;
        }
        // Columns are never negative; if one were, the typed array's sort orders it.
        if (min < 0)
            return columns.subarray(0, n).sort();
        let from = columns;
        let to = this.spare;
        const counts = this.buckets;
        for (let shift = 0; shift === 0 || max >>> shift > 0; shift += RADIX_BITS) {
            counts.fill(0);
            for (let i = 0; i < n; i += 1) {
                const d = (from[i] >>> shift) & RADIX_MASK;
                counts[d] = counts[d] + 1;
            }
            let at = 0;
            for (let d = 0; d < RADIX_BUCKETS; d += 1) {
                const c = counts[d];
                counts[d] = at;
                at += c;
            }
            for (let i = 0; i < n; i += 1) {
                const v = from[i];
                const d = (v >>> shift) & RADIX_MASK;
                to[counts[d]] = v;
                counts[d] = counts[d] + 1;
            }
            [from, to] = [to, from];
        }
        return from;
    }
    /** Room for `n` gathered columns (their contents are not kept). */
    reserveColumns(n) {
        if (this.columns.length < n)
            this.columns = new Int32Array(Math.max(n, this.columns.length * 2));
        return this.columns;
    }
}
/** Stack sparse rows into a CSR matrix. */
export function stack(rows, cols) {
    const nnz = rows.reduce((n, r) => n + r.idx.length, 0);
    const rowPtr = new Int32Array(rows.length + 1);
    const colIdx = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    let p = 0;
    rows.forEach((r, i) => {
        colIdx.set(r.idx, p);
        values.set(r.val, p);
        p += r.idx.length;
        rowPtr[i + 1] = p;
    });
    return { rows: rows.length, cols, rowPtr, colIdx, values };
}
/** Multinomial logistic regression over sparse rows. */
export class LogReg {
    classes;
    features;
    w;
    constructor(classes, features, 
    /** w[j·K + k] for j < features, then intercepts at features·K + k. */
    w) {
        this.classes = classes;
        this.features = features;
        this.w = w;
    }
    static fit(X, labels, classes, options = {}) {
        const K = classes.length;
        const D = X.cols;
        const n = X.rows;
        const C = options.C ?? 1;
        const sw = options.sampleWeight ?? new Float64Array(n).fill(1);
        const swSum = sw.reduce((a, b) => a + b, 0);
        const l2 = 1 / (C * swSum);
        const { rowPtr, colIdx, values } = X;
        const scores = new Float64Array(K);
        const objective = (w, grad) => {
            grad.fill(0);
            let loss = 0;
            const b0 = D * K;
            for (let i = 0; i < n; i += 1) {
                for (let k = 0; k < K; k += 1)
                    scores[k] = w[b0 + k];
                for (let p = rowPtr[i]; p < rowPtr[i + 1]; p += 1) {
                    const base = colIdx[p] * K;
                    const v = values[p];
                    for (let k = 0; k < K; k += 1)
                        scores[k] = scores[k] + w[base + k] * v;
                }
                let max = -Infinity;
                for (let k = 0; k < K; k += 1)
                    if (scores[k] > max)
                        max = scores[k];
                let z = 0;
                for (let k = 0; k < K; k += 1) {
                    const e = Math.exp(scores[k] - max);
                    scores[k] = e;
                    z += e;
                }
                const y = labels[i];
                const wi = sw[i] / swSum;
                loss -= wi * (Math.log(scores[y] / z));
                for (let k = 0; k < K; k += 1)
                    scores[k] = ((scores[k] / z) - (k === y ? 1 : 0)) * wi;
                for (let k = 0; k < K; k += 1)
                    grad[b0 + k] = grad[b0 + k] + scores[k];
                for (let p = rowPtr[i]; p < rowPtr[i + 1]; p += 1) {
                    const base = colIdx[p] * K;
                    const v = values[p];
                    for (let k = 0; k < K; k += 1)
                        grad[base + k] = grad[base + k] + scores[k] * v;
                }
            }
            let reg = 0;
            for (let j = 0; j < b0; j += 1) {
                const x = w[j];
                reg += x * x;
                grad[j] = grad[j] + l2 * x;
            }
            return loss + 0.5 * l2 * reg;
        };
        const { x, iterations } = lbfgs(objective, new Float64Array((D + 1) * K), { maxIter: options.maxIter ?? 1000, tol: options.tol ?? 1e-4 });
        // Kept as Float32, as saved: a freshly trained model scores exactly like a loaded one.
        return { model: new LogReg([...classes], D, Float32Array.from(x)), iterations };
    }
    static fromJSON(m) {
        if (!(m.weights instanceof Float32Array) || m.weights.length !== (m.features + 1) * m.classes.length)
            throw new Error('not a logistic-regression model');
        return new LogReg(m.classes, m.features, m.weights);
    }
    toJSON() {
        return { classes: this.classes, features: this.features, weights: Float32Array.from(this.w) };
    }
    /** Raw class scores (logits) of the sparse row `idx`/`val` [0, n), written into `out` [0, K). */
    logits(idx, val, n = idx.length, out = new Float64Array(this.classes.length)) {
        const K = this.classes.length;
        const b0 = this.features * K;
        const w = this.w;
        for (let k = 0; k < K; k += 1)
            out[k] = w[b0 + k];
        for (let p = 0; p < n; p += 1) {
            const base = idx[p] * K;
            const v = val[p];
            for (let k = 0; k < K; k += 1)
                out[k] = out[k] + w[base + k] * v;
        }
        return out;
    }
    /** Class probabilities of one sparse row (same order as `classes`). */
    predict(idx, val) {
        return softmax(this.logits(idx, val));
    }
    /**
     * `predict` of the row `idx`/`val` [0, n) written into `out` (length ≥ the classes): the
     * same operations in the same order, so the same doubles, without new arrays.
     */
    predictInto(idx, val, n, out) {
        const K = this.classes.length;
        const kernel = logitKernel(K);
        if (kernel)
            kernel(this.w, this.features * K, idx, val, n, out);
        else
            this.logits(idx, val, n, out);
        return softmaxInto(out, K, out);
    }
}
const logitKernels = new Map();
/**
 * The logit sum for K classes with one local variable per class, compiled once per K (from
 * numbers only): each class's sum is the same additions in the same order as the loop over
 * `k` (JavaScript never fuses a multiply and an add), so the same doubles, but kept in
 * registers instead of read and written back to the array for every feature: 2.5× faster on
 * a letter's 700 features × 17 topics (the largest part of the topic stage). Undefined for
 * more classes than is reasonable to unroll (the loop is used).
 */
function logitKernel(K) {
    if (!Number.isInteger(K) || K < 1 || K > 64)
        return undefined;
    let kernel = logitKernels.get(K);
    if (!kernel) {
        const s = Array.from({ length: K }, (_, k) => `s${k}`);
        const body = [
            `let ${s.map((v, k) => `${v} = w[b0 + ${k}]`).join(', ')};`,
            'for (let p = 0; p < n; p += 1) {',
            `  const base = idx[p] * ${K};`,
            '  const v = val[p];',
            ...s.map((v, k) => `  ${v} += w[base + ${k}] * v;`),
            '}',
            ...s.map((v, k) => `out[${k}] = ${v};`),
        ].join('\n');
        try {
            kernel = new Function('w', 'b0', 'idx', 'val', 'n', 'out', body);
        }
        catch {
            // Code generation disallowed (node --disallow-code-generation-from-strings): the loop.
            return undefined;
        }
        logitKernels.set(K, kernel);
    }
    return kernel;
}
export function softmax(s, temperature = 1) {
    return softmaxInto(s, s.length, new Float64Array(s.length), temperature);
}
/** `softmax` of `s` [0, n) written into `out` [0, n) (`out` may be `s`: each entry is read before it is written). */
export function softmaxInto(s, n, out, temperature = 1) {
    let max = -Infinity;
    for (let k = 0; k < n; k += 1)
        if (s[k] > max)
            max = s[k];
    let z = 0;
    for (let k = 0; k < n; k += 1) {
        const e = Math.exp((s[k] - max) / temperature);
        out[k] = e;
        z += e;
    }
    for (let k = 0; k < n; k += 1)
        out[k] = out[k] / z;
    return out;
}
/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking line search
 * on the Armijo condition; pairs that break the curvature condition are skipped.
 */
export function lbfgs(f, x0, options) {
    const m = options.memory ?? 10;
    const n = x0.length;
    const x = Float64Array.from(x0);
    const g = new Float64Array(n);
    let fx = f(x, g);
    const S = [];
    const Y = [];
    const rho = [];
    const d = new Float64Array(n);
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    const alpha = new Float64Array(m);
    const dot = (a, b) => {
        let s = 0;
        for (let i = 0; i < n; i += 1)
            s += a[i] * b[i];
        return s;
    };
    const maxAbs = (a) => {
        let s = 0;
        for (const v of a)
            if (Math.abs(v) > s)
                s = Math.abs(v);
        return s;
    };
    let iter = 0;
    for (; iter < options.maxIter; iter += 1) {
        if (maxAbs(g) <= options.tol)
            break;
        // Two-loop recursion: d = −H·g.
        for (let i = 0; i < n; i += 1)
            d[i] = -g[i];
        for (let j = S.length - 1; j >= 0; j -= 1) {
            const a = rho[j] * dot(S[j], d);
            alpha[j] = a;
            const y = Y[j];
            for (let i = 0; i < n; i += 1)
                d[i] = d[i] - a * y[i];
        }
        if (S.length > 0) {
            const last = S.length - 1;
            const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
            for (let i = 0; i < n; i += 1)
                d[i] = d[i] * gamma;
        }
        else {
            const scale = 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
            for (let i = 0; i < n; i += 1)
                d[i] = d[i] * scale;
        }
        for (let j = 0; j < S.length; j += 1) {
            const s = S[j];
            const b = rho[j] * dot(Y[j], d);
            const a = alpha[j];
            for (let i = 0; i < n; i += 1)
                d[i] = d[i] + (a - b) * s[i];
        }
        let slope = dot(g, d);
        if (slope >= 0) {
            // Not a descent direction (numerical trouble): restart from steepest descent.
            S.length = 0;
            Y.length = 0;
            rho.length = 0;
            for (let i = 0; i < n; i += 1)
                d[i] = -g[i];
            slope = dot(g, d);
        }
        let step = 1;
        let fNew = Infinity;
        for (let tries = 0; tries < 40; tries += 1) {
            for (let i = 0; i < n; i += 1)
                xNew[i] = x[i] + step * d[i];
            fNew = f(xNew, gNew);
            if (fNew <= fx + 1e-4 * step * slope)
                break;
            step *= 0.5;
        }
        if (!(fNew < fx || fNew <= fx + 1e-4 * step * slope))
            break; // no progress possible
        const s = new Float64Array(n);
        const y = new Float64Array(n);
        for (let i = 0; i < n; i += 1) {
            s[i] = xNew[i] - x[i];
            y[i] = gNew[i] - g[i];
        }
        const sy = dot(s, y);
        if (sy > 1e-10) {
            if (S.length === m) {
                S.shift();
                Y.shift();
                rho.shift();
            }
            S.push(s);
            Y.push(y);
            rho.push(1 / sy);
        }
        const improvement = fx - fNew;
        x.set(xNew);
        g.set(gNew);
        fx = fNew;
        // scipy's factr-style stop: the relative decrease has become negligible.
        if (improvement <= 2.2e-9 * Math.max(Math.abs(fx), 1) * 1e-3)
            break;
    }
    if (process.env.PUFA_DEBUG_LBFGS)
        console.error(`lbfgs: ${iter} iterations, f=${fx}, max grad ${maxAbs(g)}`);
    return { x, iterations: iter, value: fx };
}
//# sourceMappingURL=linear.js.map