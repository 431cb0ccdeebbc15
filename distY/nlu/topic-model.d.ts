import type { IntentDef } from '../knowledge/types.js';
import type { ModelData } from './cache.js';
import { LogReg, SparseRow, Tfidf, type ColumnFinder, type LogRegModel, type TfidfModel } from './linear.js';
/**
 * Topic models: the first stage of the brain, text → a probability for every topic. Every
 * engine implements the same four operations, so the brain, `pufa eval --compare` and the
 * bench can swap them without touching anything else.
 */
export interface TopicScoreEntry {
    topic: string;
    score: number;
    /** False when the text has no word for this topic (src/nlu/evidence.ts); absent when it has, or the ranker does not tell. */
    evidence?: boolean;
}
export interface TopicModel {
    /** Short name shown by `pufa eval --compare` and the bench. */
    readonly name: string;
    /** Train on the intents' utterances with their topic labels (text normalised by `normalize`). */
    train(intents: readonly IntentDef[]): Promise<void> | void;
    /** Topics for normalised text, highest first, scores summing to 1; empty when the model knows nothing of the text. */
    rank(normalized: string): TopicScoreEntry[];
    /** The trained model as plain data (typed arrays allowed), saved by src/nlu/cache.ts. */
    export(): ModelData;
    import(model: ModelData): void;
}
/** sklearn's `analyzer="char"`: lower-case, whitespace runs → one space, every n-gram of code points. */
export declare function charNgrams(text: string, min?: number, max?: number): string[];
/**
 * `tfidf.row(charNgrams(text, min, max))` without building the n-grams as strings: each is
 * looked up by its range of the text (for the intent centroids' 2–3-grams, which built ~600
 * strings for a letter). The same row (test/nlu/linear.test.ts).
 */
export declare function charNgramRow(tfidf: Tfidf, text: string, min?: number, max?: number): {
    idx: Int32Array;
    val: Float64Array;
};
/**
 * `charNgramRow` into the reusable buffers of `row` (`Tfidf.rowInto`). With `closed` — the
 * vocabulary was fitted on all the `min`…`max`-grams of its texts, so it holds both
 * (n−1)-grams of each n-gram it holds — an n-gram is not looked up when one of them is
 * unknown (the same row: `knownGrams`).
 */
export declare function charNgramRowInto(tfidf: Tfidf, text: string, row: SparseRow, min?: number, max?: number, closed?: boolean, 
/** A shared table holding `tfidf`'s vocabulary as one of its views (CharLrViews `extraFinder`). */
shared?: (n: number) => {
    finder: ColumnFinder;
    view: number;
} | undefined): void;
export interface LabelledText {
    text: string;
    label: string;
}
export declare function topicSamples(intents: readonly IntentDef[], normalize: (s: string) => string): LabelledText[];
export declare function ranked(classes: readonly string[], p: ArrayLike<number>): TopicScoreEntry[];
/**
 * Letters, from the same utterances: for each topic, `rate` × its utterance count extra samples,
 * each two of its utterances (drawn with a fixed seed) joined as one text. A letter tells one
 * matter in several sentences; samples of one sentence each teach a view to lean on the one
 * strongest word, and a long text dilutes it (its TF-IDF row is L2-normalised over all its
 * n-grams). Measured on batch 23's check sets, written without running the model (README
 * "Letter pairs"). Deterministic: the same intents give the same samples.
 */
export declare function withLetterPairs(intents: readonly IntentDef[], rate: number): readonly IntentDef[];
export interface LinearTopicOptions {
    /** Inverse regularisation strength (sklearn's C). */
    C: number;
    /** Drop n-grams seen in fewer training utterances. */
    minDf: number;
    /** Weigh samples so that every topic counts the same (sklearn's class_weight="balanced"). */
    balanced: boolean;
    /** Add the words of the text (jieba with the domain dictionary) as features besides the characters. */
    words: boolean;
    /** Add two-utterance samples per topic, this share of its utterance count (`withLetterPairs`); none when absent. */
    letterPairs?: number;
}
/** The seed of `withLetterPairs`' draws. */
export declare const LETTER_PAIRS_SEED = 12345;
export declare const ANCHOR_OPTIONS: LinearTopicOptions;
export interface LinearSaved {
    kind: 'charlr';
    options: LinearTopicOptions;
    tfidf: TfidfModel;
    lr: LogRegModel;
}
/**
 * Character 1–3-gram TF-IDF (sublinear tf) + multinomial logistic regression over topics.
 * With ANCHOR_OPTIONS it is the anchor of issue 7 (`../shared/tools/charlr_baseline.py`,
 * C = 10, every utterance of intents/*.yaml with its topic label), ported feature for
 * feature; the shipped brain uses it with its own options as one of its stages.
 */
export declare class CharLrTopicModel implements TopicModel {
    private readonly normalize;
    readonly options: LinearTopicOptions;
    /** Word segmenter, needed when `options.words`. */
    private readonly tokenize?;
    readonly name: string;
    private tfidf;
    private lr;
    /** Iterations L-BFGS took at the last training. */
    iterations: number;
    constructor(normalize?: (s: string) => string, options?: LinearTopicOptions, 
    /** Word segmenter, needed when `options.words`. */
    tokenize?: ((text: string) => string[]) | undefined);
    /** The features of a text: its character 1–3-grams, and its words when configured. */
    features(text: string): string[];
    get classes(): readonly string[];
    train(intents: readonly IntentDef[]): void;
    /** Topic probabilities in `classes` order; undefined when no n-gram of the text is known. */
    probabilities(normalized: string): Float64Array | undefined;
    /** This model alone through the fast feature path (CharLrViews). */
    private views;
    /** Topic probabilities from the plain path: every feature a string, looked up one by one (the reference for the fast one). */
    probabilitiesOfFeatures(normalized: string): Float64Array | undefined;
    /** The vectoriser and the regression (throws when not trained). */
    trained(): {
        tfidf: Tfidf;
        lr: LogReg;
    };
    private parts;
    /** The word segmenter of the word features (undefined without them). */
    get wordTokenizer(): ((text: string) => string[]) | undefined;
    rank(normalized: string): TopicScoreEntry[];
    export(): LinearSaved;
    import(model: ModelData): void;
}
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
export declare class CharLrViews {
    private readonly models;
    /** Look-ups by binary search before the hash table is built (tests set 0 or Infinity). */
    private readonly sortedLookups;
    /**
     * Another vocabulary of the same texts' n-grams, put in the same table (its columns are
     * the table's view after the models'), for a caller that looks up the same text's
     * n-grams right after: `extraFinder`. Undefined while it has none.
     */
    private readonly extra?;
    /** Binary search for the first texts, then one hash table (`LookupPolicy`). */
    private lookup;
    /** The models' parts the look-ups were made for (a retrained or imported model starts again). */
    private parts;
    private readonly segments;
    /** Columns of the text being done, per model, then (with an extra vocabulary) the extra one's. */
    private cols;
    private lens;
    /** The text whose extra columns `cols[models]` holds (`extraColumns`). */
    private extraOf;
    constructor(models: readonly CharLrTopicModel[], 
    /** Look-ups by binary search before the hash table is built (tests set 0 or Infinity). */
    sortedLookups?: number, 
    /**
     * Another vocabulary of the same texts' n-grams, put in the same table (its columns are
     * the table's view after the models'), for a caller that looks up the same text's
     * n-grams right after: `extraFinder`. Undefined while it has none.
     */
    extra?: (() => Tfidf | undefined) | undefined);
    /** The extra vocabulary the table was built with. */
    private extraTfidf;
    private ready;
    /** Start of each code point of the text being done, then its end; whether each is a break (reused). */
    private starts;
    private breaks;
    /** The row of the text being done (reused). */
    private readonly row;
    /** Per model, the probabilities `probabilitiesShared` returns (reused), and the list it returns. */
    private outs;
    private shared;
    /** Per model, its topic probabilities (in its `classes` order); undefined when it knows no feature of the text. */
    probabilities(normalized: string): (Float64Array | undefined)[];
    /** Forget the segments of the texts done so far (a new message begins). */
    forget(): void;
    /** Build the look-up table now rather than after the first texts (a long-running process). */
    preload(): void;
    /**
     * The table's finder for `n` more look-ups and the view of the extra vocabulary in it
     * (undefined without one): its n-grams are the slots this text's look-ups just read.
     */
    extraFinder(n: number): {
        finder: ColumnFinder;
        view: number;
    } | undefined;
    /**
     * The extra vocabulary's columns of every character 1–3-gram of `normalized` (as often as
     * each occurs, in no order) when it is the text `probabilitiesShared` did last: found by
     * the same probes as the models' (a letter's ~600 2–3-grams are not looked up again for the
     * intent centroids). Undefined otherwise. The array is this object's, overwritten by its next call.
     */
    extraColumns(normalized: string): {
        columns: Int32Array;
        n: number;
    } | undefined;
    /**
     * `probabilities` in arrays of this object's own, overwritten by the next call (the list
     * too): for a caller that reads them at once (the shipped brain averages the two views
     * into an array of its own). No typed array is made per text.
     */
    probabilitiesShared(normalized: string): readonly (Float64Array | undefined)[];
    private push;
    private addFound;
    private addSegment;
}
