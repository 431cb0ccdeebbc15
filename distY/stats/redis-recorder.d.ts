import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { type StatsRedis } from '../redis/connection.js';
import { type StatsKeys } from './keys.js';
import { type StatsSchema } from './schema.js';
import type { Consultation, Feedback, FeedbackTracker, RecorderStatus, StatsRecorder } from './types.js';
/**
 * Records consultations in Redis for the outreach statistics.
 *
 * `record()` is synchronous and cheap: it turns the consultation into one script call
 * (see record-script.ts) and queues it. Queued calls are sent in pipelined batches (every
 * `flushIntervalMs`, or at once when `batchSize` are waiting). When Redis is down or slow,
 * batches stay queued (at most STATS_BUFFER_MAX consultations; beyond that they are
 * dropped, counted and logged) and are retried with exponential backoff; when Redis
 * returns, the queue drains. Every write is idempotent (each consultation has an id that
 * the script checks), so a batch retried after a timeout is never counted twice.
 *
 * A Redis that crashes (kill -9) may lose the last second of acknowledged writes (AOF
 * `appendfsync everysec`); a Sentinel failover may lose writes not yet replicated. So
 * the recorder keeps what it wrote during the last `replayWindowMs` and writes it again
 * after a lost connection; the id check makes that free when nothing was lost.
 */
export interface RedisRecorderOptions {
    redis: StatsRedis;
    logger: Logger;
    /** REDIS_PREFIX, STATS_TIMEZONE, STATS_RETENTION_DAYS, STATS_BUFFER_MAX, STATS_REVIEW_MAX, HASH_SALT. */
    config: Pick<Config, 'REDIS_PREFIX' | 'STATS_TIMEZONE' | 'STATS_RETENTION_DAYS' | 'STATS_BUFFER_MAX' | 'STATS_REVIEW_MAX' | 'HASH_SALT'> & Partial<Pick<Config, 'STATS_REVIEW_LOW_SCORE'>>;
    /** Salt for hashing an id that arrives unhashed (defence in depth). Default HASH_SALT or the dev salt. */
    salt?: string;
    /** Consultations per pipelined batch. Default 500. */
    batchSize?: number;
    /** Longest wait before a partial batch is sent, ms. Default 5. */
    flushIntervalMs?: number;
    /** First retry delay after a failed batch, ms (doubles up to `maxBackoffMs`). Default 100. */
    minBackoffMs?: number;
    maxBackoffMs?: number;
    /** Written consultations kept for a replay after a lost connection, ms. Default 5000. */
    replayWindowMs?: number;
    /** At most this many kept for replay. Default 20000. */
    replayMax?: number;
    /** How long close() keeps trying to write what is queued, ms. Default 3000. */
    closeTimeoutMs?: number;
    /** close() also closes the Redis client. Default false. */
    ownsRedis?: boolean;
    /** Minimum interval between two "dropped" warnings, ms. Default 10000. */
    dropLogIntervalMs?: number;
    /** The dimensions recorded (default STATS_SCHEMA); the query must read with the same schema. */
    schema?: StatsSchema;
    /** Where Redis failures and recoveries are reported (src/redis/health.ts): it logs one warning per state change. */
    health?: {
        observe(err: unknown): unknown;
        ok(): void;
    };
}
export declare class RedisStatsRecorder implements StatsRecorder {
    readonly keys: StatsKeys;
    readonly schema: StatsSchema;
    private readonly redis;
    private readonly logger;
    private readonly salt;
    private readonly bucket;
    private readonly timeZone;
    private readonly lowScore;
    private readonly retentionMs;
    private readonly reviewMax;
    private readonly capacity;
    private readonly batchSize;
    private readonly flushIntervalMs;
    private readonly minBackoffMs;
    private readonly maxBackoffMs;
    private readonly replayWindowMs;
    private readonly replayMax;
    private readonly closeTimeoutMs;
    private readonly ownsRedis;
    private readonly dropLogIntervalMs;
    private readonly health;
    private queue;
    private replayQueue;
    private recent;
    private inflight;
    private writing;
    private timer;
    private retryTimer;
    private immediate;
    private backoffMs;
    private healthy;
    private closed;
    private seq;
    private waiters;
    private readonly pendingDrops;
    private counters;
    private lastDropLog;
    private dropsSinceLog;
    private dropLogTimer;
    private warnedUnhashed;
    private readonly onClose;
    private readonly onReady;
    constructor(options: RedisRecorderOptions);
    /** Queue one consultation. Never throws, never waits. */
    record(consultation: Consultation): void;
    /** Wait until everything recorded so far is written, or until one write attempt fails (then it stays buffered). */
    flush(): Promise<void>;
    /**
     * Wait until everything recorded so far is written, retrying through outages, for at
     * most `timeoutMs`. True when all of it is stored.
     */
    waitUntilStored(timeoutMs?: number): Promise<boolean>;
    /** True when record() would queue rather than drop (the buffer has room). */
    hasRoom(): boolean;
    /**
     * For batch writers (`pufa simulate`): wait until the buffer has room again — Redis is
     * back and took what was buffered — for at most `timeoutMs`. True when there is room.
     * The bot never waits (it answers first); a batch has no one waiting for an answer.
     */
    waitForRoom(timeoutMs: number): Promise<boolean>;
    /** Counters; `restored` counts consultations Redis lost in a crash and the replay wrote again. */
    status(): RecorderStatus & {
        restored: number;
        failedBatches: number;
    };
    /** Write what is queued (trying for up to closeTimeoutMs), then stop. What could not be written is counted as dropped. */
    close(): Promise<void>;
    private pendingCount;
    private pseudonym;
    /** One consultation → one call of the recording script (arguments by name, derived from the schema). */
    private prepare;
    /** The consultation's parts as they are stored: safe as field parts, ids hashed, texts redacted. */
    private normalize;
    /** The raw event and how long it and the id are kept. */
    private addEvent;
    /** The counters: every dimension of the schema, by name; secondary topics; distinct citizens; display names. */
    private addCounts;
    /** The example questions of the summary and the staff review list. */
    private addLists;
    /** Queue one 👍 / 👎. Never throws. */
    recordFeedback(f: Feedback): void;
    /**
     * "Was it helpful?" state in Redis: `fbask:<day>:<user>`, set once per citizen and day
     * (SET NX); kept until the end of the next day, so a late vote after midnight still counts.
     */
    readonly feedback: FeedbackTracker;
    private drop;
    private logDrops;
    private schedule;
    /** Write now. While backing off after a failure, only `force` cuts the wait short. */
    private kick;
    private clearTimers;
    private drain;
    private resolveWaiters;
    /** Send one batch. Returns the jobs to retry, or undefined when all are done. */
    private write;
    /** Forget written consultations older than the replay window (once per batch). */
    private trimRecent;
    private logWriteError;
    /** The connection dropped: what was written lately may be lost if Redis went down hard; write it again. */
    private connectionLost;
    private connectionBack;
}
