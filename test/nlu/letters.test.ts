import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characters } from '../../src/core/normalize.js';
import { MIN_SENTENCE_CHARS, splitSentences } from '../../src/nlu/letters.js';

/** splitSentences as first written: lengths counted by spreading each string (the reference for the one that keeps lengths). */
function reference(text: string, max = 4): string[] {
  const pieces = text
    .split(/[。！？!?；;\n，,、]+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  const out: string[] = [];
  let carry = '';
  for (const p of pieces) {
    const joined = carry ? `${carry}，${p}` : p;
    if ([...joined].length < MIN_SENTENCE_CHARS) carry = joined;
    else {
      out.push(joined);
      carry = '';
    }
  }
  if (carry) {
    if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]}，${carry}`;
    else out.push(carry);
  }
  while (out.length > Math.max(1, max)) {
    let at = 0;
    let shortest = Infinity;
    for (let i = 0; i + 1 < out.length; i += 1) {
      const len = [...(out[i] ?? '')].length + [...(out[i + 1] ?? '')].length;
      if (len < shortest) {
        shortest = len;
        at = i;
      }
    }
    out.splice(at, 2, `${out[at]}，${out[at + 1]}`);
  }
  return out;
}

describe('splitSentences', () => {
  it('splits as the reference that counts characters by spreading strings (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('烧烤摊油烟太大', '晚上', '喝酒吵到一两点', '还经营到凌晨', '能不能管管', '你好', '😀', '😀😀😀', 'ab', ' ', '\ud800', '\udc00x'),
      fc.constantFrom(...'。！？!?；;\n，,、 '.split('')),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (parts, max) => {
        const text = parts.join('');
        expect(splitSentences(text, max)).toEqual(reference(text, max));
        expect(splitSentences(text)).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts characters as the string iterator does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(characters(s)).toBe([...s].length);
    }));
  });
});
