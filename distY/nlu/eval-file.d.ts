import type { Brain } from './brain.js';
import { type EvalItem, type EvalPrediction, type EvalReport } from './evaluate.js';
/** The library form of `pufa eval`: read the labelled file, run the brain over it, score it. */
/** The text of a file given to `pufa eval`; a file that cannot be read is an input error naming it. */
export declare function readInputFile(file: string): string;
/** Read a JSONL file of `{"text","topic",…}` lines (`parseEvalFile`). */
export declare function readEvalFile(file: string): EvalItem[];
/** Parse the JSONL text of `file`, `{"text","topic",…}` per line; every bad line is reported with its number. */
export declare function parseEvalFile(raw: string, file: string): EvalItem[];
/** Library form of `pufa eval`. */
export declare function evaluate(brain: Brain, items: readonly EvalItem[]): Promise<{
    report: EvalReport;
    predictions: EvalPrediction[];
}>;
