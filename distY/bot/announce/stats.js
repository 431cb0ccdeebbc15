import { daysBetween } from '../../stats/time.js';
export async function readAnnouncementCounts(redis, keys, from, to) {
    const days = daysBetween(from, to);
    if (days.length === 0)
        return { pushes: 0, groups: 0 };
    const tx = redis.pipeline();
    for (const day of days)
        tx.hmget(keys.announceStats(day), 'pushes', 'groups');
    const res = (await tx.exec()) ?? [];
    const out = { pushes: 0, groups: 0 };
    for (const [err, value] of res) {
        if (err)
            throw err;
        const [pushes, groups] = value ?? [];
        out.pushes += Number(pushes ?? 0);
        out.groups += Number(groups ?? 0);
    }
    return out;
}
//# sourceMappingURL=stats.js.map