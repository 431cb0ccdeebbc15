import type { IntentScore } from '../core/types.js';
import type { IntentDef } from '../knowledge/types.js';
import type { ModelData } from './cache.js';
import { IntentEngine, type EngineKind, type EngineLog, type EngineSaved } from './engine.js';
import { TopicPrior } from './topic-prior.js';
/**
 * Intent ranking = topic prior (character naive Bayes) × node-nlp's choice of intent within
 * the topic. For each topic t: T(t) = w·prior(t) + (1−w)·Σ nn(intents of t); each intent
 * gets T(t) × its share of t's node-nlp score. Scores stay a distribution over intents, so
 * the decision thresholds keep their meaning.
 */
/**
 * Defaults chosen by `pufa calibrate` (5-fold cross-validation over our own utterances,
 * held-out top-1 topic accuracy; the grid and figures are in the README).
 */
export declare const DEFAULT_PRIOR_WEIGHT = 0.7;
export declare const DEFAULT_SHARPNESS = 1;
/** Length (characters) at which the prior gets half its weight; 0 = the same weight at any length. */
export declare const DEFAULT_PRIOR_HALF_LENGTH = 0;
export interface Mix {
    priorWeight?: number;
    sharpness?: number;
    halfLength?: number;
}
export interface ClassifierOptions {
    kind: EngineKind;
    terms: readonly string[];
    /** Weight of the topic prior (0 = node-nlp alone). Default DEFAULT_PRIOR_WEIGHT for `domain`, 0 for `vanilla`. */
    priorWeight?: number;
    /** Sharpness of the prior's posterior. Default DEFAULT_SHARPNESS. */
    sharpness?: number;
    /** See DEFAULT_PRIOR_HALF_LENGTH. */
    halfLength?: number;
    normalize: (s: string) => string;
    /** Receives node-nlp's own messages (debug level). */
    log?: EngineLog;
}
interface SavedModel {
    engine: EngineSaved;
    prior: ReturnType<TopicPrior['toJSON']> | null;
}
/** The effective settings of a classifier: what a cached model depends on besides the data. */
export interface ClassifierSettings {
    kind: EngineKind;
    priorWeight: number;
    sharpness: number;
    halfLength: number;
    iterations: number | null;
}
export declare class IntentClassifier {
    private readonly options;
    readonly engine: IntentEngine;
    readonly settings: Readonly<ClassifierSettings>;
    private prior;
    private readonly priorWeight;
    private readonly topicOf;
    private readonly intentsOfTopic;
    constructor(intents: readonly IntentDef[], options: ClassifierOptions);
    train(intents: readonly IntentDef[]): Promise<void>;
    export(): SavedModel;
    import(model: ModelData): void;
    /**
     * Ranked intents for normalised text (highest first); empty when the text carries no
     * evidence. `mix` overrides the prior's weight and sharpness (calibration grid search).
     */
    rank(normalized: string, mix?: Mix): Promise<IntentScore[]>;
}
export {};
