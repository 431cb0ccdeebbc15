import type { StatsRedis } from '../../redis/connection.js';
import { type DayString } from '../../stats/time.js';
import type { BotKeys } from '../../redis/bot-keys.js';
/**
 * Announcements in the statistics: per day, `pushes` (announcements sent to at least one
 * group) and `groups` (groups reached). Written in the same MULTI that marks a group as
 * sent, so a resumed announcement never counts a group twice.
 */
export interface AnnouncementCounts {
    pushes: number;
    groups: number;
}
export declare function readAnnouncementCounts(redis: StatsRedis, keys: BotKeys, from: DayString, to: DayString): Promise<AnnouncementCounts>;
