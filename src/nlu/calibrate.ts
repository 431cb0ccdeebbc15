import type { IntentScore } from '../core/types.js';
import type { IntentDef } from '../knowledge/types.js';
import { decide, type Thresholds } from './decide.js';
import { IntentClassifier } from './classifier.js';

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
  seed?: number;
}

export interface HeldOut {
  intent: string;
  topic: string;
  ranking: IntentScore[];
}

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
  best: CalibrationRow;
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

export async function heldOutRankings(intents: readonly IntentDef[], terms: readonly string[], folds: number, seed: number, normalize: (s: string) => string): Promise<HeldOut[]> {
  const samples = shuffled(
    intents.flatMap((i) => i.utterances.map((u) => ({ intent: i.id, topic: i.topic, text: u }))),
    seed,
  );
  const out: HeldOut[] = [];
  for (let f = 0; f < folds; f += 1) {
    const test = samples.filter((_, i) => i % folds === f);
    const trainSet = new Set(samples.filter((_, i) => i % folds !== f).map((s) => `${s.intent}\u0000${s.text}`));
    const training: IntentDef[] = intents.map((i) => ({ ...i, utterances: i.utterances.filter((u) => trainSet.has(`${i.id}\u0000${u}`)) }));
    const usable = training.filter((i) => i.utterances.length > 0);
    const classifier = new IntentClassifier(usable, { kind: 'domain', terms, normalize });
    await classifier.train(usable);
    for (const s of test) out.push({ intent: s.intent, topic: s.topic, ranking: await classifier.rank(normalize(s.text)) });
  }
  return out;
}

export function scoreThresholds(heldOut: readonly HeldOut[], t: Thresholds, o: Required<Omit<CalibrationOptions, 'folds' | 'seed'>>): CalibrationRow {
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
      row.utility += right ? o.rewardCorrect : 0;
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
  };
  const heldOut = await heldOutRankings(intents, terms, folds, options.seed ?? 42, normalize);
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
  const top1Topic = heldOut.filter((h) => h.ranking[0]?.topic === h.topic).length / heldOut.length;
  return { best: best as CalibrationRow, samples: heldOut.length, folds, top1, top1Topic };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
