/**
 * Sparse TF-IDF features and multinomial logistic regression, written to match
 * scikit-learn's `TfidfVectorizer(sublinear_tf=True)` and `LogisticRegression(lbfgs)`:
 * - tf = 1 + ln(count) (sublinear), idf = ln((1 + n) / (1 + df)) + 1 (smooth_idf), rows L2-normalised;
 * - softmax over all K classes (not K−1), objective mean cross-entropy + ‖W‖² / (2·C·n), the
 *   intercepts unpenalised, minimised by L-BFGS until the largest gradient entry is ≤ tol.
 * No npm package offers a sparse multinomial LR with L-BFGS, so this is the ~150 lines
 * it takes; `test/nlu/linear.test.ts` checks it against known optima.
 */


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

/** A vocabulary as saved (`TfidfModel`): the sorted terms, looked up through a hash table built on first use. */
class PackedTerms implements TermIndex {
  constructor(
    private readonly text: string,
    private readonly offsets: Int32Array,
    private readonly columns: Int32Array,
  ) {}

  static pack(vocabulary: readonly string[]): { terms: string; offsets: Int32Array; columns: Int32Array } {
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
  }

  /**
   * Open-addressing hash table over the terms, built on the first look-up from the packed
   * text alone (no string is allocated): a classified letter looks up a few hundred n-grams,
   * and a binary search of string comparisons per n-gram was a fifth of its latency. A slot
   * holds a term's hash and column side by side (8 bytes, so the table stays small enough to
   * be cached); a term's place in the packed text is read by column only on a hash match.
   */
  private table: Int32Array | undefined;
  /** Start and end of each column's term in the packed text. */
  private spans: Int32Array | undefined;

  private buildTable(): Int32Array {
    const n = this.columns.length;
    let size = 1;
    while (size < n * 2) size <<= 1;
    const table = new Int32Array(size * 2).fill(-1);
    const spans = new Int32Array(n * 2);
    const mask = size - 1;
    for (let i = 0; i < n; i += 1) {
      const start = this.offsets[i] as number;
      const end = this.offsets[i + 1] as number;
      const column = this.columns[i] as number;
      spans[column * 2] = start;
      spans[column * 2 + 1] = end;
      const h = hashRange(this.text, start, end);
      let slot = h & mask;
      while (table[slot * 2 + 1] !== -1) slot = (slot + 1) & mask;
      table[slot * 2] = h;
      table[slot * 2 + 1] = column;
    }
    this.spans = spans;
    return table;
  }

  get(term: string): number | undefined {
    const table = (this.table ??= this.buildTable());
    const spans = this.spans as Int32Array;
    const mask = (table.length >> 1) - 1;
    const h = hashRange(term, 0, term.length);
    let slot = h & mask;
    for (;;) {
      const column = table[slot * 2 + 1] as number;
      if (column === -1) return undefined;
      if (table[slot * 2] === h && equalAt(this.text, spans[column * 2] as number, spans[column * 2 + 1] as number, term)) return column;
      slot = (slot + 1) & mask;
    }
  }

  /** The terms in column order. */
  vocabulary(): string[] {
    const out = new Array<string>(this.columns.length);
    for (let i = 0; i < this.columns.length; i += 1) out[this.columns[i] as number] = this.text.slice(this.offsets[i], this.offsets[i + 1]);
    return out;
  }
}

/** FNV-1a over the UTF-16 code units of `text.slice(start, end)` (as a signed 32-bit integer). */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** `text.slice(start, end) === term`, without slicing. */
function equalAt(text: string, start: number, end: number, term: string): boolean {
  if (end - start !== term.length) return false;
  for (let i = 0; i < term.length; i += 1) if (text.charCodeAt(start + i) !== term.charCodeAt(i)) return false;
  return true;
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
  private readonly index: TermIndex;
  private terms: string[] | undefined;
  private constructor(
    vocabulary: string[] | PackedTerms,
    readonly idf: Float64Array,
    readonly sublinear: boolean,
  ) {
    if (vocabulary instanceof PackedTerms) {
      this.index = vocabulary;
    } else {
      this.terms = vocabulary;
      this.index = new Map(vocabulary.map((t, i) => [t, i]));
    }
  }

  /** The terms in column order. */
  get vocabulary(): string[] {
    this.terms ??= (this.index as PackedTerms).vocabulary();
    return this.terms;
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
    return new Tfidf(new PackedTerms(m.terms, m.offsets, m.columns), m.idf, m.sublinear);
  }

  toJSON(): TfidfModel {
    return { ...PackedTerms.pack(this.vocabulary), idf: this.idf, sublinear: this.sublinear };
  }

  get size(): number {
    return this.idf.length;
  }

  /** Known terms of a document, as a weighted, L2-normalised sparse row. */
  row(terms: readonly string[]): { idx: Int32Array; val: Float64Array } {
    // Counted in a reused dense array rather than a Map: a letter's row is a few hundred
    // look-ups, and this runs for the whole text and each of its sentences.
    const counts = (this.scratch ??= new Float64Array(this.size));
    const seen: number[] = [];
    for (const t of terms) {
      const j = this.index.get(t);
      if (j === undefined) continue;
      if (counts[j] === 0) seen.push(j);
      counts[j] = (counts[j] as number) + 1;
    }
    const row = this.weighed(Int32Array.from(seen).sort(), (j) => counts[j] as number);
    for (const j of seen) counts[j] = 0;
    return row;
  }

  /** Term counts of one row being built (all zero between calls). */
  private scratch: Float64Array | undefined;

  transform(docs: readonly (readonly string[])[]): Csr {
    return this.matrix(docs.map((d) => countsOf(d, this.index, undefined)));
  }

  private weigh(counts: Map<number, number>): { idx: Int32Array; val: Float64Array } {
    return this.weighed(Int32Array.from([...counts.keys()].sort((a, b) => a - b)), (j) => counts.get(j) as number);
  }

  /** The row of the columns `idx` (ascending) with their counts: sublinear tf × idf, L2-normalised. */
  private weighed(idx: Int32Array, countOf: (column: number) => number): { idx: Int32Array; val: Float64Array } {
    const val = Float64Array.from(idx, (j) => {
      const c = countOf(j);
      return (this.sublinear ? 1 + Math.log(c) : c) * (this.idf[j] as number);
    });
    let norm = 0;
    for (const v of val) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < val.length; i += 1) val[i] = (val[i] as number) / norm;
    return { idx, val };
  }

  private matrix(rows: readonly Map<number, number>[]): Csr {
    const weighed = rows.map((c) => this.weigh(c));
    return stack(weighed, this.size);
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

  /** Raw class scores (logits) of one sparse row. */
  logits(idx: Int32Array, val: Float64Array): Float64Array {
    const K = this.classes.length;
    const s = new Float64Array(K);
    const b0 = this.features * K;
    for (let k = 0; k < K; k += 1) s[k] = this.w[b0 + k] as number;
    for (let p = 0; p < idx.length; p += 1) {
      const base = (idx[p] as number) * K;
      const v = val[p] as number;
      for (let k = 0; k < K; k += 1) s[k] = (s[k] as number) + (this.w[base + k] as number) * v;
    }
    return s;
  }

  /** Class probabilities of one sparse row (same order as `classes`). */
  predict(idx: Int32Array, val: Float64Array): Float64Array {
    return softmax(this.logits(idx, val));
  }
}

export function softmax(s: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const x of s) if (x > max) max = x;
  const out = new Float64Array(s.length);
  let z = 0;
  for (let k = 0; k < s.length; k += 1) {
    const e = Math.exp(((s[k] as number) - max) / temperature);
    out[k] = e;
    z += e;
  }
  for (let k = 0; k < s.length; k += 1) out[k] = (out[k] as number) / z;
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
