import type { FileBoxInterface } from 'file-box';
import type { MessageKind } from '../pipeline/context.js';

/**
 * What the bot needs from a chat platform, in plain data. The wechaty adapter in this
 * folder implements it; nothing outside `src/wechat/` sees a wechaty type. Ids here are
 * raw platform ids: they stay in memory and are hashed before anything is stored or logged.
 */

export interface ChatContact {
  id: string;
  /** Nickname the person chose. */
  name: string;
  /** Remark the bot account set for this contact (staff are recognised by it or by the id). */
  alias?: string;
}

export interface ChatRoom {
  id: string;
  topic: string;
}

/** One incoming message, as facts the bot's steps decide on. */
export interface ChatMessage {
  id: string;
  kind: MessageKind;
  /** Text as received (with any `@name`); null for non-text messages. */
  text: string | null;
  /** Sent by the bot's own account. */
  self: boolean;
  /** Seconds since the message was sent. */
  ageSec: number;
  at: Date;
  talker: ChatContact;
  room?: ChatRoom;
  /** The puppet's mention list contains the bot (some puppets never fill it). */
  mentionsSelf: boolean;
  /** Names the bot shows under in this conversation (nickname, group alias), for the `@name` text check. */
  selfNames: string[];
}

export type Destination = { kind: 'room'; id: string } | { kind: 'contact'; id: string };

export type Outgoing =
  | { text: string; /** Raw contact ids to @-mention (rooms only). */ mentions?: readonly string[] }
  | { file: FileBoxInterface };

export interface ChatPlatform {
  start(): Promise<void>;
  stop(): Promise<void>;
  isLoggedIn(): boolean;
  /** The logged-in account, if any. */
  self(): ChatContact | undefined;
  /** Send right now. Callers go through the paced sender, never here directly. */
  send(to: Destination, content: Outgoing): Promise<void>;
  /** Every group the account is in. */
  rooms(): Promise<ChatRoom[]>;
  /** A contact by id or by the remark (alias) the bot account gave it — never by a name or WeChat id the contact chose. */
  findContact(key: string): Promise<ChatContact | undefined>;
}

/** Events the platform reports; exactly one handler each. */
export interface PlatformHandlers {
  message(msg: ChatMessage): Promise<void>;
  login(self: ChatContact): Promise<void> | void;
  /** `expected` is true while the bot itself is stopping. */
  logout(info: { expected: boolean; reason?: string }): Promise<void> | void;
}
