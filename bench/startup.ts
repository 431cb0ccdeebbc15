/**
 * Start-up benchmark (part of `npm run bench`; alone: `npx tsx bench/startup.ts`): wall time
 * and peak RSS of the built CLI as a user runs it, medians of several runs, with a bare
 * `node -e 0` as the baseline in the same run. The commands are run round-robin, so a
 * change of machine load affects each of them alike. `pufa ask` uses the cached model (one
 * warm-up run first trains it if needed). Peak RSS comes from /usr/bin/time (GNU time) when
 * it is installed.
 *
 * `npm run bench:startup` runs it alone. The CPU column is user + system seconds (GNU time):
 * on a shared machine it moves less with the load than the wall time.
 *
 * BENCH_STARTUP_RUNS (default 5) sets the number of runs per command; BENCH_STARTUP_CLI
 * measures another built CLI (e.g. an older checkout's dist/cli/main.js, for before/after).
 * BENCH_STARTUP_BEFORE=<other dist/cli/main.js> adds that CLI's `ask` to the same round-robin
 * (before/after in one run, so both see the same load), with its own cache folder
 * (BENCH_STARTUP_BEFORE_CACHE, default `.cache/before`: an older model format is not mixed
 * with the current one; its first run trains it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OWN_CLI = path.join(root, 'dist/cli/main.js');
const CLI = process.env.BENCH_STARTUP_CLI ? path.resolve(process.env.BENCH_STARTUP_CLI) : OWN_CLI;
const TIME = '/usr/bin/time';
const BEFORE = process.env.BENCH_STARTUP_BEFORE ? path.resolve(process.env.BENCH_STARTUP_BEFORE) : undefined;
const BEFORE_CACHE = path.resolve(root, process.env.BENCH_STARTUP_BEFORE_CACHE ?? '.cache/before');

interface Case {
  name: string;
  args: string[];
  /** Targets of issue 7 (wall seconds, peak MB), shown next to the figures. */
  target?: { wall: number; rssMb?: number };
  /** Extra environment (the before CLI's cache folder). */
  env?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'pufa --version', args: [CLI, '--version'], target: { wall: 0.3 } },
  { name: 'pufa --help', args: [CLI, '--help'] },
  { name: 'pufa ask "占道经营怎么处罚"', args: [CLI, 'ask', '占道经营怎么处罚'], target: { wall: 1.0, rssMb: 150 } },
  ...(BEFORE ? [{ name: 'before: pufa ask "占道经营怎么处罚"', args: [BEFORE, 'ask', '占道经营怎么处罚'], env: { PUFA_CACHE_DIR: BEFORE_CACHE } }] : []),
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Sample {
  wall: number;
  rssMb: number | undefined;
  /** User + system CPU seconds (less sensitive to the machine's load than the wall time). */
  cpu: number | undefined;
}

function runOnce(args: string[], withTime: boolean, extraEnv: Record<string, string> = {}): Sample {
  const env = { ...process.env, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...extraEnv };
  const argv = withTime ? ['-f', '__rss %M %U %S', process.execPath, ...args] : args;
  const started = performance.now();
  const r = spawnSync(withTime ? TIME : process.execPath, argv, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const m = /__rss (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { wall, rssMb: m ? Number(m[1]) / 1024 : undefined, cpu: m ? Number(m[2]) + Number(m[3]) : undefined };
}

export async function benchStartup(): Promise<void> {
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
  // Build only if a source is newer than dist/ (what `npm start` does).
  if (CLI === OWN_CLI) {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('could not build dist/ (npm run build)');
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist`);
  const withTime = existsSync(TIME);
  // Warm-up: trains and caches the model if the cache is cold, and warms the file cache.
  for (const c of CASES) runOnce(c.args, false, c.env);

  const samples = new Map<string, Sample[]>(CASES.map((c) => [c.name, []]));
  const load = os.loadavg();
  for (let i = 0; i < runs; i += 1) for (const c of CASES) samples.get(c.name)?.push(runOnce(c.args, withTime, c.env));
  const loadAfter = os.loadavg();

  console.log(`start-up — ${path.relative(root, CLI)}, ${runs} runs each, round-robin; ${os.cpus().length} cores, Node ${process.version}; load average ${load[0]?.toFixed(1)} before, ${loadAfter[0]?.toFixed(1)} after`);
  console.log(`${'command'.padEnd(42)} ${'wall s'.padStart(7)} ${'× node'.padStart(7)} ${'cpu s'.padStart(6)} ${'peak MB'.padStart(8)}   target`);
  const base = median((samples.get(CASES[0]!.name) ?? []).map((s) => s.wall));
  for (const c of CASES) {
    const s = samples.get(c.name) ?? [];
    const wall = median(s.map((x) => x.wall));
    const rss = s.every((x) => x.rssMb !== undefined) ? median(s.map((x) => x.rssMb as number)) : undefined;
    const cpu = s.every((x) => x.cpu !== undefined) ? median(s.map((x) => x.cpu as number)) : undefined;
    const target = c.target ? `≤ ${c.target.wall} s${c.target.rssMb ? `, ≤ ${c.target.rssMb} MB` : ''}` : '';
    console.log(`${c.name.padEnd(42)} ${wall.toFixed(2).padStart(7)} ${(wall / base).toFixed(1).padStart(7)} ${(cpu === undefined ? 'n/a' : cpu.toFixed(2)).padStart(6)} ${(rss === undefined ? 'n/a' : rss.toFixed(0)).padStart(8)}   ${target}`);
  }
  if (!withTime) console.log(`(peak RSS needs GNU time at ${TIME})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchStartup().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
