import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Brain } from '../nlu/brain.js';
import type { StatsRecorder } from '../stats/types.js';
import type { BrainSource, ChatServices, HealthSignal, MessageContext, StaffCommands, Step } from './context.js';
import { type ChatPlatform, type InboundMessage, type Outbox, type PlatformEvents } from './platform.js';
import type { ChatStore } from './store.js';
export interface ChatServiceOptions {
    platform: ChatPlatform;
    /** The brain, or a holder whose brain may be swapped (`#重载`). */
    brain: Brain | BrainSource;
    store: ChatStore;
    recorder: StatsRecorder;
    /** The parsed, frozen configuration (loadConfig): never environment strings. */
    config: Config;
    logger: Logger;
    /** Salt of the one hash of ids (resolveHashSalt). */
    salt: string;
    /** The step list; default CHAT_STEPS. */
    steps?: readonly Step[];
    /** Default: straight to `platform.send`. WeChat: the paced sender. */
    outbox?: Outbox;
    /** Staff commands (the WeChat bot); without them `#…` is an ordinary question. */
    commands?: StaffCommands;
    health?: HealthSignal;
    /** Other platform events (login, logout) for the edge that assembled the service. */
    events?: Omit<PlatformEvents, 'message'>;
}
export interface ChatService {
    readonly platform: ChatPlatform;
    readonly services: ChatServices;
    /** Start the platform; from now on its messages run through the steps. */
    start(): Promise<void>;
    /** Take no new messages and wait (at most `ms`) for those in flight. */
    drain(ms?: number): Promise<void>;
    /** Drain, then stop the platform. */
    stop(): Promise<void>;
    /** One message through the steps (what the platform's message event calls); resolves with its context when its replies are queued. */
    handle(message: InboundMessage): Promise<MessageContext | undefined>;
    /** Messages being handled right now. */
    readonly inFlight: number;
}
/**
 * The one MessageContext of a message: ids hashed once, here at the edge of the chat layer
 * (the raw ids stay sealed in the message's peers, for the reply).
 */
export declare function messageContext(message: InboundMessage, services: ChatServices): MessageContext;
/**
 * The chat service: a platform's messages → the one step list (CHAT_STEPS) → the outbox.
 * Platform-free: wechaty (src/wechat/), the terminal (src/terminal/) and the in-memory test
 * platform (src/chat/memory-platform.ts) are implementations of ChatPlatform.
 */
export declare function createChatService(options: ChatServiceOptions): ChatService;
