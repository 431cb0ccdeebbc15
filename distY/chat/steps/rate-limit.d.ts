import type { Step } from '../context.js';
/** The rate limits' window: it begins with a citizen's (or group's) first message. */
export declare const RATE_WINDOW_SEC = 60;
/**
 * At most BOT_USER_RATE_PER_MIN answers per citizen and BOT_ROOM_RATE_PER_MIN per group
 * in a minute that begins with their first message, counted in the store (Redis: shared
 * by every process). Over the limit the message is dropped; in private chat the citizen
 * is told once per window.
 * If the store cannot count, the same limits are counted in this process (fail closed).
 * A message reporting an emergency (gas leak) is never held back by a limit, nor is the
 * terminal chat (channel console: one person trying the bot out on their own machine).
 */
export declare const rateLimit: Step;
