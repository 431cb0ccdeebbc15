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
/** A vocabulary as saved (`TfidfModel`): the terms sorted and concatenated, with offsets and columns. */
export interface PackedVocabulary {
    terms: string;
    offsets: Int32Array;
    columns: Int32Array;
}
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
export declare class SortedColumns implements ColumnFinder {
    private readonly vocabularies;
    readonly views: number;
    private readonly found;
    constructor(vocabularies: readonly PackedVocabulary[]);
    find(text: string, start: number, end: number, prefix?: number): number;
    column(found: number, view: number): number;
    get(term: string, view?: number): number | undefined;
}
/** Look-ups answered by binary search before the hash tables are built (a long letter makes ~1,000). */
export declare const SORTED_LOOKUPS = 4000;
/**
 * The finder for some vocabularies: `SortedColumns` for the first SORTED_LOOKUPS look-ups,
 * then `TermColumns` (built once). Both give the same columns (test/nlu/linear.test.ts).
 */
export declare class LookupPolicy {
    private readonly vocabularies;
    private readonly after;
    private lookups;
    private table;
    private readonly sorted;
    constructor(vocabularies: readonly PackedVocabulary[], after?: number);
    /** Build the hash table now (a long-running process: not on the message that crosses `after`, ~0.1 s). */
    build(): void;
    /** The finder for `n` more look-ups. */
    finder(n: number): ColumnFinder;
}
/** Longest term, in UTF-16 units, keyed by its units alone (every character 1–3-gram of Chinese text). */
export declare const SHORT_TERM_UNITS = 3;
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
export declare class TermColumns implements ColumnFinder {
    /** Columns per term: one per vocabulary. */
    readonly views: number;
    /** Slots of `2 + views` int32: the key (0 in the second: empty), then the column in each vocabulary (-1: not in it). */
    private short;
    private shortMask;
    /** Slots of 2 int32: the hash, then the long term's number + 1 (0: empty). */
    private readonly long;
    private readonly longMask;
    /** The long terms, concatenated; term i is longText[longSpan[2i], longSpan[2i+1]). */
    private readonly longText;
    private readonly longSpan;
    /** `views` columns per long term. */
    private readonly longCols;
    constructor(vocabularies: readonly PackedVocabulary[]);
    /** Put a short term's column for `view`; true when the term is new. */
    private insertShort;
    /** Start of the slot holding the short key (lo, hi), or of the empty slot where it would go. */
    private shortSlot;
    /** Twice the slots, every term put again. */
    private growShort;
    /**
     * The slot of the term `text.slice(start, end)` preceded by the unit `prefix` when it is
     * ≥ 0 (the word features' mark), as an index into `cols`; -1 when no vocabulary has it.
     */
    find(text: string, start: number, end: number, prefix?: number): number;
    /** The column in vocabulary `view` of what `find` returned (-1: none). */
    column(found: number, view: number): number;
    /** Column of `term` in vocabulary `view`, or undefined. */
    get(term: string, view?: number): number | undefined;
    private longEquals;
}
export declare class Tfidf {
    readonly idf: Float64Array;
    readonly sublinear: boolean;
    private terms;
    private packedTerms;
    /** Term → column of a freshly fitted model (a saved one is looked up through `table`). */
    private readonly map;
    private constructor();
    /** The terms in column order. */
    get vocabulary(): string[];
    /** The vocabulary in its saved form. */
    packed(): PackedVocabulary;
    /** This vocabulary's own look-ups (binary search first, a hash table once it has been used a while). */
    private lookup;
    /** A finder over this vocabulary for `n` more look-ups (binary search first, then a hash table). */
    finder(n: number): ColumnFinder;
    private indexFor;
    /** Fit on documents given as term lists (terms may repeat); returns the model and the training matrix. */
    static fit(docs: readonly (readonly string[])[], options?: {
        sublinear?: boolean;
        minDf?: number;
    }): {
        tfidf: Tfidf;
        X: Csr;
    };
    static fromJSON(m: TfidfModel): Tfidf;
    toJSON(): TfidfModel;
    get size(): number;
    /** Known terms of a document, as a weighted, L2-normalised sparse row. */
    row(terms: readonly string[]): {
        idx: Int32Array;
        val: Float64Array;
    };
    /**
     * The row of a document given as the columns of its known terms, each as often as it
     * occurs, in any order: `columns[0, n)` (sorted in place).
     */
    rowOfColumns(columns: Int32Array, n: number): {
        idx: Int32Array;
        val: Float64Array;
    };
    /**
     * `rowOfColumns` into reusable buffers: the row is `row.idx`/`row.val` [0, `row.n`), the
     * same numbers. A message's rows are made in the same few buffers instead of three typed
     * arrays each (every typed array over 64 bytes has a buffer outside the heap, which each
     * scavenge frees one by one: a third of its pause in the bench's tail).
     */
    rowInto(columns: Int32Array, n: number, row: SparseRow): void;
    transform(docs: readonly (readonly string[])[]): Csr;
    private weigh;
    /** The row of the columns `idx` (ascending) with their counts: sublinear tf × idf, L2-normalised. */
    private weighed;
    private matrix;
}
/**
 * A sparse row in buffers reused from one text to the next (`Tfidf.rowInto`): columns
 * `idx[0, n)` ascending, values `val[0, n)`; `columns` is scratch for gathering a text's
 * columns before they are counted.
 */
export declare class SparseRow {
    idx: Int32Array<ArrayBuffer>;
    val: Float64Array<ArrayBuffer>;
    columns: Int32Array<ArrayBuffer>;
    n: number;
    /** Room for `n` entries. */
    reserve(n: number): void;
    /** Scratch of `sortColumns`. */
    private spare;
    private readonly buckets;
    /**
     * `columns[0, n)` in ascending order (in `columns` itself or in this row's scratch; the
     * array holding them is returned). A least-significant-digit radix sort, 11 bits a pass
     * (two passes for any vocabulary under 4 million terms): a letter's ~900 columns in a
     * few microseconds, where the typed array's own sort took ~30.
     */
    sortColumns(columns: Int32Array, n: number): Int32Array;
    /** Room for `n` gathered columns (their contents are not kept). */
    reserveColumns(n: number): Int32Array;
}
/** Stack sparse rows into a CSR matrix. */
export declare function stack(rows: readonly {
    idx: Int32Array;
    val: Float64Array;
}[], cols: number): Csr;
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
export declare class LogReg {
    readonly classes: string[];
    readonly features: number;
    /** w[j·K + k] for j < features, then intercepts at features·K + k. */
    private readonly w;
    private constructor();
    static fit(X: Csr, labels: readonly number[], classes: readonly string[], options?: LogRegOptions): {
        model: LogReg;
        iterations: number;
    };
    static fromJSON(m: LogRegModel): LogReg;
    toJSON(): LogRegModel;
    /** Raw class scores (logits) of the sparse row `idx`/`val` [0, n), written into `out` [0, K). */
    logits(idx: Int32Array, val: Float64Array, n?: number, out?: Float64Array): Float64Array;
    /** Class probabilities of one sparse row (same order as `classes`). */
    predict(idx: Int32Array, val: Float64Array): Float64Array;
    /**
     * `predict` of the row `idx`/`val` [0, n) written into `out` (length ≥ the classes): the
     * same operations in the same order, so the same doubles, without new arrays.
     */
    predictInto(idx: Int32Array, val: Float64Array, n: number, out: Float64Array): Float64Array;
}
export declare function softmax(s: Float64Array, temperature?: number): Float64Array;
/** `softmax` of `s` [0, n) written into `out` [0, n) (`out` may be `s`: each entry is read before it is written). */
export declare function softmaxInto(s: Float64Array, n: number, out: Float64Array, temperature?: number): Float64Array;
/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking line search
 * on the Armijo condition; pairs that break the curvature condition are skipped.
 */
export declare function lbfgs(f: (x: Float64Array, grad: Float64Array) => number, x0: Float64Array, options: {
    maxIter: number;
    tol: number;
    memory?: number;
}): {
    x: Float64Array;
    iterations: number;
    value: number;
};
