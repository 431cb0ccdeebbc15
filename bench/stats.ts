/**
 * Statistics benchmark (part of `npm run bench`; standalone: `npx tsx bench/stats.ts`).
 *
 * With a private redis-server it starts itself (persistence on, as the embedded default):
 * - consultations recorded per second through RedisStatsRecorder (pipelined batches);
 * - the cost of record() on the message path (it is synchronous: its time is the added latency);
 * - messages per second through the full pipeline (brain + recording), against the same
 *   pipeline with an in-memory recorder;
 * - export time for a year of generated data (~20 rooms), per format;
 * - raw Redis throughput from redis-benchmark on the same server, as the ceiling.
 * Figures are medians over BENCH_RUNS runs (default 5).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pino from 'pino';
import { loadConfig, type Config } from '../src/config/config.js';
import { hashId } from '../src/core/privacy.js';
import type { Action, Channel } from '../src/core/types.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { createBrain } from '../src/nlu/brain.js';
import { createPipeline } from '../src/chat/pipeline.js';
import { MemorySessionStore } from '../src/chat/session.js';
import { closeRedis, connectRedis, createRedis, type StatsRedis } from '../src/redis/connection.js';
import { startRedisServer } from '../src/redis/server.js';
import { renderReport, type ExportFormat } from '../src/stats/export/index.js';
import { queryStats } from '../src/stats/query.js';
import { RedisStatsRecorder } from '../src/stats/redis-recorder.js';
import { loadTopics } from '../src/stats/topics.js';
import { addDays } from '../src/stats/time.js';
import { MemoryRecorder, type Consultation, type StatsRecorder } from '../src/stats/types.js';

const execFileP = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RECORDS = Number(process.env.BENCH_STATS_RECORDS ?? 20_000);
const PIPELINE_MESSAGES = Number(process.env.BENCH_STATS_MESSAGES ?? 3000);
const YEAR_PER_DAY = Number(process.env.BENCH_STATS_PER_DAY ?? 150);
const ROOMS = 20;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

const TOPICS = ['street_vending', 'outdoor_ads', 'illegal_construction', 'construction_waste', 'fumes_bbq', 'noise', 'greenery', 'parking', 'gas_safety', 'waste_sorting', 'city_appearance', 'seized_items', 'penalty_rights', 'hotline_report', 'enforcement_conduct', 'out_of_scope', 'chitchat'];

/** A deterministic, plausible consultation number i of a day. */
function fake(i: number, day: string, salt: string): Consultation {
  const topic = TOPICS[(i * 7 + (i >> 3)) % TOPICS.length]!;
  const action: Action = topic === 'out_of_scope' ? 'out_of_scope' : i % 9 === 0 ? 'clarify' : 'answer';
  const channel: Channel = i % 4 === 0 ? 'private' : 'room';
  const hour = 7 + ((i * 5) % 15);
  const c: Consultation = {
    at: new Date(`${day}T${String(hour).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+08:00`),
    topic,
    intent: action === 'out_of_scope' ? null : `${topic}.general`,
    action,
    channel,
    user: hashId(salt, `user-${(i * 31) % 3000}`),
    score: 0.8,
  };
  if (channel === 'room') {
    const r = i % ROOMS;
    c.room = hashId(salt, `room-${r}`);
    c.roomName = `新洲区第${r + 1}社区居民群`;
  }
  if (action !== 'answer') c.text = '这种情况归谁管';
  return c;
}

async function recordAll(recorder: RedisStatsRecorder, items: Consultation[], latencies?: number[]): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < items.length; i += 1) {
    if (latencies) {
      const s = process.hrtime.bigint();
      recorder.record(items[i]!);
      latencies.push(Number(process.hrtime.bigint() - s) / 1000);
    } else {
      recorder.record(items[i]!);
    }
    // Messages arrive over time, not in one synchronous burst: let the writer run, and
    // measure the sustained rate (what Redis takes), not the rate of filling the buffer.
    if (i % 500 === 499) {
      await new Promise((r) => setImmediate(r));
      while (recorder.status().pending > 4000) await new Promise((r) => setTimeout(r, 1));
    }
  }
  if (!(await recorder.waitUntilStored(120_000))) throw new Error('recorder did not drain');
  if (recorder.status().dropped > 0) throw new Error(`recorder dropped ${recorder.status().dropped} consultations`);
  return performance.now() - t0;
}

async function redisBenchmark(port: number): Promise<Record<string, number> | undefined> {
  const run = async (extra: string[]): Promise<Record<string, number>> => {
    const { stdout } = await execFileP('redis-benchmark', ['-q', '-t', 'set,incr', '-n', '100000', '-p', String(port), ...extra], { maxBuffer: 1 << 22 });
    const out: Record<string, number> = {};
    for (const part of stdout.split(/[\r\n]+/)) {
      const m = /^\s*(SET|INCR): ([\d.]+) requests per second/.exec(part);
      if (m) out[m[1]!] = Number(m[2]);
    }
    return out;
  };
  try {
    const plain = await run([]);
    const pipelined = await run(['-P', '16']);
    return { setPerSec: plain.SET ?? Number.NaN, incrPerSec: plain.INCR ?? Number.NaN, setPipelinedPerSec: pipelined.SET ?? Number.NaN, incrPipelinedPerSec: pipelined.INCR ?? Number.NaN };
  } catch {
    return undefined;
  }
}

async function pipelineThroughput(config: Config, redis: StatsRedis, logger: pino.Logger): Promise<{ redisPerSec: number; memoryPerSec: number; handleP99Ms: number; memoryP99Ms: number } | undefined> {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pufa-bench-stats-cache-'));
  try {
    const cfg = loadConfig({ ...process.env, LOG_LEVEL: 'silent', PUFA_INTENTS_DIR: path.join(root, 'intents'), PUFA_KNOWLEDGE_DIR: path.join(root, 'knowledge'), PUFA_CACHE_DIR: cacheDir, REDIS_PREFIX: 'benchpipe:', REDIS_URL: config.REDIS_URL });
    const kb = loadKnowledgeBase({ intentsDir: cfg.PUFA_INTENTS_DIR, knowledgeDir: cfg.PUFA_KNOWLEDGE_DIR });
    const brain = await createBrain({ config: cfg, kb, noCache: true });
    const texts = kb.intents.flatMap((i) => i.utterances);
    const messages = Array.from({ length: PIPELINE_MESSAGES }, (_, i) => texts[i % texts.length]!);
    const once = async (recorder: StatsRecorder): Promise<{ perSec: number; p99: number }> => {
      const pipeline = createPipeline(brain, { config: cfg, logger, recorder, sessions: new MemorySessionStore(), salt: 'bench-salt-0123456789' });
      const per: number[] = [];
      const t0 = performance.now();
      for (let i = 0; i < messages.length; i += 1) {
        const s = performance.now();
        await pipeline.handle({ text: messages[i]!, kind: 'text', channel: i % 2 ? 'room' : 'private', userId: `u${i % 500}`, ...(i % 2 ? { roomId: `r${i % ROOMS}`, roomName: `群${i % ROOMS}` } : {}), at: new Date() });
        per.push(performance.now() - s);
      }
      if (recorder instanceof RedisStatsRecorder) await recorder.waitUntilStored(60_000);
      return { perSec: (messages.length / (performance.now() - t0)) * 1000, p99: quantile(per, 0.99) };
    };
    const withRedis: number[] = [];
    const withMemory: number[] = [];
    const p99Redis: number[] = [];
    const p99Memory: number[] = [];
    await once(new MemoryRecorder()); // warm-up
    for (let run = 0; run < RUNS; run += 1) {
      const m = await once(new MemoryRecorder());
      withMemory.push(m.perSec);
      p99Memory.push(m.p99);
      const rec = new RedisStatsRecorder({ redis, logger, config: cfg });
      const r = await once(rec);
      await rec.close();
      withRedis.push(r.perSec);
      p99Redis.push(r.p99);
    }
    return { redisPerSec: median(withRedis), memoryPerSec: median(withMemory), handleP99Ms: median(p99Redis), memoryP99Ms: median(p99Memory) };
  } catch (err) {
    console.error(`(full-pipeline figures skipped: ${err instanceof Error ? err.message : String(err)})`);
    return undefined;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

export async function benchStats(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-bench-redis-'));
  const server = await startRedisServer({ dir, persist: true });
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ REDIS_URL: server.url, REDIS_PREFIX: 'bench:', LOG_LEVEL: 'silent', STATS_TIMEZONE: 'Asia/Shanghai' });
  const redis = createRedis(config, logger, { purpose: 'service' });
  redis.on('error', () => undefined);
  await connectRedis(redis, server.url);
  const salt = 'bench-salt-0123456789';
  try {
    // 1. Recorder throughput and record() cost.
    const perSec: number[] = [];
    const p50: number[] = [];
    const p99: number[] = [];
    const max: number[] = [];
    let dropped = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const items = Array.from({ length: RECORDS }, (_, i) => fake(i + run * RECORDS, addDays('2026-01-01', i % 28), salt));
      const rec = new RedisStatsRecorder({ redis, logger, config });
      const lat: number[] = [];
      const ms = await recordAll(rec, items, lat);
      dropped += rec.status().dropped;
      await rec.close();
      perSec.push((RECORDS / ms) * 1000);
      p50.push(quantile(lat, 0.5));
      p99.push(quantile(lat, 0.99));
      max.push(Math.max(...lat));
    }

    // 2. Full pipeline.
    const pipeline = await pipelineThroughput(config, redis, logger);

    // 3. A year of data for ~20 rooms, then exports.
    const yearCfg = loadConfig({ REDIS_URL: server.url, REDIS_PREFIX: 'benchyear:', LOG_LEVEL: 'silent' });
    const yearRec = new RedisStatsRecorder({ redis, logger, config: yearCfg });
    const year: Consultation[] = [];
    for (let d = 0; d < 365; d += 1) {
      const day = addDays('2025-01-01', d);
      for (let i = 0; i < YEAR_PER_DAY; i += 1) year.push(fake(d * YEAR_PER_DAY + i, day, salt));
    }
    await recordAll(yearRec, year);
    await yearRec.close();
    const topics = loadTopics(path.join(root, 'knowledge'));
    const exportCases: [string, 'day' | 'week' | 'month', ExportFormat][] = [
      ['csv by day', 'day', 'csv'],
      ['csv by month', 'month', 'csv'],
      ['xlsx by month', 'month', 'xlsx'],
      ['json by week', 'week', 'json'],
      ['summary', 'month', 'summary'],
    ];
    const exportMs: Record<string, number> = {};
    let yearTotal = 0;
    for (const [name, by, format] of exportCases) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const t0 = performance.now();
        const report = await queryStats(redis, { from: '2025-01-01', to: '2025-12-31', by, prefix: 'benchyear:', topics, timezone: config.STATS_TIMEZONE });
        await renderReport(report, format);
        times.push(performance.now() - t0);
        yearTotal = report.totals.total + report.chitchat;
      }
      exportMs[name] = median(times);
    }

    // 4. Ceiling.
    const raw = await redisBenchmark(server.port);
    const memory = (await redis.info('memory')).match(/used_memory_human:(\S+)/)?.[1];

    const results: Record<string, unknown> = {
      cores: os.cpus().length,
      runs: RUNS,
      recorder: { consultations: RECORDS, perSec: Math.round(median(perSec)), recordP50Us: median(p50), recordP99Us: median(p99), recordMaxUs: median(max), dropped },
      pipeline,
      export: { yearConsultations: yearTotal, rooms: ROOMS, ms: exportMs },
      redisBenchmark: raw,
      redisMemory: memory,
    };

    const row = (name: string, value: string): string => `${name.padEnd(66)} ${value.padStart(18)}`;
    console.log(`statistics bench — ${os.cpus().length} cores, redis-server with AOF (everysec), median of ${RUNS} runs`);
    console.log(row('metric', 'value'));
    console.log(row(`recorder: consultations/s (${RECORDS} per run)`, `${Math.round(median(perSec))} /s`));
    console.log(row('record() cost on the message path, p50', `${median(p50).toFixed(1)} µs`));
    console.log(row('record() cost on the message path, p99', `${median(p99).toFixed(1)} µs`));
    if (pipeline) {
      console.log(row('full pipeline + Redis recording, messages/s', `${Math.round(pipeline.redisPerSec)} /s`));
      console.log(row('full pipeline + memory recorder, messages/s', `${Math.round(pipeline.memoryPerSec)} /s`));
      console.log(row('full pipeline p99 per message (Redis / memory)', `${pipeline.handleP99Ms.toFixed(2)} / ${pipeline.memoryP99Ms.toFixed(2)} ms`));
    }
    for (const [name, ms] of Object.entries(exportMs)) console.log(row(`export a year (${yearTotal} consultations, ${ROOMS} rooms): ${name}`, `${ms.toFixed(1)} ms`));
    if (raw) {
      console.log(row('redis-benchmark SET / INCR (ceiling)', `${Math.round(raw.setPerSec!)} / ${Math.round(raw.incrPerSec!)} /s`));
      console.log(row('redis-benchmark -P 16 SET / INCR (pipelined)', `${Math.round(raw.setPipelinedPerSec!)} / ${Math.round(raw.incrPipelinedPerSec!)} /s`));
    } else {
      console.log(row('redis-benchmark', 'not installed'));
    }
    console.log(row('Redis memory after the bench', memory ?? '?'));
    return results;
  } finally {
    await closeRedis(redis);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  benchStats().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
