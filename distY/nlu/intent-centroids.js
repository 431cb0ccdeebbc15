import { SparseRow, Tfidf } from './linear.js';
import { charNgramRowInto, charNgrams } from './topic-model.js';
export class IntentCentroids {
    tfidf;
    model;
    /** The last text's similarity to every intent (a message's topics are asked for one after the other). */
    last;
    rowOf;
    /** The text's row (reused). */
    row = new SparseRow();
    constructor(tfidf, model) {
        this.tfidf = tfidf;
        this.model = model;
        this.rowOf = new Map(model.intents.map((id, r) => [id, r]));
    }
    static train(intents, normalize) {
        const { tfidf, X } = Tfidf.fit(intents.map((i) => i.utterances.flatMap((u) => grams(normalize(u)))));
        // Transpose the rows (intents) into columns (n-grams).
        const colPtr = new Int32Array(X.cols + 1);
        for (const j of X.colIdx)
            colPtr[j + 1] = colPtr[j + 1] + 1;
        for (let j = 0; j < X.cols; j += 1)
            colPtr[j + 1] = colPtr[j + 1] + colPtr[j];
        const next = colPtr.slice(0, X.cols);
        const rowIdx = new Int32Array(X.colIdx.length);
        const values = new Float32Array(X.colIdx.length);
        for (let r = 0; r < X.rows; r += 1) {
            for (let p = X.rowPtr[r]; p < X.rowPtr[r + 1]; p += 1) {
                const j = X.colIdx[p];
                const at = next[j];
                next[j] = at + 1;
                rowIdx[at] = r;
                values[at] = X.values[p];
            }
        }
        return new IntentCentroids(tfidf, { kind: 'centroids', intents: intents.map((i) => i.id), colPtr, rowIdx, values });
    }
    static fromJSON(m) {
        const ok = m?.kind === 'centroids' && Array.isArray(m.intents) && m.colPtr instanceof Int32Array && m.rowIdx instanceof Int32Array && m.values instanceof Float32Array && m.rowIdx.length === m.values.length;
        if (!ok)
            throw new Error('not an intent-centroids model');
        const tfidf = Tfidf.fromJSON(m.tfidf);
        if (m.colPtr.length !== tfidf.size + 1)
            throw new Error('not an intent-centroids model');
        return new IntentCentroids(tfidf, m);
    }
    /** Forget the last text's similarities (a new message begins). */
    forget() {
        this.last = undefined;
    }
    /** The n-gram vocabulary (for a table shared with other vocabularies: `shares`'s `shared`). */
    get vocabulary() {
        return this.tfidf;
    }
    toJSON() {
        return { ...this.model, tfidf: this.tfidf.toJSON() };
    }
    /** Cosine similarity of the text to every intent's centroid, in row order. */
    similarities(normalized, shared) {
        if (this.last?.text === normalized)
            return this.last.sims;
        const { colPtr, rowIdx, values, intents } = this.model;
        const sims = new Float64Array(intents.length);
        const q = this.row;
        // The views' columns of the text when they just did it (the same n-grams: its 1-grams are
        // in no centroid); else looked up. Closed: the centroids were fitted on all the 2–3-grams
        // of the utterances (`grams`).
        const known = shared?.extraColumns(normalized);
        if (known)
            this.tfidf.rowInto(known.columns, known.n, q);
        else
            charNgramRowInto(this.tfidf, normalized, q, 2, 3, true, shared ? (n) => shared.extraFinder(n) : undefined);
        for (let p = 0; p < q.n; p += 1) {
            const j = q.idx[p];
            const w = q.val[p];
            for (let k = colPtr[j]; k < colPtr[j + 1]; k += 1)
                sims[rowIdx[k]] = sims[rowIdx[k]] + w * values[k];
        }
        this.last = { text: normalized, sims };
        return sims;
    }
    /**
     * Shares of `ids` (intents of one topic) for normalised text, summing to 1, in the order
     * of `ids`; equal shares when the text shares no n-gram with any of them.
     */
    shares(normalized, ids, shared) {
        const all = this.similarities(normalized, shared);
        const sims = ids.map((id) => {
            const r = this.rowOf.get(id);
            return r === undefined ? 0 : all[r];
        });
        // Shares in proportion to the similarity: the nearest intent is answered, and a close
        // second keeps a share large enough to be offered among the choices.
        const total = sims.reduce((a, b) => a + b, 0);
        if (total <= 0)
            return ids.map(() => 1 / ids.length);
        return sims.map((s) => s / total);
    }
}
function grams(text) {
    return charNgrams(text, 2, 3);
}
//# sourceMappingURL=intent-centroids.js.map