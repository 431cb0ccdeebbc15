import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/normalize.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { createRanker } from '../../src/nlu/rankers.js';
import { trainInThread } from '../../src/nlu/train-thread.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';

/**
 * Training runs in a worker thread (a bot retraining from the console keeps answering).
 * The model that comes back from the thread must be the model the main thread would have
 * trained: the same rankings for the same questions.
 */
let dirs: FixtureDirs;
let kb: KnowledgeBase;
const normalize = (s: string): string => normalizeText(s, { maxChars: 2000 }).text;
const QUESTIONS = ['占道经营罚多少钱', '半夜工地还在打桩', '家里有煤气味怎么办', '夜市摊位在哪里申请', '驾照扣分怎么处理', '你好'];

beforeAll(() => {
  dirs = writeFixtureKb();
  kb = loadKnowledgeBase({ intentsDir: dirs.intentsDir, knowledgeDir: dirs.knowledgeDir });
});
afterAll(() => rmSync(dirs.root, { recursive: true, force: true }));

describe('training in a worker thread', () => {
  it('gives the same rankings as training on the main thread', async () => {
    const inline = createRanker('pufa', kb.intents, { terms: kb.terms, normalize });
    await inline.train(kb.intents);
    const threaded = createRanker('pufa', kb.intents, { terms: kb.terms, normalize });
    const messages: object[] = [];
    threaded.import(await trainInThread({ kind: 'pufa', intents: kb.intents, terms: kb.terms, maxChars: 2000 }, { debug: (obj) => messages.push(obj) }));
    // nlp.js's own messages (training progress) come back from the thread to the given logger.
    expect(messages.some((m) => 'nlpjs' in m)).toBe(true);
    for (const q of QUESTIONS) {
      const a = (await inline.rank(normalize(q))).slice(0, 3);
      const b = (await threaded.rank(normalize(q))).slice(0, 3);
      expect(b.map((s) => s.intent), q).toEqual(a.map((s) => s.intent));
      for (let i = 0; i < a.length; i += 1) expect(b[i]?.score, q).toBeCloseTo(a[i]?.score ?? NaN, 6);
    }
  });

  it('rejects with the thread’s error instead of hanging when training fails', async () => {
    // An intent without utterances (what a corrupt compiled cache could hand over) makes training throw inside the thread.
    const broken = [{ id: 'broken.intent', topic: 'broken' }] as unknown as KnowledgeBase['intents'];
    await expect(trainInThread({ kind: 'pufa', intents: broken, terms: [], maxChars: 2000 })).rejects.toThrow();
  });
});
