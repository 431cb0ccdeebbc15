import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botKeys } from '../../src/redis/bot-keys.js';
import { statsKeys } from '../../src/stats/keys.js';
import { announcementThroughFailover, consultationsThroughFailover, GROUPS } from '../helpers/failover-scenario.js';
import { clusterSupport, startCluster, type LocalCluster } from '../helpers/redis-topology.js';
import { setupShared, type Shared } from '../wechat/harness.js';

/**
 * A real Redis Cluster on 127.0.0.1 (3 masters, 3 replicas, six redis-server processes):
 * the statistics recorder's Lua script and BullMQ's announcement job run through it while
 * the master of their slot fails over (CLUSTER FAILOVER from its replica). Every key of a
 * script or MULTI shares one hash tag, so each runs on one node (docs/statistics.md,
 * "Key slots").
 */
const support = clusterSupport();
if (!support.ok) console.warn(`[cluster] SKIPPED: ${support.why}`);

describe.skipIf(!support.ok)('Redis Cluster (3 masters + 3 replicas, real processes)', () => {
  let cluster: LocalCluster;
  let shared: Shared;

  beforeAll(async () => {
    cluster = await startCluster('cluster-test');
    shared = await setupShared('cluster');
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await shared?.cleanup();
  }, 60_000);

  it('records consultations through a failover of the statistics master: 0 lost, 0 double-counted', async () => {
    const prefix = `t-cl-${process.pid}:`;
    const tagKey = statsKeys(prefix).day('2026-03-02');
    const before = await cluster.masterFor(tagKey);
    const run = await consultationsThroughFailover({ REDIS_CLUSTER_NODES: cluster.seeds.join(',') }, prefix, () => cluster.failover(tagKey));
    const after = await cluster.masterFor(tagKey);
    expect(after.port, 'the statistics slot moved to another node').not.toBe(before.port);
    expect(run.phases.during + run.phases.after, 'consultations recorded during and after the failover').toBeGreaterThan(0);
    console.info(`[cluster] ${run.total} consultations (${run.phases.before} before, ${run.phases.during} during, ${run.phases.after} after the failover ${before.port}→${after.port}); recorder: ${JSON.stringify(run.status)}`);
  }, 300_000);

  it('sends an announcement through failovers of the BullMQ and bot masters: every group exactly once', async () => {
    const keys = botKeys(shared.prefix);
    const bullKey = `${keys.bullPrefix}:x`;
    const botKey = keys.announceSeq;
    const run = await announcementThroughFailover(shared, { REDIS_CLUSTER_NODES: cluster.seeds.join(',') }, async () => {
      await cluster.failover(bullKey);
      if ((await cluster.masterFor(botKey)) !== (await cluster.masterFor(bullKey))) await cluster.failover(botKey);
    });
    expect(run.perGroup).toEqual(Array.from({ length: GROUPS }, () => 1));
    expect(run.report).toContain(`成功 ${GROUPS} 个群`);
    expect(run.report).not.toContain('失败');
    expect(run.report).not.toContain('不明');
    expect(run.sentBeforeFailover).toBeLessThan(GROUPS);
    console.info(`[cluster] announcement: ${run.sentBeforeFailover} of ${GROUPS} groups sent before the failover, each group exactly once in the end`);
  }, 300_000);

  it('records consultations while the statistics master is killed and its replica takes over: 0 lost, 0 double-counted', async () => {
    const prefix = `t-clk-${process.pid}:`;
    const tagKey = statsKeys(prefix).day('2026-03-02');
    let ports = '';
    const run = await consultationsThroughFailover({ REDIS_CLUSTER_NODES: cluster.seeds.join(',') }, prefix, async () => {
      const [killed, promoted] = await cluster.killMaster(tagKey);
      ports = `${killed.port}→${promoted.port}`;
    });
    console.info(`[cluster] ${run.total} consultations (${run.phases.before} before, ${run.phases.during} during, ${run.phases.after} after the master was killed, ${ports}); recorder: ${JSON.stringify(run.status)}`);
  }, 300_000);
});
