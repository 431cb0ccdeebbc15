import type { IntentScore } from '../core/types.js';
import type { Brain } from './brain.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './decide.js';
import { evaluate } from './eval-file.js';
import type { EvalItem, EvalPrediction, EvalSubset } from './evaluate.js';
import type { IntentRanker } from './rankers.js';
import type { TopicScoreEntry } from './topic-model.js';

/**
 * Choosing the decision thresholds (src/nlu/decide.ts) on labelled messages written the way
 * citizens write — our own `test/nlu/data/` sets, or a bureau's reviewed messages, never the
 * evaluation file. The whole brain answers every message under every setting of the grid,
 * and the setting with the highest harm-weighted utility wins: a wrong answer costs more
 * than a question back, because a wrong fine told to a vendor is a real harm. `pufa
 * calibrate` prints the result; the shipped defaults were chosen this way (README "Accuracy
 * and speed").
 */

/** What each outcome is worth. */
export const UTILITY = {
  /** Right answer, right decline, right small-talk reply. */
  right: 1,
  /** An answer on the wrong subject. */
  wrongAnswer: -2,
  /** A question back whose choices hold the right topic (one more reply for the citizen). */
  usefulChoice: 0.4,
  /** A question back without it. */
  uselessChoice: -0.3,
  /** "Not a 城管 matter" said of one: the citizen is sent away. */
  wrongDecline: -1,
} as const;

/** The utility of one labelled message's reply. */
export function utilityOf(p: Pick<EvalPrediction, 'item' | 'predicted' | 'reply'>): number {
  const label = p.item.topic;
  if (p.predicted === 'clarify') return p.reply.choices.some((c) => c.topic === label) ? UTILITY.usefulChoice : UTILITY.uselessChoice;
  if (p.predicted === label) return UTILITY.right;
  return p.predicted === 'out_of_scope' ? UTILITY.wrongDecline : UTILITY.wrongAnswer;
}

/**
 * The settings tried: answer 0.20–0.40 × lead 0–0.20 × choices floor 0.05–0.15 × "not ours"
 * alternatives (1 = always decline when "not ours" wins; 0.7, 0.5, 0.3 = ask back with the
 * bureau topics scoring at least that share of it, its redirect the last choice). The other
 * settings stay the shipped ones: the answer without an evidence word (`sure`), since our
 * calibration messages have no bureau question the model is that sure of without such a word
 * (README), and the general redirect, which changes a decline's department, not its topic.
 */
export function thresholdGrid(): Thresholds[] {
  const out: Thresholds[] = [];
  for (const answer of [0.2, 0.25, 0.3, 0.35, 0.4])
    for (const gap of [0, 0.05, 0.1, 0.15, 0.2])
      for (const clarify of [0.05, 0.1, 0.15])
        for (const outOfScopeAlternatives of [1, 0.7, 0.5, 0.3])
          out.push({ ...DEFAULT_THRESHOLDS, answer, clarify, gap, outOfScopeAlternatives, offerNotOurs: outOfScopeAlternatives < 1 });
  return out;
}

/**
 * The letter rule tried on top of a setting: none (every length answered from `answer`), or
 * letters from 100, 150, 175, 200 or 250 characters answered from 0.3–0.5. A second stage, on the best
 * setting of `thresholdGrid`, so the grid does not grow ninefold.
 */
export function letterGrid(base: Thresholds): Thresholds[] {
  const { letter: _shipped, ...without } = base;
  const out: Thresholds[] = [without];
  for (const chars of [100, 150, 175, 200, 250]) for (const answer of [0.3, 0.33, 0.35, 0.4, 0.45, 0.5]) if (answer > base.answer) out.push({ ...without, letter: { chars, answer } });
  return out;
}

export interface CalibrationRow {
  thresholds: Thresholds;
  utility: number;
  /** The `pufa eval` figures of the certain lines under these thresholds. */
  figures: EvalSubset;
}

export interface CalibrationResult {
  /** Labelled messages used. */
  messages: number;
  /** Every setting tried, best first (ties: fewer changes to the brain's thresholds, then grid order). */
  rows: CalibrationRow[];
  /** The recommendation: the highest utility, or the current setting when it ties with it. */
  best: CalibrationRow;
  /** The brain's own thresholds (the configured ones), scored the same way. */
  current: CalibrationRow;
}

export interface CalibrateOptions {
  grid?: readonly Thresholds[];
  /** Try the letter rule on the best setting of the grid (`letterGrid`); default: when the grid is the default one. */
  letters?: boolean;
  /** Called after each setting (for a progress line). */
  onProgress?: (done: number, total: number) => void;
}

/** Score `brain` under every setting of the grid on the labelled messages. */
export async function calibrate(brain: Brain, items: readonly EvalItem[], options: CalibrateOptions = {}): Promise<CalibrationResult> {
  if (items.length === 0) throw new Error('no labelled messages to calibrate on');
  const grid = options.grid ?? thresholdGrid();
  // The ranking of a text does not depend on the thresholds: rank each text once.
  const ranker = memoized(brain.ranker);
  const score = async (t: Thresholds): Promise<CalibrationRow> => {
    const { report, predictions } = await evaluate(brain.withThresholds(t, ranker), items);
    return { thresholds: t, utility: predictions.reduce((sum, p) => sum + utilityOf(p), 0), figures: report.certain };
  };
  const rows: CalibrationRow[] = [];
  const letters = options.letters ?? options.grid === undefined;
  for (const t of grid) {
    rows.push(await score(t));
    options.onProgress?.(rows.length, grid.length);
  }
  // Equal utility: the setting that changes fewer of the brain's thresholds first (a change no
  // better than keeping a value is no reason to make it), then grid order.
  const changes = (t: Thresholds): number => changedKeys(t, brain.thresholds);
  const bestFirst = (): CalibrationRow[] =>
    rows
      .map((r, i) => ({ r, i, c: changes(r.thresholds) }))
      .sort((a, b) => b.r.utility - a.r.utility || a.c - b.c || a.i - b.i)
      .map((x) => x.r);
  if (letters) {
    // Known only now: the second stage's settings, on the best of the first (one of them may be it).
    const stage = letterGrid((bestFirst()[0] as CalibrationRow).thresholds).filter((t) => !rows.some((r) => same(r.thresholds, t)));
    for (const t of stage) {
      rows.push(await score(t));
      options.onProgress?.(rows.length, grid.length + stage.length);
    }
  }
  const sorted = bestFirst();
  const current = rows.find((r) => same(r.thresholds, brain.thresholds)) ?? (await score(brain.thresholds));
  // A setting no better than the configured one is no reason to change it.
  const top = sorted[0] as CalibrationRow;
  return { messages: items.length, rows: sorted, best: current.utility >= top.utility - 1e-9 ? current : top, current };
}

/** How many thresholds differ between two settings (the letter rule compared by its values). */
function changedKeys(a: Thresholds, b: Thresholds): number {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Thresholds)[]);
  return [...keys].filter((k) => (k === 'letter' ? a.letter?.chars !== b.letter?.chars || a.letter?.answer !== b.letter?.answer : a[k] !== b[k])).length;
}

function same(a: Thresholds, b: Thresholds): boolean {
  return changedKeys(a, b) === 0;
}

/** The ranker with each text's ranking remembered (a calibration asks the same texts hundreds of times). */
function memoized(ranker: IntentRanker): IntentRanker {
  const ranks = new Map<string, Promise<IntentScore[]>>();
  const topics = new Map<string, Promise<TopicScoreEntry[]>>();
  const remember = <T>(m: Map<string, Promise<T>>, text: string, f: () => Promise<T>): Promise<T> => {
    let v = m.get(text);
    if (!v) m.set(text, (v = f()));
    return v;
  };
  return Object.assign(Object.create(ranker) as IntentRanker, {
    rank: (text: string) => remember(ranks, text, () => ranker.rank(text)).then((r) => r.map((s) => ({ ...s }))),
    rankTopics: (text: string) => remember(topics, text, () => ranker.rankTopics(text)).then((r) => r.map((s) => ({ ...s }))),
  });
}

/** The environment lines that set `t` (README "Configuration"). */
export function thresholdEnv(t: Thresholds): string {
  return [
    `NLU_ANSWER_THRESHOLD=${t.answer}`,
    `NLU_CLARIFY_THRESHOLD=${t.clarify}`,
    `NLU_MIN_GAP=${t.gap}`,
    `NLU_NOT_OURS_SHARE=${t.outOfScopeAlternatives ?? 1}`,
    `NLU_SURE_THRESHOLD=${t.sure ?? 1}`,
    `NLU_LETTER_ANSWER_THRESHOLD=${t.letter?.answer ?? 0}`,
    ...(t.letter ? [`NLU_LETTER_CHARS=${t.letter.chars}`] : []),
  ].join(' ');
}
