import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { PufaError } from '../core/errors.js';
import { characters, normalizeText, textNormalizer } from '../core/normalize.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, PENALTY_TOPIC, type BrainReply, type Channel, type ConversationState, type EarlierSubject, type IntentScore, type SpeechAct } from '../core/types.js';
import { cachedCompile, loadKnowledgeBaseCached } from '../knowledge/compiled.js';
import type { AnswerEntry, KnowledgeBase } from '../knowledge/types.js';
import { modelKey, readCachedModel, writeCachedModel } from './cache.js';
import { approvalOnly, linkOnly, suesBureau, asks, asksAction, asksForPerson, awaitsReply, mentionOnly, readsSpokenNumbers, asksForContent, saysReplyMissed, NOISE_TOPIC, withoutFeedback, asksProgress, bareComplaint, complaintFirst, conductFirst, contestFirst, damageFirst, detectAct, permitFirst, readsOfficers, readsThrown, reportOfOneMatterFirst, smallTalkOf, SOMEONE_DOES, victimsTrade, withBuildingSoundEvidence, withConductEvidence } from './acts.js';
import { departmentAsked, hearsBuildingAtNight, otherBodyComplainedTo, withNightBuildingScope, withAdClaimScope, withAgencyScope, withChargingScope, withFarmScope, withGasBillScope, withIgnitionScope, withNoiseSourceScope, withDecorationScope, withVenueScope, withGoodsTakenScope, withPropertyScope, withOthersMatterScope, withPoliceScope, withRidingScope, withSortingScope, withVehicleScope, withFinePaymentScope, withObjectionScope, withEventSetupScope, withIncineratorScope, withStreetGrillScope, withNamedThingScope } from './scope.js';
import {
  addsReportDetail,
  asksAboutBureau,
  asksFine,
  asksFineAmount,
  asksHowToReachBureau,
  asksWhereToSendEvidence,
  contestsDecision,
  rankedText,
  correctionOf,
  referredBack,
  asksBring,
  asksFee,
  asksOurs,
  asksHowLong,
  asksRefund,
  asksGenuine,
  asksPhone,
  asksLegalBasis,
  asksProxy,
  asksWhenToCollect,
  asksWhereToComplain,
  asksWhenHandled,
  asksWhere,
  vagueMatter,
  GENERAL_FINES_INTENT,
  asksOnlyTheFine,
  choosesWithinTopic,
  followupFacts,
  followupIntent,
  intentInTopic,
  leansOnPrevious,
  asksOnlyProcedure,
  addsOnlyNoise,
  noiseOfSubject,
  asksCompensationFromBureau,
  compensationOfSubject,
  LITIGATION_INTENT,
  looksLikeFollowup,
  namesDomainTerm,
  namesAcrossTopicsMatter,
  namesMatterBesidesOthers,
  MAX_FOLLOWUP_CHARS,
  followupChars,
  ownCaseStatement,
  recentTopic,
  recentRedirect,
  saysStillNotDealtWith,
  type FollowupFacts,
  type FollowupTarget,
  type OwnCaseStatement,
  type RecentTopic,
} from './context.js';
import { DEFAULT_LETTER_CHARS, DEFAULT_THRESHOLDS, decide, thresholdsFor, topicScores, type Decision, type Thresholds, type TopicScore } from './decide.js';
import { analyseLetter, hasEvidence, inScopeTopic, MAX_SECONDARY, secondaryTopics, WHOLE_SECOND_MIN, type LetterAnalysis } from './letters.js';
import { answerReply, askedAgainReply, clarifyReply, composedAnswer, declineReply, emptyReply, focusedReply, lostFollowupReply, reportDetailReply, smallTalkReply, strayChoiceReply, waitingReply, noPersonReply, replyKit, withEmergency, type ReplyKit } from './replies.js';
import type { ReportGuide } from './report-guide.js';
import type { EngineKind } from './engine.js';
import { loadHomophones, type Homophones } from './homophones.js';
import { byScore, createRanker, type IntentRanker, type RankerKind } from './rankers.js';
import { dangerOf, urgentTopic } from './safety.js';
import { trainInThread } from './train-thread.js';

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
export function parseChoice(text: string): number | undefined {
  const t = text.replace(/\s+/g, '');
  const digit = /^(?:回复|选|选择|第)?([1-9])(?:个|项|条)?[.。!！]?$/u.exec(t);
  if (digit?.[1]) return Number(digit[1]);
  const cn = /^(?:回复|选|选择)?第?([一二三四五六七八九])(?:个|项|条)?[.。!！]?$/u.exec(t);
  if (cn?.[1]) return '一二三四五六七八九'.indexOf(cn[1]) + 1;
  return undefined;
}

export function thresholdsFrom(config: Config, override: Partial<Thresholds> = {}): Thresholds {
  const outOfScopeAlternatives = override.outOfScopeAlternatives ?? config.NLU_NOT_OURS_SHARE ?? DEFAULT_THRESHOLDS.outOfScopeAlternatives;
  const offerNotOurs = override.offerNotOurs ?? DEFAULT_THRESHOLDS.offerNotOurs;
  const sure = override.sure ?? config.NLU_SURE_THRESHOLD ?? DEFAULT_THRESHOLDS.sure;
  const generalRedirectBelow = override.generalRedirectBelow ?? DEFAULT_THRESHOLDS.generalRedirectBelow;
  const letter = override.letter ?? letterFrom(config);
  return {
    answer: override.answer ?? config.NLU_ANSWER_THRESHOLD ?? DEFAULT_THRESHOLDS.answer,
    clarify: override.clarify ?? config.NLU_CLARIFY_THRESHOLD ?? DEFAULT_THRESHOLDS.clarify,
    gap: override.gap ?? config.NLU_MIN_GAP ?? DEFAULT_THRESHOLDS.gap,
    ...(outOfScopeAlternatives !== undefined ? { outOfScopeAlternatives } : {}),
    ...(offerNotOurs !== undefined ? { offerNotOurs } : {}),
    ...(sure !== undefined ? { sure } : {}),
    ...(generalRedirectBelow !== undefined ? { generalRedirectBelow } : {}),
    ...(letter !== undefined ? { letter } : {}),
  };
}

/** The letter rule of the configuration, each part defaulting to the shipped one. */
function letterFrom(config: Config): Thresholds['letter'] {
  const shipped = DEFAULT_THRESHOLDS.letter;
  const answer = config.NLU_LETTER_ANSWER_THRESHOLD ?? shipped?.answer;
  const chars = config.NLU_LETTER_CHARS ?? shipped?.chars ?? DEFAULT_LETTER_CHARS;
  return answer === undefined ? undefined : { chars, answer };
}

/** The ranker kind asked for, including the deprecated `engine` spelling. */
function rankerKindOf(options: BrainOptions): RankerKind {
  if (options.ranker) return options.ranker;
  if (options.engine === 'vanilla') return 'vanilla';
  if (options.engine === 'domain') return options.priorWeight === 0 ? 'jieba' : 'legacy';
  return 'pufa';
}

/** The ranker, ready: loaded from the on-disk cache when its key matches, else trained (and cached). */
async function readyRanker(options: BrainOptions, kb: KnowledgeBase): Promise<{ ranker: IntentRanker; modelInfo: Brain['modelInfo'] }> {
  const { config, logger } = options;
  const kind = rankerKindOf(options);
  const normalize = textNormalizer(config.PUFA_MAX_INPUT_CHARS);
  const ranker = createRanker(kind, kb.intents, {
    terms: kb.terms,
    topicTerms: kb.topicTerms,
    normalize,
    ...(options.priorWeight !== undefined ? { priorWeight: options.priorWeight } : {}),
    ...(logger ? { log: logger } : {}),
  });
  const key = modelKey({ intentsHash: kb.intentsHash, engine: kind, settings: { terms: kb.terms, maxChars: config.PUFA_MAX_INPUT_CHARS, ...ranker.settings } });
  const started = performance.now();
  const source = importCached(options, ranker, key, kind) ? 'cache' : 'trained';
  if (source === 'trained') {
    try {
      // In a worker thread: a running bot keeps answering while it retrains.
      ranker.import(
        await trainInThread({
          kind,
          intents: kb.intents,
          terms: kb.terms,
          topicTerms: kb.topicTerms,
          maxChars: config.PUFA_MAX_INPUT_CHARS,
          ...(options.priorWeight !== undefined ? { priorWeight: options.priorWeight } : {}),
        }, logger),
      );
    } catch (err) {
      throw new PufaError('PUFA_ERR_MODEL', 'training the intent model failed', { cause: err });
    }
    if (!options.noCache) {
      try {
        writeCachedModel(config.PUFA_CACHE_DIR, key, ranker.export(), kind);
      } catch (err) {
        logger?.warn({ err, dir: config.PUFA_CACHE_DIR }, 'could not write the model cache; will retrain next start');
      }
    }
  }
  const modelInfo = { source, ms: Math.round(performance.now() - started), key } as const;
  logger?.info({ ...modelInfo, intents: kb.intents.length }, 'intent model ready');
  return { ranker, modelInfo };
}

/** True when the cached model for `key` was imported into `ranker`; an unreadable cache is retrained, not an error. */
function importCached(options: BrainOptions, ranker: IntentRanker, key: string, kind: RankerKind): boolean {
  const cached = options.noCache ? undefined : readCachedModel(options.config.PUFA_CACHE_DIR, key, kind);
  if (!cached) return false;
  try {
    ranker.import(cached);
    return true;
  } catch (err) {
    options.logger?.warn({ err, key }, 'cached model unreadable; retraining');
    return false;
  }
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

/** The terms listed for the bureau's own topics (`KnowledgeBase.topicTerms`, small talk and "not ours" left out). */
function bureauTermsOf(kb: KnowledgeBase): Set<string> {
  return new Set(Object.entries(kb.topicTerms).flatMap(([topic, terms]) => (inScopeTopic(topic) ? terms.map((t) => t.trim().toLowerCase()) : [])));
}

export async function createBrain(options: BrainOptions): Promise<Brain> {
  const { config } = options;
  // Unchanged data is read compiled from the cache, without parsing YAML (src/knowledge/compiled.ts).
  const compiledDir = options.noCache ? undefined : config.PUFA_CACHE_DIR;
  const kb = options.kb ?? (await loadKnowledgeBaseCached({ intentsDir: config.PUFA_INTENTS_DIR, knowledgeDir: config.PUFA_KNOWLEDGE_DIR, cacheDir: compiledDir }));
  const { ranker, modelInfo } = await readyRanker(options, kb);
  if (options.longRunning) ranker.preload?.();
  const guide = options.reportGuide ?? (await loadReportGuideCached(config.PUFA_KNOWLEDGE_DIR, compiledDir));
  const parts: BrainParts = {
    kit: replyKit(kb, guide),
    config,
    ranker,
    thresholds: thresholdsFrom(config, options.thresholds),
    progress: progressAnswer(kb),
    domainTerms: new Set(kb.terms),
    bureauTerms: bureauTermsOf(kb),
    followup: followupFacts(kb.answers.values()),
    homophones: await loadHomophones(kb, { cacheDir: compiledDir, ...(options.logger ? { log: options.logger } : {}) }),
  };
  if (options.warmUp) await warmUp(parts, options.logger);
  return brainOf(parts, modelInfo);
}

/** How many of `warmUpTexts`' texts are letters, and of how many utterances each. */
const WARM_UP_LETTERS = 16;
const WARM_UP_LETTER_PARTS = 8;

/**
 * Texts a long-running brain answers once before its first message: the first utterance of
 * every intent, and letters made of several topics' utterances (every step of a message:
 * the sentences, the letters' secondary topics). Our own data only, the same every start.
 */
export function warmUpTexts(kb: KnowledgeBase): string[] {
  const firsts = kb.intents.flatMap((i) => i.utterances.slice(0, 1));
  const all = kb.intents.flatMap((i) => i.utterances);
  const letters: string[] = [];
  for (let l = 0; l < WARM_UP_LETTERS && all.length > 0; l += 1) {
    const parts: string[] = [];
    for (let k = 0; k < WARM_UP_LETTER_PARTS; k += 1) parts.push(all[(l * 37 + k * 311) % all.length] as string);
    letters.push(parts.join('。'));
  }
  return [...firsts, ...letters];
}

/**
 * How many times a long-running brain answers `warmUpTexts` before its first message. V8
 * compiles the hot functions of a message's steps (askBrain, the ranking, the tokenizer, the
 * centroids) with its optimising compiler only after several hundred messages: in a fresh
 * process the first ~800 messages took 2–3 times as long as the rest (passes of the 111 texts
 * took ~125 ms each until the seventh, then ~45 ms), and the first 500 messages' p99 was
 * 4–6 ms against ~1.3 ms after (our own sets; README "Accuracy and speed").
 * Eight passes take ~0.7 s in a fresh process and ~0.25 s on a reload in a warm one.
 */
const WARM_UP_PASSES = 8;

/**
 * The first messages a fresh brain answers are several times slower than the rest (its
 * tables and node-nlp's structures are first read, some built, on first use: ~70 ms over the
 * first 30 messages, the first alone ~18 ms, measured on a fresh brain in a warm process; and
 * in a fresh process the code itself is not yet optimised: WARM_UP_PASSES), so a long-running
 * brain answers `warmUpTexts` first: no citizen waits for that, and the bot swaps a reloaded
 * brain in only when it is warm. Replies are pure: nothing is recorded, and what the ranker
 * remembers of a text is the same whenever it is asked.
 */
async function warmUp(parts: BrainParts, logger: Logger | undefined): Promise<void> {
  const started = performance.now();
  const texts = warmUpTexts(parts.kit.kb);
  let failed = 0;
  for (let pass = 0; pass < WARM_UP_PASSES; pass += 1) {
    for (const [i, text] of texts.entries()) {
      try {
        await askBrain(parts, text, { channel: i % 2 === 0 ? 'room' : 'private' });
      } catch (err) {
        // A text of our own the brain cannot answer is a fault to fix, not a reason not to start.
        if (failed === 0) logger?.warn({ err, intentText: text.slice(0, 40) }, 'warm-up: a text of our own failed');
        if (pass === 0) failed += 1;
      }
    }
  }
  parts.ranker.forget?.();
  logger?.info({ texts: texts.length, passes: WARM_UP_PASSES, failed, ms: Math.round(performance.now() - started) }, 'brain warmed up');
}

function brainOf(parts: BrainParts, modelInfo: Brain['modelInfo']): Brain {
  return {
    kb: parts.kit.kb,
    thresholds: parts.thresholds,
    modelInfo,
    ask: (text, opts) => askBrain(parts, text, opts),
    rank: (normalized) => parts.ranker.rank(normalized),
    reportGuide: parts.kit.guide,
    ranker: parts.ranker,
    withThresholds: (thresholds, ranker) => brainOf({ ...parts, thresholds, ranker: ranker ?? parts.ranker }, modelInfo),
  };
}

/** Everything `ask` needs, fixed at start-up. */
interface BrainParts {
  kit: ReplyKit;
  config: Config;
  ranker: IntentRanker;
  thresholds: Thresholds;
  /** The answer for a complaint that came to nothing (`hotline_report.progress`), if the knowledge base has one. */
  progress: AnswerEntry | undefined;
  domainTerms: ReadonlySet<string>;
  /** The terms of the bureau's own topics (not small talk's 小助手, nor other departments'). */
  bureauTerms: ReadonlySet<string>;
  /** What the answers state of fines and time limits, for follow-ups such as "那罚多少钱？" and "多久之内" (context.ts). */
  followup: FollowupFacts;
  /** Homophone slips of domain terms (违见 → 违建), src/nlu/homophones.ts. */
  homophones: Homophones;
}

/** One message as the steps of `ask` see it: its normalised text, channel, conversation state, and the previous answer's topic if recent enough to lean on. */
interface Turn {
  normalized: string;
  channel: Channel;
  state: ConversationState | undefined;
  recent: RecentTopic | undefined;
  /** The other department the last reply sent the citizen to, if recent (`recentRedirect`). */
  redirect: string | undefined;
  /** The message's ranking (`scopedRanking`), computed once by whichever step asks first. */
  ranking(): Promise<IntentScore[]>;
}

/**
 * The steps of a message, in order; the first that has a reply wins:
 * empty (approval thanked, a bare @mention greeted) → (homophone slips read as the terms) → a
 * number (the choice, or a hint) → waiting for the bureau to come back (told nothing was passed
 * on) → greetings and thanks → "不是这个" (the previous question's other answers) → how to reach the
 * bureau, a complaint naming no matter, details added to the problem just answered, or the
 * citizen answering for their own case → (the ranking, of the text without what it denies) →
 * an emergency → a follow-up in the previous topic (or a short question back that the
 * previous topic settles, or words added to a question back still open) → small talk the
 * model recognised → a complaint's progress → a matter named with no question about it (its
 * answers to choose from) → the decision (answer, decline, or ask back). Last, danger to a
 * person told in the message (`dangerOf`) puts the emergency lines first: before the bureau's
 * own answer, or instead of anything else (`withEmergency`).
 */
async function askBrain(p: BrainParts, text: string, opts: AskOptions = {}): Promise<BrainReply> {
  const { text: written, empty } = normalizeText(text, { maxChars: p.config.PUFA_MAX_INPUT_CHARS });
  // Only emoji: approval (👍, [抱拳]) is thanked; anything else is shown what the bot can do.
  // Only @mentions ("@普法助手"): called on, nothing asked yet — greeted, as "在吗" is.
  // Only a link ("https://… 你们看看这个"): asked to say it in words, as for a picture.
  if (empty || linkOnly(text)) {
    const kind = approvalOnly(text) ? 'thanks' : mentionOnly(text) ? 'greeting' : undefined;
    return (kind ? smallTalkReply(p.kit, `${CHITCHAT_TOPIC}.${kind}`, opts.channel ?? 'console', written) : undefined) ?? emptyReply(p.kit, written);
  }
  // A homophone slip of a domain term (违见) is understood as the term, 丢 thrown as 扔 (乱丢垃圾), a service
  // number said in numerals (一二三四五) as the number; what was written stays the citizen's.
  const normalized = readsSpokenNumbers(readsThrown(readsOfficers(p.homophones.correct(written).text)));
  // The ranker's memos of the last message are dropped: they are for one message's repeated work.
  p.ranker.forget?.();
  const understood = await understand(p, normalized, opts);
  // Danger to a person (someone on a roof, a knife, a collapse): the emergency numbers first, whatever the steps made of it.
  const danger = dangerOf(normalized);
  const reply = danger ? withEmergency(p.kit, danger, understood) : understood;
  return normalized === written ? reply : { ...reply, normalized: written, understood: normalized };
}

/** The steps after normalising (and reading slips), on the text as understood. */
async function understand(p: BrainParts, normalized: string, opts: AskOptions): Promise<BrainReply> {
  let ranked: Promise<IntentScore[]> | undefined;
  const turn: Turn = {
    normalized,
    channel: opts.channel ?? 'console',
    state: opts.pending,
    recent: recentTopic(opts.pending, opts.now ?? Date.now(), p.config.BOT_CONTEXT_TTL_SEC),
    redirect: recentRedirect(opts.pending, opts.now ?? Date.now(), p.config.BOT_CONTEXT_TTL_SEC),
    ranking: () => (ranked ??= scopedRanking(p, normalized)),
  };

  const byNumber = numberReply(p, turn);
  if (byNumber) return byNumber;
  // Waiting for the bureau to come back ("那我等你们消息"): nothing was passed on — said so, not thanked.
  if (awaitsReply(normalized)) return waitingReply(p.kit, normalized);
  // A person or a call back asked for ("能不能转人工", "我不会打字 能不能打电话给我"), no matter named: the lines where a person answers.
  if (asksForPerson(normalized) && !namesDomainTerm(normalized, p.bureauTerms)) return noPersonReply(p.kit, normalized);
  // Greetings and thanks are small talk, whatever the classifier thinks of "早上好".
  const small = smallTalkOf(normalized);
  // "答非所问" right after an answer: like "不是这个", the question's other answers to choose from. ("看不懂",
  // "等于白说" say the reply was hard to follow or of no use: the apology, and a person at 12319.)
  const unhelped = small === 'feedback' && saysReplyMissed(normalized) ? await otherAnswersReply(p, turn) : undefined;
  if (unhelped) return unhelped;
  const smallReply = small ? smallTalkReply(p.kit, `${CHITCHAT_TOPIC}.${small}`, turn.channel, normalized) : undefined;
  if (smallReply) return smallReply;
  // A joke or a song asked for: declined like a writing request, whatever the model thinks of 讲.
  const content = asksForContent(normalized) ? redirectReply(p, turn, CONTENT_REDIRECT) : undefined;
  if (content) return content;
  // A word about the bot's reply beside a question ("你说的我听不懂 到底能不能停人行道"): the question, in the
  // conversation, not holding to the answer that did not help (`understandMeant`, as after a correction).
  const meant = withoutFeedback(normalized);
  if (meant !== undefined) return understandMeant(p, meant, opts);

  const back = await backReferenceReply(p, turn);
  if (back) return back;
  const corrected = await correctionReply(p, turn, opts);
  if (corrected) return corrected;

  // A whole-message rule, like small talk: no ranking needed (nor urgent: it names no matter).
  const bare = bureauContactReply(p, turn) ?? departmentContactReply(p, turn) ?? suesBureauReply(p, turn) ?? bareComplaintReply(p, turn) ?? basisReply(p, turn) ?? proxyReply(p, turn) ?? reportDetailStep(p, turn) ?? ownCaseStep(p, turn);
  if (bare) return bare;

  const ranking = await turn.ranking();
  const urgent = urgentReply(p, turn, ranking);
  if (urgent) return urgent;

  const act = detectAct(normalized);
  const thresholds = thresholdsFor(p.thresholds, characters(normalized));
  // A complaint naming officers' misconduct that the conduct topic leads is answered on conduct,
  // a dispute of one's own fine on the rights against it, not asked back.
  // Within the topic, the permit answer for where or whether it is allowed, the complaint answer for a blow or a bribe.
  const hasAnswer = (intent: string): boolean => p.kit.kb.answers.has(intent);
  const decided = contestFirst(conductFirst(decideNotSmallTalk(p, ranking, thresholds, normalized, turn.recent?.topic), ranking, normalized, thresholds.answer), normalized, ranking);
  const decision = reportOfOneMatterFirst(damageFirst(complaintFirst(permitFirst(decided, normalized, hasAnswer), normalized, hasAnswer), normalized, hasAnswer), act);
  const followup =
    addedNoiseReply(p, turn, act) ??
    compensationFollowup(p, turn, act) ??
    (await followupReply(p, turn, ranking, decision, act)) ?? contextChoiceReply(p, turn, decision, act) ?? (await settledChoiceReply(p, turn, decision, act)) ?? continuationReply(p, turn, ranking, decision, act) ?? pendingDetailReply(p, turn, decision);
  if (followup) return followup;
  const lost = lostFollowup(p, turn, decision);
  if (lost) return lost;
  if (decision.action === 'answer' && decision.top?.topic === CHITCHAT_TOPIC) {
    return { ...answerReply(p.kit, decision.top.intent, turn.channel, decision.confidence, normalized), act: 'smalltalk' };
  }

  const whole = topicScores(ranking);
  // Sentences are ranked only where they can change the reply: an answer (its secondary
  // topics) or a complaint's progress that was not declined; a question back or a decline
  // does not name them.
  const named = decision.action === 'answer' || (act === 'progress' && decision.action === 'clarify');
  // Answered, its topic is never named again (secondaryTopics; progressReply takes the decision's topic first).
  const answered = decision.action === 'answer' ? decision.top?.topic : undefined;
  const letter = named ? await analyseLetter(normalized, p.ranker, whole, answered) : { sentences: [normalized], topics: [] };
  // The model may recognise a complaint about progress the wording rules did not ("打了好几次
  // 12345还是老样子"): it is answered the same way, on the problem it names when there is one.
  const progressAnswered = decision.action === 'answer' && decision.top?.topic === 'hotline_report' && decision.top.intent.endsWith('.progress');
  if (act === 'progress' || progressAnswered) {
    const progress = progressReply(p, turn, decision, whole, letter);
    if (progress) return progress;
  }
  return subjectFineReply(p, turn, decision, act) ?? aspectChoiceReply(p, turn, decision, ranking) ?? decidedReply(p, turn, decision, act, whole, letter);
}

/** How many of a topic's answers a question about the topic alone offers. */
const ASPECT_CHOICES = 3;

/**
 * "我想问下违建的事", "咨询一下占道经营": the matter alone, with no question about it (`vagueMatter`).
 * Its answers are several (what it is, how to report it, the penalty…), and the model's pick
 * among them is a guess (the demolition procedure, the penalty): the topic's answers offered
 * instead, best first. Only when the words named are the answered topic's alone.
 */
function aspectChoiceReply(p: BrainParts, turn: Turn, decision: Decision, ranking: readonly IntentScore[]): BrainReply | undefined {
  const top = decision.top;
  if (decision.action !== 'answer' || !top || !isMatterTopic(top.topic)) return undefined;
  const subject = vagueMatter(turn.normalized);
  if (!subject) return undefined;
  const evident = [...(p.ranker.evidentTopics?.(subject) ?? [])].filter(inScopeTopic);
  if (evident.length !== 1 || evident[0] !== top.topic) return undefined;
  const choices = ranking.filter((s) => s.topic === top.topic && p.kit.kb.answers.has(s.intent)).slice(0, ASPECT_CHOICES);
  if (choices.length < 2) return undefined;
  return clarifyReply(p.kit, choices, choices[0], turn.normalized, 'question', turn.channel);
}

/**
 * "城管说我烧烤要罚款", "夜市摆摊会不会罚": whether, or how much, a fine for a matter the text names.
 * The model answers the fines topic (罚款 is its word) with how to pay; the fine is the matter's:
 * its fines answer (as "那罚多少钱" after it gets), the general answer named after it. Only when
 * the model gave the general fines answer and the text has a word for exactly one matter whose
 * answers state a fine.
 */
function subjectFineReply(p: BrainParts, turn: Turn, decision: Decision, act: SpeechAct): BrainReply | undefined {
  const top = decision.top;
  // Only in place of the general fines answer (罚款标准与缴纳): a question about stating one's case or appealing is that.
  if (decision.action !== 'answer' || !top || top.intent !== GENERAL_FINES_INTENT || !asksFineAmount(turn.normalized)) return undefined;
  const subjects = [...(p.ranker.evidentTopics?.(turn.normalized) ?? [])].filter((t) => isMatterTopic(t) && p.followup.fineIntents.has(t));
  const intent = subjects.length === 1 ? p.followup.fineIntents.get(subjects[0] as string)?.[0] : undefined;
  if (!intent || !p.kit.kb.answers.has(intent)) return undefined;
  return composedAnswer(p.kit, { intent, topic: subjects[0] as string, score: decision.confidence }, turn.channel, turn.normalized, act, [top]);
}

/**
 * The ranker's ranking with the rules of what the text names: a complaint about officers' conduct
 * is evidence for that topic (acts.ts), whatever words jieba found; a motor vehicle's parking is
 * the traffic police's, wherever it parks, and so is how a bike is ridden (带人, 头盔, 上牌); a
 * fine, seizure or officer of the police alone is the police's, of another department alone
 * (市场监管, 税务, points on a licence) that department's; an e-bike charged in a stairwell is the
 * fire service's, a stove that will not light a repair, not a leak, a gas bill the gas
 * company's; wages owed, a fight or a theft another's, an advertisement's claims the market
 * regulator's; a question which bin an item goes in is waste sorting's (scope.ts). The message
 * and a follow-up joined to its previous question are ranked alike. Wording that names officers'
 * misconduct, or building work by its sound (打桩, 电焊), is evidence for that topic (acts.ts).
 */
async function scopedRanking(p: BrainParts, text: string): Promise<IntentScore[]> {
  // What the text says its matter is not is no evidence for it ("这些都是汽车，不是电动车和单车");
  // what it says it only asks is its question ("我只想问缺斤少两找谁").
  const ranked = rankedText(text);
  let ranking = withBuildingSoundEvidence(withConductEvidence(await p.ranker.rank(ranked), ranked), ranked);
  for (const rule of SCOPE_RULES) ranking = rule(ranking, ranked);
  return ranking;
}

/** What the text names decides whose matter it is (scope.ts), in this order. */
const SCOPE_RULES: readonly ((ranking: IntentScore[], normalized: string) => IntentScore[])[] = [withVehicleScope, withRidingScope, withChargingScope, withPoliceScope, withAgencyScope, withIgnitionScope, withGasBillScope, withNoiseSourceScope, withDecorationScope, withVenueScope, withGoodsTakenScope, withPropertyScope, withOthersMatterScope, withFarmScope, withAdClaimScope, withSortingScope, withNightBuildingScope, withFinePaymentScope, withObjectionScope, withEventSetupScope, withIncineratorScope, withStreetGrillScope, withNamedThingScope];

/** The earlier question and the citizen's next message read as one text (a follow-up, or words after a question back). */
function joined(question: string, normalized: string): string {
  return `${question}，${normalized}`;
}

/** "1", "回复2": the pending choice it picks, or a hint when nothing is waiting for it (never a guess). */
function numberReply(p: BrainParts, turn: Turn): BrainReply | undefined {
  const choice = parseChoice(turn.normalized);
  if (choice === undefined) return undefined;
  const picked = turn.state?.choices.find((c) => c.n === choice);
  // "Not ours" offered as a choice (decide.ts offerNotOurs) is answered as the decline it is: its redirect.
  const action = picked?.topic === OUT_OF_SCOPE_TOPIC ? 'out_of_scope' : 'answer';
  if (picked && p.kit.kb.answers.has(picked.intent)) return { ...answerReply(p.kit, picked.intent, turn.channel, 1, turn.normalized, action), resolved: 'choice' };
  return strayChoiceReply(p.kit, choice, (turn.state?.choices ?? []).map((c) => c.n), turn.normalized, turn.recent?.intent);
}

/** A message that plainly reports an emergency (a gas leak) gets its emergency steps first. */
function urgentReply(p: BrainParts, turn: Turn, ranking: readonly IntentScore[]): BrainReply | undefined {
  const emergency = urgentTopic(turn.normalized);
  const entry = emergency ? p.kit.urgentByTopic.get(emergency) : undefined;
  if (!entry) return undefined;
  const total = topicScores(ranking).find((t) => t.topic === entry.topic)?.score;
  return answerReply(p.kit, entry.intent, turn.channel, total ?? 1, turn.normalized);
}

/**
 * A follow-up without a topic of its own, shortly after an answer: the previous topic.
 * Fines, statements, appeals (处罚与救济) apply to every subject: "对处罚不服怎么办" asked
 * confidently about them is its own question, not the previous topic's — except the amount
 * of the fine ("会罚款吗", "那罚多少钱"), which is the previous subject's.
 */
async function followupReply(p: BrainParts, turn: Turn, ranking: readonly IntentScore[], decision: Decision, act: SpeechAct): Promise<BrainReply | undefined> {
  const ownAcrossTopics =
    decision.action === 'answer' && decision.top !== undefined && ACROSS_TOPICS.has(decision.top.topic) && !asksFine(turn.normalized) && namesAcrossTopicsMatter(turn.normalized, p.domainTerms);
  const recent = turn.recent;
  if (!recent || ownAcrossTopics || !looksLikeFollowup(turn.normalized, p.domainTerms)) return undefined;
  // Its own words, more than a few, answered surely on another subject the text has a word for ("那个凶我的人 我能投诉他不"
  // after the seized scale: officers' conduct): a question of its own, not more about the last one.
  // Fines and appeals (ACROSS_TOPICS) and complaints' progress hold for every subject: those stay follow-ups.
  const top = decision.top;
  if (decision.action === 'answer' && top && top.topic !== recent.topic && inScopeTopic(top.topic) && !ACROSS_TOPICS.has(top.topic) && top.topic !== 'hotline_report' && hasEvidence(top) && decision.confidence >= FOLLOWUP_OWN_SURE && followupChars(turn.normalized) >= FOLLOWUP_OWN_CHARS) return undefined;
  // "能借钱不" after the gas-cylinder answer asks like a follow-up, but its words name another
  // department's matter (借钱): declined with that redirect, as without the previous answer — unless
  // read with the previous question it is still about that subject ("能不能退给我" after a seized
  // scale: 退 is a word of deposits and online shopping). Only a ranker that knows the text's words
  // for each topic (evidentTopics) can tell; for one that does not (the anchor), every decline would look named.
  const declinedNamed = decision.action === 'out_of_scope' && decision.top?.topic === OUT_OF_SCOPE_TOPIC && p.ranker.evidentTopics?.(turn.normalized).has(OUT_OF_SCOPE_TOPIC) === true;
  // Asking what to bring for the subject just answered ("要交么资料" after the night-work permit: 资料 is a
  // word of tax questions) names no other department's matter unless a domain term does, which a follow-up has none of.
  // (Asking where — "能退吗 找哪个" after money paid to a fake gas inspector — may well be another department's.)
  // How long it takes ("办下来要几多天" after a sign's permit: 办 read as civil affairs) is the subject's time.
  // Money paid to the bureau coming back ("要是先交了钱 后面赢了退不退" after an appeal: 退 read as a bike deposit)
  // is the fine's or the seizure's; money paid to someone else ("已经给了钱了 能退吗 找哪个" after a fake gas
  // inspector) may well be another department's.
  // A fee for it ("还要交保管费吗" after seized goods: 保管费 read as a 医保 premium), or whether what was told
  // of is genuine ("这个是真的还是骗子" after a door-to-door gas "inspection": 骗子 read as the police's), is the subject's too.
  const asksPart = asksBring(turn.normalized) || asksFee(turn.normalized) || asksGenuine(turn.normalized) || asksOurs(turn.normalized) || asksHowLong(turn.normalized) || (REFUNDED_BY_US.has(recent.topic) && asksRefund(turn.normalized));
  if (declinedNamed && !asksPart && (decision.confidence >= ELSEWHERE_SURE || (await jointTopic(p, turn)) !== recent.topic)) return undefined;
  let target = followupIntent(p.followup, ranking, recent, turn.normalized);
  const previous = turn.state?.question;
  // The previous question joined to the follow-up is ranked only when it can matter: the subject
  // can move only to a topic the follow-up alone ranks above the previous one (`shiftedTopic`),
  // and it chooses the intent only when the follow-up's own words choose none.
  const canMove = topicScores(ranking)[0]?.topic !== recent.topic;
  const choosesNone = !choosesWithinTopic(ranking, recent.topic);
  if (target?.byRanking && previous && (canMove || choosesNone)) {
    const jointRanking = await scopedRanking(p, joined(previous, turn.normalized));
    const shifted = canMove ? shiftedTopic(jointRanking, ranking, recent.topic, p.thresholds) : undefined;
    if (shifted) return { ...composedAnswer(p.kit, shifted, turn.channel, turn.normalized, act, []), resolved: 'followup', moved: true };
    // "要带什么去领" after "电瓶车被城管拖走了": its words choose no intent of the topic, so the
    // previous question, joined to it, chooses (the towing answer, not the first of equals).
    const joint = choosesNone ? intentInTopic(jointRanking, recent.topic, recent.intent) : undefined;
    if (joint) target = { best: { ...joint, score: target.best.score } };
  }
  return target ? followupAnswer(p, turn, target, act) : undefined;
}

/**
 * Noise added to the subject just answered ("晚上还很吵" after the barbecue stall's fumes, "还很吵"
 * after a restaurant's, "晚上也很吵" after muck trucks): that subject's noise answer
 * (`noiseOfSubject`). Before, the first got the decoration-noise answer its words alone lean to,
 * the others the previous answer again. The subject moves to noise; the previous one stays among
 * the earlier subjects.
 */
function addedNoiseReply(p: BrainParts, turn: Turn, act: SpeechAct): BrainReply | undefined {
  const recent = turn.recent;
  if (!recent || recent.topic === NOISE_TOPIC || !inScopeTopic(recent.topic) || !addsOnlyNoise(turn.normalized)) return undefined;
  return newMatterOfSubject(p, turn, act, noiseOfSubject(recent.topic));
}

/**
 * Compensation asked right after the citizen told of the bureau acting on them ("城管把我三轮车扣了",
 * then "我要赔偿"; "我店门口的招牌被城管拆了", then "能要求赔偿吗"): the answer that says when the
 * bureau makes good a loss (`compensationOfSubject`). Before, "我要赔偿" was declined as a labour
 * matter. The subject moves to that answer's topic.
 */
function compensationFollowup(p: BrainParts, turn: Turn, act: SpeechAct): BrainReply | undefined {
  const recent = turn.recent;
  if (!recent || !inScopeTopic(recent.topic) || !asksCompensationFromBureau(turn.normalized, turn.state?.question)) return undefined;
  return newMatterOfSubject(p, turn, act, compensationOfSubject(recent.topic));
}

/** The answer `intent` as a follow-up that moves the conversation's subject to its topic (undefined when the knowledge base lacks it). */
function newMatterOfSubject(p: BrainParts, turn: Turn, act: SpeechAct, intent: string): BrainReply | undefined {
  const entry = p.kit.kb.answers.get(intent);
  if (!entry) return undefined;
  return { ...composedAnswer(p.kit, { intent, topic: entry.topic, score: 1 }, turn.channel, turn.normalized, act, []), resolved: 'followup', moved: true };
}

/** The part of the answer just given that a follow-up asks for: where to go, what to bring, or when it is dealt with. */
function partAskedAgain(normalized: string): 'where' | 'bring' | 'progress' | undefined {
  if (asksWhere(normalized)) return 'where';
  if (asksBring(normalized)) return 'bring';
  return asksWhenHandled(normalized) ? 'progress' : undefined;
}

/**
 * "去哪里办", "要带什么", "多久能处理" answered by the answer just given: the part of it that says
 * so, not all of it again. Undefined when `top` is not that answer, or the text asks for no part
 * of it, or the answer has none (then it is given whole).
 */
function partOfAnswerJustGiven(p: BrainParts, turn: Turn, top: IntentScore): BrainReply | undefined {
  const part = partAskedOf(turn, top);
  return part ? focusedReply(p.kit, top, turn.normalized, part) : undefined;
}

/** The part a message asks for (`partAskedAgain`) of the answer just given, when `top` is that answer. */
function partAskedOf(turn: Turn, top: IntentScore): 'where' | 'bring' | 'progress' | undefined {
  return top.intent === turn.recent?.intent ? partAskedAgain(turn.normalized) : undefined;
}

/** The progress answer (how a complaint goes on, how to chase it) as a follow-up, the subject kept for what follows. */
function progressFollowup(p: BrainParts, turn: Turn): BrainReply | undefined {
  const progress = p.progress;
  if (!progress) return undefined;
  return { ...composedAnswer(p.kit, { intent: progress.intent, topic: progress.topic, score: 1 }, turn.channel, turn.normalized, 'progress', []), resolved: 'followup' };
}

/** The reply to a follow-up in the previous topic: only the sentences it asks about (fines, time limits, a part of the answer just given), or the whole answer. */
function followupAnswer(p: BrainParts, turn: Turn, target: FollowupTarget, act: SpeechAct): BrainReply | undefined {
  if (!p.kit.kb.answers.has(target.best.intent)) return undefined;
  const part = target.focus ?? partAskedOf(turn, target.best);
  const focused = part ? focusedReply(p.kit, target.best, turn.normalized, part) : undefined;
  if (focused) return { ...focused, resolved: 'followup' };
  // "城管多久能来" after the stall's fine: when it is dealt with, which that answer does not say —
  // how a report goes on (its work order, its progress), not the fine again. Not about the
  // citizen's own goods or fine ("什么时候处理" after "我的三轮车被城管扣了" asks about the goods).
  // After a question, not a report ("旧床垫么样处理", then "几天能来拖走"), there is no complaint to chase.
  const progress = part === 'progress' && !OWN_CASE_TOPICS.has(target.best.topic) && turn.recent?.act !== 'question' ? progressFollowup(p, turn) : undefined;
  return progress ?? answerAgain(p, turn, target.best, act);
}

/**
 * The answer to `top` for a message that adds to the conversation: when it is the answer just
 * given (the message chose no part of it and no other answer: "是不是超过期限了" after the
 * seizure's time limits, "有十几年了" after one's own case), its gist with a line saying so and
 * the topic's other answers named (`askedAgainReply`), not the whole text again; an emergency's
 * steps are given whole. Any other answer whole.
 */
function answerAgain(p: BrainParts, turn: Turn, top: IntentScore, act: SpeechAct): BrainReply {
  const again = top.intent === turn.recent?.intent && p.kit.kb.answers.get(top.intent)?.urgent !== true ? askedAgainReply(p.kit, top, turn.normalized, act === 'report' ? 'report' : 'question') : undefined;
  return { ...(again ?? composedAnswer(p.kit, top, turn.channel, turn.normalized, act, [])), resolved: 'followup' };
}

/**
 * The subject's next matter: "多久不领会被处理" after "被扣的电动车" (answered on parking) asks
 * about the seized vehicle. The previous question joined to the follow-up is answered
 * confidently on another bureau topic, one the text has a word for, and the follow-up alone
 * ranks that topic above the previous one: its own words moved the subject, not the previous
 * question's other topics. Then the follow-up is answered there.
 */
function shiftedTopic(joint: readonly IntentScore[], alone: readonly IntentScore[], previousTopic: string, thresholds: Thresholds): IntentScore | undefined {
  const decision = decide(joint, thresholds);
  const top = decision.top;
  if (decision.action !== 'answer' || !top || top.topic === previousTopic || !inScopeTopic(top.topic) || !hasEvidence(top)) return undefined;
  const own = topicScores(alone);
  const rankOf = (topic: string): number => {
    const i = own.findIndex((t) => t.topic === topic);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  return rankOf(top.topic) < rankOf(previousTopic) ? { ...top, score: decision.confidence } : undefined;
}

/**
 * A short message the model would ask back about, one of whose choices is the topic just
 * answered: the conversation settles it ("不审批会怎样" right after the shop-sign answer is about
 * shop signs, not a choice among signs, building and 渣土 permits). Only a choice the text has a
 * word for is offered at all (decide.ts), so an unrelated question is still asked back. A
 * message disputing the decision ("我觉得不合理 想申辩") is settled on the rights against it
 * (罚款与救济) when that is offered, whatever the matter was.
 */
function contextChoiceReply(p: BrainParts, turn: Turn, decision: Decision, act: SpeechAct): BrainReply | undefined {
  if (decision.action !== 'clarify' || followupChars(turn.normalized) > MAX_FOLLOWUP_CHARS) return undefined;
  const recent = turn.recent;
  // Disputing the decision just discussed ("我觉得不合理 想申辩" after a towed e-bike's fine): the rights against it, when offered.
  const rights = contestsDecision(turn.normalized) ? decision.candidates.find((c) => ACROSS_TOPICS.has(c.topic)) : undefined;
  const choice = rights ?? (recent && decision.candidates.find((c) => c.topic === recent.topic));
  if (!recent || !choice || !p.kit.kb.answers.has(choice.intent)) return undefined;
  return { ...composedAnswer(p.kit, choice, turn.channel, turn.normalized, act, []), resolved: 'followup' };
}

/**
 * The citizen's next words after a question back, instead of a number: "单子上写的十五天" after
 * "烤红薯的炉子被城管弄走了" was asked back (暂扣 or 露天烧烤?). A short message that is not a
 * question of its own (no confident answer or redirect it has a word for) is read joined to the
 * question the choices were offered for; when that answers one of the topics offered, the choice
 * is settled: the answer, counted as the reply to the question back (it was declined as a 婚姻
 * question). Otherwise the message is answered on its own words.
 */
async function settledChoiceReply(p: BrainParts, turn: Turn, decision: Decision, act: SpeechAct): Promise<BrainReply | undefined> {
  const state = turn.state;
  if (!state || state.choicesFor !== 'clarify' || state.choices.length === 0 || !state.question) return undefined;
  if (followupChars(turn.normalized) > MAX_FOLLOWUP_CHARS) return undefined;
  const top = decision.top;
  if ((decision.action === 'answer' || decision.action === 'out_of_scope') && top && top.topic !== CHITCHAT_TOPIC && hasEvidence(top)) return undefined;
  const offered = new Set(state.choices.map((c) => c.topic).filter(inScopeTopic));
  if (offered.size === 0) return undefined;
  const jointRanking = await scopedRanking(p, joined(state.question, turn.normalized));
  const joint = decide(jointRanking, p.thresholds);
  const settled = joint.top ? offeredWithin(joint.top, jointRanking, state.choices) : undefined;
  if (joint.action === 'answer' && settled && offered.has(settled.topic) && p.kit.kb.answers.has(settled.intent)) {
    return { ...composedAnswer(p.kit, { ...settled, score: joint.confidence }, turn.channel, turn.normalized, act, []), resolved: 'choice' };
  }
  return undefined;
}

/**
 * The choice a settled question back lands on: the intent offered in the settled topic, when one
 * was ("路边有人卖菜" asked back with 举报摊贩占道经营, then "我是说他们占了盲道": that report, not 出店经营,
 * which the joined text ranked 0.16 against 0.15 and the citizen was never offered); the
 * joined text's best of the topic when none was.
 */
function offeredWithin(top: IntentScore, ranking: readonly IntentScore[], choices: readonly { intent: string }[]): IntentScore {
  const offered = new Set(choices.map((c) => c.intent));
  if (offered.has(top.intent)) return top;
  const best = ranking.filter((s) => s.topic === top.topic && offered.has(s.intent)).sort(byScore)[0];
  return best ? { ...best, score: top.score } : top;
}

/**
 * Words added while a question back is open, that neither pick nor settle it and name no matter
 * of their own ("今天早上又来了", "拍了照片" after a letter was asked back): the same question
 * again, its choices kept, instead of reading the words alone (the weather redirect, and the
 * choices lost). Counted with the open question, not as one more (`resolved: 'detail'`).
 */
function pendingDetailReply(p: BrainParts, turn: Turn, decision: Decision): BrainReply | undefined {
  const state = turn.state;
  if (!state || state.choicesFor !== 'clarify' || state.choices.length === 0) return undefined;
  if (followupChars(turn.normalized) > MAX_FOLLOWUP_CHARS) return undefined;
  const top = decision.top;
  if ((decision.action === 'answer' || decision.action === 'out_of_scope') && top && top.topic !== CHITCHAT_TOPIC && hasEvidence(top)) return undefined;
  // A question back of its own on a topic the open one did not offer is a new matter.
  const offered = new Set(state.choices.map((c) => c.topic));
  if (decision.action === 'clarify' && !decision.candidates.some((c) => offered.has(c.topic))) return undefined;
  const choices = state.choices.filter((c) => p.kit.kb.answers.has(c.intent)).map((c): IntentScore => ({ intent: c.intent, topic: c.topic, score: 0 }));
  if (choices.length === 0) return undefined;
  return { ...clarifyReply(p.kit, choices, choices[0], turn.normalized, 'question', turn.channel, '收到您补充的情况。'), resolved: 'detail' };
}

/** The hotline topic's answer of how and where to complain (12319, 12345). */
const HOTLINE_INTENT = 'hotline_report.hotline';
/** The redirect a joke, a story or a song asked for gets (`asksForContent`): not the bureau's, like a poem. */
const CONTENT_REDIRECT = 'out_of_scope.writing';

/** Longer than this, a message that says it will sue is read by its words (the fine or the goods it tells of). */
const SUES_MAX_CHARS = 24;

/**
 * Taking the bureau to court, said in a few words ("我要告城管", "我想告你们城管局", "你们等着 我要告你们"):
 * the answer on suing it. Before, the first was declined as no matter of the bureau's, the second
 * asked back with the hotline alone, the third thanked as small talk.
 */
function suesBureauReply(p: BrainParts, turn: Turn): BrainReply | undefined {
  if (followupChars(turn.normalized) > SUES_MAX_CHARS || !suesBureau(turn.normalized) || !p.kit.kb.answers.has(LITIGATION_INTENT)) return undefined;
  return answerReply(p.kit, LITIGATION_INTENT, turn.channel, 1, turn.normalized);
}

/**
 * "我要投诉", "怎么举报" with no matter named: right after an answer on a bureau matter, how to
 * report that matter (its answer framed as a report); otherwise how and where to complain.
 * The model spread such a message over the hotline topic's intents and it was declined.
 */
function bareComplaintReply(p: BrainParts, turn: Turn): BrainReply | undefined {
  // Where to complain, no matter named: not even a word of one for the ranker ("我想举报楼下烧烤 打哪个电话" names 烧烤).
  const whereUnnamed = () => asksWhereToComplain(turn.normalized, p.domainTerms) && ![...(p.ranker.evidentTopics?.(turn.normalized) ?? [])].some((t) => inScopeTopic(t) && t !== 'hotline_report');
  if (!bareComplaint(turn.normalized) && !whereUnnamed()) return undefined;
  const recent = turn.recent;
  if (recent?.intent && inScopeTopic(recent.topic) && recent.topic !== 'hotline_report' && p.kit.kb.answers.has(recent.intent)) {
    // "要去哪里举报" right after the answer on how to report it (self-contained: no guidance is put
    // before it): its part that says where, not all of it again.
    const where = p.kit.guide.selfContained.has(recent.intent) && asksWhere(turn.normalized) ? focusedReply(p.kit, { intent: recent.intent, topic: recent.topic, score: 1 }, turn.normalized, 'where') : undefined;
    if (where) return { ...where, act: 'report', resolved: 'followup' };
    return { ...composedAnswer(p.kit, { intent: recent.intent, topic: recent.topic, score: 1 }, turn.channel, turn.normalized, 'report', []), resolved: 'followup' };
  }
  return hotlineReply(p, turn);
}

/**
 * "这是哪条法律规定的", "有依据吗" right after an answer: that answer's gist and its articles
 * (`askedAgainReply`), as a follow-up — not the message read alone, which the model took for a
 * tax question (and the conversation's subject was lost with the decline). Nothing just answered,
 * or small talk: undefined, and the message is ranked as any other.
 */
function basisReply(p: BrainParts, turn: Turn): BrainReply | undefined {
  const recent = turn.recent;
  if (!recent?.intent || recent.topic === CHITCHAT_TOPIC || !p.kit.kb.answers.has(recent.intent)) return undefined;
  if (!asksLegalBasis(turn.normalized, p.domainTerms)) return undefined;
  return answeredAgain(p, turn, recent.intent, recent.topic);
}

const SEIZED_TOPIC = 'seized_items';

/**
 * "叫我儿子去帮我拿行不行" after the answer on seized goods (`asksProxy`): that answer again, whose
 * steps say what someone going for the citizen brings; with nothing answered before, undefined.
 */
function proxyReply(p: BrainParts, turn: Turn): BrainReply | undefined {
  const subject = subjectToAddTo(turn);
  if (!subject || !p.kit.kb.answers.has(subject.intent)) return undefined;
  // When to go and collect it ("能不能晚上去拿 他们几点下班"), after the seized-goods answer: what a proxy needs too.
  const collects = subject.topic === SEIZED_TOPIC && asksWhenToCollect(turn.normalized);
  if (!collects && !asksProxy(turn.normalized, p.domainTerms)) return undefined;
  const top: IntentScore = { intent: subject.intent, topic: subject.topic, score: 1 };
  // What to bring and where to go is what a proxy needs; else the answer's gist.
  const part = focusedReply(p.kit, top, turn.normalized, 'bring') ?? focusedReply(p.kit, top, turn.normalized, 'where');
  return part ? { ...part, resolved: 'followup' } : answeredAgain(p, turn, subject.intent, subject.topic);
}

/** The answer to `intent` (just given) again: its gist and articles (`askedAgainReply`), or whole. */
function answeredAgain(p: BrainParts, turn: Turn, intent: string, topic: string): BrainReply {
  const top: IntentScore = { intent, topic, score: 1 };
  const again = askedAgainReply(p.kit, top, turn.normalized, 'question');
  return { ...(again ?? composedAnswer(p.kit, top, turn.channel, turn.normalized, 'question', [])), resolved: 'followup' };
}

/** How and where to complain (the hotline topic's answer), or undefined when the knowledge base has none. */
function hotlineReply(p: BrainParts, turn: Turn): BrainReply | undefined {
  if (!p.kit.kb.answers.has(HOTLINE_INTENT)) return undefined;
  return composedAnswer(p.kit, { intent: HOTLINE_INTENT, topic: 'hotline_report', score: 1 }, turn.channel, turn.normalized, 'question', []);
}

/** How many other answers a correction offers. */
const CORRECTION_CHOICES = 3;

/** The greeting answer's intent: what a message naming a bureau matter never is (`decideNotSmallTalk`). */
const GREETING_INTENT = `${CHITCHAT_TOPIC}.greeting`;
/** The thanks answer's intent: never the reading of a message asking for something to be done. */
const THANKS_INTENT = `${CHITCHAT_TOPIC}.thanks`;

/**
 * The decision, except that a message asking for something to be done is no thanks ("麻烦把这一摊积水
 * 处理一下,谢谢": decided again without small talk), and a message naming the subject just answered is no greeting: "种菜这个你们管不管"
 * after the trampled lawn (种菜 is a greenery term) was answered "您好！我是…" (the model's greeting,
 * for 你们管不管). Such a message — a domain term in it, and words for the recent topic — is decided
 * again without small talk. Alone it stays as the model reads it: greetings with small talk ("早上好
 * 过早了冇", 过早 a stall term) are greetings. Greetings said whole are found before (`smallTalkOf`).
 */
function decideNotSmallTalk(p: BrainParts, ranking: readonly IntentScore[], thresholds: Thresholds, normalized: string, recentTopic: string | undefined): Decision {
  const decision = decide(ranking, thresholds);
  // Thanks that come with something asked to be done ("麻烦把这一摊积水处理一下,谢谢"): the request is the message.
  if (decision.action === 'answer' && decision.top?.intent === THANKS_INTENT && asksAction(normalized)) return decide(ranking.filter((s) => s.topic !== CHITCHAT_TOPIC), thresholds);
  if (decision.action !== 'answer' || decision.top?.intent !== GREETING_INTENT) return decision;
  const evident = p.ranker.evidentTopics?.(normalized);
  const namesRecent = recentTopic !== undefined && evident?.has(recentTopic) === true && namesDomainTerm(normalized, p.domainTerms);
  // No word of greeting in it, and a bureau topic's term named or whether it is handled asked ("好吧 那火锅店那根管子呢
  // 你们管吧", "这个你们也不管啊"): the model's greeting is a guess for 你们管 — decided again without small
  // talk, as a message naming the recent subject is. Small talk of other kinds ("吃饭了冇 小助手") stays.
  const otherwise = evident !== undefined && (namesDomainTerm(normalized, p.bureauTerms) || ASKS_HANDLED.test(normalized));
  if (!namesRecent && (GREETING_WORD.test(normalized) || !otherwise)) return decision;
  const again = decide(ranking.filter((s) => s.topic !== CHITCHAT_TOPIC), thresholds);
  if (again.action !== 'out_of_scope' || again.top !== undefined) return again;
  // Too weak for any choice: the topics it has words for are offered (a conversation on one of them settles it).
  const offered = topicScores(ranking)
    .filter((t) => inScopeTopic(t.topic) && evident.has(t.topic) && hasEvidence(t.best))
    .map((t) => t.best)
    .slice(0, GREETING_CHOICES);
  return offered[0] ? { action: 'clarify', top: offered[0], candidates: offered, confidence: again.confidence } : again;
}
/** A word of greeting or of calling on someone, anywhere in the message (`decideNotSmallTalk`). */
const GREETING_WORD = /你好|您好|你们好|大家好|早上好|早安|上午好|中午好|下午好|晚上好|晚安|在吗|在不在|在冇|有人吗|有人在吗|有冇得人|有没有人|喂|哈喽|嗨|hi|hello|hey|过早/iu;
/** Whether the bureau handles it ("你们管吧", "这个你们也不管啊", "归不归你们管"). */
const ASKS_HANDLED = /管/u;
/** How many topics a message taken for a greeting offers (`decideNotSmallTalk`). */
const GREETING_CHOICES = 3;

/** The subjects whose money paid comes back from the bureau, if it does: fines, and what seized goods cost. */
const REFUNDED_BY_US: ReadonlySet<string> = new Set(['penalty_rights', SEIZED_TOPIC]);

/** The least score of its topic a subject gone back to needs (`backReferenceReply`). */
const BACK_MIN = 0.02;
/** How far another topic may lead the words before they are read as naming it instead of the subject gone back to. */
const BACK_LEAD_RATIO = 3;
/** The least score of an earlier subject's topic that words leading to it need when they say nothing of going back. */
const BACK_UNNAMED_MIN = 0.2;

/**
 * Going back to a subject answered earlier in the conversation (`ConversationState.earlier`), by
 * a word of it: "那个唱歌的事呢 能不能叫她们小点声" after the square-dance noise and then the trampled
 * lawn; "还是说回那个棚子 举报了多久会来拆" after a question on appeals. Read alone, such words lean
 * on the last subject or get a question back ("棚子" is a weak word for a shed on the roof). The
 * earlier subject the words score highest is answered, on the intent they rank first within it
 * (or the one answered then), unless another topic leads them by far (they name it instead).
 */
async function backReferenceReply(p: BrainParts, turn: Turn): Promise<BrainReply | undefined> {
  // After an answer, or after another department's matter brought up in passing (src/chat/session.ts keeps the subject among the earlier ones).
  const earlier = turn.recent || turn.redirect ? turn.state?.earlier : undefined;
  if (!earlier || earlier.length === 0) return undefined;
  const named = referredBack(turn.normalized);
  // The message's own ranking is the one the later steps use (`Turn.ranking`); the words after "说回…" are ranked apart.
  const ranking = named === undefined ? await turn.ranking() : await scopedRanking(p, named);
  const topics = topicScores(ranking);
  if (named === undefined) {
    // Without a word of going back, only words that lead to an earlier subject on their own ("秤到底要去哪里拿").
    const lead = topics[0];
    const subject = lead && lead.topic !== turn.recent?.topic && lead.score >= BACK_UNNAMED_MIN && hasEvidence(lead.best) ? earlier.find((e) => e.topic === lead.topic) : undefined;
    if (!subject || !lead) return undefined;
    const intent = p.kit.kb.answers.has(lead.best.intent) ? lead.best.intent : subject.intent;
    return { ...answerReply(p.kit, intent, turn.channel, lead.score, turn.normalized), resolved: 'followup', moved: true };
  }
  let best: { subject: EarlierSubject; score: number } | undefined;
  for (const subject of earlier) {
    const score = topics.find((t) => t.topic === subject.topic)?.score ?? 0;
    if (score > (best?.score ?? 0)) best = { subject, score };
  }
  if (!best || best.score < BACK_MIN) return undefined;
  const lead = topics[0];
  // A lead the words have no word for names nothing ("修车" read as not the bureau's): the subject stays.
  if (lead && lead.topic !== best.subject.topic && lead.score > BACK_LEAD_RATIO * best.score && hasEvidence(lead.best)) return undefined;
  const topic = best.subject.topic;
  // Within it, the intent the whole message ranks first: "还有秤的事 要是过了期限冇去领 会么样处理" asks about the time limit, not the name's answer.
  const inTopic = (r: readonly IntentScore[]): string | undefined => r.find((s) => s.topic === topic && p.kit.kb.answers.has(s.intent))?.intent;
  const intent = inTopic(await turn.ranking()) ?? inTopic(ranking) ?? best.subject.intent;
  if (!p.kit.kb.answers.has(intent)) return undefined;
  return { ...answerReply(p.kit, intent, turn.channel, best.score, turn.normalized), resolved: 'followup', moved: true };
}

/**
 * "不是这个" right after an answer (or a question back): the previous question's other answers
 * to choose from (its ranking, what was given left out), under "抱歉，可能没理解对。"; none
 * left, what the bot thinks of its reply (`chitchat.feedback`). "不对 我是问要不要审批": the
 * words after the correction, read as a follow-up that does not hold to the answer given, as
 * are what was meant instead ("我问的不是罚不罚款 是车子么样拿回来") and a matter gone back to that
 * was no earlier subject (`correctionOf`). Before, both got that answer again.
 */
async function correctionReply(p: BrainParts, turn: Turn, opts: AskOptions): Promise<BrainReply | undefined> {
  const rest = correctionOf(turn.normalized);
  const state = turn.state;
  if (rest === undefined || givenIntents(turn).size === 0 || !state?.question) return undefined;
  if (rest !== '') return understandMeant(p, rest, opts);
  return (await otherAnswersReply(p, turn)) ?? smallTalkReply(p.kit, `${CHITCHAT_TOPIC}.feedback`, turn.channel, turn.normalized);
}

/**
 * What the citizen meant instead — the words after a correction ("不对 我是问要不要审批"), or a question
 * beside a word that the reply did not help — read in the conversation without holding to the
 * answer just given: the subject stays, the intent given is no longer the one to go on with.
 */
function understandMeant(p: BrainParts, meant: string, opts: AskOptions): Promise<BrainReply> {
  if (!opts.pending) return understand(p, meant, opts);
  const { lastIntent: _given, ...pending } = opts.pending;
  return understand(p, meant, { ...opts, pending });
}

/** What was given: the answer just given, or the choices of a question back still open ("不是" to "是不是…？"). */
function givenIntents(turn: Turn): Set<string> {
  const offered = turn.state?.choicesFor === 'clarify' ? turn.state.choices.map((c) => c.intent) : [];
  return new Set([...(turn.recent?.intent ? [turn.recent.intent] : []), ...offered]);
}

/**
 * The previous question's other answers (its ranking, what was given left out) to choose from,
 * under "抱歉，可能没理解对。": for "不是这个" (`correctionReply`) and for a word that the reply missed
 * the question ("答非所问"), right after an answer or a question back. Undefined when nothing
 * was given or no other answer is left.
 */
async function otherAnswersReply(p: BrainParts, turn: Turn): Promise<BrainReply | undefined> {
  const state = turn.state;
  const given = givenIntents(turn);
  if (given.size === 0 || !state?.question) return undefined;
  const others = (await scopedRanking(p, state.question)).filter((s) => inScopeTopic(s.topic) && hasEvidence(s) && !given.has(s.intent) && p.kit.kb.answers.has(s.intent));
  const choices = others.slice(0, CORRECTION_CHOICES);
  if (choices.length === 0) return undefined;
  return clarifyReply(p.kit, choices, choices[0], turn.normalized, 'question', turn.channel, '抱歉，可能没理解对。');
}

/**
 * "你们办公地点在哪", "你们单位电话多少", "你们几点上班": how to reach the bureau (`asksHowToReachBureau`),
 * whatever came before. The model took them for a greeting, a decline, or weather among the choices.
 */
function bureauContactReply(p: BrainParts, turn: Turn): BrainReply | undefined {
  const asks = asksHowToReachBureau(turn.normalized, p.domainTerms) || (!subjectToAddTo(turn) && asksWhereToSendEvidence(turn.normalized, p.domainTerms));
  return asks ? hotlineReply(p, turn) : undefined;
}

/** "环保局电话多少", "那交通局电话多少": how to reach another department (`departmentAsked`), whatever came before — its redirect. */
function departmentContactReply(p: BrainParts, turn: Turn): BrainReply | undefined {
  return redirectReply(p, turn, departmentAsked(turn.normalized));
}

/** The redirect `intent` (another department's matter), sure: the words or the conversation named it. Undefined without one, or without its answer. */
function redirectReply(p: BrainParts, turn: Turn, intent: string | undefined): BrainReply | undefined {
  if (!intent || !p.kit.kb.answers.has(intent)) return undefined;
  return declineReply(p.kit, { intent, topic: OUT_OF_SCOPE_TOPIC, score: 1 }, 1, turn.normalized, 'question', turn.channel);
}

/** The bureau subject a message can add to: the previous answer's, recent, with no question back waiting (its words may be of that question's matter). */
function subjectToAddTo(turn: Turn): (RecentTopic & { intent: string }) | undefined {
  const recent = turn.recent;
  if (!recent?.intent || !inScopeTopic(recent.topic) || (turn.state?.choicesFor === 'clarify' && turn.state.choices.length > 0)) return undefined;
  return { ...recent, intent: recent.intent };
}

/** The hotline topic's answer for a complaint that came to nothing (`hotline_report.progress`), found once at start-up. */
function progressAnswer(kb: KnowledgeBase): AnswerEntry | undefined {
  return [...kb.answers.values()].find((a) => a.topic === 'hotline_report' && a.intent.endsWith('.progress'));
}

/**
 * Details added to the problem just answered ("晚上也有", "拍了照片 发给谁", "一直没人管"): how to
 * report that problem, details included, and that the bot passes nothing on; that it is still
 * not dealt with ("半个月了还没拆"): how to chase a complaint. Not after an emergency's steps.
 * Alone, such words were declined as a neighbour's, a shop's or an online matter.
 */
function reportDetailStep(p: BrainParts, turn: Turn): BrainReply | undefined {
  const recent = subjectToAddTo(turn);
  // After a gas leak's emergency steps, "一直有味道" is the emergency again, not a report.
  if (!recent || p.kit.kb.answers.get(recent.intent)?.urgent) return undefined;
  // "半个月了还没拆": the complaint's progress (how to chase it), the subject kept for what follows.
  const progress = saysStillNotDealtWith(turn.normalized, p.domainTerms) ? progressFollowup(p, turn) : undefined;
  if (progress) return progress;
  const detail = addsReportDetail(turn.normalized, p.domainTerms);
  if (!detail) return undefined;
  // "而且半夜还在打桩 哐哐的" after the 渣土 lorries: another matter (night construction noise), not more about them.
  if (nightBuildingBeside(turn.normalized, recent.topic)) return undefined;
  // After a question ("我家院子里搭了个棚子", the citizen's own case), circumstances ("有十几年了")
  // add to that question: its answer again. After a report (or a state of an older version), or
  // when the details are about reporting ("拍了视频", "一直没人管"), how to report it.
  if (detail === 'circumstance' && recent.act === 'question' && detectAct(turn.normalized) !== 'report') {
    if (!p.kit.kb.answers.has(recent.intent)) return undefined;
    return answerAgain(p, turn, { intent: recent.intent, topic: recent.topic, score: 1 }, 'question');
  }
  const reply = reportDetailReply(p.kit, { intent: recent.intent, topic: recent.topic }, turn.channel, turn.normalized);
  return reply ? { ...reply, resolved: 'followup' } : undefined;
}

/**
 * How sure the model must be that a short message right after a bureau answer is another
 * matter. "Not ours" at `ELSEWHERE_SURE` with a word of the text for it ("能借钱不", 0.82), or at
 * `ELSEWHERE_CERTAIN` without one ("身份证丢了怎么补办", 0.85: 身份证 is no word of any topic), is
 * another department's; below, a short message's decline is the model's guess among departments
 * for words of the subject just discussed ("门都是坏的" 0.43 after a public toilet, "店子已经关门了
 * 老板找不到人" 0.52 after a loose shop sign). A question back on another bureau topic the text has
 * a word for, at `ELSEWHERE_LEANS` (near the answer threshold), is that topic's question ("吃剩的鸡骨头
 * 丢哪个桶", 0.22 for waste sorting, after a shop sign); below, a guess ("几点要收", 0.07).
 */
const ELSEWHERE_SURE = 0.6;
/** A follow-up's own words answered on another bureau subject at least this surely are a question of their own (`followupReply`). */
const FOLLOWUP_OWN_SURE = 0.5;
/** …and have at least this many characters: a few words ("要审批不") lean on the subject just answered whatever they score. */
const FOLLOWUP_OWN_CHARS = 8;
const ELSEWHERE_CERTAIN = 0.8;
const ELSEWHERE_LEANS = 0.2;

/** A message that states what the citizen wants to do ("我想…", "我要…"): a request of its own. */
const WISH = /^(?:我|我们)(?:想|想要|要|打算|准备)|^(?:想|打算|准备)/u;

/** The topic the previous question and this message, read as one text, are answered or asked back on (none without a previous question). */
async function jointTopic(p: BrainParts, turn: Turn): Promise<string | undefined> {
  const previous = turn.state?.question;
  if (!previous) return undefined;
  return decide(await scopedRanking(p, joined(previous, turn.normalized)), p.thresholds).top?.topic;
}

/** Building work heard at night (`hearsBuildingAtNight`) told while the subject is another topic than noise: a matter of its own. */
function nightBuildingBeside(normalized: string, topic: string): boolean {
  return topic !== NOISE_TOPIC && hearsBuildingAtNight(normalized);
}

/** True when the message alone is about another matter than `topic`, surely enough (above). */
function namesAnotherMatter(p: BrainParts, turn: Turn, decision: Decision, topic: string): boolean {
  // Building work heard at night is night construction noise, whatever word it shares with the subject (打桩 with 渣土).
  if (nightBuildingBeside(turn.normalized, topic)) return true;
  const top = decision.top;
  const evident = p.ranker.evidentTopics?.(turn.normalized);
  // Answered by the model: its own question — small talk too when the text has a word for it or the
  // model is sure ("转人工", "你叫什么名字"), not a guess ("都快盖好了" was answered as a greeting, 0.39).
  // A statement with a word of the subject too ("从晚上七点一直烤到凌晨" after the barbecue: 烤) tells
  // more of it, whatever hour-of-night words the model reads as noise.
  if (decision.action === 'answer' && top?.topic !== topic && evident?.has(topic) === true && !asks(turn.normalized)) return false;
  if (decision.action === 'answer') return top?.topic !== CHITCHAT_TOPIC || evident?.has(CHITCHAT_TOPIC) === true || decision.confidence >= ELSEWHERE_SURE;
  if (decision.action === 'out_of_scope') {
    const named = evident?.has(OUT_OF_SCOPE_TOPIC) === true;
    // A question with a word for "not ours" ("我家的燃气费么样交") asks about that, however unsure the
    // model; so does a question with a word for another bureau matter and none for the subject
    // ("附近有厕所吗" after the fumes answer, declined alone).
    const otherBureauMatter = [...(evident ?? [])].some((t) => t !== topic && isMatterTopic(t)) && evident?.has(topic) !== true;
    return decision.confidence >= ELSEWHERE_CERTAIN || (named && decision.confidence >= ELSEWHERE_SURE) || (asks(turn.normalized) && (named || otherBureauMatter));
  }
  // Only a question asks about a matter of its own; a statement the model would ask back about is a
  // detail of the subject ("我是挂在自己窗户外面的" after drying racks at a window: shop signs, alone)
  // — unless it tells of someone doing something the text has a word for and the subject none
  // ("楼下有人在烧垃圾，烟很大" after the stall's penalty: a new report, not the penalty again).
  // Fines and appeals hold for every subject ("上面都有手机号 你们能不能打过去罚他" after flyers): no matter of their own.
  const other = top !== undefined && top.topic !== topic && !ACROSS_TOPICS.has(top.topic) && hasEvidence(top) && evident?.has(topic) !== true;
  if (other && SOMEONE_DOES.test(turn.normalized) && evident?.has(top.topic) === true) return true;
  return asks(turn.normalized) && decision.confidence >= ELSEWHERE_LEANS && other;
}

/** True when the text has words for the topic `topic` and for no other topic (`evidentTopics`). */
function wordsOfSubjectAlone(p: BrainParts, normalized: string, topic: string): boolean {
  const evident = p.ranker.evidentTopics?.(normalized);
  return evident !== undefined && evident.size === 1 && evident.has(topic);
}

/** Whether someone is genuine, asked of those just discussed ("是不是骗子啊", "真的假的", "是不是冒充的"). */
const DOUBTS_GENUINE = /^[^，。！？,!?]{0,4}(?:是不是|会不会|莫不是|怕是)?(?:骗子|骗人的?|冒充的?|假的|真的假的|是真的吗)(?:啊|呀|哦|吧|哟)?[？?。.!！]*$/u;

/**
 * Longest message that can go on with the subject just answered (`continuationReply`): a clause or
 * two of detail or a question about it ("上面都有电话 你们能不能照着电话去罚他" after flyers in the
 * stairwell, "能不能手机上交 我店里走不开冇得时间跑" after how to pay). Longer ones tell a matter of their own.
 */
const MAX_CONTINUATION_CHARS = 24;

/**
 * A short message right after a bureau answer that names no other matter by itself goes on with
 * that subject: "六点多就来了", "还是那家 去年就反映过", "风一吹就晃", "敲门冇人", "在农村". Alone such
 * words were declined as a neighbour's, a shop's or a phone company's matter, or answered as a
 * greeting ("都快盖好了"), and the conversation lost its subject (`namesAnotherMatter` tells when
 * it does not). A question gets the subject's answer its words choose (as a follow-up); a
 * statement adds to the report (how to report it, its details included) or, after a question,
 * gets that answer again; after an emergency, its steps again. A complaint's progress is the
 * progress rule's (progressReply).
 */
function continuationReply(p: BrainParts, turn: Turn, ranking: readonly IntentScore[], decision: Decision, act: SpeechAct): BrainReply | undefined {
  const recent = subjectToAddTo(turn);
  // Small talk by its wording ("谢谢") is never more about the subject, even where the knowledge base has no answer for it.
  const chars = followupChars(turn.normalized);
  if (!recent || act === 'progress' || act === 'smalltalk' || chars > MAX_CONTINUATION_CHARS || !p.kit.kb.answers.has(recent.intent)) return undefined;
  // Longer than a follow-up, a message the model answers on another matter is that matter, whatever word
  // it shares with the subject ("还有那个商场门口放音响 天天喊 吵得要死" after a shop sign, "她们还把草坪踩秃了"
  // after square dancing, "明白了…谢谢"): only words it leaves unplaced or declines go on with the subject.
  if (chars > MAX_FOLLOWUP_CHARS && decision.action === 'answer' && decision.top?.topic !== recent.topic) return undefined;
  const same = (intent: string, as: SpeechAct): BrainReply => ({ ...composedAnswer(p.kit, { intent, topic: recent.topic, score: 1 }, turn.channel, turn.normalized, as, []), resolved: 'followup' });
  const emergency = p.kit.kb.answers.get(recent.intent)?.urgent === true;
  // After an emergency, a statement is more about it, however sure the model is of another matter
  // ("物业电话打不通" after a gas leak was declined as the 物业's matter). A question may ask another.
  if (emergency && !asks(turn.normalized)) return same(recent.intent, 'report');
  // "是不是骗子啊" after the gas inspection answer doubts the caller just discussed (骗子 is a word of
  // "not ours", the police's): no matter of its own, no part of the answer chosen — the answer again.
  if (!emergency && DOUBTS_GENUINE.test(turn.normalized)) return answerAgain(p, turn, { intent: recent.intent, topic: recent.topic, score: 1 }, 'question');
  if (namesAnotherMatter(p, turn, decision, recent.topic)) return undefined;
  if (emergency) return same(recent.intent, 'report');
  // A question, or disputing the decision just discussed ("我要告他们": the rights against it, not a wish of its own).
  if (asks(turn.normalized) || contestsDecision(turn.normalized)) {
    // A question naming a matter of its own ("你们几点下班": 下班, the hotline's) is not about the subject —
    // unless its words are the subject's alone ("是拍卖还是销毁" after seized goods' time limit, "可以找人代领不"
    // after where to get them back: 拍卖, 代领 are the seized-goods topic's words, and were declined).
    if ((namesMatterBesidesOthers(turn.normalized, p.domainTerms) && !wordsOfSubjectAlone(p, turn.normalized, recent.topic)) || asksAboutBureau(turn.normalized)) return undefined;
    const target = followupIntent(p.followup, ranking, recent, turn.normalized);
    return target ? followupAnswer(p, turn, target, 'question') : undefined;
  }
  // "我想找个工作", "我要找领导": a wish of the citizen's own, not a detail of the subject.
  if (WISH.test(turn.normalized.trim())) return undefined;
  if (recent.act === 'question') return answerAgain(p, turn, { intent: recent.intent, topic: recent.topic, score: 1 }, 'question');
  const reply = reportDetailReply(p.kit, { intent: recent.intent, topic: recent.topic }, turn.channel, turn.normalized);
  return reply ? { ...reply, resolved: 'followup' } : undefined;
}

/** The answers for what a citizen says of their own case: putting it right, and stating what happened. */
const OWN_CASE_ANSWERS: Record<OwnCaseStatement, string> = { corrected: 'penalty_rights.no_penalty', explains: 'penalty_rights.statement' };

/**
 * After a question on a bureau matter (the citizen's own case: "城管说我门口堆东西要罚款"), the
 * citizen answering for it, asking nothing: "我已经清理了" gets when a fine may be waived (a first
 * minor offence promptly corrected), "我平时都开的" / "就那天坏了" how to state one's case
 * (陈述申辩). They were declined as traffic or appliance matters, or asked back with 小广告 and 入学.
 */
function ownCaseStep(p: BrainParts, turn: Turn): BrainReply | undefined {
  if (subjectToAddTo(turn)?.act !== 'question') return undefined;
  const statement = ownCaseStatement(turn.normalized, p.domainTerms, asks(turn.normalized));
  const intent = statement ? OWN_CASE_ANSWERS[statement] : undefined;
  if (!intent || !p.kit.kb.answers.has(intent)) return undefined;
  return { ...composedAnswer(p.kit, { intent, topic: PENALTY_TOPIC, score: 1 }, turn.channel, turn.normalized, 'question', []), resolved: 'followup' };
}

/**
 * A follow-up with nothing to follow — no recent topic ("那罚多少钱？" as a first message, or
 * long after the answer) — that the model cannot answer on words of the text itself: a hint
 * to name the matter, not a guess (it was declined as a 医保 question, or asked back with
 * unrelated choices). An answer the text has words for stays, in scope or not ("罚款怎么交",
 * "闯红灯罚多少钱").
 */
function lostFollowup(p: BrainParts, turn: Turn, decision: Decision): BrainReply | undefined {
  if (turn.recent || !leansOnPrevious(turn.normalized, p.domainTerms)) return undefined;
  // "那我现在打哪个电话最快" with nothing to follow (or after a redirect): the bureau's lines, not the hint.
  if (asksPhone(turn.normalized)) return hotlineReply(p, turn);
  // "要带什么材料", "周末可以办吗": only the steps of some matter; their words (材料, 手续, 周末) are every matter's,
  // not evidence of one. Right after another department's matter ("交警贴了我的条" → "在哪里交"): that redirect again.
  if (asksOnlyProcedure(turn.normalized)) {
    const again = redirectReply(p, turn, turn.redirect);
    return again ? { ...again, resolved: 'followup' } : lostFollowupReply(p.kit, turn.normalized);
  }
  const top = decision.top;
  // "叫我儿子去帮我拿行不行" with nothing answered before: whose errand is unsaid (帮我 is a word of writing requests).
  if (asksProxy(turn.normalized, p.domainTerms) && !(decision.action === 'answer' && top && inScopeTopic(top.topic))) return lostFollowupReply(p.kit, turn.normalized);
  const answered = decision.action === 'answer' || (decision.action === 'out_of_scope' && top?.topic === OUT_OF_SCOPE_TOPIC);
  // "会罚款吗" has a word of the fines topic (罚款), but asks about the fine of a subject it does not name.
  const subjectless = top !== undefined && ACROSS_TOPICS.has(top.topic) && asksOnlyTheFine(turn.normalized);
  if (answered && top !== undefined && hasEvidence(top) && !subjectless) return undefined;
  // "夜里施工被罚款了", "店门口堆了点东西城管要罚我款" ask about a fine (a follow-up's words) but name
  // their subject: the question back offers it, the hint would ask for what was said.
  const namesSubject = decision.action === 'clarify' && decision.candidates.some((c) => inScopeTopic(c.topic) && !ACROSS_TOPICS.has(c.topic) && hasEvidence(c));
  if (namesSubject) return undefined;
  // "那找哪个", "那我报警有用不" right after another department's matter ("邻居家狗天天叫" → neighbour redirect),
  // with no answer of their own: whom to go to, and what they do, is what that redirect says — it again,
  // not the hint that nothing was asked before.
  const again = turn.redirect && asks(turn.normalized) ? redirectReply(p, turn, turn.redirect) : undefined;
  if (again) return { ...again, resolved: 'followup' };
  return lostFollowupReply(p.kit, turn.normalized);
}

/**
 * Complained before and nothing happened. About a named problem: report it properly (topic
 * answer + guidance) and name the progress answer — or, when the message asks where the
 * complaint stands (进度, 工单, 办结, 督办: `asksProgress`), the progress answer with the problem
 * named after it; about another department's matter: the decline (undefined here); otherwise
 * the progress answer.
 */
function progressReply(p: BrainParts, turn: Turn, decision: Decision, whole: readonly TopicScore[], letter: LetterAnalysis): BrainReply | undefined {
  const progress = p.progress;
  if (!progress) return undefined;
  const domain = [
    ...(decision.action === 'answer' && decision.top ? [{ topic: decision.top.topic, score: decision.confidence, best: decision.top }] : []),
    ...whole.filter((t) => t.score >= WHOLE_SECOND_MIN),
    ...letter.topics.map((t) => ({ topic: t.topic, score: t.score, best: t.best })),
  ].find((t) => isMatterTopic(t.topic) && hasEvidence(t.best));
  // A bureau matter the model is unsure of, with a word for it: the question back's bureau topics.
  const matters = decision.action === 'clarify' ? decision.candidates.filter((c) => isMatterTopic(c.topic) && hasEvidence(c)) : [];
  // Asking where the complaint stands ("我上个月反映的工地燥音 有进度冇", "工单显示办结了…能不能督办"):
  // that answer first, whatever the model makes of the matter, the matter (or the likeliest) named after it.
  const named: IntentScore | undefined = domain ? { ...domain.best, score: domain.score } : undefined;
  const matter = named ?? matters[0];
  if (matter && asksProgress(turn.normalized)) {
    const score = whole.find((t) => t.topic === progress.topic)?.score ?? 0;
    return composedAnswer(p.kit, { intent: progress.intent, topic: progress.topic, score }, turn.channel, turn.normalized, 'progress', [matter]);
  }
  if (named) {
    const others = secondaryTopics(named.topic, whole, letter, false).filter((s) => s.topic !== 'hotline_report' && !isEmergency(p, s));
    const followUp: IntentScore = { intent: progress.intent, topic: progress.topic, score: 0 };
    // The answer carries its topic's score (of the whole text, or of the sentence that names it), as decidedReply's.
    return composedAnswer(p.kit, named, turn.channel, turn.normalized, 'report', [...others.slice(0, 1), followUp]);
  }
  // Unsure of the matter ("推着板车…卖菜卖鱼…快三个月了 一点变化都没有"): asked back with it, where
  // the complaint stands the last choice, rather than answering only that — such a letter is most
  // often about the problem.
  if (matters.length > 0) {
    const choices = [...matters.slice(0, 2), { intent: progress.intent, topic: progress.topic, score: 0 }];
    return clarifyReply(p.kit, choices, matters[0], turn.normalized, 'progress', turn.channel);
  }
  // No bureau matter named, and the matter is another department's ("物业不肯走…多次反映都不修"):
  // the decline with its redirect (decidedReply), not the bureau's hotline answer. A decline the
  // text has no word for ("打了好几次热线都没用") names no other department: the progress answer.
  // A short chase naming nothing ("能不能帮我查一下进度": 帮我 read as a writing request) is the bureau's work order's.
  const bareChase = asksProgress(turn.normalized) && followupChars(turn.normalized) <= MAX_FOLLOWUP_CHARS && !namesMatterBesidesOthers(turn.normalized, p.domainTerms);
  if (!bareChase && decision.action === 'out_of_scope' && decision.top?.topic === OUT_OF_SCOPE_TOPIC && hasEvidence(decision.top)) return undefined;
  // Complained to another body ("投诉了物业好几次 一直没人处理"): that body's department, not the bureau's work order.
  const body = otherBodyComplainedTo(turn.normalized);
  if (body && p.kit.kb.answers.has(body)) return declineReply(p.kit, { intent: body, topic: OUT_OF_SCOPE_TOPIC, score: decision.confidence }, decision.confidence, turn.normalized, 'progress', turn.channel);
  const score = whole[0]?.topic === 'hotline_report' ? whole[0].score : 0;
  return composedAnswer(p.kit, { intent: progress.intent, topic: progress.topic, score }, turn.channel, turn.normalized, 'progress', []);
}

/**
 * An emergency answer (a gas leak's steps) is never named as another topic of a message: a text
 * that tells of a leak gets the steps first (urgentReply, before any of this), so one named
 * after an answer is a smell of something else ("公共厕所…气味难闻": 闻到燃气味紧急处理).
 */
function isEmergency(p: BrainParts, s: IntentScore): boolean {
  return p.kit.kb.answers.get(s.intent)?.urgent === true;
}

/** Where a message splits into clauses for `withNoiseClause`. */
const CLAUSE_BREAK = /[，,。.！!？?；;\s]+/u;

/**
 * A clause that says only that it is loud too ("楼下烧烤摊油烟很大 晚上还很吵"): too short to be ranked
 * as a sentence of its own (it joins its neighbour), so the noise was not named after the answer on
 * the fumes and "2" had nothing to choose. Named now, with the subject's noise answer, as when it
 * comes as the next message (`noiseOfSubject`); not when noise is the answer or already named.
 */
function withNoiseClause(p: BrainParts, primary: string, normalized: string, secondary: IntentScore[]): IntentScore[] {
  if (primary === NOISE_TOPIC || !inScopeTopic(primary) || secondary.length >= MAX_SECONDARY || secondary.some((s) => s.topic === NOISE_TOPIC)) return secondary;
  if (!normalized.split(CLAUSE_BREAK).some((c) => addsOnlyNoise(c))) return secondary;
  const intent = noiseOfSubject(primary);
  return p.kit.kb.answers.has(intent) ? [...secondary, { intent, topic: NOISE_TOPIC, score: 0 }] : secondary;
}

/** The decision's reply: the answer (with the secondary topics of a letter or report), a decline, or choices. */
function decidedReply(p: BrainParts, turn: Turn, decision: Decision, act: SpeechAct, whole: readonly TopicScore[], letter: LetterAnalysis): BrainReply {
  const isLetter = letter.sentences.length >= 2;
  if (decision.action === 'answer' && decision.top) {
    // The answer just given, asked again about a part of it ("被扣的三轮车要带什么材料去领" after it,
    // named in full so not read as a follow-up): that part of it, as for a follow-up.
    const focused = partOfAnswerJustGiven(p, turn, { ...decision.top, score: decision.confidence });
    if (focused) return focused;
    const primary = decision.top.topic;
    const secondary = withNoiseClause(
      p,
      primary,
      turn.normalized,
      secondaryTopics(primary, whole, letter, act === 'report' || isLetter).filter((s) => (s.topic !== 'hotline_report' || act === 'question') && !victimsTrade(primary, s.topic, turn.normalized) && !isEmergency(p, s)),
    );
    // The answer carries the score the thresholds were applied to (its topic's), so that the
    // statistics' low-score review never lists an answer the decision was sure of, or hides one.
    return composedAnswer(p.kit, { ...decision.top, score: decision.confidence }, turn.channel, turn.normalized, act, secondary);
  }
  if (decision.action === 'out_of_scope') return declineReply(p.kit, decision.top, decision.confidence, turn.normalized, act, turn.channel);
  return clarifyReply(p.kit, decision.candidates, decision.top, turn.normalized, act, turn.channel);
}

/** Topics about the citizen's own case (goods held, a fine), not a problem reported to the bureau. */
const OWN_CASE_TOPICS: ReadonlySet<string> = new Set([SEIZED_TOPIC, PENALTY_TOPIC]);

/** Topics whose answers hold for any subject, so a confident follow-up about them is not read in the previous topic. */
const ACROSS_TOPICS: ReadonlySet<string> = new Set([PENALTY_TOPIC]);

/** A bureau matter a message can be about: in scope, and neither fines and appeals nor complaining (which hold for any matter). */
function isMatterTopic(topic: string): boolean {
  return inScopeTopic(topic) && !ACROSS_TOPICS.has(topic) && topic !== 'hotline_report';
}
