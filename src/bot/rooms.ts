import type { ChatRoom } from '../wechat/platform.js';

/**
 * Which groups the bot serves (BOT_ROOMS): each entry is a room id or a part of the group
 * name; `*` serves every group. An empty list serves none: the bureau decides explicitly.
 */
export function isServedRoom(room: ChatRoom, patterns: readonly string[]): boolean {
  return patterns.some((p) => p === '*' || p === room.id || (p.length > 0 && room.topic.includes(p)));
}

/** Served groups, in name order. */
export function servedRooms(rooms: readonly ChatRoom[], patterns: readonly string[]): ChatRoom[] {
  return rooms.filter((r) => isServedRoom(r, patterns)).sort((a, b) => a.topic.localeCompare(b.topic, 'zh-CN'));
}
