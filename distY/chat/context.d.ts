import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { BrainReply, Channel, ConversationState } from '../core/types.js';
import type { Brain } from '../nlu/brain.js';
import type { Consultation, StatsRecorder } from '../stats/types.js';
import type { Middleware } from './compose.js';
import type { MergeRegistry } from './merge.js';
import type { InboundMessage, OutFile, Outbox, PendingSend, Sender } from './platform.js';
import type { SessionStore } from './session.js';
import type { ChatStore } from './store.js';
/** One reply waiting to go out. */
export type Reply = {
    text: string;
} | {
    file: OutFile;
};
/** The brain in use; a holder lets `#重载` swap it while messages are in flight. */
export interface BrainSource {
    readonly brain: Brain;
}
/** Redis health as the steps report to it: one warning per change of state (src/redis/health.ts implements it). */
export interface HealthSignal {
    ok(): void;
    /** Note a failure: the store's state when it was a store problem (now reported), undefined for anything else. */
    observe(err: unknown): string | undefined;
}
/** A staff command found in a message: what it is called, how it is used, and how to run it. */
export interface ParsedCommand {
    readonly name: string;
    readonly usage: string;
    /** The text after the command name. */
    readonly args: string;
    run(c: {
        staff: string;
        staffName?: string;
        args: string;
    }): Promise<Reply[]>;
}
/** Staff commands of an edge (the WeChat bot has them; the terminal chat has none). */
export interface StaffCommands {
    /** The BOT_STAFF entry that identifies the sender (the remark or the raw id), or undefined when not staff. */
    staffEntry(from: Sender): string | undefined;
    /** `#统计 本月` → the command; undefined when the text is not a known command. */
    parse(text: string): ParsedCommand | undefined;
}
/** Everything the steps use, built once by createChatService. No platform and no Redis type in here. */
export interface ChatServices {
    readonly config: Config;
    readonly logger: Logger;
    /** Salt of the one hash of ids (at the edge, in createChatService). */
    readonly salt: string;
    readonly brain: BrainSource;
    readonly recorder: StatsRecorder;
    /** Conversation state, rate-limit counters and non-text hint marks. */
    readonly store: ChatStore;
    readonly outbox: Outbox;
    readonly merges: MergeRegistry;
    readonly health?: HealthSignal;
    readonly commands?: StaffCommands;
}
/**
 * The one context of a message, from the platform edge to the reply. Ids are hashed once
 * (by createChatService) before any step runs: `user` and `room` are salted hashes, the
 * raw ids stay sealed in `message.from.peer` / `message.room.peer` for the send path.
 */
export interface MessageContext {
    readonly message: InboundMessage;
    readonly services: ChatServices;
    /** Salted hashes of the sender and the group: what logs and stores see. */
    readonly user: string;
    readonly room: string | undefined;
    readonly channel: Channel;
    /** The text meant for the bot: @-mention or wake word removed (set by addressedToBot). */
    text: string;
    /** Set by staffCommands for staff members. */
    staff: boolean;
    /** Id for this message's consultation, made before recording so conversation state can refer to it. */
    readonly consultationId: string;
    /** Conversation state read before understanding (pending choices, last topic). */
    state?: ConversationState;
    /** The brain's reply (set by understand). */
    answer?: BrainReply;
    /** The normalised question with personal data removed: what may be stored (set by understand). */
    redacted: string;
    /** How this message counts in the statistics, beyond its answer (see steps/answer.ts `counting`). */
    counting?: Counting;
    /** The consultation recorded for this message, if any. */
    consultation?: Consultation;
    /** Replies to send back, in order: the one list (sent by sendReplies). */
    replies: Reply[];
    /** Called with each queued reply (mergeSameQuestion keeps track of them). */
    onQueued?: (pending: PendingSend, reply: Reply) => void;
}
export type Step = Middleware<MessageContext>;
/** Statistics fields that come from the conversation rather than from the answer alone. */
export interface Counting {
    /** The message only shows an answer already counted (a secondary topic picked with "回复 2"): not recorded again. */
    uncounted?: boolean;
    /** The clarification this message resolves. */
    replaces?: string;
}
/**
 * A message as batch edges give it (`pufa simulate`, tests, the bench): plain data with
 * raw ids, turned into a MessageContext by createPipeline, which hashes them once.
 */
export interface IncomingMessage {
    /** Message text; null for non-text messages. */
    text: string | null;
    kind: InboundMessage['kind'];
    channel: Channel;
    /** Raw platform id of the sender. Hashed at the edge; never stored or logged. */
    userId: string;
    /** Raw room id (rooms only). Hashed at the edge. */
    roomId?: string;
    /** Room topic/name, for per-room tables. */
    roomName?: string;
    at: Date;
}
/** What createPipeline needs (the chat service's dependencies without a platform). */
export interface PipelineDeps {
    config: Config;
    logger: Logger;
    recorder: StatsRecorder;
    sessions: SessionStore;
    /** Salt for hashing ids (config HASH_SALT or the generated one). */
    salt: string;
}
export interface HandleResult {
    replies: string[];
    answer?: BrainReply;
    consultation?: Consultation;
}
