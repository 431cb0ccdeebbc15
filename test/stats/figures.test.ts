import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botKeys } from '../../src/redis/bot-keys.js';
import { purgeCommand } from '../../src/cli/commands/stats.js';
import { statsOverview } from '../../src/stats/overview.js';
import type { Config } from '../../src/config/config.js';
import { closeRedis, type StatsRedis } from '../../src/redis/connection.js';
import { tallyConsultations } from '../../src/stats/definitions.js';
import { statsKeys } from '../../src/stats/keys.js';
import { reportToCsv } from '../../src/stats/export/csv.js';
import { reportToSummary } from '../../src/stats/export/summary.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { reviewList, statsReport } from '../../src/stats/report.js';
import type { Consultation } from '../../src/stats/types.js';
import { captureLogger, clearPrefix, connect, consultation, testConfig } from './helpers.js';

/**
 * The definitions of docs/statistics.md, checked on Redis: one question one consultation
 * (a clarification and its reply), small talk apart, secondary topics apart, test data
 * apart and purgeable, the review list, 👍/👎, announcements, examples.
 */
let config: Config;
let redis: StatsRedis;
let rec: RedisStatsRecorder;

beforeAll(async () => {
  config = testConfig('figures', { STATS_REVIEW_LOW_SCORE: '0.5' });
  redis = await connect(config, captureLogger(config).logger);
  await clearPrefix(redis, config.REDIS_PREFIX);
  rec = new RedisStatsRecorder({ redis, logger: captureLogger(config).logger, config });
});

afterAll(async () => {
  await rec.close();
  await clearPrefix(redis, config.REDIS_PREFIX);
  await clearPrefix(redis, `${config.REDIS_PREFIX}{bot}`);
  await closeRedis(redis);
});

const report = (from: string, to: string, extra: { includeTest?: boolean; by?: string } = {}) => statsReport({ config, logger: captureLogger(config).logger, redis, from, to, ...extra });

describe('one definition per figure', () => {
  it('every new key (test families, secondary, feedback, examples, clarification, feedback state) hashes by {stats}', () => {
    const k = statsKeys('pufa:');
    const fams = [k, k.test('console'), k.test('private'), k.test('room')];
    const all = [...fams.flatMap((f) => [f.day('2026-03-01'), f.room('2026-03-01'), f.hour('2026-03-01'), f.usersDay('2026-03-01'), f.events('2026-03-01'), f.secondary('2026-03-01'), f.feedback('2026-03-01'), f.examples('2026-03')]), k.clarification('x'), k.feedbackAsked('2026-03-01', 'u')];
    for (const key of all) expect(/^[^{]*\{stats\}/.test(key), key).toBe(true);
  });

  it('a clarification and its "1" reply are one consultation, under the topic finally answered (Redis and tally agree)', async () => {
    const clarify: Consultation = { ...consultation({ day: '2026-04-01', hour: 9, topic: 'street_vending', action: 'clarify', channel: 'room', user: 'c1', room: 'g1', roomName: '阳逻街居民群', text: '摆摊' }), id: 'clar-1', choices: ['占道经营的处罚', '申请临时摊点'] };
    const reply: Consultation = { ...consultation({ day: '2026-04-01', hour: 9, topic: 'outdoor_ads', action: 'answer', channel: 'room', user: 'c1', room: 'g1', roomName: '阳逻街居民群' }), id: 'reply-1', replaces: 'clar-1' };
    const other: Consultation = { ...consultation({ day: '2026-04-01', hour: 10, topic: 'noise', action: 'clarify', channel: 'private', user: 'c2', text: '吵' }), id: 'clar-2' };
    const hello: Consultation = { ...consultation({ day: '2026-04-01', hour: 10, topic: 'chitchat', action: 'answer', channel: 'private', user: 'c2' }), id: 'hi-1' };
    for (const c of [clarify, reply, other, hello]) rec.record(c);
    // A replayed reply changes nothing.
    rec.record(reply);
    await rec.flush();

    const tally = tallyConsultations([clarify, reply, other, hello]);
    const r = await report('2026-04-01', '2026-04-01');
    expect([r.totals.total, r.totals.answered, r.totals.clarified, r.chitchat]).toEqual([2, 1, 1, 1]);
    expect([tally.totals.total, tally.totals.answered, tally.totals.clarified, tally.chitchat]).toEqual([2, 1, 1, 1]);
    expect(r.topicTotals.find((t) => t.topic === 'street_vending')!.total).toBe(0);
    expect(r.topicTotals.find((t) => t.topic === 'outdoor_ads')!.answered).toBe(1);
    expect(r.roomTotals).toEqual([expect.objectContaining({ roomName: '阳逻街居民群', total: 1, answered: 1, clarified: 0 })]);
    expect(r.byHour[9]!.total).toBe(1);
    expect(r.answeredShare).toBe(0.5);
    // The asked-back question stays in the review list with its offered choices.
    const review = await reviewList({ config, logger: captureLogger(config).logger, redis, from: '2026-04-01', to: '2026-04-01' });
    expect(review.find((i) => i.text === '摆摊')).toMatchObject({ reason: 'clarify', reasonName: '追问澄清', topicName: '占道经营', choices: ['占道经营的处罚', '申请临时摊点'] });
  });

  it('secondary topics are counted apart (兼涉), never twice, never in the total', async () => {
    const c: Consultation = { ...consultation({ day: '2026-04-02', hour: 9, topic: 'noise', action: 'answer', channel: 'private', user: 's1' }), secondaryTopics: ['fumes_bbq', 'noise', 'fumes_bbq', 'chitchat'] };
    rec.record(c);
    await rec.flush();
    const r = await report('2026-04-02', '2026-04-02');
    expect(r.totals.total).toBe(1);
    expect(r.topicTotals.find((t) => t.topic === 'noise')).toMatchObject({ total: 1, secondary: 0 });
    expect(r.topicTotals.find((t) => t.topic === 'fumes_bbq')).toMatchObject({ total: 0, secondary: 1 });
    expect(tallyConsultations([c]).secondary).toEqual(new Map([['fumes_bbq', 1]]));
  });

  it('test data is left out of official figures, shown with includeTest, and purged per channel after a confirmation', async () => {
    const day = '2026-04-03';
    const official = consultation({ day, hour: 9, topic: 'parking', action: 'answer', channel: 'private', user: 'o1' });
    rec.record(official);
    for (let i = 0; i < 3; i += 1) rec.record({ ...consultation({ day, hour: 14, topic: 'parking', action: 'answer', channel: 'console', user: `t${i}`, text: '终端测试' }), test: true, score: 0.2 });
    rec.record({ ...consultation({ day, hour: 15, topic: 'noise', action: 'out_of_scope', channel: 'room', user: 't9', room: 'g2', roomName: '测试群', text: '模拟问题' }), test: true });
    await rec.flush();

    const off = await report(day, day);
    expect(off.totals.total).toBe(1);
    expect(off.totals.citizens).toBe(1);
    expect(off.testLeftOut).toBe(4);
    expect(off.byHour[14]!.total).toBe(0);
    expect(off.channelTotals.map((c) => c.channel)).not.toContain('console');
    const withTest = await report(day, day, { includeTest: true });
    expect(withTest.totals.total).toBe(5);
    expect(withTest.totals.citizens).toBe(5);
    expect(withTest.channelTotals.find((c) => c.channel === 'console')!.total).toBe(3);
    expect((await reviewList({ config, logger: captureLogger(config).logger, redis, from: day, to: day })).map((i) => i.text)).not.toContain('终端测试');
    expect((await reviewList({ config, logger: captureLogger(config).logger, redis, from: day, to: day, includeTest: true })).map((i) => i.text)).toEqual(expect.arrayContaining(['终端测试', '模拟问题']));

    const logger = captureLogger(config).logger;
    // Refused at the prompt: nothing deleted.
    const refused = await purgeCommand({ config, logger, redis, from: day, to: day, channels: ['console'], confirm: async () => false });
    expect(refused.deleted).toBe(false);
    expect(refused.count.consultations).toBe(3);
    expect((await report(day, day, { includeTest: true })).totals.total).toBe(5);
    // Confirmed: the terminal chat's test data goes, the group's test data and the official figures stay.
    let asked = '';
    const done = await purgeCommand({ config, logger, redis, from: day, to: day, channels: ['console'], confirm: async (_c, what) => ((asked = what), true) });
    expect(asked).toContain('咨询 3 人次');
    expect(done.deleted).toBe(true);
    const after = await report(day, day, { includeTest: true });
    expect(after.totals.total).toBe(2);
    expect(after.channelTotals.find((c) => c.channel === 'console')?.total ?? 0).toBe(0);
    expect((await reviewList({ config, logger, redis, from: day, to: day, includeTest: true })).map((i) => i.text)).toEqual(['模拟问题']);
    // --yes for scripts; all channels.
    await purgeCommand({ config, logger, redis, from: day, to: day, yes: true });
    expect((await report(day, day, { includeTest: true })).totals.total).toBe(1);
    expect((await report(day, day)).totals.total).toBe(1);
    await expect(purgeCommand({ config, logger, redis, from: day, to: day, channels: ['wechat'], yes: true })).rejects.toMatchObject({ code: 'PUFA_ERR_INPUT' });
  });

  it('review list: within the period, newest first by the time asked, identical questions merged with a count, low-confidence and 👎 answers included', async () => {
    const at = (day: string, hour: number) => ({ day, hour });
    // Recorded out of order (back-filled): the list orders by the time asked.
    rec.record(consultation({ ...at('2026-04-11', 9), topic: 'noise', action: 'out_of_scope', channel: 'private', user: 'r1', text: '我的社保卡怎么补办' }));
    rec.record(consultation({ ...at('2026-04-10', 9), topic: 'noise', action: 'out_of_scope', channel: 'private', user: 'r2', text: '我的社保卡怎么补办' }));
    rec.record({ ...consultation({ ...at('2026-04-12', 8), topic: 'parking', action: 'answer', channel: 'private', user: 'r3', text: '车停哪' }), score: 0.31 });
    rec.record({ ...consultation({ ...at('2026-04-12', 9), topic: 'parking', action: 'answer', channel: 'private', user: 'r4', text: '电动车能停人行道吗' }), score: 0.95, id: 'conf-1' });
    rec.record(consultation({ ...at('2026-04-20', 9), topic: 'noise', action: 'clarify', channel: 'private', user: 'r5', text: '出了这个月的范围' }));
    // A confident answer the citizen found unhelpful.
    rec.recordFeedback({ consultationId: 'conf-1', at: new Date('2026-04-12T02:00:00Z'), helpful: false, topic: 'parking', intent: 'parking.x', channel: 'private', user: 'r4', text: '电动车能停人行道吗', score: 0.95 });
    await rec.flush();
    const items = await reviewList({ config, logger: captureLogger(config).logger, redis, from: '2026-04-10', to: '2026-04-12' });
    expect(items.map((i) => [i.text, i.count, i.reason])).toEqual([
      ['电动车能停人行道吗', 1, 'not_helpful'],
      ['车停哪', 1, 'low_score'],
      ['我的社保卡怎么补办', 2, 'out_of_scope'],
    ]);
    expect(items[2]!.firstAt < items[2]!.at).toBe(true);
    const { text } = await statsOverview({ config, logger: captureLogger(config).logger, redis, from: '2026-04-10', to: '2026-04-12', review: 10 });
    expect(text.indexOf('电动车能停人行道吗')).toBeLessThan(text.indexOf('车停哪'));
    expect(text).toContain('[非城管事项] 话题:噪声扰民 ×2');
    expect(text).toContain('[群众点了👎]');
    expect(text).not.toContain('出了这个月的范围');
  });

  it('👍/👎 are counted per topic and intent, once per answer, and are not consultations', async () => {
    const day = '2026-04-13';
    const at = new Date(`${day}T03:00:00Z`);
    rec.record({ ...consultation({ day, hour: 11, topic: 'noise', action: 'answer', channel: 'private', user: 'f1' }), id: 'ans-1' });
    rec.recordFeedback({ consultationId: 'ans-1', at, helpful: true, topic: 'noise', intent: 'noise.x', channel: 'private', user: 'f1' });
    rec.recordFeedback({ consultationId: 'ans-1', at, helpful: false, topic: 'noise', intent: 'noise.x', channel: 'private', user: 'f1' });
    rec.recordFeedback({ consultationId: 'ans-2', at, helpful: false, topic: 'noise', intent: 'noise.y', channel: 'private', user: 'f2' });
    await rec.flush();
    const r = await report(day, day);
    expect(r.totals.total).toBe(1);
    expect(r.feedback).toEqual({ helpful: 1, notHelpful: 1, rows: [expect.objectContaining({ intent: 'noise.x', helpful: 1, notHelpful: 0 }), expect.objectContaining({ intent: 'noise.y', helpful: 0, notHelpful: 1 })] });
    expect(reportToSummary(r)).toContain('群众对解答反馈“有帮助”1次、“没帮助”1次');
  });

  it('exports carry announcements, the previous period, the answered share and redacted example questions', async () => {
    const days = ['2026-05-01', '2026-05-02', '2026-05-03'];
    for (const [i, day] of days.entries()) {
      for (let k = 0; k <= i; k += 1) rec.record({ ...consultation({ day, hour: 9, topic: 'street_vending', action: 'answer', channel: 'private', user: `e${i}${k}` }), text: '门口摆摊会被罚款吗，电话13912345678' });
      rec.record({ ...consultation({ day, hour: 10, topic: 'noise', action: 'answer', channel: 'room', user: `n${i}`, room: 'g3', roomName: '邾城街群' }), text: '晚上工地太吵' });
    }
    rec.record(consultation({ day: '2026-04-29', hour: 9, topic: 'noise', action: 'answer', channel: 'private', user: 'p1' }));
    await rec.flush();
    // What the bot's announcement job writes per day.
    const ann = botKeys(config.REDIS_PREFIX);
    await redis.hset(ann.announceStats('2026-05-02'), { pushes: 2, groups: 5 });
    await redis.hset(ann.announceStats('2026-04-30'), { pushes: 1, groups: 1 });

    const r = await report('2026-05-01', '2026-05-03', { by: 'day' });
    expect(r.totals.total).toBe(9);
    expect(r.announcements).toEqual({ pushes: 2, groupsReached: 5 });
    expect(r.periods.map((p) => [p.period, p.total, p.pushes, p.groupsReached])).toEqual([
      ['2026-05-01', 2, 0, 0],
      ['2026-05-02', 3, 2, 5],
      ['2026-05-03', 4, 0, 0],
    ]);
    expect(r.previous).toMatchObject({ from: '2026-04-28', to: '2026-04-30', totals: { total: 1 }, announcements: { pushes: 1, groupsReached: 1 }, change: { total: 8, pushes: 1 } });
    expect(r.examples[0]).toMatchObject({ topic: 'street_vending', count: 6 });
    expect(r.examples[0]!.text).not.toContain('13912345678');
    const summary = reportToSummary(r);
    expect(summary).toContain('解答率100.0%');
    expect(summary).toContain('总体呈上升态势');
    expect(summary).toContain('与上一同期（2026年4月28日至2026年4月30日，1人次）相比，咨询人次增长800.0%');
    expect(summary).toContain('通过群公告推送普法信息2次，送达5个群次');
    expect(summary).toContain(`群众常问的问题如：“${r.examples[0]!.text}”（占道经营）`);
    const csv = reportToCsv(r);
    expect(csv).toContain('\r\n时间段,公告推送,送达群次\r\n2026-05-01,0,0\r\n2026-05-02,2,5\r\n2026-05-03,0,0\r\n合计,2,5\r\n');
    expect(csv).toContain('2026-05-03,噪声扰民,群聊,邾城街群,1,0,0,1');
  });

  it('`stats --month` on 2 December: the month to date under a heading naming the dates, with last month in full', async () => {
    rec.record(consultation({ day: '2026-11-15', hour: 9, topic: 'noise', action: 'answer', channel: 'private', user: 'm1' }));
    rec.record(consultation({ day: '2026-12-02', hour: 9, topic: 'noise', action: 'answer', channel: 'private', user: 'm2' }));
    await rec.flush();
    const now = new Date('2026-12-02T04:00:00Z');
    const { text, report: r, lastMonth } = await statsOverview({ config, logger: captureLogger(config).logger, redis, range: 'month', now });
    expect([r.from, r.to]).toEqual(['2026-12-01', '2026-12-02']);
    expect(text.split('\n')[0]).toBe('本月：2026年12月1日至12月2日（2026-12-01 ~ 2026-12-02，共 2 天，截至今天，Asia/Shanghai）');
    expect(lastMonth?.totals.total).toBe(1);
    expect(text).toContain('上月（2026年11月）全月：咨询 1 人次');
    const last = await statsOverview({ config, logger: captureLogger(config).logger, redis, range: 'lastMonth', now });
    expect([last.report.from, last.report.to]).toEqual(['2026-11-01', '2026-11-30']);
  });
});
