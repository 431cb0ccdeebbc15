import type { StatsRedis } from '../redis/connection.js';

/**
 * `/healthz`: Redis answers, WeChat is logged in, the intent model is loaded. Checks that
 * do not apply to this process (the console alone has no WeChat and no model) are
 * reported as `null` and do not fail the check.
 */
export interface HealthSources {
  redis: StatsRedis;
  loggedIn?: () => boolean;
  modelLoaded?: () => boolean;
  /** Recorder's write state (false while Redis writes fail), when recording here. */
  recorderHealthy?: () => boolean | undefined;
}

export interface Health {
  ok: boolean;
  redis: boolean;
  wechat: boolean | null;
  model: boolean | null;
  recorder: boolean | null;
  redisError?: string;
}

async function pingRedis(redis: StatsRedis, timeoutMs = 1500): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { ok: pong === 'PONG' };
  } catch (err) {
    // The message only: never the URL (it may carry a password).
    return { ok: false, error: err instanceof Error ? err.message.replace(/rediss?:\/\/\S+/g, 'redis://***') : 'error' };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export async function checkHealth(s: HealthSources): Promise<Health> {
  const redis = await pingRedis(s.redis);
  const wechat = s.loggedIn ? s.loggedIn() : null;
  const model = s.modelLoaded ? s.modelLoaded() : null;
  const rec = s.recorderHealthy?.();
  const recorder = rec === undefined ? null : rec;
  const ok = redis.ok && wechat !== false && model !== false;
  return { ok, redis: redis.ok, wechat, model, recorder, ...(redis.error ? { redisError: redis.error } : {}) };
}
