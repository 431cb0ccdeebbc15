import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { freePort } from '../../src/redis/server.js';
import { runCli } from '../helpers/run-cli.js';
import { testRedisUrl } from './helpers.js';

/** Exit codes and messages of `pufa export | stats | simulate` for bad input. */
let tmp: string;
const KEYS = ['REDIS_URL', 'REDIS_PREFIX', 'LOG_LEVEL'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-cli-'));
  process.env.REDIS_URL = testRedisUrl(0);
  process.env.REDIS_PREFIX = `t-cli-${process.pid}:`;
  process.env.LOG_LEVEL = 'silent';
});

afterAll(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function pufa(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'pufa', ...args]);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  }
}

describe('pufa export / stats / simulate: bad input', () => {
  it.each([
    [['export', '--from', '2026-02-30', '--to', '2026-03-31'], '不是有效日期'],
    [['export', '--from', '2026/01/01', '--to', '2026-03-31'], 'YYYY-MM-DD'],
    [['export', '--from', '2026-04-01', '--to', '2026-03-31'], '--from 2026-04-01 is after --to 2026-03-31'],
    [['export', '--from', '2026-01-01', '--to', '2026-03-31', '--format', 'pdf'], 'unknown format "pdf"'],
    [['export', '--from', '2026-01-01', '--to', '2026-03-31', '--by', 'decade'], '--by must be one of'],
    [['export', '--from', '2026-01-01', '--to', '2026-03-31', '--format', 'xlsx'], '--format xlsx needs --out FILE'],
    [['stats', '--from', '2026-01-01'], 'give both --from and --to'],
    [['stats', '--today', '--month'], 'choose one range'],
    [['stats', '--review', 'lots'], '--review needs a whole number'],
    [['simulate', '/nonexistent/file.jsonl'], 'cannot read /nonexistent/file.jsonl: ENOENT'],
  ])('pufa %j → exit 2, clear message', async (args, message) => {
    const { code, err } = await pufa(...args);
    expect(code).toBe(2);
    expect(err).toContain('PUFA_ERR_INPUT');
    expect(err).toContain(message);
  });

  it('a missing required option is a usage error (exit ≠ 0)', async () => {
    const { code, err } = await pufa('export', '--from', '2026-01-01');
    expect(code).not.toBe(0);
    expect(err).toContain('--to');
  });

  it('--help on each command', async () => {
    for (const [cmd, word] of [['export', '--format'], ['stats', '--week'], ['simulate', 'JSONL']] as const) {
      const { code, out } = await pufa(cmd, '--help');
      expect(code).toBe(0);
      expect(out).toContain(word);
    }
  });

  it('fails fast with PUFA_ERR_REDIS when Redis is down', async () => {
    process.env.REDIS_URL = `redis://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const { code, err } = await pufa('stats', '--today');
    process.env.REDIS_URL = testRedisUrl(0);
    expect(code).toBe(2);
    expect(err).toContain('PUFA_ERR_REDIS');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stats purge: nothing to delete says so; without a terminal and without --yes nothing is deleted (exit 1); --yes deletes', async () => {
    const none = await pufa('stats', 'purge', '--channel', 'console', '--from', '2019-01-01', '--to', '2019-01-31');
    expect(none.code).toBe(0);
    expect(none.out).toContain('没有可删除的测试数据');
    const bad = await pufa('stats', 'purge', '--channel', 'wechat', '--from', '2019-01-01', '--to', '2019-01-31');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--channel');
    // Some test data of the terminal chat.
    const { Redis } = await import('ioredis');
    const r = new Redis(testRedisUrl(0));
    const key = `${process.env.REDIS_PREFIX}{stats}:t:console:day:2019-01-05`;
    await r.hset(key, 'noise|answer|console', 3);
    const refused = await pufa('stats', 'purge', '--channel', 'console', '--from', '2019-01-01', '--to', '2019-01-31');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--yes');
    expect(await r.exists(key)).toBe(1);
    const done = await pufa('stats', 'purge', '--channel', 'console', '--from', '2019-01-01', '--to', '2019-01-31', '--yes');
    expect(done.code).toBe(0);
    expect(done.out).toContain('已删除 / deleted：2019年1月1日至1月31日 console的测试数据：咨询 3 人次');
    expect(await r.exists(key)).toBe(0);
    r.disconnect();
  });

  it('export writes csv to stdout and xlsx to a file', async () => {
    const csv = await pufa('export', '--from', '2026-01-01', '--to', '2026-01-31', '--by', 'month');
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\uFEFF时间段,话题,渠道,群,解答,追问澄清,非城管事项,合计')).toBe(true);
    const file = path.join(tmp, 'out.xlsx');
    const xlsx = await pufa('export', '--from', '2026-01-01', '--to', '2026-01-31', '--format', 'xlsx', '--out', file);
    expect(xlsx.code).toBe(0);
    expect(xlsx.err).toContain(file);
  });

  it('a real `pufa simulate` process: malformed lines by number, exit code 2', async () => {
    const file = path.join(tmp, 'mixed.jsonl');
    writeFileSync(file, '{"text":"门口摆摊会被罚款吗","at":"2026-01-05T10:00:00+08:00"}\n{oops}\n{"text":"你好","at":"2026-01-05T10:00:00+08:00"}\n');
    const res = await runCli(['simulate', file], { env: { REDIS_URL: testRedisUrl(0), REDIS_PREFIX: `t-cli-sim-${process.pid}:`, PUFA_CACHE_DIR: path.join(tmp, 'cache') } });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('第 2 行 / line 2');
    expect(res.stdout).toContain('共 3 行，处理 2 条，格式错误 1 行');
    expect(res.stdout).toContain('咨询 1 人次；解答 1，追问澄清 0，非城管事项 0；解答率 100.0%；闲聊 1');
    expect(res.stdout).toContain('已记为测试数据');
  }, 120_000);
});
