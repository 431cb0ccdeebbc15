import type { Logger } from 'pino';
import type { BotServices } from '../bot/context.js';
import type { Config } from '../config/config.js';
import type { StatsRedis } from '../redis/connection.js';
/**
 * Announcements from the console: the same BullMQ queue, job name, job data and options as
 * `#公告` + `#确认` (src/bot/announce/announcements.ts), so the bot's worker sends them
 * group after group, exactly once per group, and reports per-group progress in
 * `ann:<id>:groups`. Groups are shown by name and picked by salted hash; no raw id leaves
 * the bot process. With the bot in another process (`pufa console` alone) the served
 * groups come from the list the bot's console publishes in Redis.
 */
export interface GroupInfo {
    room: string;
    topic: string;
}
export type GroupState = 'sent' | 'failed' | 'pending' | 'uncertain' | 'skipped';
export interface AnnouncementView {
    id: string;
    text: string;
    state: string;
    stateName: string;
    createdAt?: string;
    sendAt?: string;
    by?: string;
    groups: {
        topic: string;
        state: GroupState;
        why?: string;
    }[];
    sent: number;
    failed: number;
    pending: number;
}
/** Parse `YYYY-MM-DD HH:mm` (or `YYYY-MM-DDTHH:mm` from a datetime-local input) in the bureau's time zone. */
export declare function parseSendAt(value: string, timeZone: string, now?: number): number;
export declare class ConsoleAnnouncements {
    private readonly config;
    private readonly redis;
    private readonly logger;
    private readonly bot?;
    private readonly queue;
    private readonly connection;
    private readonly keys;
    private readonly ckeys;
    private readonly account;
    constructor(config: Config, redis: StatsRedis, logger: Logger, bot?: (() => BotServices | undefined) | undefined);
    /** Served groups: from the bot in this process (and published for other consoles), else the published list. */
    groups(): Promise<{
        groups: GroupInfo[];
        live: boolean;
    }>;
    /** Queue an announcement (now, or at `sendAt`). Returns its number. */
    create(input: {
        text: string;
        rooms: string[];
        sendAt?: string;
    }, staff: string): Promise<{
        id: string;
        groups: number;
        sendAt?: number;
    }>;
    /** The newest announcements with per-group status. */
    list(limit?: number): Promise<AnnouncementView[]>;
    /** Revoke a queued or scheduled announcement; stop one being sent after its current group (as `#撤销`). */
    revoke(id: string): Promise<string>;
    /** Waiting + delayed + active announcement jobs (for /metrics). */
    queued(): Promise<number>;
    close(): Promise<void>;
}
