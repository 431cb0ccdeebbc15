import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { StatsRedis } from '../redis/connection.js';
/**
 * The review queue: questions the bot declined, clarified or was unsure about (the
 * statistics' review list, already redacted). Staff resolve a question once — assign the
 * right intent (the question joins that intent's utterances in intents/), mark it out of
 * scope, or dismiss it — and it leaves the queue. Identical questions are one row with a count.
 */
export type ReviewStatus = 'assigned' | 'out_of_scope' | 'dismissed';
export declare const REVIEW_STATUSES: readonly ReviewStatus[];
export interface ReviewRow {
    /** Review entry ids merged into this row (newest first). */
    ids: string[];
    text: string;
    count: number;
    /** Newest occurrence. */
    at: string;
    action: string;
    topic: string;
    intent: string;
    score: number;
    channel: string;
    /** Why it is listed: 追问澄清 / 非城管事项 / 低置信度解答 / 群众点了👎 */
    reason: string;
    reasonName: string;
    topicName: string;
    /** Choices the bot offered when it asked back. */
    choices: string[];
}
export interface ResolveRequest {
    ids: string[];
    status: ReviewStatus;
    intent?: string;
}
export interface AssignedQuestion {
    id: string;
    intent: string;
    text: string;
}
/** Extra redaction and bidi/format-control stripping before anything is shown to staff. */
export declare function forStaff(text: string): string;
export declare class ReviewQueue {
    private readonly config;
    private readonly redis;
    private readonly logger;
    private readonly keys;
    constructor(config: Config, redis: StatsRedis, logger: Logger);
    /** Open questions, newest first, identical ones merged; within [from, to] (YYYY-MM-DD, STATS_TIMEZONE days) when given. */
    open(options?: {
        from?: string;
        to?: string;
        limit?: number;
        includeTest?: boolean;
    }): Promise<ReviewRow[]>;
    /** Resolve questions; for `assigned`, add the (redacted) text to the intent's utterances. */
    resolve(req: ResolveRequest, by: string): Promise<{
        file?: string;
        added?: boolean;
        text?: string;
    }>;
    /** Questions staff assigned to an intent (checked after every retrain). */
    assigned(): Promise<AssignedQuestion[]>;
}
