import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

/**
 * Real multi-process Redis set-ups on 127.0.0.1 for the Cluster and Sentinel tests:
 * a 3-master / 3-replica Redis Cluster, and 1 master + 1 replica + 3 sentinels. Every
 * process is a plain `redis-server` child of the test process, without persistence, with
 * a small memory cap. `stop()` kills them all and removes their directory; an `exit` hook
 * kills whatever is left if a test run dies before its `afterAll`.
 */
const BIN = process.env.REDIS_SERVER_BIN ?? 'redis-server';

const children = new Set<ChildProcess>();
const killAll = (): void => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
};
process.once('exit', killAll);
// A test run stopped by a signal does not run 'exit' hooks: kill the servers, then let the
// signal do what it would have done.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

export interface Node {
  port: number;
  pid: number | undefined;
  /** A plain (non-cluster) client to this one process. */
  client(): Redis;
  kill(): Promise<void>;
  alive(): boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll until `probe` returns a truthy value; the error names `what`. Generous by default. */
export async function until<T>(probe: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastErr ? ` (last error: ${lastErr instanceof Error ? lastErr.message : String(lastErr)})` : ''}`);
    await sleep(everyMs);
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free port whose cluster bus port (port + 10000) is free as well. */
async function freePortPair(taken: Set<number>): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20_000 + Math.floor(Math.random() * 25_000);
    if (taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) {
      taken.add(port);
      taken.add(port + 10_000);
      return port;
    }
  }
  throw new Error('no free port pair found');
}

async function spawnRedis(args: string[], port: number, cwd: string): Promise<Node> {
  const child = spawn(BIN, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    children.delete(child);
    resolve();
  }));
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`redis-server on ${port} exited (${child.exitCode}): ${stderr.trim()}`);
    return new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.end();
        resolve(true);
      });
      sock.once('error', () => {
        sock.destroy();
        resolve(false);
      });
    });
  }, `redis-server on port ${port}`, 20_000, 25).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  const clients: Redis[] = [];
  return {
    port,
    pid: child.pid,
    client() {
      const c = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1, retryStrategy: () => null, protocol: 2 });
      c.on('error', () => undefined);
      clients.push(c);
      return c;
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      for (const c of clients) c.disconnect();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

const COMMON = ['--bind', '127.0.0.1', '--protected-mode', 'no', '--save', '', '--appendonly', 'no', '--loglevel', 'warning', '--logfile', '', '--maxmemory', '64mb', '--daemonize', 'no'];

/** Whether this redis-server is runnable and recent enough (Redis 5+: REPLICAOF, SENTINEL REPLICAS). */
export function redisSupport(): { ok: boolean; why?: string } {
  const version = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return { ok: false, why: `${BIN} not runnable: ${version.error?.message ?? version.stderr}` };
  const major = Number(/v=(\d+)/.exec(version.stdout)?.[1] ?? 0);
  if (major < 5) return { ok: false, why: `${BIN} is ${version.stdout.trim()}; these tests need Redis 5 or newer` };
  return { ok: true };
}

/**
 * Whether this redis-server supports Cluster: it is started once with `cluster-enabled yes`
 * for a moment (a build without it exits at once with an error).
 */
export function clusterSupport(): { ok: boolean; why?: string } {
  const base = redisSupport();
  if (!base.ok) return base;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-cluster-probe-'));
  try {
    const port = String(40_000 + Math.floor(Math.random() * 10_000));
    const probe = spawnSync(BIN, ['--port', port, '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--cluster-enabled', 'yes', '--cluster-config-file', 'probe.conf'], { encoding: 'utf8', timeout: 1500, killSignal: 'SIGKILL' });
    // Still running when the timeout killed it: it accepted cluster-enabled.
    if (probe.signal === 'SIGKILL') return { ok: true };
    const said = `${probe.stdout ?? ''}${probe.stderr ?? ''}`.trim().split('\n').slice(-2).join(' ');
    return /cluster/i.test(said) ? { ok: false, why: `${BIN} has no Cluster support: ${said}` } : { ok: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function info(c: Redis, section: string): Promise<Record<string, string>> {
  const text = (await c.info(section)) as string;
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

export const role = async (c: Redis): Promise<string> => (await info(c, 'replication')).role ?? '';

// --------------------------------------------------------------------------------------
// Redis Cluster: 3 masters, each with one replica.

export interface LocalCluster {
  masters: Node[];
  replicas: Node[];
  /** `127.0.0.1:<port>` of every node (for REDIS_CLUSTER_NODES). */
  seeds: string[];
  /** The node that currently serves the slot of `key` as master. */
  masterFor(key: string): Promise<Node>;
  /**
   * Graceful failover of the master that serves `key`: its replica runs CLUSTER FAILOVER
   * and the test waits until the roles have swapped everywhere. Returns [old, new] master.
   */
  failover(key: string): Promise<[Node, Node]>;
  /** SIGKILL the master that serves `key`; waits until its replica has taken over (cluster-node-timeout + election). */
  killMaster(key: string): Promise<[Node, Node]>;
  stop(): Promise<void>;
}

const SLOTS = 16_384;

export async function startCluster(name: string): Promise<LocalCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pufa-${name}-cluster-`));
  const nodes: Node[] = [];
  const taken = new Set<number>();
  const stop = async (): Promise<void> => {
    await Promise.all(nodes.map((n) => n.kill()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 6; i++) {
      const port = await freePortPair(taken);
      const nodeDir = path.join(dir, String(port));
      mkdirSync(nodeDir);
      nodes.push(await spawnRedis(['--port', String(port), '--dir', nodeDir, ...COMMON, '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '3000', '--cluster-replica-validity-factor', '0'], port, nodeDir));
    }
    const c = nodes.map((n) => n.client());
    const ids = await Promise.all(c.map(async (x) => (await x.call('CLUSTER', 'MYID')) as string));
    const masters = nodes.slice(0, 3);
    const replicas = nodes.slice(3);
    // Slots in three even ranges.
    for (let m = 0; m < 3; m++) {
      const from = Math.floor((m * SLOTS) / 3);
      const to = Math.floor(((m + 1) * SLOTS) / 3) - 1;
      const slots = Array.from({ length: to - from + 1 }, (_, k) => from + k);
      await c[m]!.call('CLUSTER', 'ADDSLOTS', ...slots.map(String));
      await c[m]!.call('CLUSTER', 'SET-CONFIG-EPOCH', String(m + 1));
    }
    for (const n of nodes.slice(1)) await c[0]!.call('CLUSTER', 'MEET', '127.0.0.1', String(n.port));
    await until(async () => {
      const views = await Promise.all(c.map(async (x) => ((await x.call('CLUSTER', 'NODES')) as string).trim().split('\n').filter((l) => !l.includes('handshake')).length));
      return views.every((v) => v === 6);
    }, 'every cluster node to know the others');
    for (let r = 0; r < 3; r++) await until(async () => (await c[r + 3]!.call('CLUSTER', 'REPLICATE', ids[r]!)) === 'OK', `replica ${r} to attach`);
    await until(async () => {
      const states = await Promise.all(c.map((x) => x.call('CLUSTER', 'INFO') as Promise<string>));
      if (!states.every((s) => s.includes('cluster_state:ok'))) return false;
      const links = await Promise.all(c.slice(3).map((x) => info(x, 'replication')));
      return links.every((l) => l.master_link_status === 'up');
    }, 'cluster_state:ok and replicas in sync');
    const slotOf = async (key: string): Promise<number> => Number(await c[0]!.call('CLUSTER', 'KEYSLOT', key));
    const byId = new Map(ids.map((id, i) => [id, nodes[i]!]));
    const masterFor = async (key: string): Promise<Node> => {
      const slot = await slotOf(key);
      for (const n of nodes) {
        if (!n.alive()) continue;
        const x = n.client();
        try {
          const ranges = (await x.call('CLUSTER', 'SLOTS')) as [number, number, [string, number, string]][];
          const hit = ranges.find(([a, b]) => slot >= a && slot <= b);
          if (hit) return byId.get(hit[2][2]) ?? nodes.find((m) => m.port === Number(hit[2][1]))!;
        } finally {
          x.disconnect();
        }
      }
      throw new Error(`no master for ${key}`);
    };
    /** The in-sync replica of `m`. */
    const replicaOf = async (m: Node): Promise<Node> => {
      const idx = await until(async () => {
        for (const [i, n] of nodes.entries()) {
          if (n === m || !n.alive()) continue;
          const x = n.client();
          try {
            const r = await info(x, 'replication');
            if (r.role === 'slave' && Number(r.master_port) === m.port && r.master_link_status === 'up') return i + 1;
          } finally {
            x.disconnect();
          }
        }
        return undefined;
      }, `a replica of ${m.port}`);
      return nodes[idx - 1]!;
    };
    return {
      masters,
      replicas,
      seeds: nodes.map((n) => `127.0.0.1:${n.port}`),
      masterFor,
      async killMaster(key) {
        const old = await masterFor(key);
        const replica = await replicaOf(old);
        await old.kill();
        await until(async () => {
          const rc = replica.client();
          try {
            return (await role(rc)) === 'master' && ((await rc.call('CLUSTER', 'INFO')) as string).includes('cluster_state:ok');
          } finally {
            rc.disconnect();
          }
        }, `replica ${replica.port} to take over from the killed ${old.port}`, 90_000, 200);
        await until(async () => (await masterFor(key)) === replica, `every node to route ${key} to ${replica.port}`);
        return [old, replica];
      },
      async failover(key) {
        const old = await masterFor(key);
        const oldId = ids[nodes.indexOf(old)]!;
        const replica = await replicaOf(old);
        const rc = replica.client();
        try {
          await rc.call('CLUSTER', 'FAILOVER');
          await until(async () => (await role(rc)) === 'master', `replica ${replica.port} to become master`);
        } finally {
          rc.disconnect();
        }
        await until(async () => (await masterFor(key)) === replica, `every node to route ${key} to ${replica.port}`);
        await until(async () => {
          const oc = old.client();
          try {
            return ((await oc.call('CLUSTER', 'NODES')) as string).split('\n').some((l) => l.startsWith(oldId) && l.includes('slave'));
          } finally {
            oc.disconnect();
          }
        }, `old master ${old.port} to become a replica`);
        return [old, replica];
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

// --------------------------------------------------------------------------------------
// Sentinel: 1 master, 1 replica, 3 sentinels (quorum 2).

export interface LocalSentinel {
  name: string;
  data: Node[];
  sentinels: Node[];
  /** `127.0.0.1:<port>` of each sentinel (for REDIS_SENTINELS). */
  seeds: string[];
  /** The data node the sentinels currently name as master. */
  master(): Promise<Node>;
  /** SENTINEL FAILOVER; waits until the other node is master and the sentinels say so. Returns [old, new]. */
  failover(): Promise<[Node, Node]>;
  /** SIGKILL the master; waits until the sentinels have promoted the replica. Returns [killed, new]. */
  killMaster(): Promise<[Node, Node]>;
  stop(): Promise<void>;
}

export async function startSentinel(name: string, masterName = 'pufa'): Promise<LocalSentinel> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pufa-${name}-sentinel-`));
  const data: Node[] = [];
  const sentinels: Node[] = [];
  const taken = new Set<number>();
  const stop = async (): Promise<void> => {
    await Promise.all([...sentinels, ...data].map((n) => n.kill()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const mPort = await freePortPair(taken);
    const rPort = await freePortPair(taken);
    for (const port of [mPort, rPort]) {
      const d = path.join(dir, String(port));
      mkdirSync(d);
      const args = ['--port', String(port), '--dir', d, ...COMMON, ...(port === rPort ? ['--replicaof', '127.0.0.1', String(mPort)] : [])];
      data.push(await spawnRedis(args, port, d));
    }
    await until(async () => {
      const rc = data[1]!.client();
      try {
        return (await info(rc, 'replication')).master_link_status === 'up';
      } finally {
        rc.disconnect();
      }
    }, 'the replica to sync');
    for (let i = 0; i < 3; i++) {
      const port = await freePortPair(taken);
      const d = path.join(dir, `s${port}`);
      mkdirSync(d);
      const conf = path.join(d, 'sentinel.conf');
      writeFileSync(conf, [
        `port ${port}`,
        'bind 127.0.0.1',
        'protected-mode no',
        `dir ${d}`,
        'loglevel warning',
        'logfile ""',
        `sentinel monitor ${masterName} 127.0.0.1 ${mPort} 2`,
        `sentinel down-after-milliseconds ${masterName} 2000`,
        `sentinel failover-timeout ${masterName} 20000`,
        `sentinel parallel-syncs ${masterName} 1`,
        '',
      ].join('\n'));
      sentinels.push(await spawnRedis([conf, '--sentinel'], port, d));
    }
    // Every sentinel knows the replica and the two other sentinels (needed to elect a leader).
    await until(async () => {
      for (const s of sentinels) {
        const sc = s.client();
        try {
          const reps = (await sc.call('SENTINEL', 'REPLICAS', masterName)) as string[][];
          const others = (await sc.call('SENTINEL', 'SENTINELS', masterName)) as string[][];
          if (reps.length < 1 || others.length < 2) return false;
        } finally {
          sc.disconnect();
        }
      }
      return true;
    }, 'the sentinels to discover the replica and each other');

    const masterPort = async (): Promise<number> => {
      for (const s of sentinels) {
        const sc = s.client();
        try {
          const [, port] = (await sc.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName)) as [string, string];
          return Number(port);
        } catch {
          // try the next sentinel
        } finally {
          sc.disconnect();
        }
      }
      throw new Error('no sentinel answered');
    };
    const master = async (): Promise<Node> => {
      const port = await masterPort();
      return data.find((n) => n.port === port)!;
    };
    const promoted = async (old: Node): Promise<Node> => {
      const next = data.find((n) => n !== old)!;
      await until(async () => {
        const nc = next.client();
        try {
          if ((await role(nc)) !== 'master') return false;
        } finally {
          nc.disconnect();
        }
        // Every sentinel names the new master.
        for (const s of sentinels) {
          const sc = s.client();
          try {
            const [, port] = (await sc.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName)) as [string, string];
            if (Number(port) !== next.port) return false;
          } finally {
            sc.disconnect();
          }
        }
        return true;
      }, `the sentinels to promote ${next.port}`, 90_000, 200);
      return next;
    };
    /** The other data node is a replica of `m`, in sync, and the sentinels know it is healthy. */
    const syncedReplica = async (m: Node): Promise<void> => {
      const other = data.find((n) => n !== m && n.alive());
      if (!other) throw new Error('no replica left');
      await until(async () => {
        const oc = other.client();
        try {
          const r = await info(oc, 'replication');
          if (!(r.role === 'slave' && Number(r.master_port) === m.port && r.master_link_status === 'up')) return false;
        } finally {
          oc.disconnect();
        }
        for (const s of sentinels) {
          const sc = s.client();
          try {
            const reps = (await sc.call('SENTINEL', 'REPLICAS', masterName)) as string[][];
            const ok = reps.some((r) => {
              const f = Object.fromEntries(r.flatMap((v, i) => (i % 2 === 0 ? [[v, r[i + 1]]] : [])));
              return Number(f.port) === other.port && f['master-link-status'] === 'ok' && !String(f.flags).includes('down');
            });
            if (!ok) return false;
          } finally {
            sc.disconnect();
          }
        }
        return true;
      }, `${other.port} to be a synced replica of ${m.port}`, 90_000, 200);
    };
    return {
      name: masterName,
      data,
      sentinels,
      seeds: sentinels.map((s) => `127.0.0.1:${s.port}`),
      master,
      async failover() {
        const old = await master();
        // The replica must be in sync, or the sentinel refuses ("NOGOODSLAVE").
        await syncedReplica(old);
        await until(async () => {
          const sc = sentinels[0]!.client();
          try {
            return (await sc.call('SENTINEL', 'FAILOVER', masterName)) === 'OK';
          } finally {
            sc.disconnect();
          }
        }, 'SENTINEL FAILOVER to be accepted');
        const next = await promoted(old);
        // Sentinel turns the old master into a replica of the new one (some seconds later).
        await syncedReplica(next);
        return [old, next];
      },
      async killMaster() {
        const old = await master();
        await syncedReplica(old);
        await old.kill();
        return [old, await promoted(old)];
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
