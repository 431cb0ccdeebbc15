import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { botKeys } from '../../src/redis/bot-keys.js';
import { PacedSender, SenderQueueFullError, SenderStoppedError, StaleReplyError, type PacedSenderOptions } from '../../src/bot/sender.js';
import { createLogger } from '../../src/core/logger.js';
import { todayIn } from '../../src/stats/time.js';
import type { Destination, Outgoing } from '../../src/chat/platform.js';
import { useTestRedis } from '../helpers/redis.js';

/** The paced sender against a recording platform and the real Redis (daily cap). */
const prefix = `t-sender-${process.pid}-${Date.now().toString(36)}:`;
const redis = useTestRedis(prefix);
const keys = botKeys(prefix);
const logger = createLogger({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, { destination: new Writable({ write: (_c, _e, cb) => cb() }) });

interface Call {
  at: number;
  to: Destination;
  content: Outgoing;
}

function recorder(): { calls: Call[]; platform: PacedSenderOptions['platform'] } {
  const calls: Call[] = [];
  return { calls, platform: { send: async (to, content) => void calls.push({ at: performance.now(), to, content }) } };
}

const STALE = '抱歉，回复晚了。请拨打城管热线 12319。';

function sender(platform: PacedSenderOptions['platform'], over: Partial<PacedSenderOptions> = {}): PacedSender {
  return new PacedSender({ platform, staleApology: () => STALE, redis: redis(), keys, account: `acc${Math.random().toString(36).slice(2, 8)}`, logger, minIntervalMs: 80, jitterMs: 40, dailyCap: 1000, maxChars: 600, timeZone: 'Asia/Shanghai', ...over });
}

const gaps = (calls: Call[]) => calls.slice(1).map((c, i) => c.at - calls[i]!.at);
const room: Destination = { kind: 'room', id: 'room-1' };
const alice: Destination = { kind: 'contact', id: 'alice' };


describe('PacedSender', () => {
  it('keeps every send at least the minimum interval apart, plus jitter within bounds', async () => {
    const { calls, platform } = recorder();
    const s = sender(platform);
    await Promise.all(Array.from({ length: 8 }, (_, i) => s.send(i % 2 ? room : alice, { text: `消息${i}` })));
    expect(calls).toHaveLength(8);
    const g = gaps(calls);
    expect(Math.min(...g)).toBeGreaterThanOrEqual(79);
    // No upper bound: on a busy machine timers fire late (tests must not depend on an idle machine).
    // Jitter: the gaps are not all the same.
    expect(new Set(g.map((x) => Math.round(x / 5))).size).toBeGreaterThan(1);
    await s.close();
  });

  it('counts the interval from the end of each send, so a slow send does not bring the next one closer', async () => {
    // Before: from its start — a send that took 60 ms left the next one 60 ms after it, not 60 + 50.
    const calls: Call[] = [];
    const platform: PacedSenderOptions['platform'] = {
      send: async (to, content) => {
        calls.push({ at: performance.now(), to, content });
        await new Promise((r) => setTimeout(r, 60));
      },
    };
    const s = sender(platform, { minIntervalMs: 50, jitterMs: 0 });
    await Promise.all(Array.from({ length: 4 }, (_, i) => s.send(alice, { text: `消息${i}` })));
    expect(Math.min(...gaps(calls))).toBeGreaterThanOrEqual(109);
    await s.close();
  });

  it('uses the injected random source for jitter', async () => {
    const { calls, platform } = recorder();
    const s = sender(platform, { minIntervalMs: 50, jitterMs: 100, random: () => 0.999 });
    for (let i = 0; i < 3; i += 1) await s.send(alice, { text: String(i) });
    expect(Math.min(...gaps(calls))).toBeGreaterThanOrEqual(149);
    await s.close();
  });

  it('splits long texts at sentence boundaries; mentions go on the first part only', async () => {
    const { calls, platform } = recorder();
    const s = sender(platform, { maxChars: 50, minIntervalMs: 5, jitterMs: 0 });
    const sentence = '未经批准占用城市道路摆摊，可以责令限期改正，并处罚款。';
    await s.send(room, { text: sentence.repeat(5), mentions: ['alice'] });
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls) {
      const text = 'text' in c.content ? c.content.text : '';
      expect([...text].length).toBeLessThanOrEqual(50);
      expect(text.endsWith('。')).toBe(true);
    }
    expect('text' in calls[0]!.content && calls[0]!.content.mentions).toEqual(['alice']);
    expect('text' in calls[1]!.content && calls[1]!.content.mentions).toBeUndefined();
    await s.close();
  });

  it('counts sends per account per day in Redis and stops at the daily cap', async () => {
    const { calls, platform } = recorder();
    const s = sender(platform, { dailyCap: 3, minIntervalMs: 1, jitterMs: 0, account: 'capped' });
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => s.send(alice, { text: String(i) })));
    expect(calls).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(2);
    const key = keys.sendCount('capped', todayIn('Asia/Shanghai'));
    expect(Number(await redis().get(key))).toBe(5);
    expect(await redis().ttl(key)).toBeGreaterThan(86_400);
    // A new process for the same account sees the same count.
    const again = sender(platform, { dailyCap: 3, minIntervalMs: 1, jitterMs: 0, account: 'capped' });
    await expect(again.send(alice, { text: 'x' })).rejects.toThrow(/daily send cap/u);
    await s.close();
    await again.close();
  });

  it('holds a message until notBefore and lets people join its mentions until it is sent', async () => {
    const { calls, platform } = recorder();
    const s = sender(platform, { minIntervalMs: 1, jitterMs: 0 });
    const t0 = performance.now();
    const pending = s.enqueue(room, { text: '答复' }, { notBefore: Date.now() + 150 });
    // A private reply queued later is not stuck behind the held group answer.
    await s.send(alice, { text: '私聊答复' });
    expect(calls).toHaveLength(1);
    expect(pending.addMentions(['bob', 'carol'])).toBe(true);
    await pending.done;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    expect(calls[1]!.content).toEqual({ text: '答复', mentions: ['bob', 'carol'] });
    expect(pending.started).toBe(true);
    expect(pending.addMentions(['dave'])).toBe(false);
    await s.close();
  });

  it('drops what is still queued when closed, rejecting with SenderStoppedError', async () => {
    const { calls, platform } = recorder();
    const s = sender(platform, { minIntervalMs: 200, jitterMs: 0 });
    const settled = Promise.allSettled(Array.from({ length: 4 }, (_, i) => s.send(alice, { text: String(i) })));
    await new Promise((r) => setTimeout(r, 50));
    await s.close(0);
    const results = await settled;
    expect(calls.length).toBeLessThan(4);
    expect(results.some((r) => r.status === 'rejected' && r.reason instanceof SenderStoppedError)).toBe(true);
    await expect(s.send(alice, { text: 'after close' })).rejects.toBeInstanceOf(SenderStoppedError);
  });

  it('sends an urgent message (the gas-leak answer) before everything already waiting', async () => {
    const { calls, platform } = recorder();
    const s = sender(platform, { minIntervalMs: 20, jitterMs: 0 });
    const ordinary = Array.from({ length: 10 }, (_, i) => s.send({ kind: 'contact', id: `c${i}` }, { text: `普通${i}` }, { citizen: true }).catch(() => undefined));
    await new Promise((r) => setTimeout(r, 5));
    const urgent = s.send({ kind: 'contact', id: 'gas' }, { text: '【紧急】' }, { urgent: true, citizen: true });
    await urgent;
    // At most the one that had already started goes before it.
    const position = calls.findIndex((c) => c.to.id === 'gas');
    expect(position).toBeLessThanOrEqual(1);
    await Promise.all(ordinary);
    expect(calls).toHaveLength(11);
    await s.close();
  });

  it('keeps the queue bounded: ordinary replies beyond SEND_QUEUE_MAX are refused, an urgent one still goes', async () => {
    const { calls, platform } = recorder();
    const s = sender(platform, { minIntervalMs: 30, jitterMs: 0, maxQueue: 5 });
    const results = await Promise.allSettled([
      ...Array.from({ length: 8 }, (_, i) => s.send({ kind: 'contact', id: `c${i}` }, { text: String(i) }, { citizen: true })),
      s.send({ kind: 'contact', id: 'gas' }, { text: '【紧急】' }, { urgent: true, citizen: true }),
    ]);
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof SenderQueueFullError);
    // 8 ordinary: the first goes out at once, 5 wait, 2 are refused; the urgent answer evicts the newest waiting one.
    expect(refused).toHaveLength(3);
    expect(results.at(-1)!.status).toBe('fulfilled');
    expect(calls.some((c) => c.to.id === 'gas')).toBe(true);
    expect(s.refused).toBe(3);
    await s.close();
  });

  it('replaces a pile of stale replies by one short apology per citizen', async () => {
    const calls: Call[] = [];
    let first = true;
    const platform: PacedSenderOptions['platform'] = {
      send: async (to, content) => {
        calls.push({ at: performance.now(), to, content });
        // The first send is slow (a puppet hiccup): everything behind it goes stale.
        if (first) {
          first = false;
          await new Promise((r) => setTimeout(r, 300));
        }
      },
    };
    const s = sender(platform, { minIntervalMs: 1, jitterMs: 0, staleMs: 150 });
    const carol = s.send({ kind: 'contact', id: 'carol' }, { text: '给carol的答复' }, { citizen: true });
    const alices = [1, 2, 3].map((i) => s.send(alice, { text: `给alice的答复${i}` }, { citizen: true }));
    const bob = s.send(room, { text: '给bob的答复', mentions: ['bob'] }, { citizen: true });
    const staffReply = s.send({ kind: 'contact', id: 'staff' }, { text: '统计结果' });
    const results = await Promise.allSettled([carol, ...alices, bob, staffReply]);
    expect(results[0]!.status).toBe('fulfilled');
    for (const r of results.slice(1, 5)) expect(r.status === 'rejected' && r.reason instanceof StaleReplyError).toBe(true);
    // Staff output is not a citizen reply: it is sent, late or not.
    expect(results[5]!.status).toBe('fulfilled');
    const texts = calls.map((c) => ({ to: c.to.id, text: 'text' in c.content ? c.content.text : '', mentions: 'text' in c.content ? c.content.mentions : undefined }));
    expect(texts.filter((t) => t.to === 'alice')).toEqual([{ to: 'alice', text: STALE, mentions: undefined }]);
    expect(texts.filter((t) => t.to === 'room-1')).toEqual([{ to: 'room-1', text: STALE, mentions: ['bob'] }]);
    expect(s.stale).toBe(4);
    await s.close();
  });
});
