import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packModel, readCachedModel, unpackModel, writeCachedModel } from '../../src/nlu/cache.js';

/** The model file (src/nlu/cache.ts): whatever an engine exports comes back the same. */
describe('model file', () => {
  it('round-trips plain data, typed arrays and long numeric arrays exactly', () => {
    const weights = Float32Array.from({ length: 300 }, (_, i) => Math.sin(i));
    const perceptron = [...Array.from({ length: 200 }, (_, i) => Math.fround(i / 7)), 0.1234567890123]; // float32 weights + a double bias
    const doubles = Array.from({ length: 100 }, (_, i) => i / 3);
    const model = {
      kind: 'x',
      nested: { list: [perceptron, doubles, [1, 2, 3]], idf: Float64Array.from(doubles), cols: Int32Array.from([5, 3, 1]) },
      weights,
      words: [['占道', ['street_vending']]],
      empty: [],
      n: -0.5,
      flag: true,
      none: null,
    };
    const back = unpackModel(packModel(model)) as typeof model;
    expect(back).toEqual(model);
    expect(back.weights).toBeInstanceOf(Float32Array);
    expect(back.nested.idf).toBeInstanceOf(Float64Array);
    expect(back.nested.cols).toBeInstanceOf(Int32Array);
    expect(Array.isArray(back.nested.list[0])).toBe(true);
    expect(back.nested.list[0]![200]).toBe(0.1234567890123);
    expect(back.nested.list[1]).toEqual(doubles);
  });

  it('keeps a key named __proto__ as data, also over a numeric block (found by the property below, seed 1813819553)', () => {
    const model = JSON.parse('{"__proto__":{"a":1,"__proto__":[1,2]},"x":{"__proto__":[0]}}') as Record<string, unknown>;
    const nums = Array.from({ length: 64 }, (_, i) => i / 7);
    Object.defineProperty(model, 'w', { value: { ['__proto__']: null }, enumerable: true });
    const withBlock = JSON.parse(`{"__proto__":${JSON.stringify(nums)}}`) as unknown;
    expect(unpackModel(packModel(model))).toEqual(JSON.parse(JSON.stringify(model)));
    expect(unpackModel(packModel({ withBlock }))).toEqual({ withBlock: JSON.parse(`{"__proto__":${JSON.stringify(nums)}}`) });
    expect(Object.getPrototypeOf(unpackModel(packModel(model)))).toBe(Object.prototype);
  });

  it('round-trips any JSON data (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.double({ noNaN: true }), { minLength: 64, maxLength: 200 }), (value, nums) => {
        const model = { value, nums };
        // JSON semantics for the plain part (-0 becomes 0 there too), numbers exact in the blocks.
        expect(unpackModel(packModel(model))).toEqual({ value: JSON.parse(JSON.stringify(value)) as unknown, nums });
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a damaged file; a damaged cached model reads as missing (it is retrained)', () => {
    const buf = packModel({ weights: new Float32Array(100) });
    expect(() => unpackModel(buf.subarray(0, buf.length - 8))).toThrow();
    expect(() => unpackModel(Buffer.from('{"kind":"pufa"}'))).toThrow(/not a pufa model file/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-model-'));
    writeCachedModel(dir, 'k1', { a: 1 }, 'pufa');
    expect(readCachedModel(dir, 'k1', 'pufa')).toEqual({ a: 1 });
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), 'PUFAMDL1 and then nothing useful');
    expect(readCachedModel(dir, 'k1', 'pufa')).toBeUndefined();
    // A new model of the same kind replaces the old one (and the old JSON format).
    writeFileSync(path.join(dir, 'model-pufa-0123abcd.json'), '{}');
    writeCachedModel(dir, 'k2', { a: 2 }, 'pufa');
    expect(readdirSync(dir)).toEqual([path.basename(file!).replace('k1', 'k2')]);
    rmSync(dir, { recursive: true, force: true });
  });
});
