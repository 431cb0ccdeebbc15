import type { StatsRedis } from '../redis/connection.js';
import { type RedisHealth, type RedisState } from '../redis/health.js';
/**
 * `/healthz`: the Redis store (as `RedisHealth` sees it — the bot's own health object when the
 * console runs in the bot's process, the console's otherwise — and a live PING), WeChat
 * logged in, the intent model loaded. Checks that do not apply to this process (the console
 * alone has no WeChat and no model) are `null` and do not fail the check.
 *
 * The answer is HTTP 200 with `status: "ok"` when everything that applies is fine, and
 * HTTP 503 with `status: "degraded"` otherwise — e.g. while Redis is down, full or refuses
 * the password (`redisState`, since `redisSince`, `redisText` for staff). The bot keeps
 * answering citizens while degraded; consultations wait in its buffer.
 */
export interface HealthSources {
    redis: StatsRedis;
    /** The Redis health object to report (its state, since when). */
    redisHealth?: () => RedisHealth | undefined;
    loggedIn?: () => boolean;
    modelLoaded?: () => boolean;
    /** Recorder's write state (false while Redis writes fail), when recording here. */
    recorderHealthy?: () => boolean | undefined;
}
export interface Health {
    /** True when `status` is `ok`. */
    ok: boolean;
    status: 'ok' | 'degraded';
    /** Redis usable: health state `up` and a PING answered. */
    redis: boolean;
    /** up / down / full / auth (RedisHealth). */
    redisState: RedisState;
    /** When the Redis state last changed (ISO time). */
    redisSince: string;
    /** One line for staff about the Redis state (simplified Chinese). */
    redisText: string;
    wechat: boolean | null;
    model: boolean | null;
    recorder: boolean | null;
    redisError?: string;
}
export declare function checkHealth(s: HealthSources): Promise<Health>;
