import { describe, expect, it } from 'vitest';
import { botKeys } from '../../src/redis/bot-keys.js';
import { loadConfig } from '../../src/config/config.js';
import { consoleKeys } from '../../src/console/keys.js';
import { problemsOf } from '../helpers/config-problems.js';
import { statsKeys } from '../../src/stats/keys.js';

/**
 * On a Redis Cluster a Lua script or MULTI runs only when all its keys share one slot, and
 * the slot comes from the key's first non-empty `{…}`. Every key must carry its family's
 * tag whatever REDIS_PREFIX is (test/redis/cluster.test.ts runs them on a real Cluster).
 * Every key builder is enumerated, so a key added later is checked too.
 */
function hashTag(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  if (close < 0 || close === open + 1) return key;
  return key.slice(open + 1, close);
}

/**
 * Every key a key-builder object makes: strings as they are, functions called with sample
 * arguments, and the builders those return (e.g. the test-data family of a channel).
 */
function allKeys(builder: object, skip: readonly string[], path = ''): [string, string][] {
  const out: [string, string][] = [];
  const take = (name: string, value: unknown): void => {
    if (typeof value === 'string') out.push([name, value]);
    else if (typeof value === 'function') take(`${name}()`, (value as (...a: unknown[]) => unknown)('2026-03-01', 7, 'x{y}z'));
    else if (value && typeof value === 'object') out.push(...allKeys(value, skip, `${name}.`));
  };
  for (const [name, value] of Object.entries(builder)) if (!skip.includes(name)) take(`${path}${name}`, value);
  return out;
}

const PREFIXES = ['pufa:', 'xinzhou-bureau:', 'a.b_c-d:', ''];

describe('key slots', () => {
  it('every statistics key hashes by {stats}', () => {
    for (const prefix of PREFIXES) {
      const keys = allKeys(statsKeys(prefix), ['prefix']);
      expect(keys.length).toBeGreaterThanOrEqual(11);
      for (const [name, key] of keys) expect(hashTag(key), `${name}: ${key}`).toBe('stats');
    }
  });

  it('every bot key hashes by {bot}; BullMQ keys by {bull}', () => {
    for (const prefix of PREFIXES) {
      const k = botKeys(prefix);
      const keys = allKeys(k, ['bullPrefix']);
      expect(keys.length).toBeGreaterThanOrEqual(11);
      for (const [name, key] of keys) expect(hashTag(key), `${name}: ${key}`).toBe('bot');
      // BullMQ builds `<prefix>:<queue>:<suffix>` for every key of a queue.
      expect(hashTag(`${k.bullPrefix}:announce-pufa-bot:wait`)).toBe('bull');
    }
  });

  it('every console key hashes by {console}', () => {
    for (const prefix of PREFIXES) {
      const keys = allKeys(consoleKeys(prefix), []);
      expect(keys.length).toBeGreaterThanOrEqual(9);
      for (const [name, key] of keys) expect(hashTag(key), `${name}: ${key}`).toBe('console');
    }
  });

  it('REDIS_PREFIX cannot carry a hash tag of its own', () => {
    expect(problemsOf(() => loadConfig({ REDIS_PREFIX: 'pufa{x}:' })).join('\n')).toMatch(/^REDIS_PREFIX:/m);
  });
});
