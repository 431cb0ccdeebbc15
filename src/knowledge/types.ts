import type { Citation, Topic } from '../core/types.js';

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
  urgent: boolean;
  /** The answer's own disclaimer, or the default of `knowledge/_common.yaml`. */
  disclaimer: string;
  source: SourceRef;
}

/** Texts every answer shares (`knowledge/_common.yaml`). */
export interface CommonTexts {
  bureau: string;
  hotline: string;
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
  /** Intent id → answer. */
  answers: ReadonlyMap<string, AnswerEntry>;
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
