import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyJieba, BLOCK_BREAK, packDictionary, packedDictionary } from '../../src/nlu/jieba-dict.js';
import { DICT_FILE, USER_WORD_FREQ } from '../../src/nlu/tokenizer.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * Fast start: jieba with its dictionary loaded word by word as texts need them segments
 * every text exactly as jieba with the whole dictionary does (src/nlu/jieba-dict.ts).
 */

const TERMS = [...new Set(
  readdirSync(path.join(REPO_ROOT, 'intents'))
    .flatMap((f) => /^terms:\s*\[(.*)\]/mu.exec(readFileSync(path.join(REPO_ROOT, 'intents', f), 'utf8'))?.[1]?.split(',') ?? [])
    .map((t) => t.trim())
    .filter((t) => t.length > 1),
), '么样', '冇得', '搞么事'];

/** Every quoted or listed line of the project's own data: utterances, answers, titles. */
function corpus(): string[] {
  const texts: string[] = [];
  for (const dir of ['intents', 'knowledge']) {
    for (const f of readdirSync(path.join(REPO_ROOT, dir))) {
      for (const line of readFileSync(path.join(REPO_ROOT, dir, f), 'utf8').split('\n')) {
        const t = line.replace(/^\s*(-\s*)?([a-z_]+:\s*)?/u, '').trim();
        if (/[\u4e00-\u9fff]/u.test(t)) texts.push(t.toLowerCase());
      }
    }
  }
  return texts;
}

function fullJieba(): Jieba {
  const j = Jieba.withDict(readFileSync(DICT_FILE));
  j.loadDict(Buffer.from(TERMS.map((t) => `${t} ${USER_WORD_FREQ}`).join('\n'), 'utf8'));
  return j;
}

describe('jieba with the dictionary loaded as needed', () => {
  const full = fullJieba();

  it('cuts every line of intents/ and knowledge/ as jieba on the whole dictionary does', () => {
    const lazy = new LazyJieba(packedDictionary(DICT_FILE), TERMS.map((t) => [t, USER_WORD_FREQ] as const));
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(2500);
    const differ = texts.filter((t) => lazy.cut(t, true).join('/') !== full.cut(t, true).join('/'));
    expect(differ).toEqual([]);
    // A fresh instance on one long text (everything loaded at once) agrees too.
    const long = texts.slice(0, 400).join('，');
    expect(new LazyJieba(packedDictionary(DICT_FILE), TERMS.map((t) => [t, USER_WORD_FREQ] as const)).cut(long, true)).toEqual(full.cut(long, true));
  }, 120_000);

  it('loaded whole at once (a long-running bot), fresh or after cutting lazily, cuts as jieba on the whole dictionary does', () => {
    const texts = corpus();
    const whole = new LazyJieba(packedDictionary(DICT_FILE), TERMS.map((t) => [t, USER_WORD_FREQ] as const), () => readFileSync(DICT_FILE));
    whole.loadAll();
    expect(texts.filter((t) => whole.cut(t, true).join('/') !== full.cut(t, true).join('/'))).toEqual([]);
    // Half the texts cut word by word first: loading the rest must neither repeat nor miss a word's mass.
    const later = new LazyJieba(packedDictionary(DICT_FILE), TERMS.map((t) => [t, USER_WORD_FREQ] as const), () => readFileSync(DICT_FILE));
    for (const t of texts.slice(0, texts.length / 2)) later.cut(t, true);
    later.loadAll();
    later.loadAll();
    expect(texts.filter((t) => later.cut(t, true).join('/') !== full.cut(t, true).join('/'))).toEqual([]);
    // Words no text of ours holds (the cuts above would agree with a dictionary missing them).
    const rare = readFileSync(DICT_FILE, 'utf8').split('\n').filter((_, i) => i % 53 === 0).map((l) => l.split(' ')[0] as string).join('，');
    expect(later.cut(rare, true)).toEqual(full.cut(rare, true));
    expect(whole.cut(rare, true)).toEqual(full.cut(rare, true));
  }, 120_000);

  it('cuts random mixtures of dictionary words, domain terms, characters and punctuation the same (property)', () => {
    const dict = packedDictionary(DICT_FILE);
    const some = readFileSync(DICT_FILE, 'utf8').split('\n').filter((_, i) => i % 97 === 0).map((l) => l.split(' ')[0] as string);
    const piece = fc.oneof(fc.constantFrom(...some), fc.constantFrom(...TERMS), fc.constantFrom(...'的了吗城管罚款摆摊怎么办，。！？ 12319abc'.split('')), fc.string({ maxLength: 3 }));
    const lazy = new LazyJieba(dict, TERMS.map((t) => [t, USER_WORD_FREQ] as const));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(lazy.cut(text, true)).toEqual(full.cut(text, true));
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('walks a text piece by piece: no dictionary word holds a piece break, and sentences cut after their letter agree', () => {
    const words = readFileSync(DICT_FILE, 'utf8').split('\n').map((l) => l.split(' ')[0] as string).filter(Boolean);
    expect(words.length).toBeGreaterThan(300_000);
    expect(words.filter((w) => new RegExp(BLOCK_BREAK.source, 'u').test(w))).toEqual([]);
    const lazy = new LazyJieba(packedDictionary(DICT_FILE), TERMS.map((t) => [t, USER_WORD_FREQ] as const));
    const letter = corpus().slice(0, 60).join('。');
    expect(lazy.cut(letter, true)).toEqual(full.cut(letter, true));
    // Each sentence again, joined to its neighbour with another mark (as the letter splitter does).
    const sentences = letter.split('。');
    for (let i = 0; i + 1 < sentences.length; i += 1) {
      const joined = `${sentences[i]}，${sentences[i + 1]}`;
      expect(lazy.cut(joined, true)).toEqual(full.cut(joined, true));
    }
  }, 120_000);

  it('packs the dictionary with every word, its frequency and the total', () => {
    const d = packDictionary('一 217830 m\n一一 1670 m\n丁 1 n\n');
    expect(d.total).toBe(217830 + 1670 + 1);
    expect(d.maxLen).toBe(2);
    expect(d.words).toBe('一一一丁');
    expect([...d.freqs]).toEqual([217830, 1670, 1]);
    expect(d.offsets).toBeInstanceOf(Int32Array);
  });
});
