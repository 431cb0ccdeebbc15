import type { Logger } from 'pino';
import { PufaError } from '../core/errors.js';
import type { StatsRedis } from '../redis/connection.js';
import type { RedisHealth } from '../redis/health.js';
import type { ChatPlatform, Destination, EnqueueOptions, Outbox, Outgoing, PendingSend } from '../chat/platform.js';
import type { BotKeys } from '../redis/bot-keys.js';
/**
 * The one way out: every message of an account goes through this queue, one at a time,
 * at least `minIntervalMs` plus a random jitter apart (fast, regular sending gets WeChat
 * accounts banned), at most `dailyCap` per account per day (counted in Redis, so a
 * restart does not reset it), long texts split at sentence boundaries.
 *
 * Order and bounds: urgent messages (the gas-leak emergency answer) go to the front of the
 * queue; the queue holds at most `maxQueue` messages (a citizen reply beyond it is refused,
 * logged once per overflow; an urgent one takes the place of the newest ordinary reply);
 * a citizen's reply that waited longer than `staleMs` is not sent late: that citizen gets
 * one short apology instead (at most one per citizen per `staleMs`), however many of their
 * replies were waiting.
 *
 * When Redis cannot count the daily cap, the cap fails closed: the process counts on from
 * the last count Redis gave it (sends made meanwhile are added to Redis when it is back),
 * and refuses beyond the cap as usual — it never sends without a limit.
 */
export interface PacedSenderOptions {
    /** Sent once instead of a citizen's replies that waited longer than `staleMs` (serviceNotices().staleApology of the brain in use). */
    staleApology: () => string;
    platform: Pick<ChatPlatform, 'send'>;
    redis: StatsRedis;
    keys: BotKeys;
    /** Account key (WECHATY_NAME). */
    account: string;
    logger: Logger;
    minIntervalMs: number;
    jitterMs: number;
    dailyCap: number;
    maxChars: number;
    timeZone: string;
    /** Injectable for tests: 0 ≤ random() < 1. */
    random?: () => number;
    /** Most messages waiting (SEND_QUEUE_MAX). Default unbounded. */
    maxQueue?: number;
    /** A citizen reply older than this is replaced by one apology (SEND_STALE_SEC × 1000). Default never. */
    staleMs?: number;
    /** Where Redis failures are reported (one warning per state change). */
    health?: RedisHealth;
}
export type { EnqueueOptions, PendingSend } from '../chat/platform.js';
export declare class SenderQueueFullError extends PufaError {
    /** Logged by the sender once per episode: the chat steps do not log it again. */
    readonly reported = true;
    constructor(max: number);
}
export declare class DailyCapError extends PufaError {
    /** Logged by the sender once per episode: the chat steps do not log it again. */
    readonly reported = true;
    constructor(cap: number);
}
export declare class StaleReplyError extends PufaError {
    /** Logged by the sender once per episode: the chat steps do not log it again. */
    readonly reported = true;
    constructor();
}
export declare class SenderStoppedError extends PufaError {
    constructor();
}
export declare class PacedSender implements Outbox {
    private readonly options;
    private readonly queue;
    private readonly random;
    private nextAllowedAt;
    private wake;
    private loop;
    private closed;
    private capWarnedDay;
    /** Daily-cap fallback while Redis cannot count: the last count Redis gave, and sends since. */
    private capKnown;
    private capUncounted;
    private queueFullWarned;
    /** Citizens (destination + mentions) who got a stale-reply apology, with when. */
    private readonly apologised;
    /** Messages actually sent by this process (all parts). */
    sent: number;
    /** Replies refused because the queue was full, and stale replies replaced by an apology. */
    refused: number;
    stale: number;
    constructor(options: PacedSenderOptions);
    /** Queue a message; long texts become several parts (mentions on the first). */
    enqueue(to: Destination, content: Outgoing, opts?: EnqueueOptions): PendingSend;
    /** Queue and wait until sent. */
    send(to: Destination, content: Outgoing, opts?: EnqueueOptions): Promise<void>;
    get pending(): number;
    /** Room in the queue for this item? An urgent one evicts the newest ordinary citizen reply when full. */
    private admit;
    /**
     * Stop: keep sending what is queued for up to `drainMs`, then drop the rest (their
     * promises reject with SenderStoppedError).
     */
    close(drainMs?: number): Promise<void>;
    private kick;
    private pick;
    /** Who a citizen reply is for: the destination plus its @-mentions. */
    private static citizenKey;
    /**
     * A citizen reply that waited too long: drop it and every other stale reply for the same
     * citizen; send one apology (unless they already got one recently). Returns the apology
     * to send instead, or undefined when nothing is to be sent.
     */
    private replaceStale;
    private idle;
    private run;
    private paceAndSend;
    private countAgainstCap;
}
export declare function sleep(ms: number): Promise<void>;
