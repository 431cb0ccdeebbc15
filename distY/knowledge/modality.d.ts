import { type Law, type LawLibrary } from './laws.js';
import type { KbProblem, KnowledgeBase, Qualifier } from './types.js';
/**
 * Modality and scope: an answer must not make what the article leaves open (可以, 可处,
 * 并可处) into a duty (并处, 应当, 必须), and must keep the article's own limits (大型户外广告
 * is not every sign). Two sources:
 * - automatic: a fine the answer states is found in the cited article; when the article's
 *   clause with that amount says 可以/可处 and the answer's clause says 并处/应当/必须, the
 *   answer is wrong;
 * - data (knowledge/_qualifiers.yaml): per article, a subject and the word it must keep
 *   (`keep`), that the act is optional (`may`), or words that must not be attached to it
 *   (`avoid`).
 */
/** Words that make an act a duty. 并处 only when not 可并处. */
export declare const MANDATORY: RegExp;
/** Words that keep an act optional. */
export declare const OPTIONAL: RegExp;
export interface CitedArticle {
    law: Law;
    article: number;
}
/** Messages for one sentence (a point) against the articles it cites. */
export declare function checkModalityAndScope(text: string, cited: readonly CitedArticle[], qualifiers: readonly Qualifier[]): string[];
/** The tables themselves against the laws: every qualifier and matter cites a real article, and a qualifier's words are in it. */
export declare function verifyTables(kb: KnowledgeBase, laws: LawLibrary): KbProblem[];
