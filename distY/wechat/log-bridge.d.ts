import type { Logger } from 'pino';
/** wechaty's brolog lines → pino (component wechaty). Call once per process; returns nothing to undo (brolog has one printer). */
export declare function bridgeWechatyLog(logger: Logger, token?: string): void;
/**
 * For the bot process only (`pufa start`): console.* from libraries goes through the same
 * masking (wechaty-token prints errors, sometimes with the token, straight to the console).
 * Returns a function that restores the console.
 */
export declare function captureConsole(logger: Logger): () => void;
