/**
 * The homophone corrector (src/nlu/homophones.ts) on our own data: `npx tsx bench/homophones.ts`.
 *
 * - **Slips read back**: each line of test/nlu/data/dev-set.jsonl and holdout-set.jsonl that
 *   holds a domain term gets one slip — a character of the term replaced by one of the five
 *   most common characters (jieba's single-character counts ≥ 500) with the same toneless
 *   reading, as an input method offers them (seeded, per seed) — and is corrected: read back
 *   (as the line spelled right reads), left as written, or misread (changed into anything else).
 *   Then the same with
 *   a character that sounds alike only by a confusion of Wuhan speech (n/l, an/ang …).
 *   `--write FILE` writes the first seed's slipped lines as a `pufa eval` file (topic labels
 *   of the source lines), to compare trees: `pufa eval FILE --json` on each.
 * - **Clean text changed**: every run of Chinese of our answers (knowledge/), and the law
 *   texts of ../shared/laws when present: each correction is listed (it should be none).
 * - **Cost**: `correct()` per message over every utterance and dev/holdout line, 3 passes,
 *   median and p99 of the last; and the time to load the corrector (cached table and terms).
 *
 * BENCH_SEEDS (default "1,2") sets the seeds.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../src/core/normalize.js';
import { loadKnowledgeBaseCached } from '../src/knowledge/compiled.js';
import { compileHomophoneTerms, foldSyllable, loadHomophones, type Homophones } from '../src/nlu/homophones.js';
import { packedDictionary } from '../src/nlu/jieba-dict.js';
import { loadPinyinTable, type PinyinTable } from '../src/nlu/pinyin-table.js';
import { indexOfSorted } from '../src/nlu/sorted-strings.js';
import { DICT_FILE } from '../src/nlu/tokenizer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, '.cache');
const SEEDS = (process.env.BENCH_SEEDS ?? '1,2').split(',').map(Number);
const writeTo = process.argv.includes('--write') ? process.argv[process.argv.indexOf('--write') + 1] : undefined;

const kb = await loadKnowledgeBaseCached({ intentsDir: path.join(root, 'intents'), knowledgeDir: path.join(root, 'knowledge'), cacheDir });
const dict = packedDictionary(DICT_FILE);
const started = performance.now();
const h = await loadHomophones(kb, { cacheDir });
const loadMs = performance.now() - started;
const table = await loadPinyinTable(cacheDir);
const terms = (await compileHomophoneTerms(kb.terms, kb.intents.flatMap((i) => i.utterances))).filter((t) => t.text.length >= 2 && t.sounds.length === t.text.length);

const norm = (s: string): string => normalizeText(s, { maxChars: 100_000 }).text;
const freq = (w: string): number => {
  const i = indexOfSorted(dict.words, dict.offsets, dict.freqs.length, w);
  return i < 0 ? 0 : (dict.freqs[i] as number);
};
const lines = (f: string): { text: string; topic: string }[] =>
  readFileSync(path.join(root, 'test/nlu/data', f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; topic: string });
const labelled = [...lines('dev-set.jsonl'), ...lines('holdout-set.jsonl')];

/** The common characters read with each syllable, most common first. */
function bySyllable(t: PinyinTable): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let c = 0x4e00; c <= 0x9fff; c += 1) {
    const ch = String.fromCharCode(c);
    if (freq(ch) < 500) continue;
    for (const id of t.readings(c)) {
      const s = t.syllables[id] as string;
      const list = out.get(s);
      if (list) list.push(ch);
      else out.set(s, [ch]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => freq(b) - freq(a));
  return out;
}
const common = bySyllable(table);

function slips(seed: number, wuhan: boolean): { text: string; topic: string; clean: string }[] {
  let state = seed;
  const rnd = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const out: { text: string; topic: string; clean: string }[] = [];
  for (const { text, topic } of labelled) {
    const clean = norm(text);
    const present = terms.filter((t) => clean.includes(t.text));
    if (present.length === 0) continue;
    const term = present[Math.floor(rnd() * present.length)] as (typeof present)[number];
    const k = Math.floor(rnd() * term.text.length);
    const syl = (term.sounds[k] as string[])[0] as string;
    const own = term.text[k] as string;
    const alts = wuhan
      ? [...common.entries()].filter(([s]) => s !== syl && foldSyllable(s) === foldSyllable(syl)).flatMap(([, l]) => l.slice(0, 5)).filter((ch) => ch !== own && !(common.get(syl) ?? []).includes(ch))
      : (common.get(syl) ?? []).filter((ch) => ch !== own).slice(0, 5);
    if (alts.length === 0) continue;
    const at = clean.indexOf(term.text);
    const typed = alts[Math.floor(rnd() * alts.length)] as string;
    out.push({ text: clean.slice(0, at + k) + typed + clean.slice(at + k + 1), topic, clean });
  }
  return out;
}

/** Read back: corrected into what the line spelled right reads as (a line may hold a slip of its own: 违见). */
function readBack(h: Homophones, set: { text: string; clean: string }[]): { made: number; readBack: number; left: number; misread: string[] } {
  let readBack = 0;
  let left = 0;
  const misread: string[] = [];
  for (const s of set) {
    const want = h.correct(s.clean).text;
    const got = h.correct(s.text).text;
    if (got === want) readBack += 1;
    else if ([...got].every((ch, i) => ch === want[i] || ch === s.text[i])) left += 1;
    else misread.push(`${s.text} → ${got}`);
  }
  return { made: set.length, readBack, left, misread };
}

console.log('slips read back (one slip per dev/holdout line holding a term)');
for (const seed of SEEDS) {
  for (const wuhan of [false, true]) {
    const set = slips(seed, wuhan);
    const r = readBack(h, set);
    console.log(`  seed ${seed}, ${wuhan ? 'Wuhan confusion' : 'same reading   '}: ${r.readBack}/${r.made} read back (${((100 * r.readBack) / r.made).toFixed(1)} %), ${r.left} left as written, ${r.misread.length} misread${r.misread.map((m) => `\n      ${m}`).join('')}`);
    if (writeTo && seed === SEEDS[0] && !wuhan) {
      writeFileSync(writeTo, set.map((s) => JSON.stringify({ text: s.text, topic: s.topic })).join('\n') + '\n');
      writeFileSync(writeTo.replace(/(\.jsonl)?$/u, '.clean.jsonl'), set.map((s) => JSON.stringify({ text: s.clean, topic: s.topic })).join('\n') + '\n');
      console.log(`    written: ${writeTo} (and the same lines spelled right: ${writeTo.replace(/(\.jsonl)?$/u, '.clean.jsonl')})`);
    }
  }
}

console.log('clean text changed');
const changed = (texts: string[]): { chars: number; list: string[] } => {
  let chars = 0;
  const list: string[] = [];
  for (const t of texts) {
    const text = norm(t);
    chars += text.length;
    for (const c of h.correct(text).corrections) list.push(`${c.from}→${c.to} in …${text.slice(Math.max(0, c.at - 8), c.at + c.from.length + 8)}…`);
  }
  return { chars, list };
};
const answers = changed([...kb.answers.values()].flatMap((a) => JSON.stringify(a).split(/[\x20-\x7e]+/u)));
console.log(`  our answers: ${answers.chars} characters, ${answers.list.length} changed${answers.list.map((l) => `\n    ${l}`).join('')}`);
const lawsDir = path.resolve(root, '../shared/laws');
if (existsSync(lawsDir)) {
  const laws = changed(readdirSync(lawsDir).filter((f) => f.endsWith('.md')).flatMap((f) => readFileSync(path.join(lawsDir, f), 'utf8').split('\n')));
  console.log(`  ../shared/laws: ${laws.chars} characters, ${laws.list.length} changed${laws.list.map((l) => `\n    ${l}`).join('')}`);
}

const messages = [...kb.intents.flatMap((i) => i.utterances), ...labelled.map((l) => l.text)].map(norm);
let times: number[] = [];
for (let pass = 0; pass < 3; pass += 1) {
  times = [];
  for (const m of messages) {
    const t0 = performance.now();
    h.correct(m);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
console.log(`cost: load ${loadMs.toFixed(1)} ms (cached table and terms); correct() over ${messages.length} messages, third pass: median ${(q(0.5) * 1000).toFixed(1)} µs, p99 ${(q(0.99) * 1000).toFixed(1)} µs`);
