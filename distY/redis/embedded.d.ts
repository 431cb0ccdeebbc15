import type { Logger } from 'pino';
import { type RedisServerHandle } from './server.js';
/**
 * The embedded default store: one private redis-server per data directory, shared by every
 * `pufa` process using that directory (the bot and a concurrent `pufa export` must see the
 * same figures). The first process starts it (persistence on, data under
 * `${PUFA_DATA_DIR}/redis`) and writes its port to `${PUFA_DATA_DIR}/redis/port`; the
 * others find the port there, check the server answers and serves that very directory,
 * and connect to it. A start lock keeps two processes from starting two servers on the same
 * files. The starter stops the server on close; a long-running process (`keep`) watches
 * the server and, if it disappears (its starter exited, or it crashed), starts it again
 * on the same port so its client reconnects by itself.
 */
export interface EmbeddedRedis {
    url: string;
    port: number;
    dir: string;
    /** The server this process started; undefined when it reuses another process's server. */
    readonly server: RedisServerHandle | undefined;
    /** Stop watching; stop the server if this process started it. */
    release(): Promise<void>;
}
export interface EmbeddedRedisOptions {
    dataDir: string;
    bin: string;
    logger: Logger;
    /** Watch the server and restart it when it goes away (long-running processes). */
    keep?: boolean;
    /** How often `keep` checks, in ms. */
    watchIntervalMs?: number;
}
/**
 * True when a redis-server answers PING on 127.0.0.1:port and its working directory is
 * `dir` (so a stale port file pointing at some other program's port is not trusted).
 */
export declare function probeRedis(port: number, dir: string, timeoutMs?: number): Promise<boolean>;
/** Open (start or reuse) the embedded redis-server of `${dataDir}/redis`. */
export declare function openEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis>;
