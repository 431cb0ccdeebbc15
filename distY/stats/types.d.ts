import type { Action, Channel, TopicId } from '../core/types.js';
/**
 * One handled message, as recorded for the outreach statistics. Ids are already hashed
 * (salted) by the pipeline; `text` is only set for clarify / out_of_scope outcomes and is
 * PII-redacted, for the staff review list.
 */
export interface Consultation {
    /**
     * Unique id of this consultation. The Redis recorder makes one when absent; give a
     * stable id (e.g. when back-filling) to make recording the same consultation twice a no-op.
     */
    id?: string;
    at: Date;
    topic: TopicId;
    intent: string | null;
    action: Action;
    channel: Channel;
    /** Salted hash of the citizen's id. */
    user: string;
    /** Salted hash of the room id; absent for private and console chats. */
    room?: string;
    /** Room name for per-room tables (group names are public to members, not personal data). */
    roomName?: string;
    score: number;
    /**
     * The question, PII-redacted. Kept for the staff review list (clarify, out_of_scope,
     * low-confidence answers) and, for short answered questions, as examples for the summary.
     */
    text?: string;
    /** Labels of the choices offered when the bot asked back (`clarify`), for the review list. */
    choices?: string[];
    /** Other topics the message raised; counted separately from `topic`, never twice. */
    secondaryTopics?: TopicId[];
    /** Test data (terminal chat, `pufa simulate`): left out of official figures unless asked for. */
    test?: boolean;
    /** Id of an earlier consultation (a clarification) that this one resolves: one question, counted once. */
    replaces?: string;
}
/** A citizen's 👍 / 👎 to an answer (not a consultation). */
export interface Feedback {
    /** Id of the answered consultation it refers to (one vote per answer counts). */
    consultationId: string;
    at: Date;
    helpful: boolean;
    topic: TopicId;
    intent: string | null;
    channel: Channel;
    /** Salted hash of the citizen. */
    user: string;
    /** The answered question, redacted (a 👎 puts it in the review list). */
    text?: string;
    score?: number;
    test?: boolean;
}
/** The answer a helpfulness question was asked for, kept until the citizen's 👍 / 👎. */
export interface AskedFeedback {
    consultationId: string;
    topic: TopicId;
    intent: string | null;
    channel: Channel;
    text?: string;
    score?: number;
    test?: boolean;
}
/**
 * "Was it helpful?" state per citizen: at most one question per citizen per day (in the
 * bureau's time zone). Implementations never throw (a store that is down means no question).
 */
export interface FeedbackTracker {
    /** True (at most once per citizen per day) when this answer may ask "有帮助吗"; remembers the answer. */
    offer(user: string, asked: AskedFeedback, at: Date): Promise<boolean>;
    /** The answer the citizen's 👍 / 👎 (sent at `at`) refers to: asked that day or the day before. */
    pending(user: string, at: Date): Promise<AskedFeedback | undefined>;
}
/**
 * Where consultations go. `record` must never throw and never block the answer: an
 * implementation buffers when its store is slow or down.
 */
export interface StatsRecorder {
    record(consultation: Consultation): void;
    /** Wait until everything recorded so far is stored (or buffered, when the store is down). */
    flush(): Promise<void>;
    close(): Promise<void>;
    /** Counters of the recorder (buffered, stored, dropped …), for health output and tests. */
    status?(): RecorderStatus;
    /** Count a 👍 / 👎 (never throws; one per answered consultation). */
    recordFeedback?(feedback: Feedback): void;
    /** "Was it helpful?" state (absent: the bot never asks). */
    readonly feedback?: FeedbackTracker;
}
/** Counters of a recorder since it was created. */
export interface RecorderStatus {
    /** Consultations waiting to be written (in memory). */
    pending: number;
    /** Consultations written (each counted once). */
    stored: number;
    /** Consultations the store had already counted under their id (recorded twice; a retry whose first attempt was written counts as stored). */
    duplicates: number;
    /** Consultations lost because the buffer was full (or the recorder was closed). */
    dropped: number;
    /** False while the last write to the store failed. */
    healthy: boolean;
}
/** Keeps consultations in memory: for unit tests of the pipeline and the console without Redis. */
export declare class MemoryRecorder implements StatsRecorder {
    readonly items: Consultation[];
    readonly feedbackItems: Feedback[];
    readonly feedback: FeedbackTracker;
    record(consultation: Consultation): void;
    recordFeedback(feedback: Feedback): void;
    flush(): Promise<void>;
    close(): Promise<void>;
}
/** In-memory "was it helpful?" state: one question per citizen per UTC+8 day. */
export declare class MemoryFeedbackTracker implements FeedbackTracker {
    private readonly dayOf;
    private readonly asked;
    constructor(dayOf?: (at: Date) => string);
    offer(user: string, asked: AskedFeedback, at: Date): Promise<boolean>;
    pending(user: string, _at: Date): Promise<AskedFeedback | undefined>;
}
/**
 * A recorder that marks everything it records as test data (`pufa simulate`): left out of
 * the official figures, removable with `pufa stats purge`.
 */
export declare function asTestData(inner: StatsRecorder): StatsRecorder;
