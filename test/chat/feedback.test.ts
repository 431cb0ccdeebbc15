import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import type { IncomingMessage } from '../../src/chat/context.js';
import { createPipeline } from '../../src/chat/pipeline.js';
import { serviceNotices } from '../../src/render/notices.js';
import { FEEDBACK_THANKS, feedbackVote } from '../../src/chat/steps/answer.js';
import { MemorySessionStore } from '../../src/chat/session.js';
import { closeRedis, type StatsRedis } from '../../src/redis/connection.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { reviewList, statsReport } from '../../src/stats/report.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { captureLogger, clearPrefix, connect, testConfig } from '../stats/helpers.js';

/**
 * "有帮助吗？回复 👍 或 👎" through the real pipeline and Redis: asked in private chat at most
 * once per citizen per day, never in groups; the reply is thanked, counted per topic and
 * intent, is not a consultation, and a 👎 puts the question in the review list.
 */
const PROMPT = '有帮助吗？回复 👍 或 👎';
let config: Config;
let redis: StatsRedis;
let brain: Brain;
let recorder: RedisStatsRecorder;

beforeAll(async () => {
  config = testConfig('feedback', {
    PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents'),
    PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'),
    PUFA_CACHE_DIR: path.join(REPO_ROOT, '.cache'),
  });
  const { logger } = captureLogger(config);
  redis = await connect(config, logger);
  await clearPrefix(redis, config.REDIS_PREFIX);
  brain = await createBrain({ config: loadConfig({ LOG_LEVEL: 'silent' }) });
  recorder = new RedisStatsRecorder({ redis, logger, config });
}, 180_000);

afterAll(async () => {
  await recorder.close();
  await clearPrefix(redis, config.REDIS_PREFIX);
  await closeRedis(redis);
});

const DAY = '2026-06-15';
const at = (hour: number, day = DAY): Date => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const msg = (text: string, userId: string, when: Date, room?: string): IncomingMessage => ({ text, kind: 'text', channel: room ? 'room' : 'private', userId, at: when, ...(room ? { roomId: room, roomName: room } : {}) });

describe('was it helpful? (👍 / 👎)', () => {
  it('recognises the votes as WeChat sends them', () => {
    expect(feedbackVote('👍')).toBe(true);
    expect(feedbackVote(' [强] ')).toBe(true);
    expect(feedbackVote('👎🏻')).toBe(false);
    expect(feedbackVote('[弱]')).toBe(false);
    expect(feedbackVote('👍 占道经营罚多少钱')).toBeUndefined();
  });

  it('asks once per citizen per day in private chat, never in groups; votes are counted per topic and intent, are not consultations, and 👎 goes to review', async () => {
    const pipeline = createPipeline(brain, { config, logger: captureLogger(config).logger, recorder, sessions: new MemorySessionStore(), salt: 'feedback-test-salt-0123' });
    const first = await pipeline.handle(msg('占道经营罚多少钱', 'wxid_fb_a', at(9)));
    expect(first.answer?.action).toBe('answer');
    expect(first.replies.at(-1)!.endsWith(`\n\n${PROMPT}`)).toBe(true);
    // The same day: answered without the question.
    const second = await pipeline.handle(msg('晚上工地施工太吵了找谁', 'wxid_fb_a', at(10)));
    expect(second.replies.join('\n')).not.toContain(PROMPT);
    // In a group: never.
    const group = await pipeline.handle(msg('占道经营罚多少钱', 'wxid_fb_b', at(9), '阳逻街居民群'));
    expect(group.replies.join('\n')).not.toContain(PROMPT);

    const up = await pipeline.handle(msg('👍', 'wxid_fb_a', at(11)));
    expect(up.replies).toEqual([FEEDBACK_THANKS]);
    expect(up.consultation).toBeUndefined();

    const other = await pipeline.handle(msg('楼下烧烤油烟太大找谁', 'wxid_fb_c', at(12)));
    expect(other.replies.at(-1)).toContain(PROMPT);
    const down = await pipeline.handle(msg('[弱]', 'wxid_fb_c', at(12)));
    expect(down.replies).toEqual([serviceNotices(brain.kb.common).feedbackSorry]);
    expect(down.replies[0]).toContain('城管热线 12319');
    // A second vote on the same answer is thanked but not counted again.
    await pipeline.handle(msg('👎', 'wxid_fb_c', at(13)));
    // The next day the citizen may be asked again.
    const tomorrow = await pipeline.handle(msg('占道经营罚多少钱', 'wxid_fb_a', at(9, '2026-06-16')));
    expect(tomorrow.replies.at(-1)).toContain(PROMPT);
    expect(await recorder.waitUntilStored(20_000)).toBe(true);

    const logger = captureLogger(config).logger;
    const report = await statsReport({ config, logger, redis, from: DAY, to: DAY });
    expect(report.totals.total).toBe(4);
    expect(report.feedback.helpful).toBe(1);
    expect(report.feedback.notHelpful).toBe(1);
    const upRow = report.feedback.rows.find((r) => r.helpful === 1)!;
    expect(upRow).toMatchObject({ topic: first.consultation!.topic, intent: first.consultation!.intent });
    expect(report.feedback.rows.find((r) => r.notHelpful === 1)).toMatchObject({ topic: other.consultation!.topic, intent: other.consultation!.intent });
    const review = await reviewList({ config, logger, redis, from: DAY, to: DAY });
    expect(review.find((r) => r.reason === 'not_helpful' || r.reasons.includes('not_helpful'))?.text).toBe(other.consultation!.text);
  }, 120_000);
});
