import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
export class ConsoleMetrics {
    registry = new Registry();
    messages;
    outcomes;
    latency;
    redisErrors;
    sources = {};
    watched = new WeakSet();
    constructor() {
        const registers = [this.registry];
        collectDefaultMetrics({ register: this.registry, prefix: 'pufa_' });
        this.messages = new Counter({ name: 'pufa_messages_total', help: 'Text messages handled (consultations and small talk), by channel', labelNames: ['channel'], registers });
        this.outcomes = new Counter({ name: 'pufa_outcomes_total', help: 'Outcomes per topic (answer, clarify, out_of_scope)', labelNames: ['topic', 'outcome'], registers });
        this.latency = new Histogram({
            name: 'pufa_reply_latency_seconds',
            help: 'From the message timestamp to the reply being ready (recorded)',
            buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
            registers,
        });
        this.redisErrors = new Counter({ name: 'pufa_redis_errors_total', help: 'Errors reported by the Redis client', registers });
        const self = this;
        new Gauge({
            name: 'pufa_send_queue_length',
            help: 'Messages waiting in the paced sender',
            registers,
            collect() {
                this.set(self.sources.sendQueue?.() ?? 0);
            },
        });
        new Gauge({
            name: 'pufa_buffered_consultations',
            help: 'Consultations waiting in memory to be written to Redis',
            registers,
            collect() {
                this.set(self.sources.recorder?.()?.pending ?? 0);
            },
        });
        new Gauge({
            name: 'pufa_dropped_consultations',
            help: 'Consultations lost since start (buffer full while Redis was unreachable)',
            registers,
            collect() {
                this.set(self.sources.recorder?.()?.dropped ?? 0);
            },
        });
        new Gauge({
            name: 'pufa_redis_up',
            help: '1 while Redis is usable (RedisHealth state up), 0 while it is down, full or refuses the password',
            registers,
            collect() {
                this.set(self.sources.redisHealth?.()?.up === false ? 0 : 1);
            },
        });
        new Gauge({
            name: 'pufa_redis_state',
            help: 'The Redis state (RedisHealth): 1 for the current one of up, down, full, auth',
            labelNames: ['state'],
            registers,
            collect() {
                const current = self.sources.redisHealth?.()?.state ?? 'up';
                for (const state of ['up', 'down', 'full', 'auth'])
                    this.set({ state }, state === current ? 1 : 0);
            },
        });
        // RedisHealth counts its own changes; the counter adds what is new since the last scrape.
        let counted = { health: undefined, transitions: 0 };
        new Counter({
            name: 'pufa_redis_state_changes_total',
            help: 'Redis state changes (up → down, down → up …) seen by RedisHealth; one warning is logged per change',
            registers,
            collect() {
                const health = self.sources.redisHealth?.();
                if (!health)
                    return;
                const before = counted.health === health ? counted.transitions : 0;
                if (health.transitions > before)
                    this.inc(health.transitions - before);
                counted = { health, transitions: health.transitions };
            },
        });
        new Gauge({
            name: 'pufa_wechat_logged_in',
            help: '1 while the WeChat account is logged in',
            registers,
            collect() {
                this.set(self.sources.loggedIn?.() ? 1 : 0);
            },
        });
        new Gauge({
            name: 'pufa_model_loaded',
            help: '1 when the intent model is loaded in this process',
            registers,
            collect() {
                this.set(self.sources.modelLoaded?.() ? 1 : 0);
            },
        });
    }
    setSources(sources) {
        this.sources = { ...this.sources, ...sources };
    }
    /** Count the errors a Redis client reports (once per client). */
    watchRedis(redis) {
        if (this.watched.has(redis))
            return;
        this.watched.add(redis);
        redis.on('error', () => this.redisErrors.inc());
    }
    observe(c) {
        this.messages.inc({ channel: c.channel });
        this.outcomes.inc({ topic: c.topic, outcome: c.action });
        const sec = (Date.now() - c.at.getTime()) / 1000;
        if (sec >= 0 && sec < 3600)
            this.latency.observe(sec);
    }
    text() {
        return this.registry.metrics();
    }
    get contentType() {
        return this.registry.contentType;
    }
}
/** A recorder that counts each consultation in the metrics, then hands it on. */
export class MetricsRecorder {
    inner;
    metrics;
    constructor(inner, metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }
    record(c) {
        try {
            this.metrics.observe(c);
        }
        catch {
            // metrics never stop a consultation from being recorded
        }
        this.inner.record(c);
    }
    flush() {
        return this.inner.flush();
    }
    close() {
        return this.inner.close();
    }
    status() {
        return this.inner.status?.() ?? { pending: 0, stored: 0, duplicates: 0, dropped: 0, healthy: true };
    }
}
//# sourceMappingURL=metrics.js.map