import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentMap, RecentSet } from '../../src/nlu/recent.js';

/**
 * The memos of one message's repeated work (src/nlu/recent.ts) against a plain Map: what
 * they give back is always what was last put under that key, what was put within the last
 * `size` insertions is always there, and they never hold more than two generations.
 */
describe('RecentMap', () => {
  it('answers like a Map for recent keys and forgets old ones (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 })), { maxLength: 200 }), (size, ops) => {
        const memo = new RecentMap<number, number>(size);
        const truth = new Map<number, number>();
        /** Insertions since each key was last put or found (at least as many as the memo made). */
        const age = new Map<number, number>();
        let step = 0;
        for (const [put, key] of ops) {
          if (put) {
            step += 1;
            memo.set(key, step);
            truth.set(key, step);
            age.set(key, 0);
            for (const k of age.keys()) if (k !== key) age.set(k, (age.get(k) as number) + 1);
          } else {
            const got = memo.get(key);
            if (got !== undefined) expect(got).toBe(truth.get(key));
            if (truth.has(key) && (age.get(key) as number) < size) expect(got).toBe(truth.get(key));
            if (got !== undefined) {
              // A hit may put the key again: counted as an insertion (never fewer than the memo's).
              age.set(key, 0);
              for (const k of age.keys()) if (k !== key) age.set(k, (age.get(k) as number) + 1);
            }
          }
          expect(memo.held).toBeLessThanOrEqual(2 * size);
        }
      }),
    );
  });

  it('forgets everything when cleared (a new message)', () => {
    const m = new RecentMap<string, number>(2);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) m.set(k, v);
    m.clear();
    expect(m.held).toBe(0);
    expect(m.get('c')).toBeUndefined();
    m.set('d', 4);
    expect(m.get('d')).toBe(4);
  });

  it('RecentSet has what was added lately', () => {
    const s = new RecentSet<string>(2);
    s.add('a');
    s.add('b');
    expect(s.has('a') && s.has('b')).toBe(true);
    s.add('c');
    s.add('d');
    s.add('e');
    expect(s.has('e')).toBe(true);
    expect(s.has('a')).toBe(false);
  });
});
