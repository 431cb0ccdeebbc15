import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { PufaError } from '../core/errors.js';
import { normalizeText } from '../core/normalize.js';
import { renderAnswer, renderClarify, renderDecline, renderEmpty } from '../render/render.js';
import { renderReportGuide, renderSecondary, renderStrayChoice, RULE_HEADING } from '../render/render-dialog.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type BrainReply, type Channel, type ClarifyChoice, type IntentScore, type SecondaryTopic, type SpeechAct } from '../core/types.js';
import { cachedCompile, loadKnowledgeBaseCached } from '../knowledge/compiled.js';
import type { AnswerEntry, KnowledgeBase } from '../knowledge/types.js';
import type { ConversationState } from '../core/types.js';
import { modelKey, readCachedModel, writeCachedModel } from './cache.js';
import { detectAct, smallTalkOf } from './acts.js';
import { intentInTopic, looksLikeFollowup, numberedSecondary, recentTopic } from './context.js';
import { DEFAULT_THRESHOLDS, decide, topicScores, type Thresholds } from './decide.js';
import { analyseLetter, hasEvidence, inScopeTopic, secondaryTopics, WHOLE_SECOND_MIN } from './letters.js';
import type { ReportGuide } from './report-guide.js';
import type { EngineKind } from './engine.js';
import { createRanker, type IntentRanker, type RankerKind } from './rankers.js';
import { urgentTopic } from './safety.js';

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
  readonly modelInfo: { source: 'cache' | 'trained'; ms: number; key: string };
  ask(text: string, options?: AskOptions): Promise<BrainReply>;
  /** Ranked intents for normalised text (no decision). */
  rank(normalized: string): Promise<IntentScore[]>;
  /** How to report a problem, per topic (knowledge/_report.yaml). */
  readonly reportGuide: ReportGuide;
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
  /** Use this report guidance instead of reading `_report.yaml` from the knowledge folder. */
  reportGuide?: ReportGuide;
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
  // Unchanged data is read compiled from the cache, without parsing YAML (src/knowledge/compiled.ts).
  const compiledDir = options.noCache ? undefined : config.PUFA_CACHE_DIR;
  const kb = options.kb ?? (await loadKnowledgeBaseCached({ intentsDir: config.PUFA_INTENTS_DIR, knowledgeDir: config.PUFA_KNOWLEDGE_DIR, cacheDir: compiledDir }));
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
  const domainTerms: ReadonlySet<string> = new Set(kb.terms);
  const guide = options.reportGuide ?? (await loadReportGuideCached(config.PUFA_KNOWLEDGE_DIR, compiledDir));

  function entryOf(intent: string): AnswerEntry {
    const entry = kb.answers.get(intent);
    if (!entry) throw new PufaError('PUFA_ERR_KNOWLEDGE', `intent ${intent} has no answer`);
    return entry;
  }

  function answerFor(intent: string, channel: Channel, score: number, normalized: string, action: 'answer' | 'out_of_scope'): BrainReply {
    const entry = entryOf(intent);
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

  /**
   * The answer to a message, framed by its act: a report gets how to report it (what to
   * include, where) before the rule; secondary topics are named in one line each.
   */
  function composeAnswer(top: IntentScore, channel: Channel, normalized: string, act: SpeechAct, secondary: readonly IntentScore[]): BrainReply {
    const reply = answerFor(top.intent, channel, top.score, normalized, 'answer');
    const include = guide.include.get(reply.topic);
    if (act === 'report' && include && !guide.selfContained.has(top.intent)) {
      const how = renderReportGuide({ intro: guide.intro, include, where: guide.where }, kb.common, channel);
      reply.reply = `${how}\n${RULE_HEADING}\n${reply.reply}`;
    }
    const named: SecondaryTopic[] = secondary.map((s) => ({ topic: s.topic, intent: s.intent, label: kb.answers.get(s.intent)?.title ?? s.intent }));
    if (named.length > 0) {
      reply.secondary = named;
      reply.reply = `${reply.reply}\n${renderSecondary(numberedSecondary(named))}`;
    }
    if (act !== 'question') reply.act = act;
    return reply;
  }

  function smallTalk(intent: string, channel: Channel, normalized: string): BrainReply | undefined {
    if (!kb.answers.has(intent)) return undefined;
    return { ...answerFor(intent, channel, 1, normalized, 'answer'), act: 'smalltalk' };
  }

  async function ask(text: string, opts: AskOptions = {}): Promise<BrainReply> {
    const channel = opts.channel ?? 'console';
    const state = opts.pending;
    const now = opts.now ?? Date.now();
    const { text: normalized, empty } = normalizeText(text, { maxChars: config.PUFA_MAX_INPUT_CHARS });
    if (empty) {
      return { action: 'clarify', intent: null, topic: CHITCHAT_TOPIC, score: 0, reply: renderEmpty(kb.common), citations: [], choices: [], urgent: false, normalized };
    }

    // A number: the choice it picks, or a hint when nothing is waiting for it (never a guess).
    const choice = parseChoice(normalized);
    if (choice !== undefined) {
      const picked = state?.choices.find((c) => c.n === choice);
      if (picked && kb.answers.has(picked.intent)) return { ...answerFor(picked.intent, channel, 1, normalized, 'answer'), resolved: 'choice' };
      const valid = (state?.choices ?? []).map((c) => c.n);
      return { action: 'answer', intent: null, topic: CHITCHAT_TOPIC, score: 0, reply: renderStrayChoice(choice, valid, kb.common), citations: [], choices: [], urgent: false, normalized, act: 'smalltalk' };
    }

    // Greetings and thanks are small talk, whatever the classifier thinks of "早上好".
    const small = smallTalkOf(normalized);
    const smallReply = small ? smallTalk(`${CHITCHAT_TOPIC}.${small}`, channel, normalized) : undefined;
    if (smallReply) return smallReply;

    const ranking = await rank(normalized);
    const emergency = urgentTopic(normalized);
    const urgentEntry = emergency ? urgentByTopic.get(emergency) : undefined;
    if (urgentEntry) return answerFor(urgentEntry.intent, channel, ranking.find((r) => r.intent === urgentEntry.intent)?.score ?? 1, normalized, 'answer');

    const act = detectAct(normalized);

    // A follow-up without a topic of its own, shortly after an answer: the previous topic.
    // Fines, statements, appeals (处罚与救济) apply to every subject: "那要去哪里交罚款？" asked
    // confidently about them is its own question, not the previous topic's.
    const decision = decide(ranking, thresholds);
    const ownAcrossTopics = decision.action === 'answer' && decision.top !== undefined && ACROSS_TOPICS.has(decision.top.topic);
    const recent = recentTopic(state, now, config.BOT_CONTEXT_TTL_SEC);
    if (recent && !ownAcrossTopics && looksLikeFollowup(normalized, domainTerms)) {
      const best = intentInTopic(ranking, recent.topic, recent.intent);
      if (best && kb.answers.has(best.intent)) return { ...composeAnswer(best, channel, normalized, act, []), resolved: 'followup' };
    }

    if (decision.action === 'answer' && decision.top?.topic === CHITCHAT_TOPIC) {
      return { ...answerFor(decision.top.intent, channel, decision.top.score, normalized, 'answer'), act: 'smalltalk' };
    }
    const whole = topicScores(ranking);
    // Sentences are ranked only where they can change the reply (not for a decline).
    const letter = decision.action === 'out_of_scope' ? { sentences: [normalized], topics: [] } : await analyseLetter(normalized, rank, whole);
    const isLetter = letter.sentences.length >= 2;

    if (act === 'progress') {
      // Complained before and nothing happened. About a named problem: report it properly
      // (topic answer + guidance) and name the progress answer; otherwise the progress answer.
      const progress = [...kb.answers.values()].find((a) => a.topic === 'hotline_report' && a.intent.endsWith('.progress'));
      const domain = [
        ...(decision.action === 'answer' && decision.top ? [{ topic: decision.top.topic, score: 1, best: decision.top }] : []),
        ...whole.filter((t) => t.score >= WHOLE_SECOND_MIN),
        ...letter.topics.map((t) => ({ topic: t.topic, score: t.score, best: t.best })),
      ].find((t) => inScopeTopic(t.topic) && hasEvidence(t.best) && t.topic !== 'hotline_report' && t.topic !== 'penalty_rights');
      if (domain && progress) {
        const others = secondaryTopics(domain.topic, whole, letter, false).filter((s) => s.topic !== 'hotline_report');
        const followUp: IntentScore = { intent: progress.intent, topic: progress.topic, score: 0 };
        return composeAnswer(domain.best, channel, normalized, 'report', [...others.slice(0, 1), followUp]);
      }
      if (progress) return composeAnswer({ intent: progress.intent, topic: progress.topic, score: whole[0]?.topic === 'hotline_report' ? whole[0].score : 0 }, channel, normalized, 'progress', []);
    }

    const secondaryFor = (primary: string): IntentScore[] =>
      secondaryTopics(primary, whole, letter, act === 'report' || isLetter).filter((s) => s.topic !== 'hotline_report' || act === 'question');

    if (decision.action === 'answer' && decision.top) {
      return composeAnswer(decision.top, channel, normalized, act, secondaryFor(decision.top.topic));
    }
    if (decision.action === 'out_of_scope') {
      if (decision.top && decision.top.topic === OUT_OF_SCOPE_TOPIC) {
        return withAct(answerFor(decision.top.intent, channel, decision.top.score, normalized, 'out_of_scope'), act);
      }
      return withAct(
        {
          action: 'out_of_scope',
          intent: null,
          topic: OUT_OF_SCOPE_TOPIC,
          score: ranking[0]?.score ?? 0,
          reply: renderDecline(kb.common),
          citations: [],
          choices: [],
          urgent: false,
          normalized,
        },
        act,
      );
    }
    const choices: ClarifyChoice[] = decision.candidates.map((c, i) => ({
      n: i + 1,
      intent: c.intent,
      topic: c.topic,
      label: kb.answers.get(c.intent)?.title ?? c.intent,
    }));
    const top = decision.top;
    // A report the bot cannot place for sure still gets how to report it, before the choices.
    const include = act === 'report' && top ? guide.include.get(top.topic) : undefined;
    const how = include ? `${renderReportGuide({ intro: guide.intro, include, where: guide.where }, kb.common, channel)}
` : '';
    return withAct(
      {
        action: 'clarify',
        intent: top?.intent ?? null,
        topic: top?.topic ?? OUT_OF_SCOPE_TOPIC,
        score: top?.score ?? 0,
        reply: `${how}${renderClarify(choices, kb.common)}`,
        citations: [],
        choices,
        urgent: false,
        normalized,
      },
      act,
    );
  }

  return { kb, thresholds, modelInfo, ask, rank, reportGuide: guide, ranker: engine };
}

/** `knowledge/_report.yaml`, compiled through the cache like the knowledge base (its reader and YAML load only on a change). */
async function loadReportGuideCached(knowledgeDir: string, cacheDir: string | undefined): Promise<ReportGuide> {
  const reader = new URL('./report-guide.js', import.meta.url);
  return cachedCompile({ cacheDir, name: 'report-guide', dirs: [knowledgeDir], code: [reader] }, async () => {
    const { loadReportGuide } = await import('./report-guide.js');
    const loaded = loadReportGuide(knowledgeDir);
    if (loaded.problems.length > 0) throw new PufaError('PUFA_ERR_KNOWLEDGE', `${loaded.problems.length} error(s) in the report guidance`, { problems: loaded.problems });
    return loaded.guide;
  });
}

/** Topics whose answers hold for any subject, so a confident follow-up about them is not read in the previous topic. */
const ACROSS_TOPICS: ReadonlySet<string> = new Set(['penalty_rights']);

function withAct(reply: BrainReply, act: SpeechAct): BrainReply {
  return act === 'question' ? reply : { ...reply, act };
}
