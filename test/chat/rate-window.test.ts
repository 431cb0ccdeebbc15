import { describe, expect, it } from 'vitest';
import { RedisChatStore } from '../../src/bot/redis-store.js';
import { MemoryChatStore, WindowCounters } from '../../src/chat/store.js';
import { botKeys } from '../../src/redis/bot-keys.js';
import { useTestRedis } from '../helpers/redis.js';

// The rate limits count a citizen's messages in a window that begins with their first
// message. Before, the window was the clock minute: five messages sent at 12:00:59 and
// 12:01:00 were two windows, so a burst there got twice the limit through (and a test
// that sent five messages failed whenever a busy machine carried them across a minute).

const MINUTE = 60_000;
const ON_THE_MINUTE = Date.UTC(2026, 11, 4, 12, 0, 0);

describe('rate windows begin with the first message (memory)', () => {
  it('counts a burst across a clock minute together, and opens a new window after it ends', () => {
    const c = new WindowCounters();
    expect(c.incr('u:a', 60, ON_THE_MINUTE - 500)).toBe(1); // 11:59:59.5
    expect(c.incr('u:a', 60, ON_THE_MINUTE + 500)).toBe(2); // 12:00:00.5, the same window
    expect(c.incr('u:b', 60, ON_THE_MINUTE + 500)).toBe(1); // another citizen
    expect(c.incr('u:a', 60, ON_THE_MINUTE - 500 + MINUTE - 1)).toBe(3);
    expect(c.incr('u:a', 60, ON_THE_MINUTE - 500 + MINUTE)).toBe(1); // the window ended
  });

  it('forgets ended windows when it holds many', () => {
    const c = new WindowCounters();
    for (let i = 0; i < 10_000; i += 1) c.incr(`u:${i}`, 60, ON_THE_MINUTE);
    expect(c.incr('u:new', 60, ON_THE_MINUTE + MINUTE)).toBe(1);
    // The old windows were swept: their citizens start again at 1.
    expect(c.incr('u:0', 60, ON_THE_MINUTE + MINUTE)).toBe(1);
  });

  it('is what the memory store counts with: users and groups apart', async () => {
    const store = new MemoryChatStore();
    expect(await store.countMessage('u1', 'r1', 60)).toEqual({ user: 1, room: 1 });
    expect(await store.countMessage('u1', undefined, 60)).toEqual({ user: 2, room: 0 });
    expect(await store.countMessage('u2', 'r1', 60)).toEqual({ user: 1, room: 2 });
  });
});

describe('rate windows begin with the first message (Redis)', () => {
  const prefix = 'pufa-test-ratewin:';
  const redis = useTestRedis(prefix);

  it('counts in one key per citizen and per group that expires a window after the first message', async () => {
    const keys = botKeys(prefix);
    const store = new RedisChatStore(redis(), keys);
    expect(await store.countMessage('u1', 'r1', 60)).toEqual({ user: 1, room: 1 });
    expect(await store.countMessage('u1', 'r1', 60)).toEqual({ user: 2, room: 2 });
    expect(await store.countMessage('u2', undefined, 60)).toEqual({ user: 1, room: 0 });
    // Later messages do not push the end of the window back.
    const ttl = await redis().pttl(keys.userRate('u1'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await redis().get(keys.userRate('u1'))).toBe('2');
    expect(await redis().get(keys.roomRate('r1'))).toBe('2');
  });

  it('opens a new window once the last one has ended', async () => {
    const keys = botKeys(prefix);
    const store = new RedisChatStore(redis(), keys);
    expect((await store.countMessage('u3', undefined, 60)).user).toBe(1);
    expect((await store.countMessage('u3', undefined, 60)).user).toBe(2);
    // End the window now instead of waiting a minute: Redis expires the key.
    await redis().pexpire(keys.userRate('u3'), 1);
    await new Promise((r) => setTimeout(r, 200));
    expect((await store.countMessage('u3', undefined, 60)).user).toBe(1);
    expect(await redis().pttl(keys.userRate('u3'))).toBeGreaterThan(0);
  });
});
