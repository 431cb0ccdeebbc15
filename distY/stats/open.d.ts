import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { type StatsRedisHandle } from '../redis/connection.js';
import { RedisStatsRecorder, type RedisRecorderOptions } from './redis-recorder.js';
/** A recorder with its own Redis connection (and, in the embedded mode, the server). */
export interface OpenedRecorder {
    recorder: RedisStatsRecorder;
    store: StatsRedisHandle;
    /** Write what is buffered (for a few seconds at most), then close the connection and stop an embedded server. */
    close(): Promise<void>;
}
/**
 * What the bot (`npm start`) and `pufa simulate` use: open the configured statistics store
 * as a long-running `service` connection (reconnects by itself; the embedded server is
 * watched and restarted if it goes away) and put a RedisStatsRecorder on it.
 * `requireConnection` (default false) throws PUFA_ERR_REDIS when Redis is unreachable now;
 * otherwise the recorder starts buffering and the bot answers anyway.
 */
export declare function openStatsRecorder(config: Config, logger: Logger, options?: {
    requireConnection?: boolean;
    recorder?: Partial<Omit<RedisRecorderOptions, 'redis' | 'logger' | 'config'>>;
}): Promise<OpenedRecorder>;
