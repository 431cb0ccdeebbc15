import type { IntentDef } from '../knowledge/types.js';
import { Tfidf, type TfidfModel } from './linear.js';
import { charNgrams } from './topic-model.js';

/**
 * The intent within a topic when node-nlp has no opinion. node-nlp scores intents by word
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
  /** The centroids as a sparse matrix in compressed-row form (one row per intent, L2-normalised). */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float32Array;
}

export class IntentCentroids {
  /** The weights of the last text's row by column (zero elsewhere). */
  private scratch: Float64Array | undefined;
  private last: { text: string; idx: Int32Array } | undefined;
  private readonly rowOf: Map<string, number>;

  private constructor(
    private readonly tfidf: Tfidf,
    private readonly model: Omit<IntentCentroidsModel, 'tfidf'>,
  ) {
    this.rowOf = new Map(model.intents.map((id, r) => [id, r]));
  }

  static train(intents: readonly IntentDef[], normalize: (s: string) => string): IntentCentroids {
    const { tfidf, X } = Tfidf.fit(intents.map((i) => i.utterances.flatMap((u) => grams(normalize(u)))));
    return new IntentCentroids(tfidf, { kind: 'centroids', intents: intents.map((i) => i.id), rowPtr: X.rowPtr, colIdx: X.colIdx, values: Float32Array.from(X.values) });
  }

  static fromJSON(m: IntentCentroidsModel): IntentCentroids {
    const ok =
      m?.kind === 'centroids' && Array.isArray(m.intents) && m.rowPtr instanceof Int32Array && m.colIdx instanceof Int32Array && m.values instanceof Float32Array && m.rowPtr.length === m.intents.length + 1 && m.colIdx.length === m.values.length;
    if (!ok) throw new Error('not an intent-centroids model');
    return new IntentCentroids(Tfidf.fromJSON(m.tfidf), m);
  }

  toJSON(): IntentCentroidsModel {
    return { ...this.model, tfidf: this.tfidf.toJSON() };
  }

  /**
   * Shares of `ids` (intents of one topic) for normalised text, summing to 1, in the order
   * of `ids`; equal shares when the text shares no n-gram with any of them.
   */
  shares(normalized: string, ids: readonly string[]): number[] {
    const dense = (this.scratch ??= new Float64Array(this.tfidf.size));
    // A message's topics are asked for one after the other: its row is built once.
    if (this.last?.text !== normalized) {
      if (this.last) for (const j of this.last.idx) dense[j] = 0;
      const q = this.tfidf.row(grams(normalized));
      for (let p = 0; p < q.idx.length; p += 1) dense[q.idx[p] as number] = q.val[p] as number;
      this.last = { text: normalized, idx: q.idx };
    }
    const { rowPtr, colIdx, values } = this.model;
    const sims = ids.map((id) => {
      const r = this.rowOf.get(id);
      if (r === undefined) return 0;
      let s = 0;
      for (let p = rowPtr[r] as number; p < (rowPtr[r + 1] as number); p += 1) s += (dense[colIdx[p] as number] as number) * (values[p] as number);
      return s;
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
