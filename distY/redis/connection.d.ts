import { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
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
export declare function redisMode(config: Config): RedisMode;
/** Parse `redis://`, `rediss://` or a bare `host:port`. Throws PUFA_ERR_CONFIG. */
export declare function parseRedisUrl(value: string, what?: string): ParsedRedisUrl;
/** The URL with its password replaced by `***`, for logs and error messages. */
export declare function maskUrl(value: string): string;
/** Human-readable description of where the statistics store is, password masked. */
export declare function describeRedis(config: Config, url?: string): string;
/**
 * An ioredis client (not yet connected: call `connectRedis`, or let the first command
 * connect it) for the configured Redis. Throws PUFA_ERR_CONFIG for a bad address, and
 * for the embedded mode without `options.url` (use `openStatsRedis`).
 */
export declare function createRedis(config: Config, logger: Logger, options?: CreateRedisOptions): StatsRedis;
export interface ConnectRedisOptions {
    /** The database the URL asks for: checked with SELECT, since ioredis only logs a failed SELECT and goes on in db 0. */
    db?: number;
    /** Keep trying an unreachable Redis this long (it may be starting); a wrong password or db fails at once. Default: one attempt. */
    timeoutMs?: number;
}
/** Why a connection failed, in words an installer can act on (passwords never shown). */
export declare function describeConnectError(err: unknown, where: string): {
    cause: 'auth' | 'db' | 'refused' | 'host' | 'timeout' | 'other';
    text: string;
};
/**
 * Connect (if not yet), wait until ready and check the database; throws PUFA_ERR_REDIS
 * naming the cause: wrong or missing password, no such database, connection refused,
 * unknown host, timeout. Passwords are never part of the message.
 */
export declare function connectRedis(redis: StatsRedis, where: string, options?: ConnectRedisOptions): Promise<void>;
/** Close a client: QUIT politely, disconnect if that fails or takes too long. */
export declare function closeRedis(redis: StatsRedis): Promise<void>;
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
export declare function openStatsRedis(config: Config, logger: Logger, options?: OpenStatsRedisOptions): Promise<StatsRedisHandle>;
