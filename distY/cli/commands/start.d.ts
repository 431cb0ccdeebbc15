import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
/**
 * `pufa start` (what `npm start` runs). With WECHATY_PUPPET set: log in to WeChat (QR code
 * in the terminal, session kept in the memory card under PUFA_DATA_DIR), count
 * consultations in Redis (REDIS_URL, or the embedded redis-server), run until SIGINT /
 * SIGTERM, then stop gracefully: pause announcements (they resume at the next start),
 * send what is queued, flush statistics, close queues, stop the embedded redis-server.
 * Without a puppet: the local terminal chat.
 */
export interface StartOptions {
    config: Config;
    logger: Logger;
    /** Resolves when the bot should stop (default: SIGINT or SIGTERM). */
    until?: Promise<unknown>;
}
/** Run the WeChat bot until `until` (or a signal); returns after a graceful stop. */
export declare function runBot(options: StartOptions): Promise<void>;
export declare function runStart(options: StartOptions): Promise<void>;
export declare function registerStartCommand(program: Command): void;
