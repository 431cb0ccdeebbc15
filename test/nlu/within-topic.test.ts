import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WITHIN_TOPIC, withinTopicShares, type WithinTopicRule } from '../../src/nlu/rankers.js';

/** A distribution of n non-negative numbers (the centroids' shares). */
const distribution = (n: number) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((xs) => {
    const total = xs.reduce((a, b) => a + b, 0);
    return total > 0 ? xs.map((x) => x / total) : xs.map(() => 1 / n);
  });

function expectClose(got: readonly number[], want: readonly number[]): void {
  expect(got).toHaveLength(want.length);
  got.forEach((x, i) => expect(x).toBeCloseTo(want[i] as number, 12));
}

const rules: WithinTopicRule[] = [WITHIN_TOPIC, { nlpWeight: 1 }, { nlpWeight: 0 }, { nlpWeight: 0.5 }, { nlpWeight: 0.7 }, { nlpWeight: 0.5, confidentAt: 0.9 }, { nlpWeight: 0, centroidMass: 0.5 }];

describe('withinTopicShares (how a topic is shared among its intents)', () => {
  it('is a distribution over the topic\'s intents for every rule, whatever node-nlp scored (property)', () => {
    const input = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.tuple(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e-9, noNaN: true })), { minLength: n, maxLength: n }), distribution(n)),
    );
    fc.assert(
      fc.property(input, fc.constantFrom(...rules), ([nn, c], rule) => {
        const shares = withinTopicShares(nn, () => c, rule);
        expect(shares).toHaveLength(nn.length);
        for (const s of shares) {
          expect(Number.isFinite(s)).toBe(true);
          expect(s).toBeGreaterThanOrEqual(0);
        }
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }),
      { numRuns: 500 },
    );
  });

  it('is node-nlp\'s own shares for the rule before, and the centroids\' where node-nlp gave the topic nothing', () => {
    expectClose(withinTopicShares([0.3, 0.1, 0], () => [0, 0, 1], { nlpWeight: 1 }), [0.75, 0.25, 0]);
    for (const rule of rules) expect(withinTopicShares([0, 0, 0], () => [0.2, 0.5, 0.3], rule)).toEqual([0.2, 0.5, 0.3]);
    expectClose(withinTopicShares([0.3, 0.1], () => [0, 1], { nlpWeight: 0.5 }), [0.375, 0.625]);
    // Confident node-nlp decides alone.
    expectClose(withinTopicShares([0.95, 0.05], () => [0, 1], { nlpWeight: 0.5, confidentAt: 0.9 }), [0.95, 0.05]);
  });

  it('asks the centroids only when the rule needs them', () => {
    let asked = 0;
    const c = () => {
      asked += 1;
      return [0.5, 0.5];
    };
    withinTopicShares([0.3, 0.1], c, { nlpWeight: 1 });
    withinTopicShares([0.95, 0.05], c, { nlpWeight: 0.5, confidentAt: 0.9 });
    expect(asked).toBe(0);
    withinTopicShares([0, 0], c, { nlpWeight: 1 });
    expect(asked).toBe(1);
  });
});
