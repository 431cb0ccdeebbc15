import type { IntentDef } from '../knowledge/types.js';

/**
 * Which topics a text gives evidence for: a topic has evidence when the text contains a word
 * (jieba with the domain dictionary) that our utterances use for that topic at least twice,
 * and markedly more often than for an average topic (its share of the word's uses is at
 * least LIFT times the topic's share of all utterances, and at least MIN_SHARE). A statistical model spreads probability over every topic; this is
 * the rule that a question back never offers a topic the citizen said nothing about
 * ("今天天气怎么样" must not be asked "是不是燃气泄漏？").
 */
export interface TopicEvidenceModel {
  /** word → topics it is evidence for. */
  words: [string, string[]][];
}

/** How much more often than the topic's base rate a word must be used for it (城管, 请问, 小区 are not). */
export const LIFT = 2;
/** And at least this share of the word's uses, whatever the topic's size. */
export const MIN_SHARE = 0.25;
/** Uses of a word within a topic's utterances before it counts (one-off words of long letters do not); a domain term counts from its first use. */
export const MIN_USES = 2;
/**
 * An everyday word — at least this frequent in jieba's general dictionary (东西 18,877, 拿
 * 19,956, 回来 12,128) — is no evidence
 * for a topic by itself, however often our utterances of one topic happen to use it
 * ("店门口的东西" says nothing about seized goods). The domain terms of intents/*.yaml
 * (罚款, 城管 …) always count.
 */
export const EVERYDAY_FREQUENCY = 10_000;

export interface EvidenceOptions {
  /** General-language frequency of words (see EVERYDAY_FREQUENCY); no filter when absent. */
  generalFrequency?: (words: readonly string[]) => ReadonlyMap<string, number>;
  /** Domain terms: evidence whatever their general frequency. */
  terms?: readonly string[];
  /**
   * Each topic's own terms: one that none of that topic's utterances uses ("五要五不", "泥头车",
   * "液化石油气") is evidence for it — we listed it for that topic — on top of whatever other
   * topics' utterances make it evidence for. Without this, a question naming only such a term had
   * no evidence for any topic and was declined; and a term other topics' utterances happened to use
   * was theirs alone: 早点摊 (street vending's term, used by utterances about breakfast stalls'
   * fumes and gas cylinders) was no evidence for street vending, so "早点摊占了半边路" was
   * declined. A term the topic's own utterances use is left to the counts above.
   */
  topicTerms?: Readonly<Record<string, readonly string[]>>;
}

export class TopicEvidence {
  private constructor(private readonly words: Map<string, readonly string[]>) {}

  static train(intents: readonly IntentDef[], tokenize: (text: string) => string[], normalize: (s: string) => string, options: EvidenceOptions = {}): TopicEvidence {
    const uses = new Map<string, Map<string, number>>();
    const perTopic = new Map<string, number>();
    let total = 0;
    for (const intent of intents) {
      perTopic.set(intent.topic, (perTopic.get(intent.topic) ?? 0) + intent.utterances.length);
      total += intent.utterances.length;
      for (const u of intent.utterances) {
        for (const w of new Set(tokenize(normalize(u)))) {
          let byTopic = uses.get(w);
          if (!byTopic) {
            byTopic = new Map();
            uses.set(w, byTopic);
          }
          byTopic.set(intent.topic, (byTopic.get(intent.topic) ?? 0) + 1);
        }
      }
    }
    const terms = new Set((options.terms ?? []).map((t) => t.toLowerCase()));
    const words = new Map<string, string[]>();
    for (const [w, byTopic] of uses) {
      const all = [...byTopic.values()].reduce((a, b) => a + b, 0);
      const topics = [...byTopic]
        .filter(([t, n]) => n >= (terms.has(w) ? 1 : MIN_USES) && n / all >= Math.max(MIN_SHARE, (LIFT * (perTopic.get(t) ?? 0)) / total))
        .map(([t]) => t);
      if (topics.length > 0) words.set(w, topics);
    }
    if (options.generalFrequency) {
      const freq = options.generalFrequency([...words.keys()]);
      for (const w of [...words.keys()]) if (!terms.has(w) && (freq.get(w) ?? 0) >= EVERYDAY_FREQUENCY) words.delete(w);
    }
    for (const [topic, own] of Object.entries(options.topicTerms ?? {})) {
      for (const raw of own) {
        const term = raw.trim().toLowerCase();
        if (term === '' || uses.get(term)?.has(topic) === true) continue;
        const listed = words.get(term);
        if (!listed) words.set(term, [topic]);
        else if (!listed.includes(topic)) listed.push(topic);
      }
    }
    return new TopicEvidence(words);
  }

  static fromJSON(m: TopicEvidenceModel): TopicEvidence {
    return new TopicEvidence(new Map(m.words));
  }

  toJSON(): TopicEvidenceModel {
    return { words: [...this.words].map(([w, t]) => [w, [...t]]) };
  }

  /**
   * Topics the tokens give evidence for. With `isWord` (the tokenizer's dictionary), a token
   * of three or more characters that is no evidence word itself — a compound jieba knows whole
   * and our utterances never use, "烤羊肉串", "臭豆腐摊" — gives the evidence of a part of it
   * that is an evidence word when the rest is a dictionary word of two or more characters
   * (烤 + 羊肉串, 臭豆腐 + 摊): the compound is that word's. Without a dictionary word for
   * the rest ("挖掘机": 掘机 is none), nothing.
   */
  topics(tokens: readonly string[], isWord?: (word: string) => boolean): Set<string> {
    const out = new Set<string>();
    for (const w of tokens) {
      const own = this.words.get(w);
      if (own) {
        for (const t of own) out.add(t);
        continue;
      }
      if (!isWord || w.length < 3) continue;
      for (const t of this.partsEvidence(w, isWord)) out.add(t);
    }
    return out;
  }

  /** The evidence of a compound's parts (`topics`): split once, one side an evidence word, the other a dictionary word of two or more characters. */
  private partsEvidence(w: string, isWord: (word: string) => boolean): string[] {
    const out: string[] = [];
    for (let k = 1; k < w.length; k += 1) {
      const left = w.slice(0, k);
      const right = w.slice(k);
      const l = this.words.get(left);
      if (l && right.length >= 2 && isWord(right)) out.push(...l);
      const r = this.words.get(right);
      if (r && left.length >= 2 && isWord(left)) out.push(...r);
    }
    return out;
  }
}
