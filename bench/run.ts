/**
 * `npm run bench`: NLU speed and accuracy of our engine (jieba + domain dictionary) against
 * vanilla node-nlp (default Chinese settings, same training data), measured in the same run;
 * then the statistics benchmark (bench/stats.ts) and the start-up benchmark (bench/startup.ts). Figures are medians over several runs.
 *
 * Messages: the real citizen questions of ../shared/eval (used for measuring only), cycled
 * to a few thousand. Set PUFA_EVAL_FILE to use another file, BENCH_RUNS for more runs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { readEvalFile } from '../src/cli/commands/eval.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { createBrain, type Brain } from '../src/nlu/brain.js';
import { topicScores } from '../src/nlu/decide.js';
import type { EngineKind } from '../src/nlu/engine.js';
import { predictedTopic, scorePredictions } from '../src/nlu/evaluate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const evalFile = process.env.PUFA_EVAL_FILE ?? path.resolve(root, '../shared/eval/real_citizen_questions.jsonl');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Vanilla nlp.js trains for about a minute on this data: fewer runs keep the bench short. */
const VANILLA_RUNS = Math.min(RUNS, Number(process.env.BENCH_VANILLA_RUNS ?? 3));
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};
const fmt = (x: number, d = 3): string => x.toFixed(d);


async function latency(brain: Brain, texts: string[]): Promise<{ median: number; p99: number; perSec: number }> {
  const per: number[] = [];
  const t0 = performance.now();
  for (const text of texts) {
    const s = performance.now();
    await brain.ask(text, { channel: 'room' });
    per.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  return { median: median(per), p99: quantile(per, 0.99), perSec: (texts.length / total) * 1000 };
}

async function accuracy(brain: Brain, items: ReturnType<typeof readEvalFile>): Promise<{ overall: number; certain: number; top1Topic: number }> {
  const preds = [];
  let top1 = 0;
  for (const item of items) {
    const reply = await brain.ask(item.text, { channel: 'private' });
    preds.push({ item, predicted: predictedTopic(reply), reply });
    const t = topicScores(await brain.rank(reply.normalized))[0]?.topic ?? 'out_of_scope';
    if (t === item.topic) top1 += 1;
  }
  const r = scorePredictions(preds);
  return { overall: r.accuracy, certain: r.certain.accuracy, top1Topic: top1 / items.length };
}

async function main(): Promise<void> {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pufa-bench-cache-'));
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', PUFA_INTENTS_DIR: path.join(root, 'intents'), PUFA_KNOWLEDGE_DIR: path.join(root, 'knowledge'), PUFA_CACHE_DIR: cacheDir });
  const kb = loadKnowledgeBase({ intentsDir: config.PUFA_INTENTS_DIR, knowledgeDir: config.PUFA_KNOWLEDGE_DIR });
  const utteranceCount = kb.intents.reduce((n, i) => n + i.utterances.length, 0);
  const items = existsSync(evalFile) ? readEvalFile(evalFile) : [];
  const source = items.length > 0 ? items.map((i) => i.text) : kb.intents.flatMap((i) => i.utterances);
  const texts = Array.from({ length: MESSAGES }, (_, i) => source[i % source.length] as string);
  const meanLen = texts.reduce((n, t) => n + [...t].length, 0) / texts.length;

  console.log(`pufa-bot bench — ${os.cpus().length} cores, Node ${process.version}, ${RUNS} runs (vanilla ${VANILLA_RUNS})`);
  console.log(`training data: ${kb.intents.length} intents, ${utteranceCount} utterances; messages: ${texts.length} (mean ${meanLen.toFixed(0)} chars, from ${items.length > 0 ? path.basename(evalFile) : 'training utterances'})`);

  type Result = { train: number[]; load: number[]; median: number[]; p99: number[]; perSec: number[]; acc?: Awaited<ReturnType<typeof accuracy>> };
  // pufa as shipped; the same without the character topic prior (node-nlp + jieba alone: the
  // segmenter comparison); vanilla node-nlp with @nlpjs/lang-zh.
  const variants: { name: string; engine: EngineKind; priorWeight?: number; runs: number }[] = [
    { name: 'pufa', engine: 'domain', runs: RUNS },
    { name: 'jieba only', engine: 'domain', priorWeight: 0, runs: VANILLA_RUNS },
    { name: 'vanilla', engine: 'vanilla', runs: VANILLA_RUNS },
  ];
  const results = new Map<string, Result>();
  for (const variant of variants) {
    const r: Result = { train: [], load: [], median: [], p99: [], perSec: [] };
    results.set(variant.name, r);
    const opts = { config, kb, engine: variant.engine, ...(variant.priorWeight !== undefined ? { priorWeight: variant.priorWeight } : {}) };
    let brain: Brain | undefined;
    for (let run = 0; run < variant.runs; run += 1) {
      rmSync(cacheDir, { recursive: true, force: true });
      const trained = await createBrain(opts);
      r.train.push(trained.modelInfo.ms);
      const loaded = await createBrain(opts);
      if (loaded.modelInfo.source !== 'cache') throw new Error('expected a cache hit');
      r.load.push(loaded.modelInfo.ms);
      brain = loaded;
      const l = await latency(loaded, texts);
      r.median.push(l.median);
      r.p99.push(l.p99);
      r.perSec.push(l.perSec);
    }
    if (brain && items.length > 0) r.acc = await accuracy(brain, items);
  }
  rmSync(cacheDir, { recursive: true, force: true });

  const d = results.get('pufa') as Result;
  const j = results.get('jieba only') as Result;
  const v = results.get('vanilla') as Result;
  const row = (name: string, a: number, b: number, c: number, unit: string, digits = 3, higherIsBetter = false): string =>
    `${name.padEnd(30)} ${`${fmt(a, digits)} ${unit}`.padStart(14)} ${`${fmt(b, digits)} ${unit}`.padStart(14)} ${`${fmt(c, digits)} ${unit}`.padStart(14)} ${`${fmt(higherIsBetter ? a / c : c / a, 2)}×`.padStart(9)}`;
  console.log('');
  console.log(`${'metric (median of runs)'.padEnd(30)} ${'pufa'.padStart(14)} ${'jieba only'.padStart(14)} ${'vanilla'.padStart(14)} ${'pufa:van'.padStart(9)}`);
  console.log(row('classify latency median', median(d.median), median(j.median), median(v.median), 'ms'));
  console.log(row('classify latency p99', median(d.p99), median(j.p99), median(v.p99), 'ms'));
  console.log(row('messages per second', median(d.perSec), median(j.perSec), median(v.perSec), '/s', 0, true));
  console.log(row('training time', median(d.train), median(j.train), median(v.train), 'ms', 0));
  console.log(row('cached model load time', median(d.load), median(j.load), median(v.load), 'ms', 0));
  if (d.acc && j.acc && v.acc) {
    console.log(row('accuracy, certain-only', d.acc.certain * 100, j.acc.certain * 100, v.acc.certain * 100, '%', 1, true));
    console.log(row('accuracy, overall', d.acc.overall * 100, j.acc.overall * 100, v.acc.overall * 100, '%', 1, true));
    console.log(row('top-1 topic (no thresholds)', d.acc.top1Topic * 100, j.acc.top1Topic * 100, v.acc.top1Topic * 100, '%', 1, true));
  }
  console.log(`peak RSS (whole bench process, all three engines loaded in turn): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  console.log('pufa = character topic prior + node-nlp on jieba (as shipped); jieba only = node-nlp on jieba with the domain');
  console.log('dictionary, no prior; vanilla = node-nlp with its default Chinese (@nlpjs/lang-zh). Same training data.');
  console.log('pufa:van = how many times better pufa is than vanilla (speed: vanilla/pufa; throughput, accuracy: pufa/vanilla).');

  const statsBench = path.join(here, 'stats.ts');
  if (existsSync(statsBench) && process.env.BENCH_SKIP_STATS !== '1') {
    console.log('');
    const mod = (await import(statsBench)) as { benchStats?: () => Promise<unknown> };
    if (mod.benchStats) await mod.benchStats();
  }
  if (process.env.BENCH_SKIP_STARTUP !== '1') {
    console.log('');
    await (await import('./startup.js')).benchStartup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
