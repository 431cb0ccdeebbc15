import type { Command } from 'commander';
import type { EvalItem, EvalReport, EvalSubset } from '../../nlu/evaluate.js';
import { type Runtime } from '../runtime.js';
export declare function formatReport(r: EvalReport): string;
/** The rows `pufa eval --compare` and the bench show for each brain. */
export declare const COMPARE_ROWS: {
    name: string;
    value: (s: EvalSubset) => number | null;
}[];
/** Side-by-side table of several brains' reports. */
export declare function formatComparison(named: {
    name: string;
    report: EvalReport;
}[]): string;
/** The shipped brain and the anchor (issue 7) on the same knowledge base. */
export declare function compareBrains(runtime: Runtime, items: readonly EvalItem[]): Promise<{
    name: string;
    report: EvalReport;
}[]>;
export declare function registerEvalCommand(program: Command): void;
