/**
 * The bot's Redis key layout lives in src/redis/bot-keys.ts, below the statistics (which
 * read the announcement counts from it); re-exported here for the bot's own modules.
 */
export { accountKey, BOT_HASH_TAG, botKeys, type BotKeys } from '../redis/bot-keys.js';
