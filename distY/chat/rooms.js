function idIs(room, entry) {
    return 'peer' in room ? room.peer.is(entry) : room.id === entry;
}
/**
 * Which groups the bot serves (BOT_ROOMS). Each entry is one of:
 * - a room id (e.g. `12345678@chatroom`): that group;
 * - an exact group name (`阳逻街普法群`): the group with exactly that name — a group named
 *   `不是普法群（广告）` is not served by `普法群`;
 * - a pattern, only when written as one: an entry containing `*` matches names with `*`
 *   standing for any run of characters (`*普法群` = every name ending in 普法群,
 *   `新洲*` = every name starting with 新洲); `*` alone serves every group.
 * An empty list serves none: the bureau decides explicitly.
 */
export function roomMatcher(entry) {
    const e = entry.trim();
    if (e === '')
        return () => false;
    if (e === '*')
        return () => true;
    if (e.includes('*')) {
        const re = new RegExp(`^${e.split('*').map(escapeRegExp).join('[\\s\\S]*')}$`, 'u');
        return (room) => idIs(room, e) || re.test(room.topic);
    }
    return (room) => idIs(room, e) || room.topic === e;
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const cache = new Map();
export function isServedRoom(room, patterns) {
    return patterns.some((p) => {
        let m = cache.get(p);
        if (!m) {
            m = roomMatcher(p);
            if (cache.size > 1000)
                cache.clear();
            cache.set(p, m);
        }
        return m(room);
    });
}
/** Served groups, in name order. */
export function servedRooms(rooms, patterns) {
    return rooms.filter((r) => isServedRoom(r, patterns)).sort((a, b) => a.topic.localeCompare(b.topic, 'zh-CN'));
}
//# sourceMappingURL=rooms.js.map