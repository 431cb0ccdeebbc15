import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
/**
 * The state of the Redis store as the bot sees it, in one place: `up`, `down`
 * (unreachable, connection lost, loading, failover in progress), `full` (maxmemory
 * reached with `noeviction`: writes answer "OOM …") or `auth` (wrong or changed
 * password / ACL). Everything that talks to Redis reports its failures here
 * (`observe(err)`) and its successes (`ok()`); the health object logs ONE line per state
 * change (a warning when it goes bad, an info line when it is back), never one per
 * failed command. While it is not `up`, a probe (a tiny write that fails when Redis is
 * full) runs with exponential backoff (1 s → 60 s) to notice when Redis is back; loops
 * that would otherwise retry at once (the announcement worker) pause until then.
 *
 * The console's /healthz and /metrics report it: the bot's (`BotServices.health`) in the
 * bot's process, the console's own (`watchConnection` + a probe) under `pufa console`.
 */
export type RedisState = 'up' | 'down' | 'full' | 'auth';
/** The cause of a Redis error as a state, or undefined for errors that say nothing about Redis's health (a bad command, a wrong key type). */
export declare function classifyRedisError(err: unknown): Exclude<RedisState, 'up'> | undefined;
/** One line for staff (simplified Chinese) about a Redis state. */
export declare function redisStateText(state: RedisState): string;
/** What a staff member reads instead of a raw Redis error ("OOM command not allowed…", "Stream isn't writeable"). */
export declare function staffErrorText(err: unknown): string | undefined;
export interface RedisHealthOptions {
    logger: Logger;
    /** Where Redis is (password masked), for the log lines. */
    where?: string;
    /** A cheap write that throws when Redis is not usable (e.g. `SET <prefix>health 1 PX 60000`). */
    probe?: () => Promise<unknown>;
    /** First probe delay while not up, ms (doubles up to maxProbeMs). Default 1000. */
    minProbeMs?: number;
    maxProbeMs?: number;
}
export declare class RedisHealth extends EventEmitter {
    private readonly o;
    private current;
    private changedAt;
    private lastError;
    /** Failed Redis operations observed (for /metrics). */
    errors: number;
    /** State changes (for tests and /metrics). */
    transitions: number;
    private probeTimer;
    private probeDelay;
    private probing;
    private closed;
    constructor(o: RedisHealthOptions);
    get state(): RedisState;
    get since(): number;
    /** The last error that made the state change (masked). */
    get cause(): string | undefined;
    get up(): boolean;
    /** Report a failed Redis operation. Returns the state it implies (undefined: not a health problem). */
    observe(err: unknown): Exclude<RedisState, 'up'> | undefined;
    /** Report a successful write (or a ready connection). */
    ok(): void;
    /** Stop probing (process shutdown). */
    close(): void;
    private set;
    private scheduleProbe;
    private runProbe;
}
/** The events of a Redis client the health object listens to (ioredis `Redis` or `Cluster`). */
interface HealthEvents {
    on(event: 'error' | 'ready' | 'end', listener: (...args: unknown[]) => void): unknown;
    off(event: 'error' | 'ready' | 'end', listener: (...args: unknown[]) => void): unknown;
}
/**
 * Feed a client's connection errors and readiness into a health object: an error says what
 * went wrong (down / full / auth), a ready connection ends a `down` state (it says nothing
 * about `full` or `auth`: the probe does). Returns a function that detaches the listeners.
 */
export declare function watchConnection(redis: HealthEvents, health: RedisHealth): () => void;
export {};
