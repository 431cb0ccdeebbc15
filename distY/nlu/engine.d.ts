import type { IntentDef } from '../knowledge/types.js';
import type { ModelData } from './cache.js';
/**
 * The node-nlp intent classifier. Two flavours share the same training data:
 * - `domain`: our normalised text, segmented by jieba with the domain dictionary, with
 *   node-nlp's Chinese normaliser/stemmer (pinyin) replaced by identity;
 * - `vanilla`: node-nlp's defaults for Chinese (@nlpjs/lang-zh), the baseline we measure against.
 */
export type EngineKind = 'domain' | 'vanilla';
export interface EngineScore {
    intent: string;
    score: number;
}
export interface EngineOptions {
    kind: EngineKind;
    terms: readonly string[];
    /** Receives nlp.js's own messages (at debug level); they are dropped when absent. */
    log?: EngineLog;
    /** Tests only: node-nlp's classification steps as they are, without `leanClassification` (to compare with). */
    plainNodeNlp?: boolean;
}
/** What `IntentEngine.export` saves. */
export interface EngineSaved {
    nlp: unknown;
    intentCount: number;
    /** Token → number of intents whose utterances contain it, as two arrays (blocks of the model file). */
    intentTokens: string[];
    intentTokenCounts: Int32Array;
}
/** Where nlp.js's own messages go (a pino-style logger; nothing when absent). */
export interface EngineLog {
    debug(obj: object, msg?: string): void;
}
/**
 * Training epochs of node-nlp's network for our engine. Its default (up to 20,000, stopping
 * when the error stops falling) took 405 epochs and 26 s on our 2,363 utterances; 5-fold
 * cross-validation (`pufa calibrate`) gives the same held-out accuracy at 100 (88.0 % vs
 * 87.9 % top-1 topic) in a quarter of the time. NlpManager's settings do not reach the
 * network, so the setting is put on the domain's NLU before training.
 */
export declare const DOMAIN_TRAINING_ITERATIONS = 100;
/** The parts of node-nlp's NeuralNetwork (@nlpjs/neural) that `restoreWeights` and `fastRun` use. */
interface LiveNetwork {
    lookup?: {
        inputLookup?: {
            items?: string[];
            dict?: Record<string, number>;
        };
    };
    perceptrons?: {
        name: string;
        weights: Float32Array;
        bias: number;
    }[];
    numPerceptrons?: number;
    outputs?: Record<string, number>;
    settings?: {
        alpha?: number;
    };
    run?: (input: Record<string, number>) => Record<string, number> | undefined;
}
/**
 * node-nlp's `NeuralNetwork.run` (@nlpjs/neural), the same numbers faster. node-nlp looks
 * each input feature up in an object, builds an object of its values keyed by position, then
 * for every perceptron sums value × weight over the features (starting from the bias) in a
 * `reduce` reading both objects: 75 perceptrons × a letter's ~150 features of look-ups in
 * objects, each perceptron's 6,680 weights an array of its own (a cache miss per feature).
 * Here the features are looked up once in a Map, and the weights are kept feature-major
 * (a feature's weights for all perceptrons side by side, built on first use: 2 MB), so each
 * perceptron's sum is the same additions in the same order — the same doubles — for all
 * perceptrons in one pass. Returns node-nlp's own `outputs` object, filled as node-nlp does.
 * `test/nlu/engine.test.ts` compares it with node-nlp's `run` on random inputs.
 */
export declare function fastRun(network: LiveNetwork): (input: Record<string, number>) => Record<string, number> | undefined;
export declare class IntentEngine {
    readonly kind: EngineKind;
    private readonly manager;
    private readonly tokenizer;
    /** token → number of intents whose utterances contain it. */
    private intentFrequency;
    private intentCount;
    private readonly plainNodeNlp;
    constructor(options: EngineOptions);
    /** Load now what would load text by text (jieba's dictionary): for a long-running process. */
    preload(): void;
    /** Forget the tokens of the texts done so far (a new message begins). */
    forget(): void;
    /** Tokens as the engine sees them (for debugging and the README). */
    tokens(text: string): string[];
    /** True when `word` is a word of the tokenizer's dictionary (`ChineseTokenizer.isWord`). */
    isWord(word: string): boolean;
    train(intents: readonly IntentDef[]): Promise<void>;
    /** node-nlp's own model (its toJSON) and our token statistics, as plain data (src/nlu/cache.ts saves it). */
    export(): EngineSaved;
    import(model: ModelData): void;
    /**
     * The networks' weights, as saved (see `compactDomain`), put in place after node-nlp's
     * `fromJSON` built each network without them (`splitWeights`): the same lookup of
     * features node-nlp's `fromJSON` builds (its own class), and each perceptron's weights
     * the saved Float32Array itself. node-nlp's `fromJSON` copied 501,000 weights one by one
     * into new arrays (with as many of the `changes` only training uses): ~0.05 s and 4 MB of
     * every start. An imported network is never trained further (node-nlp's `train` builds a
     * new one), so its `changes` stay empty.
     */
    private restoreWeights;
    /**
     * nlp.js drops the `None` class when it imports a model (fromJSON rebuilds its intent
     * list from the trained intents only), so an imported model renormalises scores that the
     * freshly trained one reported with some mass on `None`. Put it back so that a cached
     * model scores exactly like the trained one (the thresholds are calibrated on the latter).
     */
    private restoreNoneIntent;
    /**
     * Tokens of `text` that are evidence for some intent: known from training and not
     * spread over many intents. Always 1 for the vanilla engine (no tokenizer of ours).
     */
    evidence(text: string): number;
    /** Ranked intent scores (highest first); `None` when nothing matched. */
    classify(text: string): Promise<EngineScore[]>;
    /**
     * node-nlp's NLU keeps the tokens of every text it classified, keyed by the text, for an
     * hour (nlu.js `defaultPipelinePrepare`, `cache.results`): citizens' messages held in
     * memory for no use of ours (our tokenizer remembers what one message repeats), and the
     * bulk of what a running bot promoted to the old space. Emptied after each classification;
     * within one, node-nlp still reads the text's tokens twice from it (the exact-match key
     * and the network's input), as before. No setting of node-nlp turns it off.
     */
    private forgetTexts;
}
export {};
