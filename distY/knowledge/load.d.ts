import { hashDir } from './compiled.js';
import type { AnswerPoint, KbProblem, KnowledgeBase } from './types.js';
/** Where the two data folders are. */
export interface KbDirs {
    intentsDir: string;
    knowledgeDir: string;
}
/** Result of checking the data: the knowledge base when there is no error, and every problem found. */
export interface KbCheck {
    kb?: KnowledgeBase;
    problems: KbProblem[];
    /**
     * Everything that could be read, even when there are errors (absent only when a folder
     * is missing). For tools that check further, like `kb verify`; never serve it.
     */
    draft?: KnowledgeBase;
}
/** Words that make a sentence a legal statement (not advice). */
export declare const LEGAL_WORDS: RegExp;
/** Intent ids: `<topic>.<slug>`. */
export declare const INTENT_ID: RegExp;
export declare const MIN_UTTERANCES = 15;
export declare const MAX_SHORT_CHARS = 300;
export declare const MAX_TITLE_CHARS = 20;
export { hashDir };
/**
 * Load and check `intents/` and `knowledge/`. Throws `PUFA_ERR_INTENTS` (every error is
 * in an intents file) or `PUFA_ERR_KNOWLEDGE` (otherwise), whose `problems` are
 * `file:line: entry: problem` lines. Warnings do not stop loading.
 */
export declare function loadKnowledgeBase(opts: KbDirs): KnowledgeBase;
/**
 * Every problem of the data (errors and lint warnings), sorted by file and line, plus the
 * knowledge base when there is no error. Never throws for bad data. The steps: both
 * folders exist → topics.yaml → _common.yaml → intents/*.yaml → _authorities.yaml and
 * _qualifiers.yaml → knowledge/*.yaml → checks across files.
 */
export declare function collectKbProblems(opts: KbDirs): KbCheck;
/** Points joined into one paragraph; a point without final punctuation gets 。. */
export declare function joinPoints(points: readonly AnswerPoint[]): string;
/**
 * Folded YAML scalars (`>-`) join lines with a space, which shows up in Chinese text as a
 * stray gap (`清理， 拒不改正`). Drop whitespace between two CJK characters or marks.
 */
export declare function cleanText(text: string): string;
