import type { IntentDef } from '../knowledge/types.js';
import { SparseRow, Tfidf, type ColumnFinder, type TfidfModel } from './linear.js';
import { charNgramRowInto, charNgrams } from './topic-model.js';

/**
 * The intent within a topic: blended with node-nlp's shares (0.9 to 0.1, `WITHIN_TOPIC` in
 * src/nlu/rankers.ts: more accurate on held-out utterances than node-nlp alone, and moved far
 * less by a change of other intents; README "Choosing the intent within a topic"), and alone
 * when node-nlp has no opinion. node-nlp scores intents by word
 * features; for a third of the messages of our own sets it gives every intent of the topic
 * the topic stage chose nothing (a letter or a complaint in words it was not trained on:
 * "你们城管能不能管一下楼下卖菜的喇叭，吵死了" — every perceptron negative), and sharing the
 * topic equally answered with whichever intent came first in the file (the noise topic's
 * night-construction answer for a vendor's loudspeaker; the traffic police redirect for a
 * letter about the neighbours upstairs). Here each intent is the centroid of its utterances
 * in a character 2–3-gram TF-IDF space, and the text is shared among the topic's intents by
 * its cosine similarity to each: the loudspeaker message is nearest to `noise.shop_speaker`.
 * Trained with the rest of the model and saved with it (fitting takes a few hundred ms).
 */
export interface IntentCentroidsModel {
  kind: 'centroids';
  tfidf: TfidfModel;
  /** Intent ids, in row order. */
  intents: string[];
  /**
   * The centroids (one L2-normalised row per intent) stored by column: for each n-gram, the
   * intents whose utterances have it and its weight there. A text's similarity to every
   * intent is then one pass over its own n-grams.
   */
  colPtr: Int32Array;
  rowIdx: Int32Array;
  values: Float32Array;
}

/**
 * The topic views' look-ups, holding the centroids' vocabulary as one of their vocabularies
 * (src/nlu/topic-model.ts `CharLrViews`): a table to look n-grams up in, and the columns of
 * the text the views just did.
 */
export interface SharedViews {
  extraFinder(n: number): { finder: ColumnFinder; view: number } | undefined;
  extraColumns(normalized: string): { columns: Int32Array; n: number } | undefined;
}

export class IntentCentroids {
  /** The last text's similarity to every intent (a message's topics are asked for one after the other). */
  private last: { text: string; sims: Float64Array } | undefined;
  private readonly rowOf: Map<string, number>;
  /** The text's row (reused). */
  private readonly row = new SparseRow();

  private constructor(
    private readonly tfidf: Tfidf,
    private readonly model: Omit<IntentCentroidsModel, 'tfidf'>,
  ) {
    this.rowOf = new Map(model.intents.map((id, r) => [id, r]));
  }

  static train(intents: readonly IntentDef[], normalize: (s: string) => string): IntentCentroids {
    const { tfidf, X } = Tfidf.fit(intents.map((i) => i.utterances.flatMap((u) => grams(normalize(u)))));
    // Transpose the rows (intents) into columns (n-grams).
    const colPtr = new Int32Array(X.cols + 1);
    for (const j of X.colIdx) colPtr[j + 1] = (colPtr[j + 1] as number) + 1;
    for (let j = 0; j < X.cols; j += 1) colPtr[j + 1] = (colPtr[j + 1] as number) + (colPtr[j] as number);
    const next = colPtr.slice(0, X.cols);
    const rowIdx = new Int32Array(X.colIdx.length);
    const values = new Float32Array(X.colIdx.length);
    for (let r = 0; r < X.rows; r += 1) {
      for (let p = X.rowPtr[r] as number; p < (X.rowPtr[r + 1] as number); p += 1) {
        const j = X.colIdx[p] as number;
        const at = next[j] as number;
        next[j] = at + 1;
        rowIdx[at] = r;
        values[at] = X.values[p] as number;
      }
    }
    return new IntentCentroids(tfidf, { kind: 'centroids', intents: intents.map((i) => i.id), colPtr, rowIdx, values });
  }

  static fromJSON(m: IntentCentroidsModel): IntentCentroids {
    const ok =
      m?.kind === 'centroids' && Array.isArray(m.intents) && m.colPtr instanceof Int32Array && m.rowIdx instanceof Int32Array && m.values instanceof Float32Array && m.rowIdx.length === m.values.length;
    if (!ok) throw new Error('not an intent-centroids model');
    const tfidf = Tfidf.fromJSON(m.tfidf);
    if (m.colPtr.length !== tfidf.size + 1) throw new Error('not an intent-centroids model');
    return new IntentCentroids(tfidf, m);
  }

  /** Forget the last text's similarities (a new message begins). */
  forget(): void {
    this.last = undefined;
  }

  /** The n-gram vocabulary (for a table shared with other vocabularies: `shares`'s `shared`). */
  get vocabulary(): Tfidf {
    return this.tfidf;
  }

  toJSON(): IntentCentroidsModel {
    return { ...this.model, tfidf: this.tfidf.toJSON() };
  }

  /** Cosine similarity of the text to every intent's centroid, in row order. */
  private similarities(normalized: string, shared?: SharedViews): Float64Array {
    if (this.last?.text === normalized) return this.last.sims;
    const { colPtr, rowIdx, values, intents } = this.model;
    const sims = new Float64Array(intents.length);
    const q = this.row;
    // The views' columns of the text when they just did it (the same n-grams: its 1-grams are
    // in no centroid); else looked up. Closed: the centroids were fitted on all the 2–3-grams
    // of the utterances (`grams`).
    const known = shared?.extraColumns(normalized);
    if (known) this.tfidf.rowInto(known.columns, known.n, q);
    else charNgramRowInto(this.tfidf, normalized, q, 2, 3, true, shared ? (n) => shared.extraFinder(n) : undefined);
    for (let p = 0; p < q.n; p += 1) {
      const j = q.idx[p] as number;
      const w = q.val[p] as number;
      for (let k = colPtr[j] as number; k < (colPtr[j + 1] as number); k += 1) sims[rowIdx[k] as number] = (sims[rowIdx[k] as number] as number) + w * (values[k] as number);
    }
    this.last = { text: normalized, sims };
    return sims;
  }

  /**
   * Shares of `ids` (intents of one topic) for normalised text, summing to 1, in the order
   * of `ids`; equal shares when the text shares no n-gram with any of them.
   */
  shares(normalized: string, ids: readonly string[], shared?: SharedViews): number[] {
    const all = this.similarities(normalized, shared);
    const sims = ids.map((id) => {
      const r = this.rowOf.get(id);
      return r === undefined ? 0 : (all[r] as number);
    });
    // Shares in proportion to the similarity: the nearest intent is answered, and a close
    // second keeps a share large enough to be offered among the choices.
    const total = sims.reduce((a, b) => a + b, 0);
    if (total <= 0) return ids.map(() => 1 / ids.length);
    return sims.map((s) => s / total);
  }
}

function grams(text: string): string[] {
  return charNgrams(text, 2, 3);
}
