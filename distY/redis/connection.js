import { Cluster, Redis } from 'ioredis';
import { PufaError } from '../core/errors.js';
import { openEmbeddedRedis } from './embedded.js';
import { reviveAfterUnexpectedEnd } from './sentinel-revive.js';
export function redisMode(config) {
    if (config.REDIS_CLUSTER_NODES && config.REDIS_CLUSTER_NODES.length > 0)
        return 'cluster';
    if (config.REDIS_SENTINELS && config.REDIS_SENTINELS.length > 0)
        return 'sentinel';
    if (config.REDIS_URL)
        return 'url';
    return 'embedded';
}
/** Parse `redis://`, `rediss://` or a bare `host:port`. Throws PUFA_ERR_CONFIG. */
export function parseRedisUrl(value, what = 'REDIS_URL') {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `redis://${value}`;
    let url;
    try {
        url = new URL(withScheme);
    }
    catch (err) {
        throw new PufaError('PUFA_ERR_CONFIG', `${what}: not a Redis address: ${maskUrl(value)}`, { cause: err });
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
        throw new PufaError('PUFA_ERR_CONFIG', `${what}: must start with redis:// or rediss:// (got ${url.protocol}//)`);
    }
    const dbText = url.pathname.replace(/^\//, '') || url.searchParams.get('db') || '0';
    const db = Number(dbText);
    if (!Number.isInteger(db) || db < 0)
        throw new PufaError('PUFA_ERR_CONFIG', `${what}: database must be a number (got ${JSON.stringify(dbText)})`);
    const parsed = {
        host: url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
        port: url.port ? Number(url.port) : 6379,
        db,
        tls: url.protocol === 'rediss:',
    };
    if (url.username)
        parsed.username = decodeURIComponent(url.username);
    if (url.password)
        parsed.password = decodeURIComponent(url.password);
    return parsed;
}
/** The URL with its password replaced by `***`, for logs and error messages. */
export function maskUrl(value) {
    return value.replace(/^([a-z]+:\/\/)([^@/]*)@/i, (_m, scheme, auth) => {
        const user = auth.includes(':') ? auth.slice(0, auth.indexOf(':')) : '';
        return `${scheme}${user}:***@`;
    });
}
function baseOptions(purpose, logger, name) {
    const common = {
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
            retryStrategy: (times) => {
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
        retryStrategy: (times) => (times > 2 ? null : 100 * times),
    };
}
function tlsOptions(parsed) {
    return parsed.tls ? { servername: parsed.host } : undefined;
}
function credentials(parsed) {
    if (!parsed)
        return {};
    const out = { db: parsed.db };
    if (parsed.username !== undefined)
        out.username = parsed.username;
    if (parsed.password !== undefined)
        out.password = parsed.password;
    if (parsed.tls)
        out.tls = tlsOptions(parsed);
    return out;
}
/** Human-readable description of where the statistics store is, password masked. */
export function describeRedis(config, url) {
    if (url)
        return maskUrl(url);
    switch (redisMode(config)) {
        case 'cluster':
            return `cluster ${config.REDIS_CLUSTER_NODES.map(maskUrl).join(',')}`;
        case 'sentinel':
            return `sentinel ${config.REDIS_SENTINEL_NAME}@${config.REDIS_SENTINELS.map(maskUrl).join(',')}`;
        case 'url':
            return maskUrl(config.REDIS_URL);
        case 'embedded':
            return `embedded redis-server (${config.PUFA_DATA_DIR}/redis)`;
    }
}
/**
 * An ioredis client (not yet connected: call `connectRedis`, or let the first command
 * connect it) for the configured Redis. Throws PUFA_ERR_CONFIG for a bad address, and
 * for the embedded mode without `options.url` (use `openStatsRedis`).
 */
export function createRedis(config, logger, options = {}) {
    const purpose = options.purpose ?? 'command';
    const base = baseOptions(purpose, logger, options.connectionName ?? 'pufa');
    const fromUrl = config.REDIS_URL ? parseRedisUrl(config.REDIS_URL) : undefined;
    const mode = options.url ? 'url' : redisMode(config);
    if (mode === 'cluster') {
        const nodes = config.REDIS_CLUSTER_NODES.map((n) => parseRedisUrl(n, 'REDIS_CLUSTER_NODES'));
        const withAuth = nodes.find((n) => n.password !== undefined || n.tls) ?? fromUrl;
        const { db: _db, ...auth } = credentials(withAuth);
        const { lazyConnect, enableOfflineQueue, retryStrategy, ...redisOptions } = base;
        const clusterOptions = {
            lazyConnect,
            enableOfflineQueue,
            clusterRetryStrategy: retryStrategy ?? null,
            redisOptions: { ...redisOptions, ...auth },
        };
        logger.debug({ redis: describeRedis(config) }, 'connecting to Redis Cluster');
        return new Cluster(nodes.map((n) => ({ host: n.host, port: n.port })), clusterOptions);
    }
    if (mode === 'sentinel') {
        const sentinels = config.REDIS_SENTINELS.map((s) => parseRedisUrl(s, 'REDIS_SENTINELS'));
        const sentinelAuth = sentinels.find((s) => s.password !== undefined);
        const opts = {
            ...base,
            ...credentials(fromUrl),
            sentinels: sentinels.map((s) => ({ host: s.host, port: s.port })),
            name: config.REDIS_SENTINEL_NAME,
            sentinelRetryStrategy: (times) => (purpose === 'command' && times > 2 ? null : Math.min(100 * times, 3000)),
            // Follow a failover at once: listen for +switch-master on the sentinels and reconnect
            // (without it the client keeps writing to the demoted master until Sentinel kills the
            // connection, ~8 s later, and those writes are lost); a READONLY reply also reconnects.
            failoverDetector: true,
            reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 2 : false),
        };
        if (sentinelAuth?.username !== undefined)
            opts.sentinelUsername = sentinelAuth.username;
        if (sentinelAuth?.password !== undefined)
            opts.sentinelPassword = sentinelAuth.password;
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
/** Why a connection failed, in words an installer can act on (passwords never shown). */
export function describeConnectError(err, where) {
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
    if (/ECONNREFUSED/i.test(message))
        return { cause: 'refused', text: `Redis 连接被拒绝 / connection refused at ${where}: is redis-server running there, on that port?` };
    if (/ENOTFOUND|EAI_AGAIN/i.test(message))
        return { cause: 'host', text: `找不到 Redis 主机 / the host of ${where} was not found (DNS): check the host name in REDIS_URL` };
    if (/ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|timed out|not ready after/i.test(message))
        return { cause: 'timeout', text: `Redis 无响应 / no answer from ${where} in time (wrong host, firewall, or the network is down)` };
    return { cause: 'other', text: `无法连接 Redis / cannot reach Redis at ${where}: ${message}` };
}
/**
 * Connect (if not yet), wait until ready and check the database; throws PUFA_ERR_REDIS
 * naming the cause: wrong or missing password, no such database, connection refused,
 * unknown host, timeout. Passwords are never part of the message.
 */
export async function connectRedis(redis, where, options = {}) {
    let lastError;
    const onError = (err) => {
        lastError = err;
    };
    redis.on('error', onError);
    const deadline = Date.now() + (options.timeoutMs ?? 0);
    try {
        for (;;) {
            try {
                if (redis.status !== 'ready') {
                    if (redis.status === 'wait' || redis.status === 'end' || redis.status === 'close')
                        await redis.connect();
                    else
                        await waitReady(redis, 5000);
                }
                break;
            }
            catch (err) {
                const described = describeConnectError(lastError ?? err, where);
                const transient = described.cause === 'refused' || described.cause === 'timeout' || described.cause === 'host';
                if (!transient || Date.now() >= deadline) {
                    redis.disconnect();
                    const hint = described.cause === 'refused' || described.cause === 'timeout' ? ' Start Redis or check REDIS_URL (unset it to use the embedded redis-server).' : '';
                    throw new PufaError('PUFA_ERR_REDIS', `${described.text}.${hint}`, { cause: lastError ?? err });
                }
                lastError = undefined;
                await new Promise((r) => setTimeout(r, Math.min(500, Math.max(1, deadline - Date.now()))));
                if (redis.status === 'reconnecting' || redis.status === 'connecting')
                    await waitReady(redis, Math.max(1, deadline - Date.now())).catch(() => undefined);
            }
        }
        if (options.db !== undefined && options.db > 0 && !(redis instanceof Cluster)) {
            try {
                await redis.select(options.db);
            }
            catch (err) {
                redis.disconnect();
                throw new PufaError('PUFA_ERR_REDIS', `${describeConnectError(err, where).text}.`, { cause: err });
            }
        }
    }
    finally {
        redis.off('error', onError);
    }
}
function waitReady(redis, timeoutMs) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            cleanup();
            reject(new Error(`not ready after ${timeoutMs} ms`));
        }, timeoutMs);
        const onReady = () => {
            cleanup();
            resolve();
        };
        const onEnd = () => {
            cleanup();
            reject(new Error('connection closed'));
        };
        const cleanup = () => {
            clearTimeout(timer);
            redis.off('ready', onReady);
            redis.off('end', onEnd);
        };
        redis.once('ready', onReady);
        redis.once('end', onEnd);
    });
}
/** Close a client: QUIT politely, disconnect if that fails or takes too long. */
export async function closeRedis(redis) {
    if (redis.status === 'end')
        return;
    if (redis.status !== 'ready') {
        redis.disconnect();
        return;
    }
    const timer = setTimeout(() => redis.disconnect(), 1000);
    try {
        await redis.quit();
    }
    catch {
        redis.disconnect();
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * Open the statistics store. With REDIS_URL / sentinels / cluster it connects there;
 * otherwise it uses the embedded default: a private redis-server with persistence under
 * `${PUFA_DATA_DIR}/redis`, shared by every `pufa` process of that data directory (the
 * first one starts it and writes its port to `${PUFA_DATA_DIR}/redis/port`; the others
 * connect to it; the starter stops it on close). A `command` open throws PUFA_ERR_REDIS
 * when Redis cannot be reached; a `service` open logs a warning and keeps reconnecting.
 */
export async function openStatsRedis(config, logger, options = {}) {
    const purpose = options.purpose ?? 'command';
    const mode = redisMode(config);
    const createOpts = { purpose, connectionName: options.connectionName ?? 'pufa' };
    let embedded;
    if (mode === 'embedded') {
        embedded = await openEmbeddedRedis({ dataDir: config.PUFA_DATA_DIR, bin: config.REDIS_SERVER_BIN, logger, keep: purpose === 'service' });
        createOpts.url = embedded.url;
    }
    const redis = createRedis(config, logger, createOpts);
    redis.on('error', (err) => logger.debug({ err: err.message }, 'Redis client error'));
    const where = describeRedis(config, createOpts.url);
    const db = mode === 'url' || mode === 'sentinel' ? (config.REDIS_URL ? parseRedisUrl(config.REDIS_URL).db : undefined) : undefined;
    try {
        await connectRedis(redis, where, { ...(db !== undefined ? { db } : {}), ...(options.requireConnection && purpose === 'service' ? { timeoutMs: config.REDIS_START_TIMEOUT_SEC * 1000 } : {}) });
    }
    catch (err) {
        if (options.requireConnection ?? purpose === 'command') {
            redis.disconnect();
            await embedded?.release();
            throw err;
        }
        // The bot answers citizens without Redis too; the recorder buffers until it is back.
        logger.warn({ redis: where }, 'Redis is not reachable yet; statistics are buffered until it is');
        if (redis.status === 'end')
            void redis.connect().catch(() => undefined);
    }
    let closed = false;
    const handle = {
        redis,
        url: where,
        mode,
        async close() {
            if (closed)
                return;
            closed = true;
            await closeRedis(redis);
            await embedded?.release();
        },
    };
    Object.defineProperty(handle, 'embedded', { get: () => embedded?.server, enumerable: true });
    return handle;
}
//# sourceMappingURL=connection.js.map