import type { Logger } from 'pino';
import type { StatsRedis } from '../redis/connection.js';
import type { ChatContact } from '../chat/platform.js';
import type { Announcements } from './announce/announcements.js';
import type { BotKeys } from '../redis/bot-keys.js';
import type { StaffDirectory } from './staff/directory.js';
/**
 * Login and logout. A logout that the bot did not ask for is written to Redis (so it
 * survives a restart), announcements pause, and if no new login follows within
 * BOT_RELOGIN_WAIT_SEC the puppet is restarted (a new QR code is printed when the
 * session is gone). At the next login every staff member gets a private message.
 */
export interface LoginWatchOptions {
    redis: StatsRedis;
    keys: BotKeys;
    account: string;
    logger: Logger;
    staff: StaffDirectory;
    announcements: Announcements;
    isLoggedIn: () => boolean;
    restart: () => Promise<void>;
    reloginWaitSec: number;
    timeZone: string;
}
export declare class LoginWatch {
    private readonly o;
    private timer;
    private closed;
    /** Resolves at each login (tests and start-up wait on it). */
    loggedIn: Promise<void>;
    private markLoggedIn;
    constructor(o: LoginWatchOptions);
    onLogin(_self: ChatContact): Promise<void>;
    onLogout(info: {
        expected: boolean;
        reason?: string;
    }): Promise<void>;
    private reconnect;
    close(): void;
}
