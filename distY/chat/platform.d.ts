import type { Channel } from '../core/types.js';
import type { Peer } from './peer.js';
/**
 * What the chat service needs from a chat platform, in plain data — no wechaty, Redis or
 * file-box types. A platform is one file implementing `ChatPlatform` (src/wechat/ for
 * WeChat, src/terminal/ for the terminal chat, src/chat/memory-platform.ts for tests), plus
 * the call of `createChatService({ platform, … })` that registers it (see README
 * "Architecture").
 */
export type MessageKind = 'text' | 'voice' | 'image' | 'video' | 'file' | 'sticker' | 'other';
/** Who sent a message. The raw id is sealed in the Peer; `alias` is the remark the bureau's account gave the contact. */
export interface Sender {
    readonly peer: Peer;
    /** Remark (备注) the bot account set for this contact: staff are recognised by it or by the id. */
    readonly alias?: string;
}
/** The group a message came from. */
export interface InboundRoom {
    readonly peer: Peer;
    /** The group's name, as the platform shows it. */
    readonly topic: string;
}
/** One incoming message, as facts the steps decide on. Built by the platform adapter. */
export interface InboundMessage {
    readonly kind: MessageKind;
    /** Text as received (with any `@name`); null for non-text messages. */
    readonly text: string | null;
    /** private, room, or console (the terminal chat: test data). */
    readonly channel: Channel;
    readonly at: Date;
    /** Seconds since the message was sent. */
    readonly ageSec: number;
    /** Sent by the bot's own account. */
    readonly self: boolean;
    readonly from: Sender;
    readonly room?: InboundRoom;
    /** The platform's mention list contains the bot (some puppets never fill it). */
    readonly mentionsSelf: boolean;
    /** Names the bot shows under in this conversation (nickname, group alias), for the `@name` text check. */
    readonly selfNames: readonly string[];
}
/** A contact as a platform lists it (staff directory, login notices). Raw id: platform level only, never in a message context. */
export interface ChatContact {
    id: string;
    /** Nickname the person chose. */
    name: string;
    /** Remark the bot account set for this contact. */
    alias?: string;
}
/** A group as a platform lists it (served groups, announcements). Raw id: platform level only. */
export interface ChatRoom {
    id: string;
    topic: string;
}
export type Destination = {
    kind: 'room';
    id: string;
} | {
    kind: 'contact';
    id: string;
};
/** A file to send (an export): plain bytes and a name; the adapter turns it into the platform's form. */
export interface OutFile {
    name: string;
    data: Uint8Array;
}
export type Outgoing = {
    text: string; /** Raw contact ids to @-mention (rooms only). */
    mentions?: readonly string[];
} | {
    file: OutFile;
};
/** What a platform reports; the chat service handles `message`, the rest is for the edge that assembled it. */
export interface PlatformEvents {
    message(msg: InboundMessage): Promise<void>;
    login?(self: ChatContact): Promise<void> | void;
    /** `expected` is true while the bot itself is stopping. */
    logout?(info: {
        expected: boolean;
        reason?: string;
    }): Promise<void> | void;
}
/** The one interface every chat platform implements. */
export interface ChatPlatform {
    /** Short name for logs: `wechaty`, `terminal`, `memory`. */
    readonly name: string;
    /** Connect and deliver every incoming message to `events.message`, one handler per event. */
    start(events: PlatformEvents): Promise<void>;
    stop(): Promise<void>;
    /** Send right now. The chat service sends through its outbox (WeChat: the paced sender), which calls this. */
    send(to: Destination, content: Outgoing): Promise<void>;
    isLoggedIn(): boolean;
}
/** What a bot account needs beyond chatting: its groups, its contacts (staff), re-login. */
export interface AccountPlatform extends ChatPlatform {
    /** The logged-in account, if any. */
    self(): ChatContact | undefined;
    /** Every group the account is in. */
    rooms(): Promise<ChatRoom[]>;
    /** A contact by id or by the remark (alias) the bot account gave it — never by a name or WeChat id the contact chose. */
    findContact(key: string): Promise<ChatContact | undefined>;
    /** Stop and start again (a new login when the session is gone). */
    restart(): Promise<void>;
}
export interface EnqueueOptions {
    /** Do not send before this time (ms since epoch), e.g. to collect merged askers. */
    notBefore?: number;
    /** Goes to the front of the queue and is never refused for a full queue (the gas-leak emergency answer). */
    urgent?: boolean;
    /** A reply to a citizen: may be replaced by one short apology when it waited too long. */
    citizen?: boolean;
}
/** A queued message. */
export interface PendingSend {
    /** Resolves when every part was sent; rejects when sending failed or the sender stopped. */
    readonly done: Promise<void>;
    /** True once the first part went out (mentions can no longer change). */
    readonly started: boolean;
    /** Add people to the @-mentions of a room text that has not started sending; false otherwise. */
    addMentions(ids: readonly string[]): boolean;
}
/** The way out of the chat service: WeChat's paced sender, or straight to the platform. */
export interface Outbox {
    enqueue(to: Destination, content: Outgoing, options?: EnqueueOptions): PendingSend;
}
/** An outbox that sends at once through the platform (terminal, memory): nothing waits, so nothing merges. */
export declare function directOutbox(platform: Pick<ChatPlatform, 'send'>): Outbox;
