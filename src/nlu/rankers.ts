import { sentences } from '../core/normalize.js';
import { OUT_OF_SCOPE_TOPIC, type IntentScore } from '../core/types.js';
import type { IntentDef } from '../knowledge/types.js';
import { IntentClassifier } from './classifier.js';
import { DOMAIN_TRAINING_ITERATIONS, IntentEngine, type EngineLog } from './engine.js';
import type { ModelData } from './cache.js';
import { EVERYDAY_FREQUENCY, LIFT, MIN_SHARE, MIN_USES, TopicEvidence, type TopicEvidenceModel } from './evidence.js';
import { generalFrequencies } from './tokenizer.js';
import { IntentCentroids, type IntentCentroidsModel } from './intent-centroids.js';
import { ANCHOR_OPTIONS, CharLrTopicModel, CharLrViews, type LinearTopicOptions, type TopicScoreEntry } from './topic-model.js';

/**
 * Intent rankers: normalised text → intents with a score each (a distribution over intents,
 * highest first). The brain, `pufa eval --compare`, `pufa calibrate` and the bench only use
 * this interface, so an engine is swapped by its kind:
 * - `pufa`: the shipped brain — a character n-gram logistic regression over topics blended
 *   with node-nlp's topic totals, the intent within the topic by intent centroids blended with node-nlp;
 * - `anchor`: issue 7's anchor (char 1–3-gram TF-IDF + LR, C=10), intents of a topic equal;
 * - `legacy`: the previous brain (character naive-Bayes prior × node-nlp);
 * - `jieba`: node-nlp on jieba alone; `vanilla`: node-nlp with its own Chinese.
 */
export type RankerKind = 'pufa' | 'anchor' | 'legacy' | 'jieba' | 'vanilla';
export const RANKER_KINDS: readonly RankerKind[] = ['pufa', 'anchor', 'legacy', 'jieba', 'vanilla'];

export interface IntentRanker {
  readonly kind: RankerKind;
  /** What it is, in a few words (eval and bench headings). */
  readonly name: string;
  /** Everything besides the training data that a saved model depends on (the cache key). */
  readonly settings: Readonly<Record<string, unknown>>;
  train(intents: readonly IntentDef[]): Promise<void>;
  /** Ranked intents for normalised text; empty when the text carries no evidence at all. */
  rank(normalized: string): Promise<IntentScore[]>;
  /**
   * Ranked topics (the sum of each topic's intents), highest first, each marked `evidence:
   * false` when the text has no word for it; the same totals as `rank`, but a ranker may
   * skip choosing the intent within each topic (a letter's sentences only need the topics).
   */
  rankTopics(normalized: string): Promise<TopicScoreEntry[]>;
  /**
   * Every topic in the ranker's order, for measuring top-k (`pufa eval`, the bench): its
   * ranking, and for a text the ranking leaves empty (no word of any topic: declined) "not
   * ours" first, then its model's order. Optional; without it the measure takes `rankTopics`.
   */
  orderTopics?(normalized: string): readonly string[];
  /**
   * The topics the text has a word for: those `rankTopics` leaves unmarked (every other topic
   * it returns is `evidence: false`). Optional; cheaper than ranking (no topic model is run),
   * so a letter's sentence with no word for a topic it could name is not ranked (letters.ts).
   */
  evidentTopics?(normalized: string): ReadonlySet<string>;
  /**
   * A new message begins: what the ranker remembers of the last one's texts (a letter is
   * ranked whole, then sentence by sentence) is dropped, so that it dies young (README
   * "Accuracy and speed"). Optional; the brain calls it before each message.
   */
  forget?(): void;
  /**
   * Load now what would otherwise load message by message (jieba's dictionary, 0.15–0.35 s
   * and ~40 MB; the n-gram table the first texts are looked up without, ~0.1 s): for a
   * long-running process (the bot, the terminal chat), not a one-shot `pufa ask`.
   */
  preload?(): void;
  /** The trained model as plain data (typed arrays allowed); src/nlu/cache.ts saves and reads it. */
  export(): ModelData;
  import(model: ModelData): void;
}

export interface RankerOptions {
  terms: readonly string[];
  /** Each topic's own terms (`KnowledgeBase.topicTerms`): evidence for it when no utterance uses them (src/nlu/evidence.ts). */
  topicTerms?: Readonly<Record<string, readonly string[]>>;
  normalize: (s: string) => string;
  /** Legacy/jieba only: weight of the naive-Bayes prior. */
  priorWeight?: number;
  /** Receives node-nlp's own messages (debug level). */
  log?: EngineLog;
  /**
   * Pufa only: how a topic's probability is shared among its intents; default `WITHIN_TOPIC`.
   * For measuring (bench/intent-cv.ts): the saved model is the same for every rule.
   */
  withinTopic?: WithinTopicRule;
}

/**
 * Highest score first, as `(a, b) => b.score - a.score` sorts (the same order: same signs,
 * NaN equal to all), but returning -1, 0 or 1: a comparator returning a fraction gives the
 * sort a new heap number at every comparison (~10 KB of garbage per message).
 */
export function byScore(a: { score: number }, b: { score: number }): number {
  return b.score > a.score ? 1 : b.score < a.score ? -1 : 0;
}

/** Topic totals of an intent ranking, highest first; a topic whose intents lack evidence is marked so. */
export function topicsOf(ranking: readonly IntentScore[]): TopicScoreEntry[] {
  const m = new Map<string, TopicScoreEntry>();
  for (const s of ranking) {
    const t = m.get(s.topic);
    if (t) t.score += s.score;
    else m.set(s.topic, { topic: s.topic, score: s.score, ...(s.evidence === false ? { evidence: false } : {}) });
  }
  return [...m.values()].sort((a, b) => b.score - a.score);
}

function topicIndex(intents: readonly IntentDef[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const i of intents) m.set(i.topic, [...(m.get(i.topic) ?? []), i.id]);
  return m;
}

/** The anchor: topic probabilities of the char-LR, shared equally by the topic's intents. */
class AnchorRanker implements IntentRanker {
  readonly kind = 'anchor' as const;
  readonly model: CharLrTopicModel;
  readonly name: string;
  readonly settings: Readonly<Record<string, unknown>>;
  private readonly intentsOfTopic: Map<string, string[]>;

  constructor(intents: readonly IntentDef[], options: RankerOptions) {
    this.model = new CharLrTopicModel(options.normalize, ANCHOR_OPTIONS);
    this.name = `anchor: ${this.model.name}`;
    this.settings = { kind: this.kind, ...ANCHOR_OPTIONS };
    this.intentsOfTopic = topicIndex(intents);
  }

  train(intents: readonly IntentDef[]): Promise<void> {
    this.model.train(intents);
    return Promise.resolve();
  }

  rankTopics(normalized: string): Promise<TopicScoreEntry[]> {
    return Promise.resolve(this.model.rank(normalized));
  }

  async rank(normalized: string): Promise<IntentScore[]> {
    const out: IntentScore[] = [];
    for (const { topic, score } of await this.rankTopics(normalized)) {
      const ids = this.intentsOfTopic.get(topic) ?? [];
      for (const intent of ids) out.push({ intent, topic, score: score / ids.length });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  export(): ModelData {
    return this.model.export();
  }

  import(model: ModelData): void {
    this.model.import(model);
  }
}

/**
 * The shipped topic stage: two views of the text, each a TF-IDF logistic regression over
 * topics, their probabilities averaged (README "Understanding"):
 * - `word`: character 1–3-grams plus jieba words with the domain dictionary, balanced topic
 *   weights (the previous brain's model);
 * - `char`: character 1–3-grams, unbalanced (the anchor's model, ANCHOR_OPTIONS).
 * 5-fold cross-validation over our own utterances (test/nlu/data/README.md): the average
 * has the best held-out top-1 topic (92.1 % vs 91.8 % word, 91.2 % char), and the
 * unbalanced view keeps "not ours" likely for text unlike any topic (held-out out_of_scope
 * declined 89.2 % vs 80.0 % for the word view alone).
 * Batch 23 tried both views at C = 20 and trained on letter pairs too (`withLetterPairs`):
 * better on cross-validation and on two check sets of questions and letters, but four later
 * turns fewer on a third check set of conversations (123 against 126 of 168): its sharper
 * scores cross the bars the conversation rules read them by. Not shipped (README).
 */
export const PUFA_LR_OPTIONS: LinearTopicOptions = { C: 10, minDf: 1, balanced: true, words: true };
export const PUFA_CHAR_OPTIONS: LinearTopicOptions = ANCHOR_OPTIONS;
/** Weight of the char view in the average (the word view has the rest). */
export const PUFA_CHAR_WEIGHT = 0.5;
/**
 * A topic scoring below this is never answered or offered (the lowest floor for choices is
 * 0.05, src/nlu/decide.ts), so its intents keep equal shares when node-nlp gave it nothing.
 */
const CENTROID_MIN_SCORE = 0.05;

/**
 * How the pufa ranker shares a topic's probability among the topic's intents, from node-nlp's
 * scores of those intents (`nn`, renormalised within the topic) and the text's intent-centroid
 * shares (`c`, src/nlu/intent-centroids.ts). Where node-nlp gives the topic nothing, `c` alone.
 */
export interface WithinTopicRule {
  /** α in α·nn + (1 − α)·c: 1 is node-nlp alone, 0 the centroids alone. */
  nlpWeight: number;
  /** node-nlp alone when its largest share within the topic is at least this (default: never). */
  confidentAt?: number;
  /**
   * Instead of a fixed α: node-nlp's raw scores plus this much mass of centroid shares,
   * (nnRaw_i + m·c_i) / (Σ nnRaw + m) — node-nlp weighs as much as it scored the topic.
   */
  centroidMass?: number;
}

/**
 * The shipped rule: 0.1·node-nlp + 0.9·centroids (README "Choosing the intent within a topic",
 * `npx tsx bench/intent-cv.ts`). Chosen by 5-fold cross-validation over the utterances of
 * intents/ and by how many decisions of other topics a small data change moves: the gold intent
 * first within its gold topic 85.8 % for node-nlp alone, 88.2 % for the centroids alone, 89.4 %
 * here (α = 0.05 / 0.15 / 0.2 / 0.5: 88.8 / 89.2 / 88.9 / 86.6 %); decisions of other topics
 * moved by 8 (or 6) utterances added to one intent: 25 and 29 for node-nlp alone, 7 and 9 here.
 * The centroid shares are flat (a text is similar to every intent of its topic), node-nlp's
 * nearly 0 or 1, so with this weight node-nlp decides the close calls of the centroids.
 */
export const WITHIN_TOPIC: WithinTopicRule = { nlpWeight: 0.1 };
/** node-nlp alone (a topic below CENTROID_MIN_SCORE, whatever the rule). */
const WITHIN_TOPIC_NLP: WithinTopicRule = { nlpWeight: 1 };

/**
 * Shares of a topic's intents (in the order of `nnRaw`, node-nlp's raw score of each), summing
 * to 1. `centroids` is asked only when the rule needs it.
 */
export function withinTopicShares(nnRaw: readonly number[], centroids: () => readonly number[], rule: WithinTopicRule): number[] {
  let nnTopic = 0;
  for (const x of nnRaw) nnTopic += x;
  if (!(nnTopic > 0)) return [...centroids()];
  if (rule.centroidMass !== undefined) {
    const m = rule.centroidMass;
    const c = centroids();
    return nnRaw.map((x, i) => (x + m * (c[i] as number)) / (nnTopic + m));
  }
  const nn = nnRaw.map((x) => x / nnTopic);
  if (rule.nlpWeight >= 1) return nn;
  if (rule.confidentAt !== undefined && Math.max(...nn) >= rule.confidentAt) return nn;
  const c = centroids();
  const a = rule.nlpWeight;
  return nn.map((x, i) => a * x + (1 - a) * (c[i] as number));
}
interface PufaSaved {
  kind: 'pufa';
  lr: ModelData;
  charLr: ModelData;
  engine: ModelData;
  /** The evidence words (counted from the same intents the key covers). */
  evidence: TopicEvidenceModel;
  /** Each intent's centroid, for the intent within a topic node-nlp gave nothing. */
  centroids: IntentCentroidsModel;
}

/**
 * A class, not an object literal: V8 may decide to allocate a literal's objects straight in
 * the old space when many of them were alive at a scavenge (its "pretenuring" of the
 * literal's allocation site; these sit in the memo below), and a dead one there keeps its
 * young `p` and `evident` alive through every scavenge until the next full collection.
 */
class TopicStage {
  constructor(
    /** Topic probabilities in `lr.classes` order (read only). */
    readonly p: Float64Array,
    /** Topics the text has a word for. */
    readonly evident: ReadonlySet<string>,
  ) {}
}

class PufaRanker implements IntentRanker {
  readonly kind = 'pufa' as const;
  readonly name = 'pufa: mean of a char+word LR and a char LR over topics; intent centroids blended with node-nlp pick the intent';
  readonly settings: Readonly<Record<string, unknown>>;
  private readonly lr: CharLrTopicModel;
  private readonly charLr: CharLrTopicModel;
  /** Both views' features found at once (their character n-grams are the same). */
  private readonly views: CharLrViews;
  private readonly engine: IntentEngine;
  private evidence: TopicEvidence | undefined;
  private readonly intentsOfTopic: Map<string, string[]>;
  private readonly topicOf: Map<string, string>;
  private centroids: IntentCentroids | undefined;
  private readonly withinTopic: WithinTopicRule;

  constructor(
    private readonly intents: readonly IntentDef[],
    private readonly options: RankerOptions,
  ) {
    this.engine = new IntentEngine({ kind: 'domain', terms: options.terms, ...(options.log ? { log: options.log } : {}) });
    this.lr = new CharLrTopicModel(options.normalize, PUFA_LR_OPTIONS, (t) => this.engine.tokens(t));
    this.charLr = new CharLrTopicModel(options.normalize, PUFA_CHAR_OPTIONS);
    // The centroids' 2–3-grams are the char view's too: one table, looked up where the views just were.
    this.views = new CharLrViews([this.lr, this.charLr], undefined, () => this.centroids?.vocabulary);
    this.settings = {
      kind: this.kind,
      lr: PUFA_LR_OPTIONS,
      charLr: PUFA_CHAR_OPTIONS,
      charWeight: PUFA_CHAR_WEIGHT,
      iterations: DOMAIN_TRAINING_ITERATIONS,
      evidence: { everyday: EVERYDAY_FREQUENCY, lift: LIFT, minShare: MIN_SHARE, minUses: MIN_USES, unusedTopicTerms: options.topicTerms !== undefined ? 'unused-by-the-topic' : false },
      centroids: { ngrams: [2, 3], minScore: CENTROID_MIN_SCORE, layout: 'by-ngram' },
    };
    this.intentsOfTopic = topicIndex(intents);
    this.topicOf = new Map(intents.map((i) => [i.id, i.topic]));
    this.withinTopic = options.withinTopic ?? WITHIN_TOPIC;
  }

  async train(intents: readonly IntentDef[]): Promise<void> {
    this.stages.clear();
    await this.engine.train(intents);
    this.lr.train(intents);
    this.charLr.train(intents);
    this.evidence = this.trainEvidence(intents);
    this.centroids = IntentCentroids.train(intents, this.options.normalize);
  }

  export(): PufaSaved {
    if (!this.evidence || !this.centroids) throw new Error('model not trained');
    return { kind: 'pufa', lr: this.lr.export(), charLr: this.charLr.export(), engine: this.engine.export(), evidence: this.evidence.toJSON(), centroids: this.centroids.toJSON() };
  }

  /**
   * The evidence words are saved with the model: they are counted from the intents (with
   * jieba, the domain terms, the normaliser and jieba's word frequencies), all of which the
   * cache key covers.
   */
  import(model: ModelData): void {
    const saved = model as PufaSaved;
    if (saved?.kind !== 'pufa' || saved.charLr === undefined || !Array.isArray(saved.evidence?.words)) throw new Error('not a pufa model file');
    this.stages.clear();
    this.lr.import(saved.lr);
    this.charLr.import(saved.charLr);
    this.engine.import(saved.engine);
    this.evidence = TopicEvidence.fromJSON(saved.evidence);
    this.centroids = IntentCentroids.fromJSON(saved.centroids);
  }

  private trainEvidence(intents: readonly IntentDef[]): TopicEvidence {
    return TopicEvidence.train(intents, (t) => this.engine.tokens(t), this.options.normalize, {
      generalFrequency: generalFrequencies,
      terms: this.options.terms,
      ...(this.options.topicTerms ? { topicTerms: this.options.topicTerms } : {}),
    });
  }

  /** Topic probabilities in `lr.classes` order: the two views averaged; undefined when the text has no known feature. */
  private topicProbabilities(text: string): Float64Array | undefined {
    // The views' own arrays (overwritten by their next call): averaged, or copied, into one of ours.
    const [p, q] = this.views.probabilitiesShared(text);
    if (!p || !q) return p || q ? Float64Array.from((p ?? q) as Float64Array) : undefined;
    const out = new Float64Array(p.length);
    for (let k = 0; k < p.length; k += 1) out[k] = (1 - PUFA_CHAR_WEIGHT) * (p[k] as number) + PUFA_CHAR_WEIGHT * (q[k] as number);
    return out;
  }

  /** The topic stage of the last texts: a letter's sentence is ranked for its topics, then again for the intent of the one it names. */
  private readonly stages = new Map<string, TopicStage | undefined>();

  /** Topic probabilities and the topics the text has words for; undefined when it carries no evidence at all. */
  private topicStage(normalized: string): TopicStage | undefined {
    if (this.stages.has(normalized)) return this.stages.get(normalized);
    const stage = this.computeTopicStage(normalized);
    if (this.stages.size >= 16) this.stages.clear();
    this.stages.set(normalized, stage);
    return stage;
  }

  private computeTopicStage(normalized: string): TopicStage | undefined {
    const evident = this.evidentTopics(normalized);
    // No evidence, no ranking: a text made only of unknown or everyday words ("股票会涨吗").
    // A word that is evidence for a topic is enough, however many intents use it: "油烟问题有没有
    // 人跟进" has an unknown word (跟进) and 油烟, which node-nlp's intents share too widely to count.
    if (evident.size === 0 && this.engine.evidence(normalized) === 0) return undefined;
    const p = this.topicProbabilities(distinctSentences(normalized));
    if (!p) return undefined;
    return new TopicStage(p, evident);
  }

  private centroidShares(normalized: string, ids: readonly string[]): number[] {
    if (!this.centroids) throw new Error('model not trained');
    return this.centroids.shares(normalized, ids, this.views);
  }

  async rank(normalized: string): Promise<IntentScore[]> {
    const stage = this.topicStage(normalized);
    if (!stage) return [];
    const { p, evident } = stage;
    const nn = new Map<string, number>();
    for (const s of await this.engine.classify(normalized)) if (this.topicOf.has(s.intent)) nn.set(s.intent, s.score);
    const out: IntentScore[] = [];
    this.lr.classes.forEach((topic, k) => {
      const score = p[k] as number;
      if (score <= 0) return;
      const ids = this.intentsOfTopic.get(topic) ?? [];
      const evidence = evident.has(topic);
      const nnRaw = ids.map((id) => nn.get(id) ?? 0);
      // Within a topic that can matter to the reply, the rule (node-nlp, the intent centroids or
      // both); below that, node-nlp's shares, or equal shares when it gave the topic nothing.
      const shares =
        score >= CENTROID_MIN_SCORE && ids.length > 1
          ? withinTopicShares(nnRaw, () => this.centroidShares(normalized, ids), this.withinTopic)
          : withinTopicShares(nnRaw, () => ids.map(() => 1 / ids.length), WITHIN_TOPIC_NLP);
      ids.forEach((intent, i) => {
        const share = shares[i] as number;
        if (share > 0) out.push({ intent, topic, score: score * share, evidence });
      });
    });
    return out.sort(byScore);
  }

  preload(): void {
    this.engine.preload();
    this.views.preload();
  }

  forget(): void {
    this.stages.clear();
    this.views.forget();
    this.engine.forget();
    this.centroids?.forget();
  }

  /** The topics the text has a word for (the evidence words of src/nlu/evidence.ts): the topic stage's `evident`, no topic model run. */
  evidentTopics(normalized: string): Set<string> {
    // The topic stage of the same text found them already (a message's whole text is asked for both).
    const known = this.stages.get(normalized)?.evident;
    if (known) return new Set(known);
    return this.evidence?.topics(this.engine.tokens(normalized), (w) => this.engine.isWord(w)) ?? new Set<string>();
  }

  orderTopics(normalized: string): string[] {
    const stage = this.topicStage(normalized);
    if (stage) return this.topicsByScore(stage.p).map((t) => t.topic);
    const p = this.topicProbabilities(distinctSentences(normalized));
    // No word of any topic: the brain declines, so "not ours" is its first topic whatever the model's order.
    const rest = p ? this.topicsByScore(p).map((t) => t.topic).filter((t) => t !== OUT_OF_SCOPE_TOPIC) : [];
    return [OUT_OF_SCOPE_TOPIC, ...rest];
  }

  /** The topic stage alone: node-nlp is not run (its shares within a topic sum to the topic's probability). */
  rankTopics(normalized: string): Promise<TopicScoreEntry[]> {
    const stage = this.topicStage(normalized);
    if (!stage) return Promise.resolve([]);
    return Promise.resolve(this.topicsByScore(stage.p, stage.evident));
  }

  /**
   * The topics with a probability above zero in `p` (`lr.classes` order), highest first; with
   * `evident`, those the text has no word for marked `evidence: false` (each entry built whole:
   * a copy with the mark added was 2 % of a message).
   */
  private topicsByScore(p: Float64Array, evident?: ReadonlySet<string>): TopicScoreEntry[] {
    const out: TopicScoreEntry[] = [];
    this.lr.classes.forEach((topic, k) => {
      const score = p[k] as number;
      if (!(score > 0)) return;
      out.push(evident && !evident.has(topic) ? { topic, score, evidence: false } : { topic, score });
    });
    return out.sort(byScore);
  }
}

/**
 * The text with repeated sentences kept once: a letter that says the same thing ten times
 * (or a pasted block) should not outweigh the one sentence that asks.
 */
export function distinctSentences(text: string): string {
  const parts = sentences(text);
  if (parts.length < 2) return text;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    const key = p.replace(/[。！？!?；;\n\s]+$/u, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.join('');
}

/** The previous brains, behind the same interface. */
class ClassifierRanker implements IntentRanker {
  readonly name: string;
  readonly settings: Readonly<Record<string, unknown>>;
  private readonly classifier: IntentClassifier;

  constructor(
    readonly kind: 'legacy' | 'jieba' | 'vanilla',
    intents: readonly IntentDef[],
    options: RankerOptions,
  ) {
    const priorWeight = kind === 'legacy' ? options.priorWeight : 0;
    this.classifier = new IntentClassifier(intents, {
      kind: kind === 'vanilla' ? 'vanilla' : 'domain',
      terms: options.terms,
      normalize: options.normalize,
      ...(options.log ? { log: options.log } : {}),
      ...(priorWeight !== undefined ? { priorWeight } : {}),
    });
    this.settings = { ...this.classifier.settings };
    this.name = {
      legacy: 'legacy: character naive-Bayes prior × node-nlp on jieba',
      jieba: 'node-nlp on jieba with the domain dictionary',
      vanilla: 'node-nlp with @nlpjs/lang-zh',
    }[kind];
  }

  train(intents: readonly IntentDef[]): Promise<void> {
    return this.classifier.train(intents);
  }

  rank(normalized: string): Promise<IntentScore[]> {
    return this.classifier.rank(normalized);
  }

  async rankTopics(normalized: string): Promise<TopicScoreEntry[]> {
    return topicsOf(await this.rank(normalized));
  }

  export(): ModelData {
    return this.classifier.export();
  }

  import(model: ModelData): void {
    this.classifier.import(model);
  }
}

export function createRanker(kind: RankerKind, intents: readonly IntentDef[], options: RankerOptions): IntentRanker {
  switch (kind) {
    case 'pufa':
      return new PufaRanker(intents, options);
    case 'anchor':
      return new AnchorRanker(intents, options);
    default:
      return new ClassifierRanker(kind, intents, options);
  }
}
