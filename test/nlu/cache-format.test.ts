import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packModel, unpackModel } from '../../src/nlu/cache.js';

/**
 * The model file's text blocks (src/nlu/cache.ts): long strings and long arrays of strings
 * are stored as UTF-16 blocks beside the JSON and come back exactly, whatever they hold.
 */
const header = (buf: Buffer): string => buf.toString('utf16le', 12, 12 + buf.readUInt32LE(8));

describe('model file: text blocks', () => {
  it('round-trips long strings and string arrays exactly, outside the JSON text', () => {
    const terms = `占道经营${'摆摊设点'.repeat(400)}\u{1F600}end`;
    const words = Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? '' : `词${i}\ud800`));
    const model = { tfidf: { terms, short: '短' }, words, nested: [{ words }], few: ['a', 'b'] };
    const buf = packModel(model);
    expect(unpackModel(buf)).toEqual(model);
    const json = header(buf);
    expect(json).not.toContain('摆摊设点摆摊设点');
    expect(json).not.toContain('词42');
    expect(json).toContain('"few":["a","b"]');
  });

  it('keeps in the JSON an array whose strings hold the separator, or that mixes strings with other values', () => {
    const withNul = Array.from({ length: 80 }, (_, i) => `x${i}\u0000y`);
    const mixed = [...Array.from({ length: 80 }, (_, i) => `w${i}`), 1, null];
    const model = { withNul, mixed, long: ['z'.repeat(2000), 'short'] };
    expect(unpackModel(packModel(model))).toEqual(model);
  });

  it('round-trips any strings and arrays of strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1000, maxLength: 3000 }), fc.array(fc.string({ unit: 'binary' }), { minLength: 60, maxLength: 120 }), (text, list) => {
        const model = { text, list, inner: { list: [...list].reverse() } };
        expect(unpackModel(packModel(model))).toEqual(model);
      }),
      { numRuns: 100 },
    );
  });
});
