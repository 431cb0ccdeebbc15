import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { PufaError } from '../core/errors.js';
import { normalizeText } from '../core/normalize.js';
import { renderAnswer, renderClarify, renderDecline, renderEmpty } from '../core/render.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type BrainReply, type Channel, type ClarifyChoice, type IntentScore } from '../core/types.js';
import { loadKnowledgeBase } from '../knowledge/load.js';
import type { AnswerEntry, KnowledgeBase } from '../knowledge/types.js';
import type { ConversationState } from '../pipeline/session.js';
import { modelKey, readCachedModel, writeCachedModel } from './cache.js';
import { DEFAULT_THRESHOLDS, decide, type Thresholds } from './decide.js';
import type { EngineKind } from './engine.js';
import { createRanker, type IntentRanker, type RankerKind } from './rankers.js';
import { urgentTopic } from './safety.js';

/**
 * The brain: normalise → classify → decide → render. Text in, data out; no chat platform,
 * no Redis. `createBrain` loads the knowledge base and trains (or loads the cached model).
 */
export interface AskOptions {
  channel?: Channel;
  /** Pending clarification for this conversation, if any ("回复 1"). */
  pending?: ConversationState;
}

export interface Brain {
  readonly kb: KnowledgeBase;
  readonly thresholds: Thresholds;
  /** How the model was obtained at start-up, and how long it took. */
  readonly modelInfo: { source: 'cache' | 'trained'; ms: number; key: string };
  ask(text: string, options?: AskOptions): Promise<BrainReply>;
  /** Ranked intents for normalised text (no decision). */
  rank(normalized: string): Promise<IntentScore[]>;
  /** The ranking engine (topic-level ranking, name, kind) — src/nlu/rankers.ts. */
  readonly ranker: IntentRanker;
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
}

/** "1", "回复1", "选2", "第二个", "2." → 1-based choice number. */
export function parseChoice(text: string): number | undefined {
  const t = text.replace(/\s+/g, '');
  const digit = /^(?:回复|选|选择|第)?([1-9])(?:个|项|条)?[.。!！]?$/u.exec(t);
  if (digit?.[1]) return Number(digit[1]);
  const cn = /^(?:回复|选|选择)?第?([一二三四五六七八九])(?:个|项|条)?[.。!！]?$/u.exec(t);
  if (cn?.[1]) return '一二三四五六七八九'.indexOf(cn[1]) + 1;
  return undefined;
}

export function thresholdsFrom(config: Config, override: Partial<Thresholds> = {}): Thresholds {
  return {
    answer: override.answer ?? config.NLU_ANSWER_THRESHOLD ?? DEFAULT_THRESHOLDS.answer,
    clarify: override.clarify ?? config.NLU_CLARIFY_THRESHOLD ?? DEFAULT_THRESHOLDS.clarify,
    gap: override.gap ?? config.NLU_MIN_GAP ?? DEFAULT_THRESHOLDS.gap,
  };
}

export async function createBrain(options: BrainOptions): Promise<Brain> {
  const { config, logger } = options;
  const kb = options.kb ?? loadKnowledgeBase({ intentsDir: config.PUFA_INTENTS_DIR, knowledgeDir: config.PUFA_KNOWLEDGE_DIR });
  const kind: RankerKind =
    options.ranker ?? (options.engine === 'vanilla' ? 'vanilla' : options.engine === 'domain' ? (options.priorWeight === 0 ? 'jieba' : 'legacy') : 'pufa');
  const normalize = (s: string): string => normalizeText(s, { maxChars: config.PUFA_MAX_INPUT_CHARS }).text;
  const engine = createRanker(kind, kb.intents, { terms: kb.terms, normalize, ...(options.priorWeight !== undefined ? { priorWeight: options.priorWeight } : {}) });
  const key = modelKey({ intentsHash: kb.intentsHash, engine: kind, settings: { terms: kb.terms, maxChars: config.PUFA_MAX_INPUT_CHARS, ...engine.settings } });

  const started = performance.now();
  let source: 'cache' | 'trained' = 'trained';
  const cached = options.noCache ? undefined : readCachedModel(config.PUFA_CACHE_DIR, key, kind);
  if (cached) {
    try {
      engine.import(cached);
      source = 'cache';
    } catch (err) {
      logger?.warn({ err, key }, 'cached model unreadable; retraining');
    }
  }
  if (source === 'trained') {
    try {
      await engine.train(kb.intents);
    } catch (err) {
      throw new PufaError('PUFA_ERR_MODEL', 'training the intent model failed', { cause: err });
    }
    if (!options.noCache) {
      try {
        writeCachedModel(config.PUFA_CACHE_DIR, key, engine.export(), kind);
      } catch (err) {
        logger?.warn({ err, dir: config.PUFA_CACHE_DIR }, 'could not write the model cache; will retrain next start');
      }
    }
  }
  const modelInfo = { source, ms: Math.round(performance.now() - started), key };
  logger?.info({ ...modelInfo, intents: kb.intents.length }, 'intent model ready');

  const thresholds = thresholdsFrom(config, options.thresholds);
  const rank = (normalized: string): Promise<IntentScore[]> => engine.rank(normalized);
  /** The (first) emergency answer of each topic that has one (燃气泄漏). */
  const urgentByTopic = new Map<string, AnswerEntry>();
  for (const a of kb.answers.values()) if (a.urgent && !urgentByTopic.has(a.topic)) urgentByTopic.set(a.topic, a);

  function answerFor(intent: string, channel: Channel, score: number, normalized: string, action: 'answer' | 'out_of_scope'): BrainReply {
    const entry = kb.answers.get(intent);
    if (!entry) throw new PufaError('PUFA_ERR_KNOWLEDGE', `intent ${intent} has no answer`);
    return {
      action,
      intent,
      topic: entry.topic,
      score,
      reply: renderAnswer(entry, { channel, common: kb.common }),
      citations: entry.citations,
      choices: [],
      urgent: entry.urgent,
      normalized,
    };
  }

  async function ask(text: string, opts: AskOptions = {}): Promise<BrainReply> {
    const channel = opts.channel ?? 'console';
    const { text: normalized, empty } = normalizeText(text, { maxChars: config.PUFA_MAX_INPUT_CHARS });
    if (empty) {
      return { action: 'clarify', intent: null, topic: CHITCHAT_TOPIC, score: 0, reply: renderEmpty(kb.common), citations: [], choices: [], urgent: false, normalized };
    }

    const choice = opts.pending ? parseChoice(normalized) : undefined;
    const picked = choice !== undefined ? opts.pending?.choices.find((c) => c.n === choice) : undefined;
    if (picked) return answerFor(picked.intent, channel, 1, normalized, 'answer');

    const ranking = await rank(normalized);
    const emergency = urgentTopic(normalized);
    const urgentEntry = emergency ? urgentByTopic.get(emergency) : undefined;
    if (urgentEntry) return answerFor(urgentEntry.intent, channel, ranking.find((r) => r.intent === urgentEntry.intent)?.score ?? 1, normalized, 'answer');

    const decision = decide(ranking, thresholds);
    if (decision.action === 'answer' && decision.top) {
      return answerFor(decision.top.intent, channel, decision.top.score, normalized, 'answer');
    }
    if (decision.action === 'out_of_scope') {
      if (decision.top && decision.top.topic === OUT_OF_SCOPE_TOPIC) {
        return answerFor(decision.top.intent, channel, decision.top.score, normalized, 'out_of_scope');
      }
      return {
        action: 'out_of_scope',
        intent: null,
        topic: OUT_OF_SCOPE_TOPIC,
        score: ranking[0]?.score ?? 0,
        reply: renderDecline(kb.common),
        citations: [],
        choices: [],
        urgent: false,
        normalized,
      };
    }
    const choices: ClarifyChoice[] = decision.candidates.map((c, i) => ({
      n: i + 1,
      intent: c.intent,
      topic: c.topic,
      label: kb.answers.get(c.intent)?.title ?? c.intent,
    }));
    const top = decision.top;
    return {
      action: 'clarify',
      intent: top?.intent ?? null,
      topic: top?.topic ?? OUT_OF_SCOPE_TOPIC,
      score: top?.score ?? 0,
      reply: renderClarify(choices, kb.common),
      citations: [],
      choices,
      urgent: false,
      normalized,
    };
  }

  return { kb, thresholds, modelInfo, ask, rank, ranker: engine };
}
