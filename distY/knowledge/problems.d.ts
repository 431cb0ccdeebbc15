import type { KbProblem } from './types.js';
/**
 * One line per problem, `file:line: entry: problem`, the form every editor and terminal
 * can jump to. Line and entry are left out when unknown.
 */
export declare function formatProblem(p: KbProblem): string;
/** Order by file, then line (problems without a line first), then message. */
export declare function compareProblems(a: KbProblem, b: KbProblem): number;
/** Errors only. */
export declare function errorsOf(problems: readonly KbProblem[]): KbProblem[];
