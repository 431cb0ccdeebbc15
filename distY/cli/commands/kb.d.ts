import type { Command } from 'commander';
import type { KbProblem } from '../../knowledge/types.js';
/**
 * `pufa kb lint` and `pufa kb verify`: check the staff-edited intents and answers, and
 * check every citation and figure against the official law texts. Exit code 1 when there
 * is an error (warnings alone exit 0); an unreadable law folder is not a data problem and
 * is reported as PUFA_ERR_LAWS (exit code 2).
 */
export interface KbLintOptions {
    /** Default: PUFA_INTENTS_DIR (`intents`). */
    intentsDir?: string;
    /** Default: PUFA_KNOWLEDGE_DIR (`knowledge`). */
    knowledgeDir?: string;
}
export interface KbVerifyOptions extends KbLintOptions {
    /** Folder of the law texts, e.g. `../shared/laws`. */
    lawsDir: string;
}
export interface KbCounts {
    topics: number;
    intents: number;
    utterances: number;
    answers: number;
    citations: number;
    figures: number;
    errors: number;
    warnings: number;
}
export interface KbReport {
    /** Sorted by file and line. */
    problems: KbProblem[];
    /** One line, e.g. `kb verify: 57 answers, 143 citations, 88 figures checked — 0 errors, 2 warnings`. */
    summary: string;
    counts: KbCounts;
}
/** Check both data folders (schema, ids, answers for every intent, lengths …). */
export declare function runKbLint(opts?: KbLintOptions): KbReport;
/**
 * Lint, then check every answer's citations and figures against the laws in `lawsDir`.
 * Answers that could be read are verified even when the lint found errors elsewhere.
 * Throws `PUFA_ERR_LAWS` when the law folder cannot be read.
 */
export declare function runKbVerify(opts: KbVerifyOptions): KbReport;
/** Register `kb lint` and `kb verify` on the `pufa` program. */
export declare function registerKbCommands(program: Command): void;
/**
 * The legal review list as markdown (docs/legal-review.md), generated from the data.
 * Throws `PUFA_ERR_KNOWLEDGE` when the data has errors.
 */
export declare function runKbReviewList(opts?: KbLintOptions): string;
