import { types, type Contact, type Message, type Wechaty } from 'wechaty';
import type { MessageKind } from '../pipeline/context.js';
import type { ChatContact, ChatMessage } from './platform.js';

/**
 * wechaty Message → plain ChatMessage. Only facts are collected here (type, age, self,
 * mention list, names); what to do with them is decided by the bot's steps.
 */

/** Message type → the pipeline's kind. System notices, red packets, links… are `other`. */
export function kindOf(type: types.Message): MessageKind {
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

export async function toChatContact(contact: Contact, withAlias = true): Promise<ChatContact> {
  const out: ChatContact = { id: contact.id, name: contact.name() };
  if (withAlias) {
    const alias = await contact.alias().catch(() => undefined);
    if (alias) out.alias = alias;
  }
  // The contact's self-chosen WeChat id (微信号 / handle) is deliberately not read: anyone
  // can pick any string, so it must never identify staff (see src/bot/staff/identity.ts).
  return out;
}

export async function toChatMessage(msg: Message, bot: Wechaty, botName: string): Promise<ChatMessage> {
  const kind = kindOf(msg.type());
  const self = msg.self();
  const room = msg.room();
  const talker = msg.talker();
  const at = msg.date();
  const out: ChatMessage = {
    id: msg.id,
    kind,
    text: kind === 'text' ? msg.text() : null,
    self,
    ageSec: msg.age(),
    at,
    // Aliases matter for staff recognition, which only happens in private chats.
    talker: await toChatContact(talker, !room),
    mentionsSelf: false,
    selfNames: [botName],
  };
  if (room) {
    out.room = { id: room.id, topic: await room.topic().catch(() => '') };
    if (kind === 'text' && !self) {
      // Some puppets leave the mention list empty: the steps also look for `@<name>` in the text.
      out.mentionsSelf = await msg.mentionSelf().catch(() => false);
      if (bot.isLoggedIn) {
        const me = bot.currentUser;
        const names = new Set([botName, me.name()]);
        const groupAlias = await room.alias(me).catch(() => undefined);
        if (groupAlias) names.add(groupAlias);
        out.selfNames = [...names].filter((n) => n.length > 0);
      }
    }
  }
  return out;
}
