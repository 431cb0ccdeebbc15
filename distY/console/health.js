import { redisStateText } from '../redis/health.js';
async function pingRedis(redis, timeoutMs = 1500) {
    let timer;
    try {
        const pong = await Promise.race([
            redis.ping(),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error('Command timed out')), timeoutMs);
            }),
        ]);
        return { ok: pong === 'PONG' };
    }
    catch (err) {
        return { ok: false, error: err };
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
}
/** The message only: never the URL (it may carry a password). */
function maskError(err) {
    return err instanceof Error ? err.message.replace(/rediss?:\/\/\S+/g, 'redis://***') : 'error';
}
export async function checkHealth(s) {
    const health = s.redisHealth?.();
    const ping = await pingRedis(s.redis);
    // A failed PING is news for the health object too (one warning per state change).
    if (!ping.ok && ping.error !== undefined)
        health?.observe(ping.error);
    const redisState = health ? health.state : ping.ok ? 'up' : 'down';
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
//# sourceMappingURL=health.js.map