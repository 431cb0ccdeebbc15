import type { StatsRedis } from '../../redis/connection.js';
import { daysBetween, type DayString } from '../../stats/time.js';
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

export async function readAnnouncementCounts(redis: StatsRedis, keys: BotKeys, from: DayString, to: DayString): Promise<AnnouncementCounts> {
  const days = daysBetween(from, to);
  if (days.length === 0) return { pushes: 0, groups: 0 };
  const tx = redis.pipeline();
  for (const day of days) tx.hmget(keys.announceStats(day), 'pushes', 'groups');
  const res = (await tx.exec()) ?? [];
  const out: AnnouncementCounts = { pushes: 0, groups: 0 };
  for (const [err, value] of res) {
    if (err) throw err;
    const [pushes, groups] = (value as (string | null)[]) ?? [];
    out.pushes += Number(pushes ?? 0);
    out.groups += Number(groups ?? 0);
  }
  return out;
}
