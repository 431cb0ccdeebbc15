import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import { type StatsRedis } from '../../redis/connection.js';
import { type PurgeCount } from '../../stats/purge.js';
export interface PurgeCommandOptions {
    config: Config;
    logger: Logger;
    from: string;
    to: string;
    /** Channels (console, private, room); default all. */
    channels?: string[];
    /** Asked before deleting; resolves true to go on. Not called with `yes`. */
    confirm?: (count: PurgeCount, text: string) => Promise<boolean>;
    yes?: boolean;
    redis?: StatsRedis;
}
/** The library form of `pufa stats purge`: count, confirm, delete test data. */
export declare function purgeCommand(options: PurgeCommandOptions): Promise<{
    count: PurgeCount;
    deleted: boolean;
    text: string;
}>;
export declare function registerStatsCommand(program: Command): void;
