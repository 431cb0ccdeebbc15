import type { Logger } from 'pino';
import { type ChatService } from '../chat/service.js';
import { type Config } from '../config/config.js';
import { type Brain } from '../nlu/brain.js';
import { type StatsRedis } from '../redis/connection.js';
import type { StatsRecorder } from '../stats/types.js';
import { type WechatPuppet, type WechatyInstance } from '../wechat/wechaty-platform.js';
import { type AnnounceWorkerTiming } from './announce/announcements.js';
import type { BotServices } from './context.js';
export interface CreateBotOptions {
    /** A wechaty puppet instance (tests: wechaty-puppet-mock). Default: WECHATY_PUPPET by name. */
    puppet?: WechatPuppet;
    /** The parsed, frozen configuration (loadConfig). Default: the environment, parsed once here. */
    config?: Config;
    logger?: Logger;
    /** A ready brain (tests build one per file). Default: built from PUFA_INTENTS_DIR / PUFA_KNOWLEDGE_DIR at start. */
    brain?: Brain;
    /** A Redis client for statistics, sessions, limits and announcements. Default: openStatsRedis (REDIS_URL or embedded). */
    redis?: StatsRedis;
    /** Where consultations are counted. Default: RedisStatsRecorder on `redis`. */
    recorder?: StatsRecorder;
    /** Jitter source of the paced sender (0 ≤ r < 1). */
    random?: () => number;
    /** Show the login QR code (default: printed in the terminal). */
    showQr?: (qrcode: string) => void;
    /** How soon a crashed process's announcement is taken over (BullMQ lock / stalled check; default 30 s). */
    announceWorker?: AnnounceWorkerTiming;
}
export interface Bot {
    /** Open Redis (if not given), build the brain (if not given), log in to WeChat. */
    start(): Promise<void>;
    /** Pause announcements, send what is queued (briefly), log out, flush statistics, close queues. */
    stop(): Promise<void>;
    readonly wechaty: WechatyInstance;
    readonly config: Config;
    /** Available after start(). */
    readonly services: BotServices | undefined;
    /** The chat service the messages run through (after start()). */
    readonly chat: ChatService | undefined;
    /** Resolves at the (next) login. */
    loggedIn(): Promise<void>;
}
/**
 * The WeChat bot: the chat service (src/chat/: one MessageContext, CHAT_STEPS) on the
 * wechaty platform (src/wechat/), with the paced sender as its outbox and its state in
 * Redis; plus staff commands, announcements (BullMQ) and login notices. Several processes
 * (one per WeChat account, each with its own WECHATY_NAME) may share one Redis.
 */
export declare function createBot(options?: CreateBotOptions): Bot;
