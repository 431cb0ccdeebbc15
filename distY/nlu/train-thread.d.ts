import type { IntentDef } from '../knowledge/types.js';
import type { ModelData } from './cache.js';
import type { EngineLog } from './engine.js';
import type { RankerKind } from './rankers.js';
/**
 * Training runs in a worker thread: a bot that rebuilds its model (`#重载`, the console's
 * retrain) keeps answering citizens meanwhile, and the training's memory goes with the
 * thread. The worker builds the same ranker from the same plain inputs and hands back its
 * exported model, which the caller imports: one training path whichever thread runs it.
 */
export interface TrainJob {
    kind: RankerKind;
    intents: readonly IntentDef[];
    terms: readonly string[];
    topicTerms?: Readonly<Record<string, readonly string[]>>;
    maxChars: number;
    priorWeight?: number;
}
/** Train the ranker described by `job` in a worker thread; resolves with its exported model. */
export declare function trainInThread(job: TrainJob, log?: EngineLog): Promise<ModelData>;
