import type { Brain } from './brain.js';
import { type Thresholds } from './decide.js';
import type { EvalItem, EvalPrediction, EvalSubset } from './evaluate.js';
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
export declare const UTILITY: {
    /** Right answer, right decline, right small-talk reply. */
    readonly right: 1;
    /** An answer on the wrong subject. */
    readonly wrongAnswer: -2;
    /** A question back whose choices hold the right topic (one more reply for the citizen). */
    readonly usefulChoice: 0.4;
    /** A question back without it. */
    readonly uselessChoice: -0.3;
    /** "Not a 城管 matter" said of one: the citizen is sent away. */
    readonly wrongDecline: -1;
};
/** The utility of one labelled message's reply. */
export declare function utilityOf(p: Pick<EvalPrediction, 'item' | 'predicted' | 'reply'>): number;
/**
 * The settings tried: answer 0.20–0.40 × lead 0–0.20 × choices floor 0.05–0.15 × "not ours"
 * alternatives (1 = always decline when "not ours" wins; 0.7, 0.5, 0.3 = ask back with the
 * bureau topics scoring at least that share of it, its redirect the last choice). The other
 * settings stay the shipped ones: the answer without an evidence word (`sure`), since our
 * calibration messages have no bureau question the model is that sure of without such a word
 * (README), and the general redirect, which changes a decline's department, not its topic.
 */
export declare function thresholdGrid(): Thresholds[];
/**
 * The letter rule tried on top of a setting: none (every length answered from `answer`), or
 * letters from 100, 150 or 200 characters answered from 0.3–0.5. A second stage, on the best
 * setting of `thresholdGrid`, so the grid does not grow ninefold.
 */
export declare function letterGrid(base: Thresholds): Thresholds[];
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
export declare function calibrate(brain: Brain, items: readonly EvalItem[], options?: CalibrateOptions): Promise<CalibrationResult>;
/** The environment lines that set `t` (README "Configuration"). */
export declare function thresholdEnv(t: Thresholds): string;
