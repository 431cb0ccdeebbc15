import { describe, expect, it } from 'vitest';
import { botKeys } from '../../src/bot/keys.js';
import { loadConfig } from '../../src/config/config.js';
import type { PufaError } from '../../src/core/errors.js';
import { statsKeys } from '../../src/stats/keys.js';

/**
 * On a Redis Cluster a Lua script or MULTI runs only when all its keys share one slot, and
 * the slot comes from the key's first non-empty `{…}`. Every key must carry its family's
 * tag whatever REDIS_PREFIX is (test/redis/cluster.test.ts runs them on a real Cluster).
 */
function hashTag(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  if (close < 0 || close === open + 1) return key;
  return key.slice(open + 1, close);
}

const PREFIXES = ['pufa:', 'xinzhou-bureau:', 'a.b_c-d:', ''];

describe('key slots', () => {
  it('every statistics key hashes by {stats}', () => {
    for (const prefix of PREFIXES) {
      const k = statsKeys(prefix);
      const all = [k.day('2026-03-01'), k.room('2026-03-01'), k.hour('2026-03-01'), k.usersDay('2026-03-01'), k.usersMonth('2026-03'), k.usersYear('2026'), k.events('2026-03-01'), k.seen('2026-03-01'), k.review, k.roomNames, k.dropped];
      for (const key of all) expect(hashTag(key), key).toBe('stats');
    }
  });

  it('every bot key hashes by {bot}; BullMQ keys by {bull}', () => {
    for (const prefix of PREFIXES) {
      const k = botKeys(prefix);
      const all = [k.session('c{x}'), k.userRate('u', 1), k.roomRate('r', 1), k.hint('u'), k.sendCount('acc', '2026-03-01'), k.logout('acc'), k.announceSeq, k.announceDraft('s'), k.announce('1'), k.announceGroups('1'), k.announceStats('2026-03-01')];
      for (const key of all) expect(hashTag(key), key).toBe('bot');
      // BullMQ builds `<prefix>:<queue>:<suffix>` for every key of a queue.
      expect(hashTag(`${k.bullPrefix}:announce-pufa-bot:wait`)).toBe('bull');
    }
  });

  it('REDIS_PREFIX cannot carry a hash tag of its own', () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ REDIS_PREFIX: 'pufa{x}:' });
    } catch (err) {
      problems = (err as PufaError).problems ?? [];
    }
    expect(problems.join('\n')).toMatch(/^REDIS_PREFIX:/m);
  });
});
