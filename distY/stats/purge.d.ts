import type { StatsRedis } from '../redis/connection.js';
import { type StatsSchema } from './schema.js';
import { type DayString } from './time.js';
/**
 * Removing test data (terminal chat, `pufa simulate`): every key of the test families of
 * the chosen channels for each day of [from, to], and their entries in the review list.
 * Official figures are never touched.
 */
export interface PurgeOptions {
    prefix: string;
    from: DayString;
    to: DayString;
    /** Channels whose test data goes; default all (console, private, room). */
    channels?: readonly string[];
    timezone: string;
    /** The dimensions recorded (default STATS_SCHEMA): their per-day hashes go too. */
    schema?: StatsSchema;
}
export interface PurgeCount {
    /** Test consultations that will be / were removed (small talk not included). */
    consultations: number;
    /** Test small-talk messages. */
    chitchat: number;
    /** Review-list entries. */
    reviewEntries: number;
    /** Keys. */
    keys: number;
}
/** What a purge would remove (nothing is deleted). */
export declare function countTestData(redis: StatsRedis, options: PurgeOptions): Promise<PurgeCount>;
/** Delete the test data of the channels and days; returns what was removed. */
export declare function purgeTestData(redis: StatsRedis, options: PurgeOptions): Promise<PurgeCount>;
