import { openStatsRedis } from '../redis/connection.js';
import { RedisStatsRecorder } from './redis-recorder.js';
/**
 * What the bot (`npm start`) and `pufa simulate` use: open the configured statistics store
 * as a long-running `service` connection (reconnects by itself; the embedded server is
 * watched and restarted if it goes away) and put a RedisStatsRecorder on it.
 * `requireConnection` (default false) throws PUFA_ERR_REDIS when Redis is unreachable now;
 * otherwise the recorder starts buffering and the bot answers anyway.
 */
export async function openStatsRecorder(config, logger, options = {}) {
    const store = await openStatsRedis(config, logger, { purpose: 'service', requireConnection: options.requireConnection ?? false, connectionName: 'pufa-recorder' });
    const recorder = new RedisStatsRecorder({ redis: store.redis, logger, config, ...options.recorder });
    let closed = false;
    return {
        recorder,
        store,
        async close() {
            if (closed)
                return;
            closed = true;
            await recorder.close();
            await store.close();
        },
    };
}
//# sourceMappingURL=open.js.map