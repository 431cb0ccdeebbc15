import { type LawLibrary } from './laws.js';
import type { KbProblem, KnowledgeBase } from './types.js';
/**
 * `kb verify`: every answer against the official texts. A citation must name a law we
 * hold and an article it has; a figure an answer states (a fine, a time limit, a
 * percentage) must be in one of the national articles the answer cites. Local rules are
 * not held, so nothing they say can be checked — which is why answers name them without
 * figures.
 */
/** What was checked, for the summary line. */
export interface VerifyStats {
    answers: number;
    citations: number;
    figures: number;
}
/** Problems only; see `verifyKnowledgeWithStats` for the counts. */
export declare function verifyKnowledge(kb: KnowledgeBase, laws: LawLibrary): KbProblem[];
/** Problems (sorted by file and line) and the numbers of answers, citations and figures checked. */
export declare function verifyKnowledgeWithStats(kb: KnowledgeBase, laws: LawLibrary): {
    problems: KbProblem[];
    stats: VerifyStats;
};
