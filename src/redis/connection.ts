import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { PufaError } from '../core/errors.js';
import { openEmbeddedRedis, type EmbeddedRedis } from './embedded.js';
import { reviveAfterUnexpectedEnd } from './sentinel-revive.js';
import type { RedisServerHandle } from './server.js';

/**
 * Connections to the statistics store.
 *
 * Where Redis is (first match wins):
 * 1. `REDIS_CLUSTER_NODES` — a Redis Cluster (`host:port` or `redis[s]://[user:pass@]host:port`
 *    entries; credentials and TLS come from the entries, else from `REDIS_URL`);
 * 2. `REDIS_SENTINELS` + `REDIS_SENTINEL_NAME` — Sentinel; the master's password, db and TLS
 *    come from `REDIS_URL` when set (its host is ignored), sentinel credentials from the entries;
 * 3. `REDIS_URL` — one server: `redis://`, `rediss://` (TLS), `redis://:password@host:6379/2`;
 * 4. nothing — the embedded default (see `openStatsRedis`).
 *
 * Two kinds of client: a `command` client (export, stats) fails fast when Redis is down;
 * a `service` client (the bot's recorder) keeps reconnecting in the background and fails
 * each command at once while disconnected, so the recorder can buffer instead of hanging.
 */
export type StatsRedis = Redis | Cluster;

export type ConnectionPurpose = 'command' | 'service';

export type RedisMode = 'cluster' | 'sentinel' | 'url' | 'embedded';

export interface CreateRedisOptions {
  /** Default `command`. */
  purpose?: ConnectionPurpose;
  /** Use this URL instead of the configured one (the embedded server). */
  url?: string;
  /** Shown in CLIENT LIST. The process id is added so the embedded server can tell processes apart. */
  connectionName?: string;
}

export interface ParsedRedisUrl {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls: boolean;
}

export function redisMode(config: Config): RedisMode {
  if (config.REDIS_CLUSTER_NODES && config.REDIS_CLUSTER_NODES.length > 0) return 'cluster';
  if (config.REDIS_SENTINELS && config.REDIS_SENTINELS.length > 0) return 'sentinel';
  if (config.REDIS_URL) return 'url';
  return 'embedded';
}

/** Parse `redis://`, `rediss://` or a bare `host:port`. Throws PUFA_ERR_CONFIG. */
export function parseRedisUrl(value: string, what = 'REDIS_URL'): ParsedRedisUrl {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `redis://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (err) {
    throw new PufaError('PUFA_ERR_CONFIG', `${what}: not a Redis address: ${maskUrl(value)}`, { cause: err });
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new PufaError('PUFA_ERR_CONFIG', `${what}: must start with redis:// or rediss:// (got ${url.protocol}//)`);
  }
  const dbText = url.pathname.replace(/^\//, '') || url.searchParams.get('db') || '0';
  const db = Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new PufaError('PUFA_ERR_CONFIG', `${what}: database must be a number (got ${JSON.stringify(dbText)})`);
  const parsed: ParsedRedisUrl = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    db,
    tls: url.protocol === 'rediss:',
  };
  if (url.username) parsed.username = decodeURIComponent(url.username);
  if (url.password) parsed.password = decodeURIComponent(url.password);
  return parsed;
}

/** The URL with its password replaced by `***`, for logs and error messages. */
export function maskUrl(value: string): string {
  return value.replace(/^([a-z]+:\/\/)([^@/]*)@/i, (_m, scheme: string, auth: string) => {
    const user = auth.includes(':') ? auth.slice(0, auth.indexOf(':')) : '';
    return `${scheme}${user}:***@`;
  });
}

function baseOptions(purpose: ConnectionPurpose, logger: Logger, name: string): RedisOptions {
  const common: RedisOptions = {
    connectionName: `${name}-${process.pid}`,
    connectTimeout: 3000,
    // Each command fails after at most one reconnection attempt instead of waiting forever;
    // the recorder retries batches itself (idempotently), commands report the error.
    maxRetriesPerRequest: 1,
    enableReadyCheck: true,
    lazyConnect: true,
    // RESP2: understood by every Redis (5.x included); ioredis 6 would otherwise require HELLO 3.
    protocol: 2,
  };
  if (purpose === 'service') {
    let warned = 0;
    return {
      ...common,
      // While disconnected, commands fail at once (the recorder buffers them) rather than
      // piling up in ioredis's own unbounded offline queue.
      enableOfflineQueue: false,
      commandTimeout: 3000,
      retryStrategy: (times: number) => {
        if (times === 1 || Date.now() - warned > 60_000) {
          warned = Date.now();
          logger.warn({ attempt: times }, 'Redis connection lost; reconnecting');
        }
        return Math.min(50 * 2 ** Math.min(times, 7), 3000);
      },
    };
  }
  return {
    ...common,
    enableOfflineQueue: true,
    commandTimeout: 15_000,
    retryStrategy: (times: number) => (times > 2 ? null : 100 * times),
  };
}

function tlsOptions(parsed: ParsedRedisUrl): RedisOptions['tls'] {
  return parsed.tls ? { servername: parsed.host } : undefined;
}

function credentials(parsed: ParsedRedisUrl | undefined): Pick<RedisOptions, 'username' | 'password' | 'db' | 'tls'> {
  if (!parsed) return {};
  const out: Pick<RedisOptions, 'username' | 'password' | 'db' | 'tls'> = { db: parsed.db };
  if (parsed.username !== undefined) out.username = parsed.username;
  if (parsed.password !== undefined) out.password = parsed.password;
  if (parsed.tls) out.tls = tlsOptions(parsed);
  return out;
}

/** Human-readable description of where the statistics store is, password masked. */
export function describeRedis(config: Config, url?: string): string {
  if (url) return maskUrl(url);
  switch (redisMode(config)) {
    case 'cluster':
      return `cluster ${config.REDIS_CLUSTER_NODES!.map(maskUrl).join(',')}`;
    case 'sentinel':
      return `sentinel ${config.REDIS_SENTINEL_NAME}@${config.REDIS_SENTINELS!.map(maskUrl).join(',')}`;
    case 'url':
      return maskUrl(config.REDIS_URL!);
    case 'embedded':
      return `embedded redis-server (${config.PUFA_DATA_DIR}/redis)`;
  }
}

/**
 * An ioredis client (not yet connected: call `connectRedis`, or let the first command
 * connect it) for the configured Redis. Throws PUFA_ERR_CONFIG for a bad address, and
 * for the embedded mode without `options.url` (use `openStatsRedis`).
 */
export function createRedis(config: Config, logger: Logger, options: CreateRedisOptions = {}): StatsRedis {
  const purpose = options.purpose ?? 'command';
  const base = baseOptions(purpose, logger, options.connectionName ?? 'pufa');
  const fromUrl = config.REDIS_URL ? parseRedisUrl(config.REDIS_URL) : undefined;
  const mode = options.url ? 'url' : redisMode(config);

  if (mode === 'cluster') {
    const nodes = config.REDIS_CLUSTER_NODES!.map((n) => parseRedisUrl(n, 'REDIS_CLUSTER_NODES'));
    const withAuth = nodes.find((n) => n.password !== undefined || n.tls) ?? fromUrl;
    const { db: _db, ...auth } = credentials(withAuth);
    const { lazyConnect, enableOfflineQueue, retryStrategy, ...redisOptions } = base;
    const clusterOptions: ClusterOptions = {
      lazyConnect,
      enableOfflineQueue,
      clusterRetryStrategy: retryStrategy ?? null,
      redisOptions: { ...redisOptions, ...auth },
    };
    logger.debug({ redis: describeRedis(config) }, 'connecting to Redis Cluster');
    return new Cluster(nodes.map((n) => ({ host: n.host, port: n.port })), clusterOptions);
  }

  if (mode === 'sentinel') {
    const sentinels = config.REDIS_SENTINELS!.map((s) => parseRedisUrl(s, 'REDIS_SENTINELS'));
    const sentinelAuth = sentinels.find((s) => s.password !== undefined);
    const opts: RedisOptions = {
      ...base,
      ...credentials(fromUrl),
      sentinels: sentinels.map((s) => ({ host: s.host, port: s.port })),
      name: config.REDIS_SENTINEL_NAME,
      sentinelRetryStrategy: (times: number) => (purpose === 'command' && times > 2 ? null : Math.min(100 * times, 3000)),
      // Follow a failover at once: listen for +switch-master on the sentinels and reconnect
      // (without it the client keeps writing to the demoted master until Sentinel kills the
      // connection, ~8 s later, and those writes are lost); a READONLY reply also reconnects.
      failoverDetector: true,
      reconnectOnError: (err: Error) => (err.message.startsWith('READONLY') ? 2 : false),
    };
    if (sentinelAuth?.username !== undefined) opts.sentinelUsername = sentinelAuth.username;
    if (sentinelAuth?.password !== undefined) opts.sentinelPassword = sentinelAuth.password;
    if (sentinels.some((s) => s.tls)) {
      opts.enableTLSForSentinelMode = true;
      opts.sentinelTLS = {};
    }
    logger.debug({ redis: describeRedis(config) }, 'connecting to Redis via Sentinel');
    const client = new Redis(opts);
    return purpose === 'service' ? reviveAfterUnexpectedEnd(client) : client;
  }

  const url = options.url ?? config.REDIS_URL;
  if (!url) {
    throw new PufaError('PUFA_ERR_CONFIG', 'no Redis configured: set REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES, or use openStatsRedis() for the embedded server');
  }
  const parsed = parseRedisUrl(url);
  logger.debug({ redis: maskUrl(url) }, 'connecting to Redis');
  return new Redis({ ...base, host: parsed.host, port: parsed.port, ...credentials(parsed) });
}

export interface ConnectRedisOptions {
  /** The database the URL asks for: checked with SELECT, since ioredis only logs a failed SELECT and goes on in db 0. */
  db?: number;
  /** Keep trying an unreachable Redis this long (it may be starting); a wrong password or db fails at once. Default: one attempt. */
  timeoutMs?: number;
}

/** Why a connection failed, in words an installer can act on (passwords never shown). */
export function describeConnectError(err: unknown, where: string): { cause: 'auth' | 'db' | 'refused' | 'host' | 'timeout' | 'other'; text: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (/WRONGPASS|invalid password|invalid username-password/i.test(message)) {
    return { cause: 'auth', text: `Redis 拒绝了密码 / Redis at ${where} refused the password (WRONGPASS): check the password (and user name) in REDIS_URL` };
  }
  if (/NOAUTH|Authentication required/i.test(message)) {
    return { cause: 'auth', text: `Redis 需要密码 / Redis at ${where} requires a password (NOAUTH): put it in REDIS_URL as redis://:PASSWORD@host:port` };
  }
  if (/without any password configured|AUTH <password> called without/i.test(message)) {
    return { cause: 'auth', text: `Redis at ${where} has no password set, but REDIS_URL gives one: remove the password from REDIS_URL or set requirepass on the server` };
  }
  if (/DB index is out of range|invalid DB index/i.test(message)) {
    return { cause: 'db', text: `Redis at ${where} has no such database (SELECT failed: ${message}); use a database number the server has (CONFIG GET databases, default 0–15) in REDIS_URL` };
  }
  if (/ECONNREFUSED/i.test(message)) return { cause: 'refused', text: `Redis 连接被拒绝 / connection refused at ${where}: is redis-server running there, on that port?` };
  if (/ENOTFOUND|EAI_AGAIN/i.test(message)) return { cause: 'host', text: `找不到 Redis 主机 / the host of ${where} was not found (DNS): check the host name in REDIS_URL` };
  if (/ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|timed out|not ready after/i.test(message)) return { cause: 'timeout', text: `Redis 无响应 / no answer from ${where} in time (wrong host, firewall, or the network is down)` };
  return { cause: 'other', text: `无法连接 Redis / cannot reach Redis at ${where}: ${message}` };
}

/**
 * Connect (if not yet), wait until ready and check the database; throws PUFA_ERR_REDIS
 * naming the cause: wrong or missing password, no such database, connection refused,
 * unknown host, timeout. Passwords are never part of the message.
 */
export async function connectRedis(redis: StatsRedis, where: string, options: ConnectRedisOptions = {}): Promise<void> {
  let lastError: Error | undefined;
  const onError = (err: Error): void => {
    lastError = err;
  };
  redis.on('error', onError);
  const deadline = Date.now() + (options.timeoutMs ?? 0);
  try {
    for (;;) {
      try {
        if (redis.status !== 'ready') {
          if (redis.status === 'wait' || redis.status === 'end' || redis.status === 'close') await redis.connect();
          else await waitReady(redis, 5000);
        }
        break;
      } catch (err) {
        const described = describeConnectError(lastError ?? err, where);
        const transient = described.cause === 'refused' || described.cause === 'timeout' || described.cause === 'host';
        if (!transient || Date.now() >= deadline) {
          redis.disconnect();
          const hint = described.cause === 'refused' || described.cause === 'timeout' ? ' Start Redis or check REDIS_URL (unset it to use the embedded redis-server).' : '';
          throw new PufaError('PUFA_ERR_REDIS', `${described.text}.${hint}`, { cause: lastError ?? err });
        }
        lastError = undefined;
        await new Promise((r) => setTimeout(r, Math.min(500, Math.max(1, deadline - Date.now()))));
        if (redis.status === 'reconnecting' || redis.status === 'connecting') await waitReady(redis, Math.max(1, deadline - Date.now())).catch(() => undefined);
      }
    }
    if (options.db !== undefined && options.db > 0 && !(redis instanceof Cluster)) {
      try {
        await redis.select(options.db);
      } catch (err) {
        redis.disconnect();
        throw new PufaError('PUFA_ERR_REDIS', `${describeConnectError(err, where).text}.`, { cause: err });
      }
    }
  } finally {
    redis.off('error', onError);
  }
}

function waitReady(redis: StatsRedis, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = (): void => {
      cleanup();
      resolve();
    };
    const onEnd = (): void => {
      cleanup();
      reject(new Error('connection closed'));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('end', onEnd);
    };
    redis.once('ready', onReady);
    redis.once('end', onEnd);
  });
}

/** Close a client: QUIT politely, disconnect if that fails or takes too long. */
export async function closeRedis(redis: StatsRedis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  const timer = setTimeout(() => redis.disconnect(), 1000);
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  } finally {
    clearTimeout(timer);
  }
}

/** An open statistics store. */
export interface StatsRedisHandle {
  redis: StatsRedis;
  /** Where it is (password masked). */
  url: string;
  mode: RedisMode;
  /** Set when this process started the embedded redis-server (it stops it on close). */
  embedded?: RedisServerHandle;
  close(): Promise<void>;
}

export interface OpenStatsRedisOptions {
  /** `command` (default) fails fast if Redis is down; `service` keeps reconnecting. */
  purpose?: ConnectionPurpose;
  /** Throw PUFA_ERR_REDIS when Redis cannot be reached now. Default: true for `command`, false for `service`. */
  requireConnection?: boolean;
  connectionName?: string;
}

/**
 * Open the statistics store. With REDIS_URL / sentinels / cluster it connects there;
 * otherwise it uses the embedded default: a private redis-server with persistence under
 * `${PUFA_DATA_DIR}/redis`, shared by every `pufa` process of that data directory (the
 * first one starts it and writes its port to `${PUFA_DATA_DIR}/redis/port`; the others
 * connect to it; the starter stops it on close). A `command` open throws PUFA_ERR_REDIS
 * when Redis cannot be reached; a `service` open logs a warning and keeps reconnecting.
 */
export async function openStatsRedis(config: Config, logger: Logger, options: OpenStatsRedisOptions = {}): Promise<StatsRedisHandle> {
  const purpose = options.purpose ?? 'command';
  const mode = redisMode(config);
  const createOpts: CreateRedisOptions = { purpose, connectionName: options.connectionName ?? 'pufa' };

  let embedded: EmbeddedRedis | undefined;
  if (mode === 'embedded') {
    embedded = await openEmbeddedRedis({ dataDir: config.PUFA_DATA_DIR, bin: config.REDIS_SERVER_BIN, logger, keep: purpose === 'service' });
    createOpts.url = embedded.url;
  }
  const redis = createRedis(config, logger, createOpts);
  redis.on('error', (err: Error) => logger.debug({ err: err.message }, 'Redis client error'));
  const where = describeRedis(config, createOpts.url);
  const db = mode === 'url' || mode === 'sentinel' ? (config.REDIS_URL ? parseRedisUrl(config.REDIS_URL).db : undefined) : undefined;
  try {
    await connectRedis(redis, where, { ...(db !== undefined ? { db } : {}), ...(options.requireConnection && purpose === 'service' ? { timeoutMs: config.REDIS_START_TIMEOUT_SEC * 1000 } : {}) });
  } catch (err) {
    if (options.requireConnection ?? purpose === 'command') {
      redis.disconnect();
      await embedded?.release();
      throw err;
    }
    // The bot answers citizens without Redis too; the recorder buffers until it is back.
    logger.warn({ redis: where }, 'Redis is not reachable yet; statistics are buffered until it is');
    if (redis.status === 'end') void redis.connect().catch(() => undefined);
  }

  let closed = false;
  const handle: StatsRedisHandle = {
    redis,
    url: where,
    mode,
    async close() {
      if (closed) return;
      closed = true;
      await closeRedis(redis);
      await embedded?.release();
    },
  };
  Object.defineProperty(handle, 'embedded', { get: () => embedded?.server, enumerable: true });
  return handle;
}
