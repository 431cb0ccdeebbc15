import type { Citation, Topic } from '../core/types.js';
import type { EmergencyTexts } from './emergencies.js';

/** Where an entry was written: `file` relative to cwd or absolute, as given; `line` 1-based. */
export interface SourceRef {
  file: string;
  line: number;
}

/** One intent of `intents/<topic>.yaml`. */
export interface IntentDef {
  /** `<topic>.<slug>`, e.g. `street_vending.penalty`. */
  id: string;
  topic: string;
  /** At least 15 distinct, non-empty example questions. */
  utterances: string[];
  source: SourceRef;
}

/**
 * One legal point of an answer: a sentence in our own words with the articles it rests
 * on. The short (group) and full (private) forms are both rendered from the same points,
 * so a condition cannot be in one and missing from the other.
 */
export interface AnswerPoint {
  /** The sentence, with `{@matter}` placeholders already replaced by the authority's name. */
  text: string;
  /** What the sentence rests on; empty only for non-legal topics (chitchat, out of scope). */
  cites: Citation[];
  /** Part of the short (group-chat) form. */
  short: boolean;
  /** Practical advice that states no law (cites nothing; may carry no figure and no legal duty). */
  advice: boolean;
  /** Why a person must check this claim before release (listed in docs/legal-review.md). */
  review?: string;
  /** Matter id of knowledge/_authorities.yaml this sentence names the authority for. */
  matter?: string;
  /** Line of the point in its file. */
  line: number;
}

/** One answer of `knowledge/<topic>.yaml`, with defaults resolved. */
export interface AnswerEntry {
  intent: string;
  topic: string;
  /** Short label (≤ 20 characters) used when the bot offers choices. */
  title: string;
  /** Group-chat reply, at most 300 characters. */
  short: string;
  /** Private-chat reply. */
  full: string;
  nextSteps: string[];
  /** Article numbers already converted to numbers (YAML may say `14` or `第十四条`). */
  citations: Citation[];
  /**
   * The legal points `short` and `full` are rendered from (empty for an answer still
   * written as plain `short`/`full` text, which `kb lint` warns about in 城管 topics).
   */
  points: AnswerPoint[];
  /** Citations of the points in the short form (what a group reply cites); = `citations` without points. */
  shortCitations: Citation[];
  /** Notes for the human legal review that are not tied to one point (next steps, hotline hours …). */
  review: string[];
  urgent: boolean;
  /** The answer's own disclaimer, or the default of `knowledge/_common.yaml`. */
  disclaimer: string;
  source: SourceRef;
}

/** Texts every answer shares (`knowledge/_common.yaml`). */
export interface CommonTexts {
  bureau: string;
  hotline: string;
  /** Where to ask about matters that are not the bureau's (`other_matters`), when the file names it. */
  otherMatters?: string;
  disclaimer: string;
}

/** Everything the bot knows, loaded and checked. */
export interface KnowledgeBase {
  topics: Topic[];
  /** Topic id → Chinese name. */
  topicNames: ReadonlyMap<string, string>;
  common: CommonTexts;
  intents: IntentDef[];
  /** Deduplicated union of every intents file's `terms:` (segmenter user dictionary). */
  terms: string[];
  /** Each topic's own `terms:` (its intents file's), for the evidence of terms no utterance uses (src/nlu/evidence.ts). */
  topicTerms: Readonly<Record<string, readonly string[]>>;
  /** Intent id → answer. */
  answers: ReadonlyMap<string, AnswerEntry>;
  /** Who handles what (knowledge/_authorities.yaml); empty when the file is absent. */
  authorities: AuthorityTable;
  /** Modality and scope qualifiers per article (knowledge/_qualifiers.yaml); empty when absent. */
  qualifiers: Qualifier[];
  /** What a message telling of danger to a person is told first (knowledge/_emergency.yaml); none when absent. */
  emergencies: EmergencyTexts;
  /** sha256 hex of the content of every file in intents/ (sorted by name) — the NLU cache key */
  intentsHash: string;
}

/** One problem found in the data. `entry` is an intent id or a path like `answers[3]`. */
export interface KbProblem {
  file: string;
  line?: number;
  entry?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** An authority of knowledge/_authorities.yaml: how answers name it. */
export interface Authority {
  id: string;
  /** The name answers use, e.g. 城市管理执法部门. */
  name: string;
  /** Words that name it in a sentence (城管, 市容环境卫生主管部门 …). */
  aliases: string[];
}

/** A matter and the one authority that handles it. */
export interface Matter {
  id: string;
  /** Chinese name, e.g. 施工工地扬尘. */
  name: string;
  /** Words that identify the matter in a sentence. */
  keywords: string[];
  authority: string;
  cites: Citation[];
  review?: string;
  line: number;
}

export interface AuthorityTable {
  file?: string;
  authorities: ReadonlyMap<string, Authority>;
  matters: ReadonlyMap<string, Matter>;
}

/**
 * A qualifier an article puts on what it says, which an answer citing the article must
 * keep: `keep` (the article speaks of 大型户外广告, so a sentence saying 户外广告 must say
 * 大型) or `may` (the article says 可以处…罚款, so a sentence must not make it 并处/应当/必须).
 */
export interface Qualifier {
  law: string;
  article: number;
  /** The subject the rule is about, e.g. 户外广告 or 罚款. */
  term: string;
  /** Word the subject must carry, e.g. 大型. */
  keep?: string;
  /** The act is optional in the article (可以/可处). */
  may?: boolean;
  /** Words the article does not attach to the subject (a condition it does not set). */
  avoid?: string[];
  /** The rule applies only to clauses that also contain one of these words. */
  when?: string[];
  /** Why, in a few words (for messages). */
  note?: string;
  file: string;
  line: number;
}
