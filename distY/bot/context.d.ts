import type { Logger } from 'pino';
import type { AccountPlatform } from '../chat/platform.js';
import type { Config } from '../config/config.js';
import type { StatsRedis } from '../redis/connection.js';
import type { RedisHealth } from '../redis/health.js';
import type { StatsRecorder } from '../stats/types.js';
import type { Announcements } from './announce/announcements.js';
import type { BrainHolder } from './brain-holder.js';
import type { BotKeys } from '../redis/bot-keys.js';
import type { PacedSender } from './sender.js';
import type { StaffDirectory } from './staff/directory.js';
export type { Reply } from '../chat/context.js';
/**
 * What the WeChat bot's own features use (staff commands, announcements, login notices, the
 * console in the same process), built once by createBot. The message steps see the
 * platform-free ChatServices (src/chat/context.ts) instead.
 */
export interface BotServices {
    readonly config: Config;
    readonly logger: Logger;
    readonly redis: StatsRedis;
    readonly keys: BotKeys;
    /** Account key (WECHATY_NAME): sender cap, login notice and announcement queue are per account. */
    readonly account: string;
    readonly salt: string;
    readonly platform: AccountPlatform;
    readonly sender: PacedSender;
    readonly recorder: StatsRecorder;
    readonly brain: BrainHolder;
    readonly announcements: Announcements;
    readonly staff: StaffDirectory;
    /** Redis up / down / full / auth: one warning per change; read by #统计 and the console. */
    readonly health: RedisHealth;
}
