import { types, type Contact, type Message, type Wechaty } from 'wechaty';
import type { ChatContact, InboundMessage, MessageKind } from '../chat/platform.js';
/**
 * wechaty Message → plain InboundMessage. Only facts are collected here (type, age, self,
 * mention list, names); what to do with them is decided by the chat steps. The raw ids
 * are sealed in Peers: the message context never holds them as strings.
 */
/** Message type → the pipeline's kind. System notices, red packets, links… are `other`. */
export declare function kindOf(type: types.Message): MessageKind;
export declare function toChatContact(contact: Contact, withAlias?: boolean): Promise<ChatContact>;
export declare function toInboundMessage(msg: Message, bot: Wechaty, botName: string): Promise<InboundMessage>;
