import type { ChatPlatform, Destination, InboundMessage, MessageKind, Outgoing, PlatformEvents } from './platform.js';
/**
 * A chat platform in memory: the proof that a platform is one file implementing
 * ChatPlatform (registered by passing it to createChatService). Tests say things as
 * people in private chats or groups and read what the bot sent back.
 */
export interface MemorySent {
    to: Destination;
    /** Text sent (file messages: `[file <name>]`). */
    text: string;
    /** Raw ids @-mentioned (groups). */
    mentions: readonly string[];
    file?: {
        name: string;
        data: Uint8Array;
    };
}
export interface MemorySay {
    /** Sender id on this platform. */
    from: string;
    text?: string | null;
    kind?: MessageKind;
    /** Group id and name (a group message); absent: private chat. */
    room?: {
        id: string;
        topic: string;
    };
    /** The bot is in the mention list. */
    mentionsSelf?: boolean;
    /** Remark the bot account gave the sender (staff). */
    alias?: string;
    self?: boolean;
    ageSec?: number;
    at?: Date;
    /** Default: room when `room` is given, else private. */
    channel?: InboundMessage['channel'];
}
export declare class MemoryPlatform implements ChatPlatform {
    private readonly botName;
    readonly name = "memory";
    readonly sent: MemorySent[];
    private events;
    constructor(botName?: string);
    start(events: PlatformEvents): Promise<void>;
    stop(): Promise<void>;
    isLoggedIn(): boolean;
    send(to: Destination, content: Outgoing): Promise<void>;
    /** A message arrives; resolves when the bot has handled it (its replies are sent or queued). */
    say(m: MemorySay): Promise<void>;
    /** What was sent to this person in private, or to this group. */
    to(id: string): MemorySent[];
}
