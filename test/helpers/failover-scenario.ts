import { expect } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/core/logger.js';
import type { Action, Channel } from '../../src/core/types.js';
import { openStatsRedis } from '../../src/redis/connection.js';
import { statsKeys } from '../../src/stats/keys.js';
import { openStatsRecorder } from '../../src/stats/open.js';
import { queryStats } from '../../src/stats/query.js';
import { loadTopics } from '../../src/stats/topics.js';
import { REPO_ROOT } from './run-cli.js';
import { BOT_NAME, baseConfig, newMocker, settle, sleep, startBot, waitFor, type ContactMock, type Sent, type Shared, type World } from '../wechat/harness.js';
import path from 'node:path';
import { Writable } from 'node:stream';

/**
 * The two scenarios the Cluster and Sentinel tests run through a real failover:
 *
 * - consultations: a steady load of consultations through the statistics recorder (its Lua
 *   script) while the master fails over; afterwards the report must show every one exactly
 *   once (total, per topic, per group, per channel), nothing dropped;
 * - an announcement: staff send `#公告` + `#确认` to a bot on the same Redis; while BullMQ's
 *   job sends it group after group, the master fails over; every group must get it exactly
 *   once and staff get a report of full success.
 */
/** Where Redis is, as environment values: `REDIS_CLUSTER_NODES`, or `REDIS_SENTINELS` + `REDIS_SENTINEL_NAME`. */
export type RedisPlacement = Partial<Record<'REDIS_CLUSTER_NODES' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME' | 'REDIS_URL', string>>;

const TOPICS = ['street_vending', 'noise', 'fumes_bbq', 'parking', 'waste_sorting', 'gas_safety'];
const ACTIONS: Action[] = ['answer', 'answer', 'answer', 'clarify', 'out_of_scope'];
const CHANNELS: Channel[] = ['private', 'room'];
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04'];
const CITIZENS = 150;

export interface ConsultationRun {
  total: number;
  /** Recorded before the failover started / while it ran / after it. */
  phases: { before: number; during: number; after: number };
  status: { stored: number; duplicates: number; dropped: number; restored: number; failedBatches: number };
  warnings: string[];
}

function captureLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { logger: createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, { destination }), lines };
}

/**
 * Record consultations at a steady pace (`perTick` every 20 ms); after `warmup` of them,
 * run `failover()`; keep recording until it has finished and `cooldown` more were recorded.
 * Then wait until everything is stored and check the report against what was recorded.
 */
export async function consultationsThroughFailover(placement: RedisPlacement, prefix: string, failover: () => Promise<unknown>, o: { warmup?: number; cooldown?: number; perTick?: number } = {}): Promise<ConsultationRun> {
  const warmup = o.warmup ?? 1500;
  const cooldown = o.cooldown ?? 1500;
  const perTick = o.perTick ?? 10;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_PREFIX: prefix, HASH_SALT: 'cluster-test-salt-0123456789', STATS_TIMEZONE: 'Asia/Shanghai' }, placement);
  const { logger, lines } = captureLogger();
  const opened = await openStatsRecorder(config, logger, { requireConnection: true });
  const { recorder } = opened;

  const expected = { total: 0, topic: new Map<string, number>(), room: new Map<string, number>(), channel: new Map<string, number>(), action: new Map<string, number>() };
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  let n = 0;
  const one = (): void => {
    const i = n++;
    const topic = TOPICS[i % TOPICS.length]!;
    const action = ACTIONS[(i >> 1) % ACTIONS.length]!;
    const channel = CHANNELS[(i >> 2) % CHANNELS.length]!;
    const day = DAYS[i % DAYS.length]!;
    const room = channel === 'room' ? `${(i % 7).toString(16).padStart(16, 'a')}` : undefined;
    recorder.record({
      id: `c-${i}`,
      at: new Date(`${day}T${String(8 + (i % 10)).padStart(2, '0')}:15:00+08:00`),
      topic,
      intent: `${topic}.x`,
      action,
      channel,
      user: (i % CITIZENS).toString(16).padStart(16, '0'),
      ...(room ? { room, roomName: `社区${i % 7}群` } : {}),
      score: 0.8,
      ...(action !== 'answer' ? { text: `第${i}个问题` } : {}),
    });
    expected.total += 1;
    bump(expected.topic, topic);
    bump(expected.channel, channel);
    bump(expected.action, action);
    if (room) bump(expected.room, room);
  };

  type Phase = 'before' | 'during' | 'after';
  const at: { phase: Phase } = { phase: 'before' };
  const phases = { before: 0, during: 0, after: 0 };
  let stopAt = Number.POSITIVE_INFINITY;
  let failoverError: unknown;
  let failoverDone: Promise<void> | undefined;
  try {
    while (phases.after < cooldown || n < stopAt) {
      for (let k = 0; k < perTick; k++) {
        one();
        phases[at.phase] += 1;
      }
      if (at.phase === 'before' && n >= warmup) {
        at.phase = 'during';
        failoverDone = failover().then(
          () => {
            at.phase = 'after';
          },
          (err: unknown) => {
            failoverError = err;
            at.phase = 'after';
          },
        );
      }
      if (at.phase === 'after' && stopAt === Number.POSITIVE_INFINITY) stopAt = n + cooldown;
      if (at.phase === 'after' && n >= stopAt) break;
      await sleep(20);
    }
    await failoverDone;
    if (failoverError) throw failoverError;
    const stored = await recorder.waitUntilStored(120_000);
    expect(stored, 'every consultation written within 2 minutes').toBe(true);
    const status = recorder.status();

    // What staff see: the report of the range, read on a fresh command connection.
    const reader = await openStatsRedis(config, logger, { purpose: 'command' });
    try {
      const report = await queryStats(reader.redis, { from: DAYS[0]!, to: DAYS.at(-1)!, by: 'day', prefix, topics: loadTopics(path.join(REPO_ROOT, 'knowledge')), timezone: 'Asia/Shanghai' });
      expect(report.totals.total, 'consultations in the report').toBe(expected.total);
      expect(report.dropped, 'dropped consultations in the report').toBe(0);
      const topicTotals = Object.fromEntries(report.topicTotals.filter((r) => r.total > 0).map((r) => [r.topic, r.total]));
      expect(topicTotals).toEqual(Object.fromEntries(expected.topic));
      const channelTotals = Object.fromEntries(report.channelTotals.filter((r) => r.total > 0).map((r) => [r.channel, r.total]));
      expect(channelTotals).toEqual(Object.fromEntries(expected.channel));
      const roomTotals = Object.fromEntries(report.roomTotals.map((r) => [r.room, r.total]));
      expect(roomTotals).toEqual(Object.fromEntries(expected.room));
      expect(report.totals.answered).toBe(expected.action.get('answer'));
      expect(report.totals.clarified).toBe(expected.action.get('clarify'));
      expect(report.totals.outOfScope).toBe(expected.action.get('out_of_scope'));
      // Distinct citizens: a HyperLogLog estimate (standard error 0.81 %).
      expect(Math.abs(report.totals.citizens - CITIZENS)).toBeLessThanOrEqual(5);
      // Each consultation id is in the idempotency set exactly once.
      const keys = statsKeys(prefix);
      let seen = 0;
      for (const d of DAYS) seen += await reader.redis.scard(keys.seen(d));
      expect(seen, 'distinct consultation ids stored').toBe(expected.total);
    } finally {
      await reader.close();
    }
    expect(status.dropped, 'dropped by the recorder').toBe(0);
    return { total: expected.total, phases, status, warnings: lines.filter((l) => /"level":(40|50)/.test(l)) };
  } finally {
    await opened.close();
  }
}

// --------------------------------------------------------------------------------------

const GROUPS = 12;
const ANNOUNCEMENT = '【通知】本周六上午9点，新洲区城管局在邾城广场开展普法宣传活动，欢迎参加。';

export interface AnnouncementRun {
  perGroup: number[];
  report: string;
  sentBeforeFailover: number;
}

/**
 * A bot on the given Redis placement (opened from its configuration, as in production),
 * twelve served groups; staff announce; after `afterGroups` groups have it, `failover()`
 * runs while the job goes on.
 */
export async function announcementThroughFailover(shared: Shared, placement: RedisPlacement, failover: () => Promise<unknown>, afterGroups = 3): Promise<AnnouncementRun> {
  const { mocker, puppet } = newMocker();
  const botUser: ContactMock = mocker.createContact({ id: 'bot-wxid', name: BOT_NAME });
  const staffer: ContactMock = mocker.createContact({ id: 'staff-wxid', name: '张科长', alias: '城管张科长' });
  const rooms = Array.from({ length: GROUPS }, (_, i) => mocker.createRoom({ id: `g${i}@chatroom`, topic: `新洲${i + 1}社区普法群`, memberIdList: [botUser.id, staffer.id] }));
  const config = baseConfig(shared, { ...placement, BOT_ROOMS: ['*普法群'], ANNOUNCE_GROUP_INTERVAL_MS: 250, SEND_MIN_INTERVAL_MS: 60, SEND_JITTER_MS: 20 });
  let world: World | undefined;
  try {
    // `redis: undefined`: the bot opens Redis from REDIS_CLUSTER_NODES / REDIS_SENTINELS itself.
    world = await startBot(shared, mocker, puppet, botUser, config, { redis: undefined });
    const w = world;
    const toStaff = (): Sent[] => w.sent.filter((s) => s.to === staffer.id);
    const staffSays = async (text: string): Promise<string> => {
      const before = toStaff().length;
      staffer.say(text).to(botUser);
      return (await settle(toStaff, before, 1, 250, 30_000)).map((s) => s.text).join('\n');
    };
    const inGroup = (id: string): number => w.sent.filter((s) => s.to === id && s.text === ANNOUNCEMENT).length;
    const groupsDone = (): number => rooms.filter((r) => inGroup(r.id) > 0).length;

    expect(await staffSays(`#公告 ${ANNOUNCEMENT}`)).toContain(`将发送到 ${GROUPS} 个群`);
    expect(await staffSays('#确认')).toContain(`共 ${GROUPS} 个群`);
    await waitFor(() => groupsDone() >= afterGroups, 60_000, `${afterGroups} groups sent`);
    const sentBeforeFailover = groupsDone();
    await failover();
    const report = await waitFor(() => toStaff().find((s) => s.text.includes('发送结果')), 120_000, 'the report to staff');
    // Nothing more arrives afterwards (no group sent a second time by a retried job).
    await sleep(2000);
    return { perGroup: rooms.map((r) => inGroup(r.id)), report: report.text, sentBeforeFailover };
  } catch (err) {
    // What the bot logged, to see why.
    console.error(shared.logs.filter((l) => /"level":(40|50)/.test(l)).slice(-30).join(''));
    throw err;
  } finally {
    if (world) await Promise.race([world.bot.stop(), sleep(30_000)]);
  }
}

export { GROUPS };
