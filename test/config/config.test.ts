import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config/config.js';
import { problemsOf } from '../helpers/config-problems.js';
import { REPO_ROOT } from '../helpers/run-cli.js';


describe('loadConfig', () => {
  it('gives working defaults for an empty environment, frozen', () => {
    const c = loadConfig({});
    expect(c.REDIS_PREFIX).toBe('pufa:');
    expect(c.BOT_WAKE_WORDS).toEqual(['问', '咨询', '城管', '普法']);
    expect(c.STATS_RETENTION_DAYS).toBe(400);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('parses lists (also with Chinese commas) and numbers', () => {
    const c = loadConfig({ BOT_ROOMS: '阳逻普法群，邾城 , ', SEND_MIN_INTERVAL_MS: '2000' });
    expect(c.BOT_ROOMS).toEqual(['阳逻普法群', '邾城']);
    expect(c.SEND_MIN_INTERVAL_MS).toBe(2000);
  });

  it('names every bad variable and what is wrong with it', () => {
    const problems = problemsOf(() => loadConfig({ REDIS_URL: 'localhost:6379', SEND_DAILY_CAP: '-5', LOG_LEVEL: 'loud', REDIS_PREFIX: 'a b' }));
    expect(problems.some((p) => p.startsWith('REDIS_URL:') && p.includes('redis://'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SEND_DAILY_CAP:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_PREFIX:'))).toBe(true);
  });

  it('requires a HASH_SALT of 16+ characters when set (unset: one is generated under PUFA_DATA_DIR, see test/redis/simulate-outage)', () => {
    expect(problemsOf(() => loadConfig({ HASH_SALT: 'short' }))[0]).toMatch(/^HASH_SALT: .*16/);
  });

  it('never echoes secrets: HASH_SALT and tokens are not shown, URL passwords are masked', () => {
    const problems = problemsOf(() => loadConfig({ HASH_SALT: 'short', REDIS_URL: 'http://:S3cretPw@host:6379' }));
    const text = problems.join('\n');
    expect(text).toMatch(/HASH_SALT: .*16/);
    expect(text).toMatch(/REDIS_URL: must start with redis:\/\//);
    expect(text).not.toContain('short');
    expect(text).not.toContain('S3cretPw');
  });

  it('.env.example lists every variable of the config schema, and nothing else', () => {
    const example = readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...listed].sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
