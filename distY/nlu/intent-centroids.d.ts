import type { IntentDef } from '../knowledge/types.js';
import { Tfidf, type ColumnFinder, type TfidfModel } from './linear.js';
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
    extraFinder(n: number): {
        finder: ColumnFinder;
        view: number;
    } | undefined;
    extraColumns(normalized: string): {
        columns: Int32Array;
        n: number;
    } | undefined;
}
export declare class IntentCentroids {
    private readonly tfidf;
    private readonly model;
    /** The last text's similarity to every intent (a message's topics are asked for one after the other). */
    private last;
    private readonly rowOf;
    /** The text's row (reused). */
    private readonly row;
    private constructor();
    static train(intents: readonly IntentDef[], normalize: (s: string) => string): IntentCentroids;
    static fromJSON(m: IntentCentroidsModel): IntentCentroids;
    /** Forget the last text's similarities (a new message begins). */
    forget(): void;
    /** The n-gram vocabulary (for a table shared with other vocabularies: `shares`'s `shared`). */
    get vocabulary(): Tfidf;
    toJSON(): IntentCentroidsModel;
    /** Cosine similarity of the text to every intent's centroid, in row order. */
    private similarities;
    /**
     * Shares of `ids` (intents of one topic) for normalised text, summing to 1, in the order
     * of `ids`; equal shares when the text shares no n-gram with any of them.
     */
    shares(normalized: string, ids: readonly string[], shared?: SharedViews): number[];
}
