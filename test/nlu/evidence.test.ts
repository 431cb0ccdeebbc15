import { describe, expect, it } from 'vitest';
import type { IntentDef } from '../../src/knowledge/types.js';
import { TopicEvidence } from '../../src/nlu/evidence.js';

/**
 * The evidence rule (src/nlu/evidence.ts) on a small set of our own: which topics a text has a
 * word for, and (ninth session) a compound jieba knows whole that our utterances never use.
 */
const intents = [
  { id: 'fumes_bbq.bbq', topic: 'fumes_bbq', utterances: ['楼下 有人 烤', '门口 烤 冒烟', '烧烤 烟 大'] },
  { id: 'street_vending.report', topic: 'street_vending', utterances: ['门口 有 摊', '路边 摊 多', '摆摊 占道'] },
  { id: 'noise.night', topic: 'noise', utterances: ['半夜 施工 吵', '工地 吵', '夜里 吵'] },
] as unknown as IntentDef[];
const tokenize = (t: string): string[] => t.split(' ');
const evidence = TopicEvidence.train(intents, tokenize, (s) => s);
/** A dictionary of our own: the words a compound may split into. */
const dictionary = new Set(['羊肉串', '臭豆腐', '挖掘', '烤鸭']);
const isWord = (w: string): boolean => dictionary.has(w);

describe('which topics a text has a word for', () => {
  it('a word our utterances use for a topic is evidence for it', () => {
    expect([...evidence.topics(['门口', '烤'])]).toEqual(['fumes_bbq']);
    expect([...evidence.topics(['吵'])]).toEqual(['noise']);
  });

  it('a compound that is no evidence word gives its part\'s evidence when the rest is a dictionary word', () => {
    // 烤 + 羊肉串, 臭豆腐 + 摊.
    expect([...evidence.topics(['路边', '烤羊肉串'], isWord)]).toEqual(['fumes_bbq']);
    expect([...evidence.topics(['臭豆腐摊'], isWord)]).toEqual(['street_vending']);
  });

  it('not when the rest is no dictionary word, the compound is short, or no dictionary is given', () => {
    expect([...evidence.topics(['烤羊肉串'])]).toEqual([]);
    expect([...evidence.topics(['吵闹声'], isWord)]).toEqual([]);
    expect([...evidence.topics(['烤肉'], isWord)]).toEqual([]);
  });
});

describe("a topic's own terms that none of its utterances uses (fourteenth and twentieth sessions)", () => {
  const withTerms = TopicEvidence.train(intents, tokenize, (s) => s, {
    terms: ['五要五不', '烤', '摊'],
    topicTerms: { enforcement_conduct: ['五要五不'], fumes_bbq: ['烤'], noise: ['烤'], street_vending: ['摊'] },
  });

  // Before: "五要五不", listed for the conduct topic but in none of its utterances, was evidence for nothing.
  it('are evidence for the topics that list them', () => {
    expect([...withTerms.topics(['五要五不'])]).toEqual(['enforcement_conduct']);
    expect([...evidence.topics(['五要五不'])]).toEqual([]);
  });

  // Before (twentieth session): 早点摊, street vending's term, was evidence only for the topics whose
  // utterances used it (fumes, gas), and "早点摊占了半边路" was declined.
  it('also when other topics\' utterances use them: the listing topic is added', () => {
    // 烤 is used by fumes_bbq's utterances and listed under noise, whose utterances never use it.
    expect([...withTerms.topics(['烤'])]).toEqual(['fumes_bbq', 'noise']);
    expect([...evidence.topics(['烤'])]).toEqual(['fumes_bbq']);
  });

  it("a term the topic's own utterances use keeps the evidence the utterances give it", () => {
    // 摊 is street vending's by its utterances; listing it there changes nothing.
    expect([...withTerms.topics(['摊'])]).toEqual(['street_vending']);
  });
});
