import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { type BrainReply, type Channel, type ConversationState, type IntentScore } from '../core/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { type Thresholds } from './decide.js';
import type { ReportGuide } from './report-guide.js';
import type { EngineKind } from './engine.js';
import { type IntentRanker, type RankerKind } from './rankers.js';
/**
 * The brain: normalise → classify → decide → render. Text in, data out; no chat platform,
 * no Redis. `createBrain` loads the knowledge base and trains (or loads the cached model).
 */
export interface AskOptions {
    channel?: Channel;
    /** Conversation state for this citizen, if any: pending choices ("回复 1"), the last answer's topic. */
    pending?: ConversationState;
    /** The message's time (ms since epoch), for the age of the conversation context; default now. */
    now?: number;
}
export interface Brain {
    readonly kb: KnowledgeBase;
    readonly thresholds: Thresholds;
    /** How the model was obtained at start-up, and how long it took. */
    readonly modelInfo: {
        source: 'cache' | 'trained';
        ms: number;
        key: string;
    };
    ask(text: string, options?: AskOptions): Promise<BrainReply>;
    /** Ranked intents for normalised text (no decision). */
    rank(normalized: string): Promise<IntentScore[]>;
    /** How to report a problem, per topic (knowledge/_report.yaml). */
    readonly reportGuide: ReportGuide;
    /** The ranking engine (topic-level ranking, name, kind) — src/nlu/rankers.ts. */
    readonly ranker: IntentRanker;
    /** The same brain deciding with other thresholds (and, if given, ranking with `ranker`, e.g. one that remembers): `pufa calibrate`. */
    withThresholds(thresholds: Thresholds, ranker?: IntentRanker): Brain;
}
export interface BrainOptions {
    config: Config;
    logger?: Logger;
    /** Use this knowledge base instead of loading it from the configured folders. */
    kb?: KnowledgeBase;
    /** Skip the on-disk model cache (tests, benchmarks). */
    noCache?: boolean;
    /** Which ranking engine (src/nlu/rankers.ts); default `pufa`, the shipped one. */
    ranker?: RankerKind;
    /** Deprecated spelling of `ranker`: `vanilla` → vanilla node-nlp, `domain` → `legacy` (or `jieba` with priorWeight 0). */
    engine?: EngineKind;
    /** Weight of the legacy character topic prior (see classifier.ts). */
    priorWeight?: number;
    thresholds?: Partial<Thresholds>;
    /** Use this report guidance instead of reading `_report.yaml` from the knowledge folder. */
    reportGuide?: ReportGuide;
    /**
     * A long-running process (the bot, the terminal chat): load at start what a one-shot
     * `pufa ask` loads only as its text needs it (jieba's whole dictionary, the n-gram table;
     * 0.35–0.6 s), so that no message pays for it (README "Accuracy and speed").
     */
    longRunning?: boolean;
    /**
     * Then answer texts of its own (`warmUpTexts`, WARM_UP_PASSES times) before the first
     * message, so that the first messages after a start or a reload are not the slowest (the
     * bot: its start waits for the WeChat login anyway, and `#重载` swaps the new brain in warm).
     * Costs 0.85–0.9 s at a process's start, 0.3–0.4 s on a reload; the terminal chat, where a
     * person waits for the prompt and cannot tell 20 ms on a first answer, does without.
     */
    warmUp?: boolean;
}
/** "1", "回复1", "选2", "第二个", "2." → 1-based choice number. */
export declare function parseChoice(text: string): number | undefined;
export declare function thresholdsFrom(config: Config, override?: Partial<Thresholds>): Thresholds;
export declare function createBrain(options: BrainOptions): Promise<Brain>;
/**
 * Texts a long-running brain answers once before its first message: the first utterance of
 * every intent, and letters made of several topics' utterances (every step of a message:
 * the sentences, the letters' secondary topics). Our own data only, the same every start.
 */
export declare function warmUpTexts(kb: KnowledgeBase): string[];
