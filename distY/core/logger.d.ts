import { type DestinationStream, type Logger } from 'pino';
/**
 * pino logger: pretty in a terminal, JSON otherwise. Free text in log records is passed
 * through `redactPii` and `maskSecrets` (Redis URL passwords, HASH_SALT, tokens), and
 * fields that could carry raw ids are censored by path.
 */
export declare const REDACT_PATHS: string[];
/** Personal data and secrets out of one logged string. */
export declare function scrub(text: string): string;
export interface LoggerOptions {
    /** Write here instead of stdout (tests capture log lines this way). */
    destination?: DestinationStream;
}
/** The two settings the logger reads (the validated Config has them; core does not import config). */
export interface LogSettings {
    LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
    LOG_FORMAT: 'auto' | 'pretty' | 'json';
}
export declare function createLogger(config: LogSettings, options?: LoggerOptions): Logger;
