import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IntentDef } from '../../src/knowledge/types.js';
import { LogReg, SortedColumns, SparseRow, TermColumns, Tfidf, stack } from '../../src/nlu/linear.js';
import { ChineseTokenizer } from '../../src/nlu/tokenizer.js';
import { CharLrTopicModel, CharLrViews, charNgramRow, charNgramRowInto, charNgrams, withLetterPairs } from '../../src/nlu/topic-model.js';

/** The anchor's parts against scikit-learn's definitions (TfidfVectorizer, LogisticRegression). */
describe('char n-grams (sklearn analyzer="char")', () => {
  it('lower-cases, collapses whitespace runs and lists every 1–3-gram of code points', () => {
    expect(charNgrams('Ab  c')).toEqual(['a', 'b', ' ', 'c', 'ab', 'b ', ' c', 'ab ', 'b c']);
    expect(charNgrams('占道')).toEqual(['占', '道', '占道']);
    // A character outside the BMP (two UTF-16 units) is one character, as in Python.
    expect(charNgrams('a😀b')).toEqual(['a', '😀', 'b', 'a😀', '😀b', 'a😀b']);
  });
});

describe('TF-IDF (sublinear_tf, smooth_idf, l2)', () => {
  it('gives a saved and loaded vocabulary the same rows: every known term found, unknown ones not', () => {
    const docs = Array.from({ length: 400 }, (_, i) => charNgrams(`占道经营${i}罚款${(i * 7919) % 1000}违建😀${String.fromCharCode(0x4e00 + ((i * 31) % 2000))}`));
    const { tfidf } = Tfidf.fit(docs);
    const loaded = Tfidf.fromJSON(tfidf.toJSON());
    expect(tfidf.vocabulary.length).toBeGreaterThan(1000);
    for (const d of docs.slice(0, 50)) expect(loaded.row(d)).toEqual(tfidf.row(d));
    for (const term of tfidf.vocabulary) expect(loaded.row([term]).idx.length).toBe(1);
    expect(loaded.row(['没见过的词', '', '占道经营罚'])).toEqual({ idx: new Int32Array(0), val: new Float64Array(0) });
  });

  it('weighs (1 + ln tf) × (ln((1 + n) / (1 + df)) + 1) and normalises each row', () => {
    const { tfidf, X } = Tfidf.fit([['a', 'b', 'a'], ['b']]);
    expect(tfidf.vocabulary).toEqual(['a', 'b']);
    const a = (1 + Math.log(2)) * (Math.log(3 / 2) + 1);
    const b = 1;
    const norm = Math.hypot(a, b);
    expect([...X.values.slice(0, 2)].map((v) => v.toFixed(9))).toEqual([a / norm, b / norm].map((v) => v.toFixed(9)));
    expect(X.values[2]).toBeCloseTo(1, 12);
    const unseen = tfidf.row(['zzz']);
    expect(unseen.idx.length).toBe(0);
  });
});

describe('multinomial logistic regression (L-BFGS)', () => {
  it('reaches the optimum of mean cross-entropy + ‖W‖² / (2·C·n): no weight change lowers it', () => {
    // A small fixed data set: 3 classes, 4 features.
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const rows = Array.from({ length: 40 }, (_, i) => {
      const y = i % 3;
      const x = Array.from({ length: 4 }, (_, j) => (j === y ? 1 : 0) + rand() * 0.8);
      return { x, y };
    });
    const X = stack(rows.map((r) => ({ idx: Int32Array.from([0, 1, 2, 3]), val: Float64Array.from(r.x) })), 4);
    const C = 2;
    const { model } = LogReg.fit(X, rows.map((r) => r.y), ['a', 'b', 'c'], { C, tol: 1e-8, maxIter: 500 });
    // Read W and b back through the public scoring: logits(e_j) − logits(∅) = W[j].
    const b = [...model.logits(new Int32Array(), new Float64Array())];
    const W = [0, 1, 2, 3].map((j) => [...model.logits(Int32Array.from([j]), Float64Array.from([1]))].map((v, k) => v - (b[k] as number)));
    const J = (w: number[][], bias: number[]): number => {
      let loss = 0;
      for (const r of rows) {
        const s = [0, 1, 2].map((k) => (bias[k] as number) + r.x.reduce((acc, v, j) => acc + v * (w[j]?.[k] as number), 0));
        const m = Math.max(...s);
        const z = s.reduce((acc, v) => acc + Math.exp(v - m), 0);
        loss -= (s[r.y] as number) - m - Math.log(z);
      }
      const reg = w.flat().reduce((acc, v) => acc + v * v, 0);
      return loss / rows.length + reg / (2 * C * rows.length);
    };
    const best = J(W, b);
    const h = 1e-3;
    for (let j = 0; j < 4; j += 1) {
      for (let k = 0; k < 3; k += 1) {
        for (const d of [h, -h]) {
          const w2 = W.map((row) => [...row]);
          (w2[j] as number[])[k] = ((w2[j] as number[])[k] as number) + d;
          // Float32 storage of the weights costs ~1e-7 in J; a real non-optimum costs far more.
          expect(J(w2, b)).toBeGreaterThan(best - 1e-6);
        }
      }
    }
    // And it fits: the training rows are classified as labelled.
    const right = rows.filter((r) => {
      const p = model.predict(Int32Array.from([0, 1, 2, 3]), Float64Array.from(r.x));
      return p.indexOf(Math.max(...p)) === r.y;
    }).length;
    expect(right).toBeGreaterThanOrEqual(36);
  });
});

describe('CharLrTopicModel', () => {
  const intents: IntentDef[] = [
    { id: 'a.x', topic: 'a', utterances: ['路边摆摊', '占道经营罚款', '流动摊贩'], source: { file: 'x', line: 1 } },
    { id: 'b.x', topic: 'b', utterances: ['楼上噪音', '工地夜间施工', '广场舞太吵'], source: { file: 'x', line: 1 } },
  ];

  it('ranks topics and scores the same after export and import', () => {
    const m = new CharLrTopicModel();
    m.train(intents);
    const r = m.rank('夜里工地施工太吵');
    expect(r[0]?.topic).toBe('b');
    expect(r.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 9);
    const copy = new CharLrTopicModel();
    copy.import(m.export());
    const r2 = copy.rank('夜里工地施工太吵');
    expect(r2.map((x) => x.topic)).toEqual(r.map((x) => x.topic));
    expect(r2[0]?.score).toBeCloseTo(r[0]?.score as number, 5);
    expect(m.rank('😀')).toEqual([]);
  });
});

/** The brain's views also learn from letters made of their topic's utterances (src/nlu/topic-model.ts). */
describe('withLetterPairs', () => {
  const intents: IntentDef[] = [
    { id: 'a.x', topic: 'a', utterances: ['路边摆摊', '占道经营罚款', '流动摊贩', '夜市摊位'], source: { file: 'x', line: 1 } },
    { id: 'a.y', topic: 'a', utterances: ['卖菜的占了人行道', '门口摆水果摊'], source: { file: 'x', line: 2 } },
    { id: 'b.x', topic: 'b', utterances: ['楼上噪音', '工地夜间施工'], source: { file: 'x', line: 3 } },
  ];

  it("adds, per topic, rate × its utterance count samples, each two of that topic's utterances joined", () => {
    const out = withLetterPairs(intents, 0.5);
    expect(out.slice(0, 3)).toEqual(intents);
    const added = out.slice(3);
    expect(added.map((i) => [i.id, i.topic, i.utterances.length])).toEqual([
      ['a.letter_pairs', 'a', 3],
      ['b.letter_pairs', 'b', 1],
    ]);
    const own = (topic: string) => new Set(intents.filter((i) => i.topic === topic).flatMap((i) => i.utterances));
    for (const i of added)
      for (const u of i.utterances) {
        const [first, second, ...rest] = u.split('，');
        expect(rest).toEqual([]);
        expect(own(i.topic).has(first as string) && own(i.topic).has(second as string), u).toBe(true);
      }
  });

  it('draws the same samples every time, and none at rate 0', () => {
    expect(withLetterPairs(intents, 1)).toEqual(withLetterPairs(intents, 1));
    expect(withLetterPairs(intents, 0)).toBe(intents);
  });

  it('trains a view with them when its options say so', () => {
    const plain = new CharLrTopicModel(undefined, { C: 10, minDf: 1, balanced: false, words: false });
    const paired = new CharLrTopicModel(undefined, { C: 10, minDf: 1, balanced: false, words: false, letterPairs: 1 });
    plain.train(intents);
    paired.train(intents);
    expect(paired.name).toContain('letter pairs 1');
    // The joined samples' n-grams across the comma are in its vocabulary only.
    const vocabulary = (m: CharLrTopicModel) => new Set(m.trained().tfidf.vocabulary);
    expect(vocabulary(paired).size).toBeGreaterThan(vocabulary(plain).size);
  });
});

/**
 * The fast feature path (CharLrViews: n-grams keyed by their UTF-16 units in one table for
 * both views, columns remembered per segment between punctuation) against the plain one
 * (every feature a string, looked up one by one): the same probabilities to the last bit.
 */
describe('CharLrViews (the fast features) against the plain features', () => {
  const source = { file: 'x', line: 1 };
  const intents: IntentDef[] = [
    { id: 'a.x', topic: 'a', utterances: ['路边摆摊', '占道经营罚款 ABC', '流动摊贩😀', '门口摆摊，没人管！'], source },
    { id: 'b.x', topic: 'b', utterances: ['楼上噪音', '工地夜间施工', '广场舞太吵😀😀', '晚上10点还在装修?'], source },
    { id: 'c.x', topic: 'c', utterances: ['违建拆除', '楼顶加盖 违章建筑', '私搭乱建举报、投诉'], source },
  ];
  const tokenizer = new ChineseTokenizer({ terms: ['占道经营', '违建'] });
  const word = new CharLrTopicModel((s) => s, { C: 10, minDf: 1, balanced: true, words: true }, (t) => tokenizer.tokenize(t));
  const char = new CharLrTopicModel();
  word.train(intents);
  char.train(intents);
  const loadedWord = new CharLrTopicModel((s) => s, word.options, (t) => tokenizer.tokenize(t));
  loadedWord.import(word.export());
  const loadedChar = new CharLrTopicModel();
  loadedChar.import(char.export());

  const piece = fc.oneof(
    fc.constantFrom('路边摆摊', '占道经营', '罚款', '噪音', '工地', '违建', '拆除', '举报', 'ABC', 'abc', '10点', '😀', '😀😀', '太吵', '没人管', '楼顶加盖', '\u0001罚款'),
    fc.constantFrom(...'，。！？；：、,!?;: \n  \t'.split('')),
    fc.string({ maxLength: 3 }),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  );

  it('gives every text, then its sentences joined another way, the probabilities of the plain path (property)', () => {
    // Hash table from the start, binary search throughout, and the switch from one to the other.
    const views = new CharLrViews([loadedWord, loadedChar], 0);
    const fresh = new CharLrViews([word, char], Infinity);
    const switching = new CharLrViews([loadedWord, loadedChar], 2000);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 20 }), (parts) => {
        const text = parts.join('');
        for (const t of [text, ...text.split(/[。！？，]/u), text.split('。').join('，')]) {
          const want = [word.probabilitiesOfFeatures(t), char.probabilitiesOfFeatures(t)];
          expect(views.probabilities(t)).toEqual(want);
          expect(fresh.probabilities(t)).toEqual(want);
          expect(switching.probabilities(t)).toEqual(want);
          expect(loadedChar.probabilities(t)).toEqual(want[1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds every term of each vocabulary, in each, with one table', () => {
    const tfidfs = [loadedWord.trained().tfidf, loadedChar.trained().tfidf];
    const table = new TermColumns(tfidfs.map((t) => t.packed()));
    const sorted = new SortedColumns(tfidfs.map((t) => t.packed()));
    tfidfs.forEach((tfidf, view) => {
      tfidf.vocabulary.forEach((term, column) => {
        expect(table.get(term, view)).toBe(column);
        expect(sorted.get(term, view)).toBe(column);
        if (term.startsWith('\u0001')) expect(sorted.column(sorted.find(term.slice(1), 0, term.length - 1, 1), view)).toBe(column);
        if (term.startsWith('\u0001')) expect(table.column(table.find(term.slice(1), 0, term.length - 1, 1), view)).toBe(column);
      });
    });
    for (const term of ['', '没见过', '占道经营罚', '😀😀😀', 'zz']) for (const view of [0, 1]) for (const finder of [table, sorted]) expect(finder.get(term, view)).toBe(tfidfs[view]?.vocabulary.indexOf(term) === -1 ? undefined : tfidfs[view]?.vocabulary.indexOf(term));
  });
});

describe('TermColumns', () => {
  it('holds vocabularies that share no term (its table grows) and finds each term in its own only', () => {
    const a = Tfidf.fit(Array.from({ length: 300 }, (_, i) => charNgrams(`甲${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x5e00 + ((i * 7) % 300))}乙`))).tfidf;
    const b = Tfidf.fit(Array.from({ length: 300 }, (_, i) => charNgrams(`丙${String.fromCharCode(0x6e00 + i)}${String.fromCharCode(0x7e00 + ((i * 11) % 300))}丁 ${'\u{1F600}'}`))).tfidf;
    const table = new TermColumns([a.packed(), b.packed()]);
    a.vocabulary.forEach((term, column) => {
      expect(table.get(term, 0)).toBe(column);
      expect(table.get(term, 1)).toBe(b.vocabulary.includes(term) ? b.vocabulary.indexOf(term) : undefined);
    });
    b.vocabulary.forEach((term, column) => expect(table.get(term, 1)).toBe(column));
  });
});

describe('charNgramRow', () => {
  it('gives the row of the n-gram strings, for 1–3- and 2–3-grams (property)', () => {
    const docs = ['路边摆摊 ABC', '占道经营罚款😀', '楼上噪音，太吵了！', '违建拆除  举报'].map((d) => charNgrams(d, 2, 3));
    const two = Tfidf.fit(docs).tfidf;
    const loaded = Tfidf.fromJSON(two.toJSON());
    const all = Tfidf.fit(['路边摆摊 ABC', '占道经营罚款😀', '楼上噪音，太吵了！'].map((d) => charNgrams(d))).tfidf;
    const piece = fc.oneof(fc.constantFrom('路边摆摊', '占道', '经营', '罚款', '😀', 'ABC', 'abc', '  ', '，', '太吵了', '违建'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(charNgramRow(two, text, 2, 3)).toEqual(two.row(charNgrams(text, 2, 3)));
        expect(charNgramRow(loaded, text, 2, 3)).toEqual(loaded.row(charNgrams(text, 2, 3)));
        expect(charNgramRow(all, text)).toEqual(all.row(charNgrams(text)));
        // Vocabularies of all the n-grams of their texts: n-grams of unknown (n−1)-grams not looked up, the same rows.
        const row = new SparseRow();
        for (const [tfidf, min] of [[two, 2], [loaded, 2], [all, 1]] as const) {
          charNgramRowInto(tfidf, text, row, min, 3, true);
          const want = tfidf.row(charNgrams(text, min, 3));
          expect(row.idx.slice(0, row.n)).toEqual(want.idx);
          expect(row.val.slice(0, row.n)).toEqual(want.val);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * The reusable-buffer paths (`Tfidf.rowInto`, `LogReg.predictInto`, CharLrViews'
 * `probabilitiesShared`) against the ones that make fresh arrays: the same numbers to the
 * last bit, whatever was in the buffers before.
 */
describe('rows and predictions into reused buffers', () => {
  const docs = ['路边摆摊 ABC', '占道经营罚款😀', '楼上噪音，太吵了！', '违建拆除  举报', '工地夜间施工'].map((d) => charNgrams(d));
  const { tfidf, X } = Tfidf.fit(docs);
  const { model } = LogReg.fit(X, [0, 0, 1, 2, 1], ['a', 'b', 'c'], { C: 10 });
  const flat = Tfidf.fromJSON({ ...tfidf.toJSON(), sublinear: false });

  it('rowInto gives rowOfColumns, predictInto gives predict (property)', () => {
    const row = new SparseRow();
    const out = new Float64Array(8).fill(Number.NaN);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: tfidf.size - 1 }), { maxLength: 700 }), (cols) => {
        for (const t of [tfidf, flat]) {
          const want = t.rowOfColumns(Int32Array.from(cols), cols.length);
          t.rowInto(Int32Array.from(cols), cols.length, row);
          expect(row.idx.slice(0, row.n)).toEqual(want.idx);
          expect(row.val.slice(0, row.n)).toEqual(want.val);
          if (row.n > 0) expect(model.predictInto(row.idx, row.val, row.n, out).slice(0, 3)).toEqual(model.predict(want.idx, want.val));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sorts columns like the typed array sort (property)', () => {
    const row = new SparseRow();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 0x7fffffff })), { maxLength: 400 }), (xs) => {
        const want = Int32Array.from(xs).sort();
        expect(Array.from(row.sortColumns(Int32Array.from(xs), xs.length))).toEqual(Array.from(want));
        // Only the first n count, whatever follows them.
        const padded = Int32Array.from([...xs, 5, 1, 9]);
        expect(Array.from(row.sortColumns(padded, xs.length).subarray(0, xs.length))).toEqual(Array.from(want));
      }),
      { numRuns: 300 },
    );
  });

  it('weighs counts beyond the table of small ones, and many classes, the same', () => {
    const row = new SparseRow();
    const cols = Int32Array.from([...Array.from({ length: 300 }, () => 1), ...Array.from({ length: 255 }, () => 2), 0]);
    const want = tfidf.rowOfColumns(Int32Array.from(cols), cols.length);
    tfidf.rowInto(cols, cols.length, row);
    expect(row.val.slice(0, row.n)).toEqual(want.val);
    // 70 classes: more than the unrolled sums take (the loop), the same numbers as predict.
    const classes = Array.from({ length: 70 }, (_, k) => `t${k}`);
    const many = LogReg.fit(X, [0, 1, 2, 3, 69], classes, { C: 10, maxIter: 5 }).model;
    const out = new Float64Array(70);
    expect(many.predictInto(row.idx, row.val, row.n, out)).toEqual(many.predict(want.idx, want.val));
  });

  it('probabilitiesShared gives probabilities, and a copy is kept safe from the next call', () => {
    const char = new CharLrTopicModel();
    const source = { file: 'x', line: 1 };
    char.train([
      { id: 'a.x', topic: 'a', utterances: ['路边摆摊', '占道经营罚款'], source },
      { id: 'b.x', topic: 'b', utterances: ['楼上噪音', '工地夜间施工'], source },
    ] as IntentDef[]);
    const views = new CharLrViews([char]);
    const first = views.probabilities('路边摆摊罚款');
    const shared = views.probabilitiesShared('路边摆摊罚款')[0];
    expect(shared).toEqual(first[0]);
    views.probabilitiesShared('楼上噪音');
    expect(first[0]).toEqual(char.probabilitiesOfFeatures('路边摆摊罚款'));
    expect(views.probabilitiesShared('😀')[0]).toBeUndefined();
  });
});
