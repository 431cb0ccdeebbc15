import type { AnswerEntry, Authority, AuthorityTable, KbProblem, Qualifier } from './types.js';
/**
 * One authority per matter. `knowledge/_authorities.yaml` says who handles what (城管,
 * 住建, 生态环境, 公安/交警, 市场监管, 自然资源和规划, 燃气企业 …); answers name the authority
 * through a `{@matter}` placeholder or in their own words, and `kb lint` fails when a
 * sentence about a matter names an authority other than the table's.
 */
export declare const AUTHORITIES_FILE = "_authorities.yaml";
export declare const QUALIFIERS_FILE = "_qualifiers.yaml";
export declare const EMPTY_AUTHORITIES: AuthorityTable;
/** `{@construction_dust}` in a sentence. */
export declare const MATTER_PLACEHOLDER: RegExp;
/** Read knowledge/_authorities.yaml (absent file → empty table). */
export declare function readAuthorities(knowledgeDir: string, problems: KbProblem[]): AuthorityTable;
/** Read knowledge/_qualifiers.yaml (absent file → no qualifiers). */
export declare function readQualifiers(knowledgeDir: string, problems: KbProblem[]): Qualifier[];
/** The authority's name for `{@matter}`, or undefined for an unknown matter. */
export declare function authorityNameOf(table: AuthorityTable, matterId: string): string | undefined;
/** Replace every `{@matter}`; unknown ids are reported through `unknown` and left as written. */
export declare function fillPlaceholders(table: AuthorityTable, text: string, unknown: (id: string) => void): string;
/** Sentences of a text (split at 。；！？ and line ends). */
export declare function sentencesOf(text: string): string[];
/** Authorities a sentence names (by any alias) as handling something; negated mentions do not count. */
export declare function authoritiesNamed(table: AuthorityTable, sentence: string): Authority[];
/**
 * Every sentence of every answer that is about a matter of the table (one of its
 * keywords) and names an authority, but not the table's one: that answer and the table
 * disagree about who handles the matter. Also: a point tagged `matter:` must name its
 * authority.
 */
export declare function checkAuthorities(table: AuthorityTable, answers: Iterable<AnswerEntry>, lineOf: (a: AnswerEntry, part: string) => number): KbProblem[];
