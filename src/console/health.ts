import type { StatsRedis } from '../redis/connection.js';
import { redisStateText, type RedisHealth, type RedisState } from '../redis/health.js';

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

async function pingRedis(redis: StatsRedis, timeoutMs = 1500): Promise<{ ok: boolean; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Command timed out')), timeoutMs);
      }),
    ]);
    return { ok: pong === 'PONG' };
  } catch (err) {
    return { ok: false, error: err };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** The message only: never the URL (it may carry a password). */
function maskError(err: unknown): string {
  return err instanceof Error ? err.message.replace(/rediss?:\/\/\S+/g, 'redis://***') : 'error';
}

export async function checkHealth(s: HealthSources): Promise<Health> {
  const health = s.redisHealth?.();
  const ping = await pingRedis(s.redis);
  // A failed PING is news for the health object too (one warning per state change).
  if (!ping.ok && ping.error !== undefined) health?.observe(ping.error);
  const redisState: RedisState = health ? health.state : ping.ok ? 'up' : 'down';
  const redis = ping.ok && redisState === 'up';
  const wechat = s.loggedIn ? s.loggedIn() : null;
  const model = s.modelLoaded ? s.modelLoaded() : null;
  const rec = s.recorderHealthy?.();
  const recorder = rec === undefined ? null : rec;
  const ok = redis && wechat !== false && model !== false;
  const error = ping.error !== undefined ? maskError(ping.error) : health?.cause;
  return {
    ok,
    status: ok ? 'ok' : 'degraded',
    redis,
    redisState,
    redisSince: new Date(health?.since ?? Date.now()).toISOString(),
    redisText: redisStateText(redisState),
    wechat,
    model,
    recorder,
    ...(error && !redis ? { redisError: error } : {}),
  };
}
