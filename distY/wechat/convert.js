import { types } from 'wechaty';
import { Peer } from '../chat/peer.js';
/**
 * wechaty Message → plain InboundMessage. Only facts are collected here (type, age, self,
 * mention list, names); what to do with them is decided by the chat steps. The raw ids
 * are sealed in Peers: the message context never holds them as strings.
 */
/** Message type → the pipeline's kind. System notices, red packets, links… are `other`. */
export function kindOf(type) {
    switch (type) {
        case types.Message.Text:
            return 'text';
        case types.Message.Audio:
            return 'voice';
        case types.Message.Image:
            return 'image';
        case types.Message.Video:
            return 'video';
        case types.Message.Attachment:
            return 'file';
        case types.Message.Emoticon:
            return 'sticker';
        default:
            return 'other';
    }
}
export async function toChatContact(contact, withAlias = true) {
    const out = { id: contact.id, name: contact.name() };
    if (withAlias) {
        const alias = await contact.alias().catch(() => undefined);
        if (alias)
            out.alias = alias;
    }
    // The contact's self-chosen WeChat id (微信号 / handle) is deliberately not read: anyone
    // can pick any string, so it must never identify staff (see src/bot/staff/identity.ts).
    return out;
}
/** Names the bot shows under in a group (nickname, the group alias), for the `@name` text check. */
async function selfNamesIn(room, bot, botName) {
    if (!bot.isLoggedIn)
        return [botName];
    const me = bot.currentUser;
    const names = new Set([botName, me.name()]);
    const groupAlias = await room.alias(me).catch(() => undefined);
    if (groupAlias)
        names.add(groupAlias);
    return [...names].filter((n) => n.length > 0);
}
export async function toInboundMessage(msg, bot, botName) {
    const kind = kindOf(msg.type());
    const self = msg.self();
    const room = msg.room();
    const talker = msg.talker();
    // Aliases matter for staff recognition, which only happens in private chats.
    const alias = room ? undefined : await talker.alias().catch(() => undefined);
    // Some puppets leave the mention list empty: the steps also look for `@<name>` in the text.
    const addressed = room !== undefined && kind === 'text' && !self;
    return {
        kind,
        text: kind === 'text' ? msg.text() : null,
        channel: room ? 'room' : 'private',
        at: msg.date(),
        ageSec: msg.age(),
        self,
        from: { peer: new Peer(talker.id), ...(alias ? { alias } : {}) },
        ...(room ? { room: { peer: new Peer(room.id), topic: await room.topic().catch(() => '') } } : {}),
        mentionsSelf: addressed ? await msg.mentionSelf().catch(() => false) : false,
        selfNames: addressed && room ? await selfNamesIn(room, bot, botName) : [botName],
    };
}
//# sourceMappingURL=convert.js.map