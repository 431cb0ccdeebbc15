import type { CommonTexts } from '../knowledge/types.js';
/**
 * The chat service's own short notices (not answers). Each names the hotline of
 * `knowledge/_common.yaml`, so the number lives in one place that staff can edit.
 */
export interface ServiceNotices {
    /** A private chat's apology when handling a message failed. */
    error: string;
    /** Sent once when a citizen writes faster than BOT_USER_RATE_PER_MIN. */
    rateLimited: string;
    /** After a 👎. */
    feedbackSorry: string;
    /** Instead of replies that waited longer than SEND_STALE_SEC in the send queue. */
    staleApology: string;
    /** The terminal chat's last line. */
    goodbye: string;
}
export declare function serviceNotices(common: Pick<CommonTexts, 'hotline'>): ServiceNotices;
