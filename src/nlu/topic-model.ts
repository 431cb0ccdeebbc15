import type { IntentDef } from '../knowledge/types.js';
import type { ModelData } from './cache.js';
import { LogReg, Tfidf, type LogRegModel, type TfidfModel } from './linear.js';

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
export function charNgrams(text: string, min = 1, max = 3): string[] {
  const s = text.toLowerCase().replace(/\s\s+/gu, ' ');
  // Start of every code point (a surrogate pair is one character), then the end.
  const starts: number[] = [];
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || !isHighSurrogate(s.charCodeAt(i - 1))) starts.push(i);
  }
  const count = starts.length;
  starts.push(s.length);
  const out: string[] = [];
  for (let n = min; n <= max; n += 1) {
    for (let i = 0; i + n <= count; i += 1) out.push(s.slice(starts[i], starts[i + n]));
  }
  return out;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export interface LabelledText {
  text: string;
  label: string;
}

export function topicSamples(intents: readonly IntentDef[], normalize: (s: string) => string): LabelledText[] {
  return intents.flatMap((i) => i.utterances.map((u) => ({ text: normalize(u), label: i.topic })));
}

export function ranked(classes: readonly string[], p: ArrayLike<number>): TopicScoreEntry[] {
  return classes.map((topic, k) => ({ topic, score: p[k] as number })).sort((a, b) => b.score - a.score);
}

export interface LinearTopicOptions {
  /** Inverse regularisation strength (sklearn's C). */
  C: number;
  /** Drop n-grams seen in fewer training utterances. */
  minDf: number;
  /** Weigh samples so that every topic counts the same (sklearn's class_weight="balanced"). */
  balanced: boolean;
  /** Add the words of the text (jieba with the domain dictionary) as features besides the characters. */
  words: boolean;
}

export const ANCHOR_OPTIONS: LinearTopicOptions = { C: 10, minDf: 1, balanced: false, words: false };

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
export class CharLrTopicModel implements TopicModel {
  readonly name: string;
  private tfidf: Tfidf | undefined;
  private lr: LogReg | undefined;
  /** Iterations L-BFGS took at the last training. */
  iterations = 0;

  constructor(
    private readonly normalize: (s: string) => string = (s) => s,
    readonly options: LinearTopicOptions = ANCHOR_OPTIONS,
    /** Word segmenter, needed when `options.words`. */
    private readonly tokenize?: (text: string) => string[],
  ) {
    if (options.words && !tokenize) throw new Error('word features need a tokenizer');
    this.name = `char 1–3-gram${options.words ? ' + word' : ''} TF-IDF + LR (C=${options.C}${options.minDf > 1 ? `, min df ${options.minDf}` : ''}${options.balanced ? ', balanced' : ''})`;
  }

  /** The features of a text: its character 1–3-grams, and its words when configured. */
  features(text: string): string[] {
    const chars = charNgrams(text);
    if (!this.options.words || !this.tokenize) return chars;
    return [...chars, ...this.tokenize(text).map((w) => `\u0001${w}`)];
  }

  get classes(): readonly string[] {
    return this.lr?.classes ?? [];
  }

  train(intents: readonly IntentDef[]): void {
    const samples = topicSamples(intents, this.normalize);
    const classes = [...new Set(samples.map((s) => s.label))].sort();
    const index = new Map(classes.map((c, i) => [c, i]));
    const { tfidf, X } = Tfidf.fit(
      samples.map((s) => this.features(s.text)),
      { minDf: this.options.minDf },
    );
    const y = samples.map((s) => index.get(s.label) as number);
    let sampleWeight: Float64Array | undefined;
    if (this.options.balanced) {
      const counts = classes.map((_, k) => y.filter((v) => v === k).length);
      sampleWeight = Float64Array.from(y, (k) => samples.length / (classes.length * (counts[k] as number)));
    }
    const { model, iterations } = LogReg.fit(X, y, classes, { C: this.options.C, maxIter: 3000, ...(sampleWeight ? { sampleWeight } : {}) });
    this.tfidf = tfidf;
    this.lr = model;
    this.iterations = iterations;
  }

  /** Topic probabilities in `classes` order; undefined when no n-gram of the text is known. */
  probabilities(normalized: string): Float64Array | undefined {
    if (!this.tfidf || !this.lr) throw new Error('topic model not trained');
    const { idx, val } = this.tfidf.row(this.features(normalized));
    // sklearn predicts the intercepts' softmax for a text with no known n-gram; we say "nothing".
    if (idx.length === 0) return undefined;
    return this.lr.predict(idx, val);
  }

  rank(normalized: string): TopicScoreEntry[] {
    const p = this.probabilities(normalized);
    return p ? ranked(this.classes, p) : [];
  }

  export(): LinearSaved {
    if (!this.tfidf || !this.lr) throw new Error('topic model not trained');
    return { kind: 'charlr', options: this.options, tfidf: this.tfidf.toJSON(), lr: this.lr.toJSON() };
  }

  import(model: ModelData): void {
    const saved = model as LinearSaved;
    if (saved?.kind !== 'charlr') throw new Error('not a char-LR topic model');
    this.tfidf = Tfidf.fromJSON(saved.tfidf);
    this.lr = LogReg.fromJSON(saved.lr);
  }
}
