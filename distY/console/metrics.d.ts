import { Counter, Histogram, Registry } from 'prom-client';
import type { StatsRedis } from '../redis/connection.js';
import type { RedisHealth } from '../redis/health.js';
import type { Consultation, RecorderStatus, StatsRecorder } from '../stats/types.js';
/**
 * Prometheus metrics of one process (`/metrics`, prom-client). Message counts and reply
 * latency come from the recorder the pipeline writes every consultation to (wrapped by
 * `MetricsRecorder`); queue lengths and the buffer are read when scraped.
 */
export interface MetricsSources {
    /** Replies waiting in the paced sender (bot process only). */
    sendQueue?: () => number;
    /** The statistics recorder's counters (bot process only). */
    recorder?: () => RecorderStatus | undefined;
    loggedIn?: () => boolean;
    modelLoaded?: () => boolean;
    /** The Redis health object (src/redis/health.ts): redis_up and its state changes. */
    redisHealth?: () => RedisHealth | undefined;
}
export declare class ConsoleMetrics {
    readonly registry: Registry<"text/plain; version=0.0.4; charset=utf-8">;
    readonly messages: Counter<'channel'>;
    readonly outcomes: Counter<'topic' | 'outcome'>;
    readonly latency: Histogram;
    readonly redisErrors: Counter;
    private sources;
    private readonly watched;
    constructor();
    setSources(sources: MetricsSources): void;
    /** Count the errors a Redis client reports (once per client). */
    watchRedis(redis: StatsRedis): void;
    observe(c: Consultation): void;
    text(): Promise<string>;
    get contentType(): string;
}
/** A recorder that counts each consultation in the metrics, then hands it on. */
export declare class MetricsRecorder implements StatsRecorder {
    private readonly inner;
    private readonly metrics;
    constructor(inner: StatsRecorder, metrics: ConsoleMetrics);
    record(c: Consultation): void;
    flush(): Promise<void>;
    close(): Promise<void>;
    status(): RecorderStatus;
}
