import { describe, expect, it } from 'vitest';
import { botKeys } from '../../src/redis/bot-keys.js';
import { RedisSessionStore } from '../../src/bot/session-store.js';
import { useTestRedis } from '../helpers/redis.js';

const prefix = `t-session-${process.pid}-${Date.now().toString(36)}:`;
const redis = useTestRedis(prefix);


describe('RedisSessionStore', () => {
  it('stores clarification state per conversation with a TTL, and deletes it', async () => {
    const store = new RedisSessionStore(redis(), botKeys(prefix));
    const state = { question: '摆摊', choices: [{ n: 1, intent: 'street_vending.penalty', topic: 'street_vending', label: '占道经营的处罚' }] };
    await store.set('room1:user1', state, 30);
    expect(await store.get('room1:user1')).toEqual(state);
    expect(await store.get('room2:user1')).toBeUndefined();
    const ttl = await redis().ttl(`${prefix}{bot}:session:room1:user1`);
    expect(ttl).toBeGreaterThan(25);
    expect(ttl).toBeLessThanOrEqual(30);
    await store.delete('room1:user1');
    expect(await store.get('room1:user1')).toBeUndefined();
  });

  it('expires after the TTL and ignores garbage', async () => {
    const store = new RedisSessionStore(redis(), botKeys(prefix));
    await store.set('u2', { question: 'x', choices: [] }, 1);
    await redis().pexpire(`${prefix}{bot}:session:u2`, 30);
    await new Promise((r) => setTimeout(r, 60));
    expect(await store.get('u2')).toBeUndefined();
    await redis().set(`${prefix}{bot}:session:u3`, 'not json');
    expect(await store.get('u3')).toBeUndefined();
  });

  it('keeps the whole conversation state: choices, consultation id, last topic and time', async () => {
    const store = new RedisSessionStore(redis(), botKeys(prefix));
    const state = {
      question: '烧烤油烟和噪音',
      choices: [{ n: 2, intent: 'noise.report', topic: 'noise', label: '噪声扰民怎么投诉' }],
      choicesFor: 'secondary' as const,
      lastTopic: 'fumes_bbq',
      lastIntent: 'fumes_bbq.bbq',
      lastAt: 1_764_000_000_000,
    };
    await store.set('u4', state, 300);
    expect(await store.get('u4')).toEqual(state);
    await store.set('u5', { question: 'q', choices: [], consultationId: 'c-1', choicesFor: 'clarify' }, 600);
    expect((await store.get('u5'))?.consultationId).toBe('c-1');
    await redis().set(`${prefix}{bot}:session:u6`, JSON.stringify({ choices: [], question: 'q', lastTopic: 'noise', lastAt: 'yesterday' }));
    const damaged = await store.get('u6');
    expect(damaged?.lastTopic).toBeUndefined();
    await redis().set(`${prefix}{bot}:session:u7`, 'null');
    expect(await store.get('u7')).toBeUndefined();
  });
});
