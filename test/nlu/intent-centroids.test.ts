import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IntentDef } from '../../src/knowledge/types.js';
import { packModel, unpackModel } from '../../src/nlu/cache.js';
import { IntentCentroids, type IntentCentroidsModel } from '../../src/nlu/intent-centroids.js';
import { CharLrTopicModel, CharLrViews } from '../../src/nlu/topic-model.js';

const source = { law: 'x', article: 'x' } as unknown as IntentDef['source'];
const intents: IntentDef[] = [
  { id: 'noise.construction', topic: 'noise', source, utterances: ['工地晚上施工太吵', '半夜打桩吵得睡不着', '夜间施工有没有证明'] },
  { id: 'noise.speaker', topic: 'noise', source, utterances: ['商店门口喇叭循环播放', '卖菜的喇叭喊个不停', '店家音响开得太大'] },
  { id: 'fumes.restaurant', topic: 'fumes', source, utterances: ['饭店油烟排到窗户', '餐馆没装油烟净化器'] },
];
const ids = ['noise.construction', 'noise.speaker'];

describe('IntentCentroids', () => {
  const centroids = IntentCentroids.train(intents, (s) => s);

  it('gives the larger share to the intent whose utterances the text is most like', () => {
    const [construction, speaker] = centroids.shares('楼下水果店的喇叭一天喊到黑', ids);
    expect(speaker).toBeGreaterThan(construction as number);
    const [c2, s2] = centroids.shares('工地半夜还在打桩', ids);
    expect(c2).toBeGreaterThan(s2 as number);
  });

  it('gives the same shares through a table shared with the topic views (property)', () => {
    const normalize = (x: string): string => x;
    const char = new CharLrTopicModel(normalize);
    char.train(intents);
    // Binary search throughout, the hash table from the start, and the switch between them.
    const tables = [Infinity, 0, 300].map((after) => new CharLrViews([char], after, () => centroids.vocabulary));
    const plain = IntentCentroids.train(intents, normalize);
    const other = IntentCentroids.train(intents, normalize);
    const piece = fc.oneof(fc.constantFrom('工地', '晚上', '施工', '喇叭', '油烟', '饭店', '，', ' ', '😀', '太吵了'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 15 }), (parts) => {
        const text = parts.join('');
        const want = plain.shares(text, ids);
        for (const views of tables) {
          views.probabilitiesShared(text);
          const shared = IntentCentroids.train(intents, normalize);
          expect(shared.shares(text, ids, views)).toEqual(want);
          // And looked up in the shared table when the views did another text last.
          views.probabilitiesShared(`${text}。另一句`);
          other.forget();
          expect(other.shares(text, ids, views)).toEqual(want);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shares equally when the text has nothing in common with any of them', () => {
    expect(centroids.shares('股票', ids)).toEqual([0.5, 0.5]);
  });

  it('always returns shares of the asked intents that sum to 1, whatever text came before', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const first = centroids.shares(text, ids);
        expect(first).toHaveLength(2);
        expect(first.every((x) => x >= 0)).toBe(true);
        expect((first[0] as number) + (first[1] as number)).toBeCloseTo(1, 9);
        // The remembered row is the last text's: other text in between changes nothing.
        centroids.shares('饭店油烟', ids);
        expect(centroids.shares(text, ids)).toEqual(first);
      }),
    );
  });

  it('scores the same after saving and loading through the model file format', () => {
    const loaded = IntentCentroids.fromJSON(unpackModel(packModel(centroids.toJSON())) as IntentCentroidsModel);
    for (const text of ['楼下水果店的喇叭一天喊到黑', '工地半夜还在打桩', '股票']) expect(loaded.shares(text, ids)).toEqual(centroids.shares(text, ids));
    expect(() => IntentCentroids.fromJSON({ kind: 'centroids' } as IntentCentroidsModel)).toThrow(/intent-centroids/);
  });
});
