import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type IntentScore } from '../core/types.js';
import { characters, clauses } from '../core/normalize.js';
import type { TopicScore } from './decide.js';
import type { IntentRanker } from './rankers.js';
import { topicsWithVehicleScope, withNamedThingScope } from './scope.js';

/**
 * Letters with several topics. A long message is split into sentences (clauses, for the
 * comma-chained style of chat letters); each is ranked on its own, next to the ranking of
 * the whole text. A topic that one sentence is clearly about is "mentioned" even when the
 * whole text is dominated by another: the reply answers the primary topic and names the
 * others in one line each. Pure apart from the injected ranker.
 */

/** Shortest sentence (in characters) ranked on its own; shorter pieces join their neighbour. */
export const MIN_SENTENCE_CHARS = 6;
/**
 * A sentence names a topic when that topic leads the sentence's ranking (out of scope and
 * small talk included) either clearly — score ≥ SENTENCE_SURE, gap ≥ SENTENCE_SURE_GAP — or
 * moderately — score ≥ SENTENCE_TOPIC_MIN, gap ≥ SENTENCE_GAP_MIN — with the whole text
 * leaning to it too (≥ WHOLE_SUPPORT_MIN).
 */
export const SENTENCE_SURE = 0.6;
export const SENTENCE_SURE_GAP = 0.3;
export const SENTENCE_TOPIC_MIN = 0.3;
export const SENTENCE_GAP_MIN = 0.1;
export const WHOLE_SUPPORT_MIN = 0.05;
/** Two topics of the whole text that both reach this score are both mentioned. */
export const WHOLE_SECOND_MIN = 0.3;
/**
 * A report's second bureau topic is named from this score of the whole text on, when the text
 * has a word for it: "楼下烧烤太吵了还熏人" is answered on the barbecue (0.61) and names the noise
 * (0.17, 吵) — a line "您还提到：…", never the answer.
 */
export const WHOLE_NAMED_MIN = 0.15;
/** At most this many secondary topics are named. */
export const MAX_SECONDARY = 2;

/**
 * At most this many sentences are ranked: neighbours are joined (shortest pair first) down
 * to it, so a long letter costs a bounded number of rankings.
 */
export const MAX_SENTENCES = 4;

/**
 * Split a message into sentences for scoring; short pieces are joined to the next one (the
 * last to the previous), then the shortest neighbours are joined until at most `max` are left.
 */
export function splitSentences(text: string, max = MAX_SENTENCES): string[] {
  const pieces = clauses(text)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  // Lengths in characters (code points, as `[...s].length`), kept beside the sentences: joining
  // adds the lengths and the joiner ('，', one character).
  const out: string[] = [];
  const lengths: number[] = [];
  let carry = '';
  let carryLength = 0;
  for (const p of pieces) {
    const joined = carry ? `${carry}，${p}` : p;
    const length = carry ? carryLength + 1 + characters(p) : characters(p);
    if (length < MIN_SENTENCE_CHARS) {
      carry = joined;
      carryLength = length;
    } else {
      out.push(joined);
      lengths.push(length);
      carry = '';
      carryLength = 0;
    }
  }
  if (carry) {
    if (out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]}，${carry}`;
      lengths[lengths.length - 1] = (lengths[lengths.length - 1] as number) + 1 + carryLength;
    } else {
      out.push(carry);
      lengths.push(carryLength);
    }
  }
  while (out.length > Math.max(1, max)) {
    let at = 0;
    let shortest = Infinity;
    for (let i = 0; i + 1 < out.length; i += 1) {
      const len = (lengths[i] as number) + (lengths[i + 1] as number);
      if (len < shortest) {
        shortest = len;
        at = i;
      }
    }
    out.splice(at, 2, `${out[at]}，${out[at + 1]}`);
    lengths.splice(at, 2, (lengths[at] as number) + 1 + (lengths[at + 1] as number));
  }
  return out;
}


export function inScopeTopic(topic: string): boolean {
  return topic !== OUT_OF_SCOPE_TOPIC && topic !== CHITCHAT_TOPIC;
}

/** A ranker may mark a candidate the text has no evidence for (`evidence: false`); such a topic is never named. */
export function hasEvidence(s: IntentScore): boolean {
  return (s as IntentScore & { evidence?: boolean }).evidence !== false;
}

/** One topic a sentence is clearly about. */
export interface SentenceTopic {
  sentence: string;
  topic: string;
  score: number;
  /** The sentence's best intent of that topic. */
  best: IntentScore;
}

export interface LetterAnalysis {
  sentences: string[];
  /**
   * Per sentence, the topic it is clearly about (in-scope only); sentences without one are
   * left out, and so are those about the topic the message is answered on (`analyseLetter`'s
   * `answered`): a reply never names its own topic as another.
   */
  topics: SentenceTopic[];
}

/**
 * What analysing a letter needs of the ranker: a sentence's topics (with their evidence),
 * and, only for a sentence that names a topic, its intents (the best of that topic).
 */
export type SentenceRanker = Pick<IntentRanker, 'rankTopics' | 'rank' | 'evidentTopics'>;

/**
 * Rank every sentence of a message that has at least two; a one-sentence message has nothing
 * to add. A sentence about `answered` (the topic the reply answers on) is not ranked for its
 * intent: only the other topics are named (a letter is mostly about its main topic, and
 * choosing the intent is node-nlp's run over the sentence).
 */
export async function analyseLetter(text: string, ranker: SentenceRanker, whole: readonly TopicScore[] = [], answered?: string): Promise<LetterAnalysis> {
  const sentences = splitSentences(text);
  if (sentences.length < 2) return { sentences, topics: [] };
  const topics: SentenceTopic[] = [];
  const support = new Map(whole.map((t) => [t.topic, t.score]));
  for (const sentence of sentences) {
    // A sentence names only a topic it has a word for (below: `top.evidence === false` is
    // skipped), never `answered`: without a word for another bureau topic, its ranking cannot
    // name one, and is not done (most sentences of a letter are about its main topic).
    const evident = ranker.evidentTopics?.(sentence);
    if (evident && !namesAnother(evident, answered)) continue;
    // A sentence naming only parked cars is the traffic police's, as a whole text is (scope.ts).
    const ts = topicsWithVehicleScope(await ranker.rankTopics(sentence), sentence);
    const top = ts[0];
    if (!top || !inScopeTopic(top.topic) || top.evidence === false || top.topic === answered) continue;
    // The runner-up that matters is another bureau topic (naming the wrong one is the harm); a
    // sentence of a complaint also reads a little like "not ours" ("还天天开到凌晨"), which must
    // not silence the topic it leads with.
    const gap = top.score - (ts.slice(1).find((t) => inScopeTopic(t.topic))?.score ?? 0);
    const sure = top.score >= SENTENCE_SURE && gap >= SENTENCE_SURE_GAP;
    const supported = whole.length === 0 || (support.get(top.topic) ?? 0) >= WHOLE_SUPPORT_MIN;
    if (sure || (supported && top.score >= SENTENCE_TOPIC_MIN && gap >= SENTENCE_GAP_MIN)) {
      // Within the topic, the poultry and burning answers only for a sentence that names their thing (scope.ts), as for a whole text.
      const best = withNamedThingScope(await ranker.rank(sentence), sentence).find((s) => s.topic === top.topic);
      if (best) topics.push({ sentence, topic: top.topic, score: top.score, best });
    }
  }
  return { sentences, topics };
}

/** Whether `evident` holds a bureau topic other than `answered`. */
function namesAnother(evident: ReadonlySet<string>, answered: string | undefined): boolean {
  for (const topic of evident) if (inScopeTopic(topic) && topic !== answered) return true;
  return false;
}

/**
 * Secondary topics of a message whose primary topic is `primary`: topics a sentence is
 * clearly about, strongest first, then (when `allowWhole`) a second in-scope topic of the
 * whole text that it has a word for and that reaches `WHOLE_NAMED_MIN`. Each with its best intent; never the primary.
 */
export function secondaryTopics(primary: string, whole: readonly TopicScore[], letter: LetterAnalysis, allowWhole: boolean): IntentScore[] {
  const out = new Map<string, IntentScore>();
  const bySentence = [...letter.topics].sort((a, b) => b.score - a.score);
  for (const s of bySentence) {
    if (s.topic === primary || out.has(s.topic)) continue;
    out.set(s.topic, s.best);
  }
  if (allowWhole) {
    for (const t of whole) {
      if (t.topic === primary || !inScopeTopic(t.topic) || !hasEvidence(t.best) || out.has(t.topic)) continue;
      if (t.score >= WHOLE_NAMED_MIN) out.set(t.topic, t.best);
    }
  }
  return [...out.values()].slice(0, MAX_SECONDARY);
}
