import type { IntentScore } from '../core/types.js';
import type { IntentDef } from '../knowledge/types.js';
import { decide, topicScores, type Thresholds } from './decide.js';
import { IntentClassifier } from './classifier.js';
import { createRanker, type RankerKind } from './rankers.js';

/**
 * Threshold calibration by k-fold cross-validation over our own training utterances
 * (never the evaluation file): every utterance is classified by a model that did not see
 * it, and the thresholds that maximise a harm-weighted utility are chosen. A wrong answer
 * costs more than a question back, because a wrong fine told to a vendor is a real harm.
 */
export interface CalibrationOptions {
  folds?: number;
  /** Utility weights. */
  rewardCorrect?: number;
  costWrong?: number;
  rewardUsefulClarify?: number;
  costUselessClarify?: number;
  /** Telling a citizen "not a 城管 matter" when it is one sends them away: a harm too. */
  costWrongDecline?: number;
  seed?: number;
  /** Which ranker to calibrate (default `pufa`, the shipped one). */
  ranker?: RankerKind;
}

export interface HeldOut {
  intent: string;
  topic: string;
  ranking: IntentScore[];
}

/** Prior weight × sharpness settings tried by the calibration (the first is the default). */
export interface MixSetting {
  priorWeight: number;
  sharpness: number;
  halfLength: number;
}
export const MIX_GRID: ReadonlyArray<MixSetting> = [0.7, 0, 0.5, 0.85, 1].flatMap((priorWeight) =>
  [1, 0.3, 3].flatMap((sharpness) => [10, 0, 30].map((halfLength) => ({ priorWeight, sharpness, halfLength }))),
);

const mixKey = (m: MixSetting): string => `${m.priorWeight}/${m.sharpness}/${m.halfLength}`;

export interface CalibrationRow {
  thresholds: Thresholds;
  utility: number;
  answered: number;
  answeredCorrect: number;
  clarified: number;
  clarifiedUseful: number;
  declined: number;
}

export interface CalibrationResult {
  ranker: RankerKind;
  best: CalibrationRow;
  /** Legacy ranker only: prior weight and sharpness with the best held-out top-1 topic accuracy. */
  mix: MixSetting;
  /** Held-out top-1 topic accuracy of every mix tried. */
  mixes: (MixSetting & { top1Topic: number })[];
  samples: number;
  folds: number;
  /** Top-1 intent accuracy of the held-out predictions (no thresholds). */
  top1: number;
  top1Topic: number;
}

/** Deterministic shuffle (mulberry32) so calibration is repeatable. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export async function heldOutRankings(
  intents: readonly IntentDef[],
  terms: readonly string[],
  folds: number,
  seed: number,
  normalize: (s: string) => string,
  grid: ReadonlyArray<MixSetting> = [MIX_GRID[0] as MixSetting],
  kind: RankerKind = 'legacy',
): Promise<Map<string, HeldOut[]>> {
  const samples = shuffled(
    intents.flatMap((i) => i.utterances.map((u) => ({ intent: i.id, topic: i.topic, text: u }))),
    seed,
  );
  const out = new Map<string, HeldOut[]>(grid.map((m) => [mixKey(m), []]));
  for (let f = 0; f < folds; f += 1) {
    const test = samples.filter((_, i) => i % folds === f);
    const trainSet = new Set(samples.filter((_, i) => i % folds !== f).map((s) => `${s.intent}\u0000${s.text}`));
    const training: IntentDef[] = intents.map((i) => ({ ...i, utterances: i.utterances.filter((u) => trainSet.has(`${i.id}\u0000${u}`)) }));
    const usable = training.filter((i) => i.utterances.length > 0);
    if (kind === 'legacy') {
      const classifier = new IntentClassifier(usable, { kind: 'domain', terms, normalize });
      await classifier.train(usable);
      for (const s of test) {
        const text = normalize(s.text);
        for (const m of grid) out.get(mixKey(m))?.push({ intent: s.intent, topic: s.topic, ranking: await classifier.rank(text, m) });
      }
    } else {
      // Other rankers have no prior mix: every grid entry gets the same rankings.
      const ranker = createRanker(kind, usable, { terms, normalize });
      await ranker.train(usable);
      for (const s of test) {
        const ranking = await ranker.rank(normalize(s.text));
        for (const m of grid) out.get(mixKey(m))?.push({ intent: s.intent, topic: s.topic, ranking });
      }
    }
  }
  return out;
}

export function scoreThresholds(heldOut: readonly HeldOut[], t: Thresholds, o: Required<Omit<CalibrationOptions, 'folds' | 'seed' | 'ranker'>>): CalibrationRow {
  const row: CalibrationRow = { thresholds: t, utility: 0, answered: 0, answeredCorrect: 0, clarified: 0, clarifiedUseful: 0, declined: 0 };
  for (const h of heldOut) {
    const d = decide(h.ranking, t);
    const oos = h.topic === 'out_of_scope';
    if (d.action === 'answer') {
      row.answered += 1;
      const ok = d.top?.intent === h.intent;
      if (ok) row.answeredCorrect += 1;
      // A sibling answer of the right topic is still on the subject (half credit); an
      // answer on the wrong subject is what hurts.
      row.utility += ok ? o.rewardCorrect : d.top?.topic === h.topic ? o.rewardCorrect / 2 : -o.costWrong;
    } else if (d.action === 'clarify') {
      row.clarified += 1;
      const useful = d.candidates.some((c) => c.intent === h.intent);
      if (useful) row.clarifiedUseful += 1;
      row.utility += useful ? o.rewardUsefulClarify : -o.costUselessClarify;
    } else {
      row.declined += 1;
      // Declining an out-of-scope question (with or without the redirect) is right.
      const right = oos || d.top?.intent === h.intent;
      row.utility += right ? o.rewardCorrect : -o.costWrongDecline;
    }
  }
  return row;
}

export async function calibrate(intents: readonly IntentDef[], terms: readonly string[], normalize: (s: string) => string, options: CalibrationOptions = {}): Promise<CalibrationResult> {
  const folds = options.folds ?? 5;
  const weights = {
    rewardCorrect: options.rewardCorrect ?? 1,
    costWrong: options.costWrong ?? 2,
    rewardUsefulClarify: options.rewardUsefulClarify ?? 0.4,
    costUselessClarify: options.costUselessClarify ?? 0.3,
    costWrongDecline: options.costWrongDecline ?? 1,
  };
  const kind = options.ranker ?? 'pufa';
  const grid = kind === 'legacy' ? MIX_GRID : [MIX_GRID[0] as MixSetting];
  const all = await heldOutRankings(intents, terms, folds, options.seed ?? 42, normalize, grid, kind);
  const topicAccuracy = (h: readonly HeldOut[]): number => h.filter((x) => topicScores(x.ranking)[0]?.topic === x.topic).length / h.length;
  const mixes = grid.map((m) => ({ ...m, top1Topic: topicAccuracy(all.get(mixKey(m)) ?? []) }));
  // Ties keep the earlier (default) setting.
  const mix = mixes.reduce((a, b) => (b.top1Topic > a.top1Topic + 1e-9 ? b : a));
  const heldOut = all.get(mixKey(mix)) ?? [];
  let best: CalibrationRow | undefined;
  for (let answer = 0.3; answer <= 0.951; answer += 0.05) {
    for (let clarify = 0.05; clarify <= answer + 1e-9; clarify += 0.05) {
      for (let gap = 0; gap <= 0.61; gap += 0.05) {
        const t = { answer: round(answer), clarify: round(clarify), gap: round(gap) };
        const row = scoreThresholds(heldOut, t, weights);
        if (!best || row.utility > best.utility + 1e-9) best = row;
      }
    }
  }
  const top1 = heldOut.filter((h) => h.ranking[0]?.intent === h.intent).length / heldOut.length;
  const top1Topic = topicAccuracy(heldOut);
  return { ranker: kind, best: best as CalibrationRow, mix: { priorWeight: mix.priorWeight, sharpness: mix.sharpness, halfLength: mix.halfLength }, mixes, samples: heldOut.length, folds, top1, top1Topic };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
