import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { type Brain } from '../nlu/brain.js';
import { type StatsRecorder } from '../stats/types.js';
export interface ChatOptions {
    config: Config;
    logger: Logger;
    brain?: Brain;
    /** Where consultations are counted; default: the configured Redis (REDIS_URL or the embedded redis-server). */
    recorder?: StatsRecorder;
    input?: NodeJS.ReadableStream;
    output?: NodeJS.WritableStream;
}
/**
 * The local terminal conversation (what `npm start` runs with no WeChat configured): the
 * chat service with the terminal as its platform — the same steps as WeChat, channel
 * `console`, clarification follow-ups included.
 */
export declare function runChat(options: ChatOptions): Promise<void>;
