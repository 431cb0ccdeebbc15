import type { ChatRoom, InboundRoom } from './platform.js';
/** A group as a platform lists it (raw id) or as a message brings it (sealed id). */
export type RoomLike = ChatRoom | InboundRoom;
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
export declare function roomMatcher(entry: string): (room: RoomLike) => boolean;
export declare function isServedRoom(room: RoomLike, patterns: readonly string[]): boolean;
/** Served groups, in name order. */
export declare function servedRooms(rooms: readonly ChatRoom[], patterns: readonly string[]): ChatRoom[];
