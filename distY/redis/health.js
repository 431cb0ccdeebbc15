import { EventEmitter } from 'node:events';
import { scrub } from '../core/logger.js';
/** The cause of a Redis error as a state, or undefined for errors that say nothing about Redis's health (a bad command, a wrong key type). */
export function classifyRedisError(err) {
    const message = err instanceof Error ? err.message : String(err);
    const code = err?.code ?? '';
    if (/^OOM\b|maxmemory/i.test(message))
        return 'full';
    if (/NOAUTH|WRONGPASS|invalid password|invalid username-password|AUTH failed|NOPERM|Authentication required|without any password configured/i.test(message))
        return 'auth';
    if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE|Connection is closed|Stream isn't writeable|enableOfflineQueue|MaxRetriesPerRequest|Command timed out|connect ETIMEDOUT|LOADING|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|READONLY|All sentinels are unreachable|Failed to refresh slots cache|None of startup nodes is available/i.test(message) ||
        /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE)$/.test(code)) {
        return 'down';
    }
    return undefined;
}
/** One line for staff (simplified Chinese) about a Redis state. */
export function redisStateText(state) {
    switch (state) {
        case 'up':
            return '统计库（Redis）运行正常。';
        case 'down':
            return '统计库（Redis）暂时连不上：解答照常，咨询记录暂存在内存中，恢复后自动补写；请联系技术人员检查 Redis。';
        case 'full':
            return '统计库（Redis）存储空间已满（maxmemory）：新的咨询记录、公告和限流计数暂时写不进去；请联系技术人员扩容或清理 Redis。';
        case 'auth':
            return '统计库（Redis）拒绝登录（密码错误或已更改）：请联系技术人员检查 REDIS_URL 中的密码。';
    }
}
/** What a staff member reads instead of a raw Redis error ("OOM command not allowed…", "Stream isn't writeable"). */
export function staffErrorText(err) {
    const state = classifyRedisError(err);
    return state ? `${redisStateText(state)}请稍后再试。` : undefined;
}
export class RedisHealth extends EventEmitter {
    o;
    current = 'up';
    changedAt = Date.now();
    lastError;
    /** Failed Redis operations observed (for /metrics). */
    errors = 0;
    /** State changes (for tests and /metrics). */
    transitions = 0;
    probeTimer;
    probeDelay = 0;
    probing = false;
    closed = false;
    constructor(o) {
        super();
        this.o = o;
        this.setMaxListeners(50);
    }
    get state() {
        return this.current;
    }
    get since() {
        return this.changedAt;
    }
    /** The last error that made the state change (masked). */
    get cause() {
        return this.lastError;
    }
    get up() {
        return this.current === 'up';
    }
    /** Report a failed Redis operation. Returns the state it implies (undefined: not a health problem). */
    observe(err) {
        const state = classifyRedisError(err);
        if (!state)
            return undefined;
        this.errors += 1;
        this.set(state, err);
        return state;
    }
    /** Report a successful write (or a ready connection). */
    ok() {
        this.set('up');
    }
    /** Stop probing (process shutdown). */
    close() {
        this.closed = true;
        if (this.probeTimer)
            clearTimeout(this.probeTimer);
        this.probeTimer = undefined;
    }
    set(state, err) {
        if (state === this.current)
            return;
        const previous = this.current;
        this.current = state;
        this.changedAt = Date.now();
        this.transitions += 1;
        const where = this.o.where;
        if (state === 'up') {
            this.lastError = undefined;
            this.probeDelay = 0;
            if (this.probeTimer)
                clearTimeout(this.probeTimer);
            this.probeTimer = undefined;
            this.o.logger.info({ redis: where, was: previous }, 'Redis is back (state: up)');
        }
        else {
            this.lastError = scrub(err instanceof Error ? err.message : String(err ?? ''));
            const what = state === 'full' ? 'Redis is full (maxmemory reached, writes refused)' : state === 'auth' ? 'Redis refused the password (authentication failed)' : 'Redis is unreachable';
            this.o.logger.warn({ redis: where, state, was: previous, err: this.lastError }, `${what}; backing off and retrying — one warning per state change`);
            this.scheduleProbe();
        }
        this.emit('change', state, previous);
    }
    scheduleProbe() {
        if (this.closed || !this.o.probe || this.probeTimer || this.current === 'up')
            return;
        const min = this.o.minProbeMs ?? 1000;
        const max = this.o.maxProbeMs ?? 60_000;
        this.probeDelay = this.probeDelay === 0 ? min : Math.min(this.probeDelay * 2, max);
        this.probeTimer = setTimeout(() => {
            this.probeTimer = undefined;
            void this.runProbe();
        }, this.probeDelay);
        this.probeTimer.unref();
    }
    async runProbe() {
        if (this.closed || this.probing || this.current === 'up' || !this.o.probe)
            return;
        this.probing = true;
        try {
            await this.o.probe();
            this.ok();
        }
        catch (err) {
            // Still bad (maybe a different kind of bad): one warning only if the state changes.
            if (!this.observe(err))
                this.errors += 1;
        }
        finally {
            this.probing = false;
            this.scheduleProbe();
        }
    }
}
/**
 * Feed a client's connection errors and readiness into a health object: an error says what
 * went wrong (down / full / auth), a ready connection ends a `down` state (it says nothing
 * about `full` or `auth`: the probe does). Returns a function that detaches the listeners.
 */
export function watchConnection(redis, health) {
    const onError = (err) => void health.observe(err);
    const onReady = () => {
        if (health.state === 'down')
            health.ok();
    };
    const onEnd = () => void health.observe(new Error('Connection is closed.'));
    redis.on('error', onError);
    redis.on('ready', onReady);
    redis.on('end', onEnd);
    return () => {
        redis.off('error', onError);
        redis.off('ready', onReady);
        redis.off('end', onEnd);
    };
}
//# sourceMappingURL=health.js.map