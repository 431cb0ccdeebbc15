import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { hashId } from '../core/privacy.js';
import type { Brain } from '../nlu/brain.js';
import type { StatsRecorder } from '../stats/types.js';
import { compose } from './compose.js';
import type { BrainSource, ChatServices, HealthSignal, MessageContext, StaffCommands, Step } from './context.js';
import { MergeRegistry } from './merge.js';
import { peerId } from './peer.js';
import { directOutbox, type ChatPlatform, type InboundMessage, type Outbox, type PlatformEvents } from './platform.js';
import { CHAT_STEPS } from './steps.js';
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

function isBrain(b: Brain | BrainSource): b is Brain {
  return typeof (b as Brain).ask === 'function';
}

/**
 * The one MessageContext of a message: ids hashed once, here at the edge of the chat layer
 * (the raw ids stay sealed in the message's peers, for the reply).
 */
export function messageContext(message: InboundMessage, services: ChatServices): MessageContext {
  const { salt } = services;
  return {
    message,
    services,
    user: hashId(salt, peerId(message.from.peer)),
    room: message.room ? hashId(salt, peerId(message.room.peer)) : undefined,
    channel: message.channel,
    text: message.kind === 'text' ? (message.text ?? '') : '',
    staff: false,
    consultationId: randomUUID(),
    redacted: '',
    replies: [],
  };
}

/**
 * The chat service: a platform's messages → the one step list (CHAT_STEPS) → the outbox.
 * Platform-free: wechaty (src/wechat/), the terminal (src/terminal/) and the in-memory test
 * platform (src/chat/memory-platform.ts) are implementations of ChatPlatform.
 */
export function createChatService(options: ChatServiceOptions): ChatService {
  const { platform, config, logger } = options;
  const services: ChatServices = {
    config,
    logger,
    salt: options.salt,
    brain: isBrain(options.brain) ? { brain: options.brain } : options.brain,
    recorder: options.recorder,
    store: options.store,
    outbox: options.outbox ?? directOutbox(platform),
    merges: new MergeRegistry(config.BOT_MERGE_WINDOW_SEC * 1000),
    ...(options.health ? { health: options.health } : {}),
    ...(options.commands ? { commands: options.commands } : {}),
  };
  const run = compose(options.steps ?? CHAT_STEPS);
  let accepting = false;
  let inFlight = 0;

  async function handle(message: InboundMessage): Promise<MessageContext | undefined> {
    if (!accepting) return undefined;
    const ctx = messageContext(message, services);
    inFlight += 1;
    try {
      await run(ctx);
    } finally {
      inFlight -= 1;
    }
    return ctx;
  }

  async function drain(ms = 5000): Promise<void> {
    accepting = false;
    const deadline = Date.now() + ms;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  return {
    platform,
    services,
    handle,
    drain,
    get inFlight() {
      return inFlight;
    },
    async start() {
      accepting = true;
      await platform.start({
        ...options.events,
        message: async (message) => {
          await handle(message);
        },
      });
    },
    async stop() {
      await drain();
      await platform.stop();
    },
  };
}
