import { type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { StatsRedis } from '../../redis/connection.js';
import type { RedisHealth } from '../../redis/health.js';
import type { AccountPlatform, ChatRoom } from '../../chat/platform.js';
import { type BotKeys } from '../../redis/bot-keys.js';
import { type PacedSender } from '../sender.js';
import type { StaffDirectory } from '../staff/directory.js';
/**
 * Announcements: staff push a notice to the served groups.
 *
 * `#公告` / `#定时` store a draft and show a preview; `#确认` turns it into one BullMQ job
 * (delayed for `#定时`) on the account's queue. The worker sends the text group after
 * group through the paced sender, ANNOUNCE_GROUP_INTERVAL_MS apart.
 *
 * Exactly once per group: progress lives in the hash `ann:<id>:groups`. Before a group
 * is sent its field is set to `sending`; right after `room.say` returns, one MULTI sets it
 * to `sent` and counts the group in the statistics. A worker (this process after a
 * restart, or another) skips every group that has a field, so a stopped or crashed job
 * resumes where it was and never sends a group twice. A graceful stop finishes the group
 * being sent and puts the job back in the queue; a crash leaves at most one group
 * `sending` (say() may or may not have gone out): it is not resent but reported to staff
 * as uncertain. Groups are identified by salted hash (plus the name, for puppets whose
 * room ids change between logins); no raw id is stored.
 */
export interface AnnouncementTarget {
    /** Salted hash of the room id. */
    room: string;
    topic: string;
}
export interface AnnouncementData {
    id: string;
    text: string;
    targets: AnnouncementTarget[];
    /** Salted hash of the staff member who confirmed it (gets the report). */
    staff: string;
    /** How the bureau names that staff member: their BOT_STAFF remark (never a name they chose). */
    staffName?: string;
    createdAt: number;
    /** For `#定时`: when to send (ms since epoch). */
    sendAt?: number;
}
export interface AnnouncementsOptions {
    config: Config;
    logger: Logger;
    redis: StatsRedis;
    keys: BotKeys;
    account: string;
    salt: string;
    platform: AccountPlatform;
    sender: PacedSender;
    staff: StaffDirectory;
    /** A fresh Redis connection for BullMQ (maxRetriesPerRequest: null). Called once per Queue / Worker. */
    connection: () => ConnectionOptions;
    /** BullMQ lock and stalled-check timing (defaults 30 s each): how soon a crashed worker's job is taken over. */
    worker?: AnnounceWorkerTiming;
    /** Redis state: the worker pauses while Redis is not up (no tight retry loop) and resumes when it is back. */
    health?: RedisHealth;
}
export interface AnnounceWorkerTiming {
    lockDurationMs?: number;
    stalledIntervalMs?: number;
}
export declare class Announcements {
    private readonly o;
    readonly queueName: string;
    private readonly queue;
    private worker;
    /** Set while the worker is being stopped: the job in progress pauses at the next group. */
    private stopping;
    private stoppingDone;
    private closed;
    private wakeStop;
    private stopped;
    private readonly connections;
    constructor(o: AnnouncementsOptions);
    /** Errors of BullMQ's Redis connections: Redis trouble goes to the health object (one warning per state change), the rest is logged. */
    private onRedisError;
    private lastErrorLog;
    private suspended;
    /**
     * Redis is full, refusing the password or gone: BullMQ's fetch loop would retry at once
     * (an idle bot at 100 % CPU); pause it until the health probe sees Redis back.
     */
    private suspend;
    private readonly onHealthChange;
    private connect;
    /** Served groups, optionally only those whose name contains one of `keywords`. */
    targets(keywords: readonly string[]): Promise<ChatRoom[]>;
    /** Store a draft for this staff member and return the preview. */
    draft(staff: string, text: string, keywords: readonly string[], sendAt?: number, staffName?: string): Promise<string>;
    cancelDraft(staff: string): Promise<string>;
    /** Turn the staff member's draft into a job. */
    confirm(staff: string): Promise<string>;
    /** `#公告列表`: queued, scheduled, running and recent announcements. */
    list(): Promise<string>;
    /**
     * `#撤销 <id>`: remove a queued or scheduled announcement; stop one that is being sent.
     * Another staff member's announcement needs `#撤销 <id> 确认`, and is logged with both
     * names (their BOT_STAFF remarks).
     */
    revoke(args: string, by?: {
        staff: string;
        name?: string;
    }): Promise<string>;
    /** Start sending (after login). Idempotent. */
    startWorker(): void;
    /**
     * Pause sending (logout): the job in progress finishes its group and goes back to the
     * queue. With `timeoutMs`, a close that does not finish in time (Redis down or refusing
     * the password: BullMQ waits for its connections) is forced: the connections are cut.
     */
    stopWorker(timeoutMs?: number): Promise<void>;
    close(timeoutMs?: number): Promise<void>;
    /** Wait for `p` at most `ms`; then run `force` and cut every BullMQ connection so that `p` settles. */
    private bounded;
    private pause;
    /** Wait until ANNOUNCE_GROUP_INTERVAL_MS after the previous group (also across restarts). */
    private waitInterval;
    private process;
    private finish;
}
/** Chinese names of BullMQ job states, as staff see them (WeChat #公告列表 and the console). */
export declare const STATE_NAMES: Record<string, string>;
