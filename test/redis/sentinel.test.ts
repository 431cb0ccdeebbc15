import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revivedConnections } from '../../src/redis/sentinel-revive.js';
import { announcementThroughFailover, consultationsThroughFailover, GROUPS } from '../helpers/failover-scenario.js';
import { redisSupport, startSentinel, type LocalSentinel } from '../helpers/redis-topology.js';
import { setupShared, type Shared } from '../wechat/harness.js';

/**
 * A real Sentinel set-up on 127.0.0.1: one master, one replica, three sentinels (quorum 2),
 * five redis-server processes. Consultations go through a SENTINEL FAILOVER, an
 * announcement through the master being killed (SIGKILL) and the sentinels promoting the
 * replica. The bot and the recorder find the master through REDIS_SENTINELS.
 */
const support = redisSupport();
if (!support.ok) console.warn(`[sentinel] SKIPPED: ${support.why}`);

describe.skipIf(!support.ok)('Redis Sentinel (1 master, 1 replica, 3 sentinels, real processes)', () => {
  let sentinel: LocalSentinel;
  let shared: Shared;
  const placement = (): Record<string, string> => ({ REDIS_SENTINELS: sentinel.seeds.join(','), REDIS_SENTINEL_NAME: sentinel.name });

  beforeAll(async () => {
    sentinel = await startSentinel('sentinel-test');
    shared = await setupShared('sentinel');
  }, 180_000);

  afterAll(async () => {
    await sentinel?.stop();
    await shared?.cleanup();
  }, 60_000);

  it('records consultations through a SENTINEL FAILOVER: 0 lost, 0 double-counted', async () => {
    const before = await sentinel.master();
    const run = await consultationsThroughFailover(placement(), `t-sn-${process.pid}:`, () => sentinel.failover());
    const after = await sentinel.master();
    expect(after.port).not.toBe(before.port);
    console.info(`[sentinel] ${run.total} consultations (${run.phases.before} before, ${run.phases.during} during, ${run.phases.after} after the failover ${before.port}→${after.port}); recorder: ${JSON.stringify(run.status)}`);
  }, 300_000);

  it('sends an announcement while the master is killed and the replica promoted: every group exactly once', async () => {
    let ports = '';
    const run = await announcementThroughFailover(shared, placement(), async () => {
      const [killed, promoted] = await sentinel.killMaster();
      ports = `${killed.port}→${promoted.port}`;
    });
    expect(run.perGroup).toEqual(Array.from({ length: GROUPS }, () => 1));
    expect(run.report).toContain(`成功 ${GROUPS} 个群`);
    expect(run.report).not.toContain('失败');
    expect(run.report).not.toContain('不明');
    console.info(`[sentinel] announcement: ${run.sentBeforeFailover} of ${GROUPS} groups sent before the master was killed (${ports}), each group exactly once in the end; connections revived after an ioredis failover race: ${revivedConnections()}`);
  }, 300_000);
});
