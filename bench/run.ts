/**
 * `npm run bench`: the shipped brain (`pufa`) against the anchor of issue 7 (char 1–3-gram
 * TF-IDF + logistic regression, C=10) — and, with BENCH_VARIANTS, any other ranker of
 * src/nlu/rankers.ts — trained on the same intents/ and measured in the same run: accuracy
 * rows (`pufa eval`'s), classify latency median/p99, messages per second, training time,
 * cached-model load time and peak RSS; then the statistics benchmark (bench/stats.ts) and the
 * start-up benchmark (bench/startup.ts).
 *
 * Each variant runs in two child processes of its own, so that each peak RSS is its own:
 * one trains BENCH_RUNS times from scratch (its model cached in a scratch folder, as a bot's
 * first start does) and then answers the messages once more as the "right after training"
 * row; the other is a bot's every later start — it loads the cached model and answers the
 * messages, BENCH_RUNS times (a fresh brain each), for the latency rows and the accuracy
 * rows. A bot trains in a worker thread, but the model it receives and writes to the cache
 * is garbage in its own heap, which the bench's back-to-back loop then collects onto
 * messages: that is a first start's cost, not a running bot's, and it is printed apart.
 * Timings are medians over BENCH_RUNS runs of BENCH_MESSAGES messages. Messages: the real
 * citizen questions of ../shared/eval (measuring only), cycled; set PUFA_EVAL_FILE to use
 * another file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// Types only: a variant's process loads no module of src/ unless BENCH_CODE=src (`variantCode`).
import type { Brain } from '../src/nlu/brain.js';
import type { EvalReport } from '../src/nlu/evaluate.js';
import type { RankerKind } from '../src/nlu/rankers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const evalFile = process.env.PUFA_EVAL_FILE ?? path.resolve(root, '../shared/eval/real_citizen_questions.jsonl');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);
const VARIANTS = (process.env.BENCH_VARIANTS ?? 'pufa,anchor').split(',').map((s) => s.trim()) as RankerKind[];

/**
 * The Node flags the bot runs with: those of `npm start` (package.json), e.g. the young
 * generation's size (README "Accuracy and speed"), so that each variant's child process
 * measures what users run. BENCH_NODE_FLAGS replaces them ("" for Node's defaults).
 */
function startFlags(): string[] {
  if (process.env.BENCH_NODE_FLAGS !== undefined) return process.env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const words = (pkg.scripts?.start ?? '').split(/\s+/);
  return words.slice(1).filter((w, i, all) => w.startsWith('--') && all.slice(0, i).every((x) => x.startsWith('--')));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};

/** What the training process measures. */
interface TrainResult {
  train: number[];
  /** Latency of the messages answered once in the process that just trained (its last brain). */
  afterTrainP99: number;
  rssMiB: number;
}

/** What the serving process measures (a bot's start with a cached model). */
interface VariantResult {
  kind: RankerKind;
  name: string;
  load: number[];
  /** createBrain as the bot calls it, wall time: the model from the cache, the preloads and the warm-up. */
  ready: number[];
  median: number[];
  p99: number[];
  perSec: number[];
  rssMiB: number;
  report: EvalReport | null;
}

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

/**
 * Where a variant's code comes from: `dist` (default) is what `npm start` runs — the tsc
 * build, plain Node; `src` is the TypeScript sources through tsx's on-the-fly transpiling
 * (how this script runs), for comparison (BENCH_CODE=src).
 */
const CODE = process.env.BENCH_CODE === 'src' ? 'src' : 'dist';

/** The modules a variant runs: the built ones (dist/, as users run them), or the sources (through tsx). */
async function variantCode() {
  const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(CODE === 'src' ? path.join(root, 'src', file.replace(/\.js$/u, '.ts')) : path.join(root, 'dist', file)).href)) as T;
  const config = await load<typeof import('../src/config/config.js')>('config/config.js');
  const knowledge = await load<typeof import('../src/knowledge/load.js')>('knowledge/load.js');
  const evalFiles = await load<typeof import('../src/nlu/eval-file.js')>('nlu/eval-file.js');
  const brain = await load<typeof import('../src/nlu/brain.js')>('nlu/brain.js');
  const decide = await load<typeof import('../src/nlu/decide.js')>('nlu/decide.js');
  return { loadConfig: config.loadConfig, loadKnowledgeBase: knowledge.loadKnowledgeBase, readEvalFile: evalFiles.readEvalFile, evaluate: evalFiles.evaluate, createBrain: brain.createBrain, ANCHOR_THRESHOLDS: decide.ANCHOR_THRESHOLDS };
}

/** The variant's brain options and messages, in a child process, with the model cached in `cacheDir`. */
async function variantSetup(kind: RankerKind, cacheDir: string) {
  const code = await variantCode();
  const config = code.loadConfig({ ...process.env, LOG_LEVEL: 'silent', PUFA_INTENTS_DIR: path.join(root, 'intents'), PUFA_KNOWLEDGE_DIR: path.join(root, 'knowledge'), PUFA_CACHE_DIR: cacheDir });
  const kb = code.loadKnowledgeBase({ intentsDir: config.PUFA_INTENTS_DIR, knowledgeDir: config.PUFA_KNOWLEDGE_DIR });
  const items = existsSync(evalFile) ? code.readEvalFile(evalFile) : [];
  const source = items.length > 0 ? items.map((i) => i.text) : kb.intents.flatMap((i) => i.utterances);
  const texts = Array.from({ length: MESSAGES }, (_, i) => source[i % source.length] as string);
  // As the bot creates it (src/bot/create-bot.ts): a long-running process, jieba's dictionary
  // loaded whole, warmed up on texts of its own before its first message.
  const opts = { config, kb, ranker: kind, longRunning: true, warmUp: true, ...(kind === 'anchor' ? { thresholds: code.ANCHOR_THRESHOLDS } : {}) };
  return { code, items, texts, opts };
}

/** The training process of a variant (a child): BENCH_RUNS trainings from scratch, the last model left in `cacheDir`. */
async function trainVariant(kind: RankerKind, cacheDir: string): Promise<TrainResult> {
  const { code, texts, opts } = await variantSetup(kind, cacheDir);
  const r: TrainResult = { train: [], afterTrainP99: 0, rssMiB: 0 };
  let brain: Brain | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    rmSync(cacheDir, { recursive: true, force: true });
    brain = await code.createBrain(opts);
    r.train.push(brain.modelInfo.ms);
  }
  if (brain) r.afterTrainP99 = (await latency(brain, texts)).p99;
  r.rssMiB = process.resourceUsage().maxRSS / 1024;
  return r;
}

/** The serving process of a variant (a child): BENCH_RUNS × (a brain from the cached model, BENCH_MESSAGES messages), then the accuracy rows. */
async function serveVariant(kind: RankerKind, cacheDir: string): Promise<VariantResult> {
  const { code, items, texts, opts } = await variantSetup(kind, cacheDir);
  const r: VariantResult = { kind, name: '', load: [], ready: [], median: [], p99: [], perSec: [], rssMiB: 0, report: null };
  let brain: Brain | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const loaded = await code.createBrain(opts);
    r.ready.push(performance.now() - started);
    if (loaded.modelInfo.source !== 'cache') throw new Error('expected a cache hit');
    r.load.push(loaded.modelInfo.ms);
    brain = loaded;
    const l = await latency(loaded, texts);
    r.median.push(l.median);
    r.p99.push(l.p99);
    r.perSec.push(l.perSec);
  }
  if (brain) {
    r.name = brain.ranker.name;
    if (items.length > 0) r.report = (await code.evaluate(brain, items)).report;
  }
  r.rssMiB = process.resourceUsage().maxRSS / 1024;
  return r;
}

/** Run this script as a child process doing `role` for `kind`; its result line. */
function child<T>(role: 'train' | 'serve', kind: RankerKind, cacheDir: string, flags: readonly string[]): T {
  const out = spawnSync(process.execPath, [...flags, ...process.execArgv, fileURLToPath(import.meta.url), `--${role}`, kind, cacheDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = out.stdout.split('\n').find((l) => l.startsWith('@@RESULT@@'));
  if (out.status !== 0 || !line) throw new Error(`bench variant ${kind} (${role}) failed (exit ${out.status})`);
  return JSON.parse(line.slice('@@RESULT@@'.length)) as T;
}

function pct(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)} %`;
}

async function main(): Promise<void> {
  for (const role of ['train', 'serve'] as const) {
    const at = process.argv.indexOf(`--${role}`);
    if (at < 0) continue;
    const kind = process.argv[at + 1] as RankerKind;
    const cacheDir = process.argv[at + 2] as string;
    const result = role === 'train' ? await trainVariant(kind, cacheDir) : await serveVariant(kind, cacheDir);
    process.stdout.write(`\n@@RESULT@@${JSON.stringify(result)}\n`);
    return;
  }
  const { RANKER_KINDS } = await import('../src/nlu/rankers.js');
  const { COMPARE_ROWS } = await import('../src/cli/commands/eval.js');
  const { loadKnowledgeBase } = await import('../src/knowledge/load.js');
  for (const v of VARIANTS) if (!RANKER_KINDS.includes(v)) throw new Error(`BENCH_VARIANTS: unknown ranker "${v}" (${RANKER_KINDS.join(', ')})`);
  const kb = loadKnowledgeBase({ intentsDir: path.join(root, 'intents'), knowledgeDir: path.join(root, 'knowledge') });
  const utterances = kb.intents.reduce((n, i) => n + i.utterances.length, 0);
  const flags = startFlags();
  if (CODE === 'dist') {
    // The variants run the built code: build it first if a source is newer (what `npm start` does).
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('could not build dist/ (npm run build)');
  }
  console.log(`pufa-bot bench — ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}, ${RUNS} runs per variant`);
  console.log(`node flags of each variant's process (npm start's): ${flags.length > 0 ? flags.join(' ') : 'none'}; code: ${CODE === 'dist' ? "dist/ (the build npm start runs)" : 'src/ through tsx (BENCH_CODE=src)'}`);
  console.log(`training data: ${kb.intents.length} intents, ${utterances} utterances; ${MESSAGES} messages per latency run (${existsSync(evalFile) ? path.basename(evalFile) : 'training utterances'})`);

  const results: (VariantResult & { training: TrainResult })[] = [];
  for (const kind of VARIANTS) {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pufa-bench-cache-'));
    try {
      const training = child<TrainResult>('train', kind, cacheDir, flags);
      results.push({ ...child<VariantResult>('serve', kind, cacheDir, flags), training });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }

  const col = (s: string): string => s.padStart(14);
  const header = `${'metric'.padEnd(40)}${results.map((r) => col(r.kind)).join('')}`;
  console.log('');
  for (const [title, pick] of [
    ['certain-only lines', (r: EvalReport) => r.certain],
    ['all lines', (r: EvalReport) => r],
  ] as const) {
    if (!results.every((r) => r.report)) break;
    console.log(`${`accuracy, ${title} (${pick(results[0]?.report as EvalReport).total})`.padEnd(40)}${results.map((r) => col(r.kind)).join('')}`);
    for (const row of COMPARE_ROWS) console.log(`  ${row.name.padEnd(38)}${results.map((r) => col(pct(row.value(pick(r.report as EvalReport))))).join('')}`);
  }
  console.log(header);
  const num = (f: (r: (typeof results)[number]) => number, unit: string, digits: number): string => results.map((r) => col(`${f(r).toFixed(digits)} ${unit}`)).join('');
  console.log(`  ${'classify latency median'.padEnd(38)}${num((r) => median(r.median), 'ms', 3)}`);
  console.log(`  ${'classify latency p99'.padEnd(38)}${num((r) => median(r.p99), 'ms', 3)}`);
  console.log(`  ${'messages per second'.padEnd(38)}${num((r) => median(r.perSec), '/s', 0)}`);
  console.log(`  ${'p99, process that just trained'.padEnd(38)}${num((r) => r.training.afterTrainP99, 'ms', 3)}`);
  console.log(`  ${'training time'.padEnd(38)}${num((r) => median(r.training.train), 'ms', 0)}`);
  console.log(`  ${'cached model load time'.padEnd(38)}${num((r) => median(r.load), 'ms', 0)}`);
  console.log(`  ${'brain ready (load, preload, warm-up)'.padEnd(38)}${num((r) => median(r.ready), 'ms', 0)}`);
  console.log(`  ${'peak RSS, serving (cached model)'.padEnd(38)}${num((r) => r.rssMiB, 'MiB', 0)}`);
  console.log(`  ${'peak RSS, training (worker thread)'.padEnd(38)}${num((r) => r.training.rssMiB, 'MiB', 0)}`);
  console.log('');
  for (const r of results) console.log(`${r.kind} = ${r.name}`);
  console.log('latency = normalise → rank → decide → render per message (brain.ask), in a process that loaded the cached model (every start after the first);');
  console.log(`  "just trained" = the same ${MESSAGES} messages once, in the process that trained (${RUNS} trainings). Anchor decides with ANCHOR_THRESHOLDS (answer ≥ 0.4).`);

  const statsBench = path.join(here, 'stats.ts');
  if (existsSync(statsBench) && process.env.BENCH_SKIP_STATS !== '1') {
    console.log('');
    const mod = (await import(statsBench)) as { benchStats?: () => Promise<unknown> };
    if (mod.benchStats) await mod.benchStats();
  }
  if (process.env.BENCH_SKIP_CHAT !== '1') {
    console.log('');
    await (await import('./chat.js')).benchChat();
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
