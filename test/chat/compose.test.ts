import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compose, type Middleware } from '../../src/chat/compose.js';
import { createPipeline } from '../../src/chat/pipeline.js';
import { MemorySessionStore } from '../../src/chat/session.js';
import { ANSWER_STEPS, CHAT_STEPS } from '../../src/chat/steps.js';
import { errorBoundary, sendReplies } from '../../src/chat/steps/send.js';
import { understand } from '../../src/chat/steps/answer.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/core/logger.js';
import { hashId } from '../../src/core/privacy.js';
import type { Brain } from '../../src/nlu/brain.js';
import { MemoryRecorder } from '../../src/stats/types.js';

/** compose, the step list, createPipeline and MemoryRecorder, directly on plain values. */
describe('compose', () => {
  it('runs steps in order, each around the rest, and ends with `last`', async () => {
    const seen: string[] = [];
    const step = (name: string): Middleware<string[]> => async (ctx, next) => {
      ctx.push(`${name}>`);
      await next();
      ctx.push(`<${name}`);
    };
    await compose([step('a'), step('b')])(seen, async () => void seen.push('last'));
    expect(seen).toEqual(['a>', 'b>', 'last', '<b', '<a']);
  });

  it('stops where a step does not call next, and refuses next() twice', async () => {
    const seen: string[] = [];
    await compose<string[]>([async (c) => void c.push('stop'), async (c) => void c.push('never')])(seen);
    expect(seen).toEqual(['stop']);
    const twice = compose<object>([async (_c, next) => {
      await next();
      await next();
    }]);
    await expect(twice({})).rejects.toThrow('next() called multiple times');
  });
});

describe('the one step list', () => {
  it('starts with the send path and the error boundary and ends with the answer steps', () => {
    expect(CHAT_STEPS[0]).toBe(sendReplies);
    expect(CHAT_STEPS[1]).toBe(errorBoundary);
    expect(CHAT_STEPS.slice(-ANSWER_STEPS.length)).toEqual(ANSWER_STEPS);
    expect(ANSWER_STEPS).toContain(understand);
  });
});

describe('createPipeline on plain messages', () => {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const logs: string[] = [];
  const logger = createLogger({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, { destination: new Writable({ write: (c: Buffer, _e, cb) => (logs.push(c.toString('utf8')), cb()) }) });
  // A brain that answers everything the same way: the pipeline's own behaviour is under test, not the classifier.
  const brain = {
    async ask(text: string) {
      return { action: 'answer', intent: 'street_vending.penalty', topic: 'street_vending', score: 0.9, reply: `答：${text}`, citations: [], choices: [], urgent: false, normalized: text };
    },
  } as unknown as Brain;

  it('hashes the raw ids once, records one consultation and returns the replies', async () => {
    const recorder = new MemoryRecorder();
    const pipeline = createPipeline(brain, { config, logger, recorder, sessions: new MemorySessionStore(), salt: 'plain-salt-0123456789' });
    const out = await pipeline.handle({ text: '摆摊罚款 13912345678', kind: 'text', channel: 'room', userId: 'wxid_plain', roomId: 'r1@chatroom', roomName: '测试群', at: new Date('2026-06-01T02:00:00Z') });
    expect(out.replies).toEqual(['答：摆摊罚款 13912345678']);
    expect(recorder.items).toHaveLength(1);
    const [c] = recorder.items;
    expect(c).toMatchObject({ user: hashId('plain-salt-0123456789', 'wxid_plain'), room: hashId('plain-salt-0123456789', 'r1@chatroom'), roomName: '测试群', channel: 'room', topic: 'street_vending' });
    // The stored question is redacted; no raw id anywhere it is kept or logged.
    expect(c?.text).not.toContain('13912345678');
    expect(JSON.stringify(recorder.items) + logs.join('')).not.toMatch(/wxid_plain|r1@chatroom|13912345678/u);
  });

  it('gives the non-text hint and records nothing; a thrown brain becomes one apology in private', async () => {
    const recorder = new MemoryRecorder();
    const pipeline = createPipeline(brain, { config, logger, recorder, sessions: new MemorySessionStore(), salt: 'plain-salt-0123456789' });
    const hint = await pipeline.handle({ text: null, kind: 'voice', channel: 'private', userId: 'wxid_v', at: new Date() });
    expect(hint.replies).toHaveLength(1);
    expect(recorder.items).toHaveLength(0);
    const failing = createPipeline({ ask: async () => Promise.reject(new Error('boom')) } as unknown as Brain, { config, logger, recorder, sessions: new MemorySessionStore(), salt: 's' });
    expect((await failing.handle({ text: '你好', kind: 'text', channel: 'private', userId: 'u', at: new Date() })).replies[0]).toContain('系统开小差');
    expect((await failing.handle({ text: '你好', kind: 'text', channel: 'room', userId: 'u', roomId: 'r', at: new Date() })).replies).toEqual([]);
  });
});

describe('MemoryRecorder', () => {
  it('keeps consultations and one feedback per consultation; asks for feedback once per citizen and day', async () => {
    const r = new MemoryRecorder();
    r.record({ id: 'c1', at: new Date(), topic: 't', intent: 'i', action: 'answer', channel: 'private', user: 'h', score: 1 });
    r.recordFeedback({ consultationId: 'c1', at: new Date(), helpful: true, topic: 't', intent: 'i', channel: 'private', user: 'h' });
    r.recordFeedback({ consultationId: 'c1', at: new Date(), helpful: false, topic: 't', intent: 'i', channel: 'private', user: 'h' });
    expect(r.items).toHaveLength(1);
    expect(r.feedbackItems.map((f) => f.helpful)).toEqual([true]);
    const at = new Date('2026-06-01T02:00:00Z');
    expect(await r.feedback.offer('h', { consultationId: 'c1', topic: 't', intent: 'i', channel: 'private' }, at)).toBe(true);
    expect(await r.feedback.offer('h', { consultationId: 'c2', topic: 't', intent: 'i', channel: 'private' }, at)).toBe(false);
    expect((await r.feedback.pending('h', at))?.consultationId).toBe('c1');
  });
});
