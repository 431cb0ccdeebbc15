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

/** A sparse matrix in compressed-row form. */
export interface Csr {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
}

/**
 * A saved TF-IDF vectoriser. The vocabulary is one string of the terms in sorted (UTF-16)
 * order with their start offsets and columns, so loading a model creates no object per term
 * (92,000 n-grams took a quarter of `pufa ask`'s start as a Map of strings); the idf is a
 * Float64Array in column order. Both are binary blocks of the model file (src/nlu/cache.ts).
 */
export interface TfidfModel {
  /** The terms, sorted, concatenated. */
  terms: string;
  /** Start of each sorted term in `terms`, and the end (length + 1 entries). */
  offsets: Int32Array;
  /** Column of each sorted term. */
  columns: Int32Array;
  idf: Float64Array;
  sublinear: boolean;
}

/** Term → column. */
interface TermIndex {
  get(term: string): number | undefined;
}

/** A vocabulary as saved (`TfidfModel`): the terms sorted and concatenated, with offsets and columns. */
export interface PackedVocabulary {
  terms: string;
  offsets: Int32Array;
  columns: Int32Array;
}

/** Packing and unpacking of a vocabulary (`TfidfModel`'s form). */
const PackedTerms = {
  pack(vocabulary: readonly string[]): PackedVocabulary {
    const order = vocabulary.map((_, j) => j).sort((a, b) => {
      const x = vocabulary[a] as string;
      const y = vocabulary[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const offsets = new Int32Array(order.length + 1);
    let at = 0;
    order.forEach((j, i) => {
      offsets[i] = at;
      at += (vocabulary[j] as string).length;
    });
    offsets[order.length] = at;
    return { terms: order.map((j) => vocabulary[j]).join(''), offsets, columns: Int32Array.from(order) };
  },

  /** The terms in column order. */
  vocabulary(v: PackedVocabulary): string[] {
    const out = new Array<string>(v.columns.length);
    for (let i = 0; i < v.columns.length; i += 1) out[v.columns[i] as number] = v.terms.slice(v.offsets[i], v.offsets[i + 1]);
    return out;
  },
};

/**
 * Term → column in one or several vocabularies: `find` a term (a range of a text, with an
 * optional leading unit), then read its `column` in each vocabulary.
 */
export interface ColumnFinder {
  readonly views: number;
  /** A handle for `column`; -1 when no vocabulary has the term. */
  find(text: string, start: number, end: number, prefix?: number): number;
  /** The column in vocabulary `view` of what `find` returned last (-1: not in it). */
  column(found: number, view: number): number;
}

/**
 * Term → columns by binary search of each sorted vocabulary as saved: nothing to build. For a
 * process that classifies a question or two (`pufa ask`), building the hash tables of
 * `TermColumns` (~190,000 terms) cost more than all its look-ups; a running bot switches to
 * them after a few messages (`LookupPolicy`).
 */
export class SortedColumns implements ColumnFinder {
  readonly views: number;
  private readonly found: Int32Array;

  constructor(private readonly vocabularies: readonly PackedVocabulary[]) {
    this.views = vocabularies.length;
    this.found = new Int32Array(this.views);
  }

  find(text: string, start: number, end: number, prefix = -1): number {
    const term = (prefix >= 0 ? String.fromCharCode(prefix) : '') + text.slice(start, end);
    let any = false;
    for (let v = 0; v < this.views; v += 1) {
      const voc = this.vocabularies[v] as PackedVocabulary;
      const i = indexOfSorted(voc.terms, voc.offsets, voc.columns.length, term);
      this.found[v] = i < 0 ? -1 : (voc.columns[i] as number);
      if (i >= 0) any = true;
    }
    return any ? 0 : -1;
  }

  column(found: number, view: number): number {
    return found < 0 ? -1 : (this.found[view] as number);
  }

  get(term: string, view = 0): number | undefined {
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
  private lookups = 0;
  private table: TermColumns | undefined;
  private readonly sorted: SortedColumns;

  constructor(
    private readonly vocabularies: readonly PackedVocabulary[],
    private readonly after = SORTED_LOOKUPS,
  ) {
    this.sorted = new SortedColumns(vocabularies);
  }

  /** Build the hash table now (a long-running process: not on the message that crosses `after`, ~0.1 s). */
  build(): void {
    this.table ??= new TermColumns(this.vocabularies);
  }

  /** The finder for `n` more look-ups. */
  finder(n: number): ColumnFinder {
    if (this.table) return this.table;
    this.lookups += n;
    if (this.lookups <= this.after) return this.sorted;
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
export class TermColumns implements ColumnFinder {
  /** Columns per term: one per vocabulary. */
  readonly views: number;
  /** Slots of `2 + views` int32: the key (0 in the second: empty), then the column in each vocabulary (-1: not in it). */
  private short: Int32Array;
  private shortMask: number;
  /** Slots of 2 int32: the hash, then the long term's number + 1 (0: empty). */
  private readonly long: Int32Array;
  private readonly longMask: number;
  /** The long terms, concatenated; term i is longText[longSpan[2i], longSpan[2i+1]). */
  private readonly longText: string;
  private readonly longSpan: Int32Array;
  /** `views` columns per long term. */
  private readonly longCols: Int32Array;

  constructor(vocabularies: readonly PackedVocabulary[]) {
    const V = vocabularies.length;
    this.views = V;
    // Vocabularies of the same texts share most terms: sized for the largest, grown if need be.
    let shortMost = 0;
    let longCount = 0;
    for (const v of vocabularies) {
      let short = 0;
      for (let i = 0; i < v.columns.length; i += 1) {
        const len = (v.offsets[i + 1] as number) - (v.offsets[i] as number);
        if (len >= 1 && len <= SHORT_TERM_UNITS) short += 1;
        else longCount += 1;
      }
      shortMost = Math.max(shortMost, short);
    }
    // At most half full: a citizen's text has many n-grams no utterance had, and a miss ends at the first empty slot.
    const stride = 2 + V;
    let size = 1;
    while (size < shortMost * 2) size <<= 1;
    this.short = new Int32Array(size * stride);
    this.shortMask = size - 1;
    let shortCount = 0;
    let lsize = 1;
    while (lsize < longCount * 2) lsize <<= 1;
    this.long = new Int32Array(lsize * 2);
    this.longMask = lsize - 1;
    const longParts: string[] = [];
    const longSpan: number[] = [];
    const longCols: number[] = [];
    let longAt = 0;
    for (let view = 0; view < V; view += 1) {
      const v = vocabularies[view] as PackedVocabulary;
      const text = v.terms;
      for (let i = 0; i < v.columns.length; i += 1) {
        const start = v.offsets[i] as number;
        const end = v.offsets[i + 1] as number;
        const column = v.columns[i] as number;
        const len = end - start;
        if (len >= 1 && len <= SHORT_TERM_UNITS) {
          const lo = text.charCodeAt(start) | (len > 1 ? text.charCodeAt(start + 1) << 16 : 0);
          const hi = (len > 2 ? text.charCodeAt(start + 2) : 0) | (len << 16);
          if (this.insertShort(lo, hi, view, column)) shortCount += 1;
          if (shortCount * 2 > this.shortMask + 1) this.growShort();
        } else {
          const h = hashRange(text, start, end);
          let slot = h & this.longMask;
          for (;;) {
            const id = (this.long[slot * 2 + 1] as number) - 1;
            if (id < 0) {
              longParts.push(text.slice(start, end));
              longSpan.push(longAt, longAt + len);
              longAt += len;
              for (let k = 0; k < V; k += 1) longCols.push(k === view ? column : -1);
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
  private insertShort(lo: number, hi: number, view: number, column: number): boolean {
    const table = this.short;
    const at = this.shortSlot(lo, hi);
    if (table[at + 1] === 0) {
      table[at] = lo;
      table[at + 1] = hi;
      for (let k = 0; k < this.views; k += 1) table[at + 2 + k] = k === view ? column : -1;
      return true;
    }
    table[at + 2 + view] = column;
    return false;
  }

  /** Start of the slot holding the short key (lo, hi), or of the empty slot where it would go. */
  private shortSlot(lo: number, hi: number): number {
    const stride = 2 + this.views;
    const table = this.short;
    let slot = shortHash(lo, hi) & this.shortMask;
    for (;;) {
      const at = slot * stride;
      const h = table[at + 1] as number;
      if (h === 0 || (h === hi && table[at] === lo)) return at;
      slot = (slot + 1) & this.shortMask;
    }
  }

  /** Twice the slots, every term put again. */
  private growShort(): void {
    const stride = 2 + this.views;
    const old = this.short;
    this.short = new Int32Array(old.length * 2);
    this.shortMask = this.shortMask * 2 + 1;
    for (let at = 0; at < old.length; at += stride) {
      if (old[at + 1] === 0) continue;
      let slot = shortHash(old[at] as number, old[at + 1] as number) & this.shortMask;
      while (this.short[slot * stride + 1] !== 0) slot = (slot + 1) & this.shortMask;
      this.short.set(old.subarray(at, at + stride), slot * stride);
    }
  }

  /**
   * The slot of the term `text.slice(start, end)` preceded by the unit `prefix` when it is
   * ≥ 0 (the word features' mark), as an index into `cols`; -1 when no vocabulary has it.
   */
  find(text: string, start: number, end: number, prefix = -1): number {
    const len = end - start + (prefix >= 0 ? 1 : 0);
    if (len >= 1 && len <= SHORT_TERM_UNITS) {
      let u0: number;
      let u1 = 0;
      let u2 = 0;
      if (prefix >= 0) {
        u0 = prefix;
        if (len > 1) u1 = text.charCodeAt(start);
        if (len > 2) u2 = text.charCodeAt(start + 1);
      } else {
        u0 = text.charCodeAt(start);
        if (len > 1) u1 = text.charCodeAt(start + 1);
        if (len > 2) u2 = text.charCodeAt(start + 2);
      }
      const at = this.shortSlot(u0 | (u1 << 16), u2 | (len << 16));
      return this.short[at + 1] === 0 ? -1 : at + 2;
    }
    let h = 0x811c9dc5 | 0;
    if (prefix >= 0) h = Math.imul(h ^ prefix, 0x01000193);
    for (let i = start; i < end; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    let slot = h & this.longMask;
    for (;;) {
      const id = (this.long[slot * 2 + 1] as number) - 1;
      if (id < 0) return -1;
      if (this.long[slot * 2] === h && this.longEquals(id, text, start, end, prefix)) return -2 - id;
      slot = (slot + 1) & this.longMask;
    }
  }

  /** The column in vocabulary `view` of what `find` returned (-1: none). */
  column(found: number, view: number): number {
    if (found >= 0) return this.short[found + view] as number;
    if (found === -1) return -1;
    return this.longCols[(-2 - found) * this.views + view] as number;
  }

  /** Column of `term` in vocabulary `view`, or undefined. */
  get(term: string, view = 0): number | undefined {
    const c = this.column(this.find(term, 0, term.length), view);
    return c < 0 ? undefined : c;
  }

  private longEquals(id: number, text: string, start: number, end: number, prefix: number): boolean {
    const a = this.longSpan[id * 2] as number;
    const b = this.longSpan[id * 2 + 1] as number;
    let i = start;
    let j = a;
    if (prefix >= 0) {
      if (b - a !== end - start + 1 || this.longText.charCodeAt(j) !== prefix) return false;
      j += 1;
    } else if (b - a !== end - start) return false;
    for (; i < end; i += 1, j += 1) if (this.longText.charCodeAt(j) !== text.charCodeAt(i)) return false;
    return true;
  }
}

/** Hash of a short term's key. */
function shortHash(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

/** FNV-1a over the UTF-16 code units of `text.slice(start, end)` (as a signed 32-bit integer). */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Term counts of a list of terms, restricted to a vocabulary. */
function countsOf(terms: readonly string[], index: TermIndex | undefined, grow: Map<string, number> | undefined): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of terms) {
    let j = index ? index.get(t) : grow?.get(t);
    if (j === undefined && grow) {
      j = grow.size;
      grow.set(t, j);
    }
    if (j === undefined) continue;
    counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  return counts;
}

export class Tfidf {
  private terms: string[] | undefined;
  private packedTerms: PackedVocabulary | undefined;
  /** Term → column of a freshly fitted model (a saved one is looked up through `table`). */
  private readonly map: Map<string, number> | undefined;
  private constructor(
    vocabulary: string[] | PackedVocabulary,
    readonly idf: Float64Array,
    readonly sublinear: boolean,
  ) {
    if (Array.isArray(vocabulary)) {
      this.terms = vocabulary;
      this.map = new Map(vocabulary.map((t, i) => [t, i]));
    } else {
      this.packedTerms = vocabulary;
    }
  }

  /** The terms in column order. */
  get vocabulary(): string[] {
    this.terms ??= PackedTerms.vocabulary(this.packedTerms as PackedVocabulary);
    return this.terms;
  }

  /** The vocabulary in its saved form. */
  packed(): PackedVocabulary {
    this.packedTerms ??= PackedTerms.pack(this.vocabulary);
    return this.packedTerms;
  }

  /** This vocabulary's own look-ups (binary search first, a hash table once it has been used a while). */
  private lookup: LookupPolicy | undefined;

  /** A finder over this vocabulary for `n` more look-ups (binary search first, then a hash table). */
  finder(n: number): ColumnFinder {
    return (this.lookup ??= new LookupPolicy([this.packed()])).finder(n);
  }

  private indexFor(n: number): TermIndex {
    if (this.map) return this.map;
    const finder = (this.lookup ??= new LookupPolicy([this.packed()])).finder(n);
    return {
      get: (term) => {
        const c = finder.column(finder.find(term, 0, term.length), 0);
        return c < 0 ? undefined : c;
      },
    };
  }

  /** Fit on documents given as term lists (terms may repeat); returns the model and the training matrix. */
  static fit(docs: readonly (readonly string[])[], options: { sublinear?: boolean; minDf?: number } = {}): { tfidf: Tfidf; X: Csr } {
    const sublinear = options.sublinear ?? true;
    const minDf = options.minDf ?? 1;
    const grow = new Map<string, number>();
    const rowCounts = docs.map((d) => countsOf(d, undefined, grow));
    const df = new Float64Array(grow.size);
    for (const c of rowCounts) for (const j of c.keys()) df[j] = (df[j] ?? 0) + 1;
    // Keep terms with df ≥ minDf, in first-seen order (sklearn sorts; the order does not matter).
    const keep: number[] = [];
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
    const tfidf = new Tfidf(
      keep.map((j) => terms[j] as string),
      idf,
      sublinear,
    );
    const remapped = rowCounts.map((c) => {
      const m = new Map<number, number>();
      for (const [j, v] of c) {
        const k = remap[j] ?? -1;
        if (k >= 0) m.set(k, v);
      }
      return m;
    });
    return { tfidf, X: tfidf.matrix(remapped) };
  }

  static fromJSON(m: TfidfModel): Tfidf {
    const ok = typeof m.terms === 'string' && m.offsets instanceof Int32Array && m.columns instanceof Int32Array && m.idf instanceof Float64Array;
    if (!ok || m.offsets.length !== m.columns.length + 1 || m.idf.length !== m.columns.length) throw new Error('not a TF-IDF model');
    return new Tfidf({ terms: m.terms, offsets: m.offsets, columns: m.columns }, m.idf, m.sublinear);
  }

  toJSON(): TfidfModel {
    return { ...this.packed(), idf: this.idf, sublinear: this.sublinear };
  }

  get size(): number {
    return this.idf.length;
  }

  /** Known terms of a document, as a weighted, L2-normalised sparse row. */
  row(terms: readonly string[]): { idx: Int32Array; val: Float64Array } {
    const index = this.indexFor(terms.length);
    const columns = new Int32Array(terms.length);
    let n = 0;
    for (const t of terms) {
      const j = index.get(t);
      if (j !== undefined) columns[n++] = j;
    }
    return this.rowOfColumns(columns, n);
  }

  /**
   * The row of a document given as the columns of its known terms, each as often as it
   * occurs, in any order: `columns[0, n)` (sorted in place).
   */
  rowOfColumns(columns: Int32Array, n: number): { idx: Int32Array; val: Float64Array } {
    const sorted = columns.subarray(0, n).sort();
    let distinct = 0;
    for (let i = 0; i < n; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct += 1;
    const idx = new Int32Array(distinct);
    const counts = new Int32Array(distinct);
    let d = -1;
    for (let i = 0; i < n; i += 1) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) idx[++d] = sorted[i] as number;
      counts[d] = (counts[d] as number) + 1;
    }
    return this.weighed(idx, (_, i) => counts[i] as number);
  }

  /**
   * `rowOfColumns` into reusable buffers: the row is `row.idx`/`row.val` [0, `row.n`), the
   * same numbers. A message's rows are made in the same few buffers instead of three typed
   * arrays each (every typed array over 64 bytes has a buffer outside the heap, which each
   * scavenge frees one by one: a third of its pause in the bench's tail).
   */
  rowInto(columns: Int32Array, n: number, row: SparseRow): void {
    const sorted = row.sortColumns(columns, n);
    row.reserve(n);
    const { idx, val } = row;
    let d = -1;
    for (let i = 0; i < n; i += 1) {
      const j = sorted[i] as number;
      if (i === 0 || j !== sorted[i - 1]) {
        d += 1;
        idx[d] = j;
        val[d] = 0;
      }
      val[d] = (val[d] as number) + 1;
    }
    const distinct = d + 1;
    // As `weighed`: sublinear tf × idf, then L2-normalised, the same operations in the same
    // order; 1 + ln(count) from a table of the same values for the usual small counts.
    for (let i = 0; i < distinct; i += 1) {
      const c = val[i] as number;
      val[i] = (this.sublinear ? (c < SUBLINEAR_TF.length ? (SUBLINEAR_TF[c] as number) : 1 + Math.log(c)) : c) * (this.idf[idx[i] as number] as number);
    }
    let norm = 0;
    for (let i = 0; i < distinct; i += 1) norm += (val[i] as number) * (val[i] as number);
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < distinct; i += 1) val[i] = (val[i] as number) / norm;
    row.n = distinct;
  }

  transform(docs: readonly (readonly string[])[]): Csr {
    return this.matrix(docs.map((d) => countsOf(d, this.indexFor(d.length), undefined)));
  }

  private weigh(counts: Map<number, number>): { idx: Int32Array; val: Float64Array } {
    return this.weighed(Int32Array.from([...counts.keys()].sort((a, b) => a - b)), (j) => counts.get(j) as number);
  }

  /** The row of the columns `idx` (ascending) with their counts: sublinear tf × idf, L2-normalised. */
  private weighed(idx: Int32Array, countOf: (column: number, at: number) => number): { idx: Int32Array; val: Float64Array } {
    const val = new Float64Array(idx.length);
    for (let i = 0; i < idx.length; i += 1) {
      const j = idx[i] as number;
      const c = countOf(j, i);
      val[i] = (this.sublinear ? 1 + Math.log(c) : c) * (this.idf[j] as number);
    }
    let norm = 0;
    for (let i = 0; i < val.length; i += 1) norm += (val[i] as number) * (val[i] as number);
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < val.length; i += 1) val[i] = (val[i] as number) / norm;
    return { idx, val };
  }

  private matrix(rows: readonly Map<number, number>[]): Csr {
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
  reserve(n: number): void {
    if (this.idx.length >= n) return;
    const size = Math.max(n, this.idx.length * 2);
    this.idx = new Int32Array(size);
    this.val = new Float64Array(size);
  }

  /** Scratch of `sortColumns`. */
  private spare = new Int32Array(1024);
  private readonly buckets = new Int32Array(RADIX_BUCKETS);

  /**
   * `columns[0, n)` in ascending order (in `columns` itself or in this row's scratch; the
   * array holding them is returned). A least-significant-digit radix sort, 11 bits a pass
   * (two passes for any vocabulary under 4 million terms): a letter's ~900 columns in a
   * few microseconds, where the typed array's own sort took ~30.
   */
  sortColumns(columns: Int32Array, n: number): Int32Array {
    if (n < 64) return columns.subarray(0, n).sort();
    if (this.spare.length < n) this.spare = new Int32Array(Math.max(n, this.spare.length * 2));
    let max = 0;
    let min = 0;
    for (let i = 0; i < n; i += 1) {
      const v = columns[i] as number;
      if (v > max) max = v;
      else if (v < min) min = v;
    }
    // Columns are never negative; if one were, the typed array's sort orders it.
    if (min < 0) return columns.subarray(0, n).sort();
    let from: Int32Array = columns;
    let to: Int32Array = this.spare;
    const counts = this.buckets;
    for (let shift = 0; shift === 0 || max >>> shift > 0; shift += RADIX_BITS) {
      counts.fill(0);
      for (let i = 0; i < n; i += 1) {
        const d = ((from[i] as number) >>> shift) & RADIX_MASK;
        counts[d] = (counts[d] as number) + 1;
      }
      let at = 0;
      for (let d = 0; d < RADIX_BUCKETS; d += 1) {
        const c = counts[d] as number;
        counts[d] = at;
        at += c;
      }
      for (let i = 0; i < n; i += 1) {
        const v = from[i] as number;
        const d = (v >>> shift) & RADIX_MASK;
        to[counts[d] as number] = v;
        counts[d] = (counts[d] as number) + 1;
      }
      [from, to] = [to, from];
    }
    return from;
  }

  /** Room for `n` gathered columns (their contents are not kept). */
  reserveColumns(n: number): Int32Array {
    if (this.columns.length < n) this.columns = new Int32Array(Math.max(n, this.columns.length * 2));
    return this.columns;
  }
}

/** Stack sparse rows into a CSR matrix. */
export function stack(rows: readonly { idx: Int32Array; val: Float64Array }[], cols: number): Csr {
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

export interface LogRegOptions {
  /** Inverse regularisation strength (sklearn's C). */
  C?: number;
  maxIter?: number;
  /** Stop when the largest absolute gradient entry is ≤ tol (scipy's pgtol, sklearn's tol). */
  tol?: number;
  /** Per-sample weights (default 1). */
  sampleWeight?: Float64Array;
}

export interface LogRegModel {
  classes: string[];
  features: number;
  /** Weights, feature-major: w[j·K + k]; then K intercepts. Saved as float32. */
  weights: Float32Array;
}

/** Multinomial logistic regression over sparse rows. */
export class LogReg {
  private constructor(
    readonly classes: string[],
    readonly features: number,
    /** w[j·K + k] for j < features, then intercepts at features·K + k. */
    private readonly w: Float64Array | Float32Array,
  ) {}

  static fit(X: Csr, labels: readonly number[], classes: readonly string[], options: LogRegOptions = {}): { model: LogReg; iterations: number } {
    const K = classes.length;
    const D = X.cols;
    const n = X.rows;
    const C = options.C ?? 1;
    const sw = options.sampleWeight ?? new Float64Array(n).fill(1);
    const swSum = sw.reduce((a, b) => a + b, 0);
    const l2 = 1 / (C * swSum);
    const { rowPtr, colIdx, values } = X;
    const scores = new Float64Array(K);

    const objective = (w: Float64Array, grad: Float64Array): number => {
      grad.fill(0);
      let loss = 0;
      const b0 = D * K;
      for (let i = 0; i < n; i += 1) {
        for (let k = 0; k < K; k += 1) scores[k] = w[b0 + k] as number;
        for (let p = rowPtr[i] as number; p < (rowPtr[i + 1] as number); p += 1) {
          const base = (colIdx[p] as number) * K;
          const v = values[p] as number;
          for (let k = 0; k < K; k += 1) scores[k] = (scores[k] as number) + (w[base + k] as number) * v;
        }
        let max = -Infinity;
        for (let k = 0; k < K; k += 1) if ((scores[k] as number) > max) max = scores[k] as number;
        let z = 0;
        for (let k = 0; k < K; k += 1) {
          const e = Math.exp((scores[k] as number) - max);
          scores[k] = e;
          z += e;
        }
        const y = labels[i] as number;
        const wi = (sw[i] as number) / swSum;
        loss -= wi * (Math.log((scores[y] as number) / z));
        for (let k = 0; k < K; k += 1) scores[k] = (((scores[k] as number) / z) - (k === y ? 1 : 0)) * wi;
        for (let k = 0; k < K; k += 1) grad[b0 + k] = (grad[b0 + k] as number) + (scores[k] as number);
        for (let p = rowPtr[i] as number; p < (rowPtr[i + 1] as number); p += 1) {
          const base = (colIdx[p] as number) * K;
          const v = values[p] as number;
          for (let k = 0; k < K; k += 1) grad[base + k] = (grad[base + k] as number) + (scores[k] as number) * v;
        }
      }
      let reg = 0;
      for (let j = 0; j < b0; j += 1) {
        const x = w[j] as number;
        reg += x * x;
        grad[j] = (grad[j] as number) + l2 * x;
      }
      return loss + 0.5 * l2 * reg;
    };

    const { x, iterations } = lbfgs(objective, new Float64Array((D + 1) * K), { maxIter: options.maxIter ?? 1000, tol: options.tol ?? 1e-4 });
    // Kept as Float32, as saved: a freshly trained model scores exactly like a loaded one.
    return { model: new LogReg([...classes], D, Float32Array.from(x)), iterations };
  }

  static fromJSON(m: LogRegModel): LogReg {
    if (!(m.weights instanceof Float32Array) || m.weights.length !== (m.features + 1) * m.classes.length) throw new Error('not a logistic-regression model');
    return new LogReg(m.classes, m.features, m.weights);
  }

  toJSON(): LogRegModel {
    return { classes: this.classes, features: this.features, weights: Float32Array.from(this.w) };
  }

  /** Raw class scores (logits) of the sparse row `idx`/`val` [0, n), written into `out` [0, K). */
  logits(idx: Int32Array, val: Float64Array, n = idx.length, out: Float64Array = new Float64Array(this.classes.length)): Float64Array {
    const K = this.classes.length;
    const b0 = this.features * K;
    const w = this.w;
    for (let k = 0; k < K; k += 1) out[k] = w[b0 + k] as number;
    for (let p = 0; p < n; p += 1) {
      const base = (idx[p] as number) * K;
      const v = val[p] as number;
      for (let k = 0; k < K; k += 1) out[k] = (out[k] as number) + (w[base + k] as number) * v;
    }
    return out;
  }

  /** Class probabilities of one sparse row (same order as `classes`). */
  predict(idx: Int32Array, val: Float64Array): Float64Array {
    return softmax(this.logits(idx, val));
  }

  /**
   * `predict` of the row `idx`/`val` [0, n) written into `out` (length ≥ the classes): the
   * same operations in the same order, so the same doubles, without new arrays.
   */
  predictInto(idx: Int32Array, val: Float64Array, n: number, out: Float64Array): Float64Array {
    const K = this.classes.length;
    const kernel = logitKernel(K);
    if (kernel) kernel(this.w, this.features * K, idx, val, n, out);
    else this.logits(idx, val, n, out);
    return softmaxInto(out, K, out);
  }
}

/** `predictInto`'s sum of a row's weighted features: out[k] = w[b0 + k] + Σ_p w[idx[p]·K + k] · val[p]. */
type LogitKernel = (w: Float64Array | Float32Array, b0: number, idx: Int32Array, val: Float64Array, n: number, out: Float64Array) => void;
const logitKernels = new Map<number, LogitKernel>();

/**
 * The logit sum for K classes with one local variable per class, compiled once per K (from
 * numbers only): each class's sum is the same additions in the same order as the loop over
 * `k` (JavaScript never fuses a multiply and an add), so the same doubles, but kept in
 * registers instead of read and written back to the array for every feature: 2.5× faster on
 * a letter's 700 features × 17 topics (the largest part of the topic stage). Undefined for
 * more classes than is reasonable to unroll (the loop is used).
 */
function logitKernel(K: number): LogitKernel | undefined {
  if (!Number.isInteger(K) || K < 1 || K > 64) return undefined;
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
      kernel = new Function('w', 'b0', 'idx', 'val', 'n', 'out', body) as LogitKernel;
    } catch {
      // Code generation disallowed (node --disallow-code-generation-from-strings): the loop.
      return undefined;
    }
    logitKernels.set(K, kernel);
  }
  return kernel;
}

export function softmax(s: Float64Array, temperature = 1): Float64Array {
  return softmaxInto(s, s.length, new Float64Array(s.length), temperature);
}

/** `softmax` of `s` [0, n) written into `out` [0, n) (`out` may be `s`: each entry is read before it is written). */
export function softmaxInto(s: Float64Array, n: number, out: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < n; k += 1) if ((s[k] as number) > max) max = s[k] as number;
  let z = 0;
  for (let k = 0; k < n; k += 1) {
    const e = Math.exp(((s[k] as number) - max) / temperature);
    out[k] = e;
    z += e;
  }
  for (let k = 0; k < n; k += 1) out[k] = (out[k] as number) / z;
  return out;
}

/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking line search
 * on the Armijo condition; pairs that break the curvature condition are skipped.
 */
export function lbfgs(
  f: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  options: { maxIter: number; tol: number; memory?: number },
): { x: Float64Array; iterations: number; value: number } {
  const m = options.memory ?? 10;
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let fx = f(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const alpha = new Float64Array(m);
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i += 1) s += (a[i] as number) * (b[i] as number);
    return s;
  };
  const maxAbs = (a: Float64Array): number => {
    let s = 0;
    for (const v of a) if (Math.abs(v) > s) s = Math.abs(v);
    return s;
  };
  let iter = 0;
  for (; iter < options.maxIter; iter += 1) {
    if (maxAbs(g) <= options.tol) break;
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i += 1) d[i] = -(g[i] as number);
    for (let j = S.length - 1; j >= 0; j -= 1) {
      const a = (rho[j] as number) * dot(S[j] as Float64Array, d);
      alpha[j] = a;
      const y = Y[j] as Float64Array;
      for (let i = 0; i < n; i += 1) d[i] = (d[i] as number) - a * (y[i] as number);
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last] as Float64Array, Y[last] as Float64Array) / dot(Y[last] as Float64Array, Y[last] as Float64Array);
      for (let i = 0; i < n; i += 1) d[i] = (d[i] as number) * gamma;
    } else {
      const scale = 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
      for (let i = 0; i < n; i += 1) d[i] = (d[i] as number) * scale;
    }
    for (let j = 0; j < S.length; j += 1) {
      const s = S[j] as Float64Array;
      const b = (rho[j] as number) * dot(Y[j] as Float64Array, d);
      const a = alpha[j] as number;
      for (let i = 0; i < n; i += 1) d[i] = (d[i] as number) + (a - b) * (s[i] as number);
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i += 1) d[i] = -(g[i] as number);
      slope = dot(g, d);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries += 1) {
      for (let i = 0; i < n; i += 1) xNew[i] = (x[i] as number) + step * (d[i] as number);
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx || fNew <= fx + 1e-4 * step * slope)) break; // no progress possible
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
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
    if (improvement <= 2.2e-9 * Math.max(Math.abs(fx), 1) * 1e-3) break;
  }
  if (process.env.PUFA_DEBUG_LBFGS) console.error(`lbfgs: ${iter} iterations, f=${fx}, max grad ${maxAbs(g)}`);
  return { x, iterations: iter, value: fx };
}
