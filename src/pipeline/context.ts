import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { BrainReply, Channel } from '../core/types.js';
import type { Consultation, StatsRecorder } from '../stats/types.js';
import type { ConversationState, SessionStore } from './session.js';

export type MessageKind = 'text' | 'voice' | 'image' | 'video' | 'file' | 'sticker' | 'other';

/**
 * A chat message as the pipeline sees it: a plain object, no wechaty types, so most
 * tests never touch WeChat. The edge (wechaty adapter, console, simulate) builds it.
 */
export interface IncomingMessage {
  /** Message text; null for non-text messages. */
  text: string | null;
  kind: MessageKind;
  channel: Channel;
  /** Raw platform id of the sender. Hashed by the pipeline; never stored or logged. */
  userId: string;
  /** Raw room id (rooms only). Hashed before storage. */
  roomId?: string;
  /** Room topic/name, for per-room tables. */
  roomName?: string;
  at: Date;
}

/** Anything the pipeline needs from the outside world, behind small interfaces. */
export interface PipelineDeps {
  config: Config;
  logger: Logger;
  recorder: StatsRecorder;
  sessions: SessionStore;
  /** Salt for hashing ids (config HASH_SALT or the console default). */
  salt: string;
}

/** Per-message state that flows through the middleware. */
export interface PipelineContext {
  readonly msg: IncomingMessage;
  readonly deps: PipelineDeps;
  /** Salted hashes of the sender and room. */
  readonly user: string;
  readonly room: string | undefined;
  /** The normalised question with personal data removed: what may be stored (set by understand). */
  redacted: string;
  /** The brain's reply (set by understand/answer). */
  answer?: BrainReply;
  /** Texts to send back, in order. */
  replies: string[];
  /** The consultation recorded for this message, if any. */
  consultation?: Consultation;
  /** Id for this message's consultation, made before recording so conversation state can refer to it. */
  consultationId: string;
  /** Conversation state read before understanding (pending choices, last topic). */
  state?: ConversationState;
  /** How this message counts in the statistics, beyond its answer (see pipeline.ts `counting`). */
  counting?: Counting;
}

/** Statistics fields that come from the conversation rather than from the answer alone. */
export interface Counting {
  /** The message only shows an answer already counted (a secondary topic picked with "回复 2"): not recorded again. */
  uncounted?: boolean;
  /** The clarification this message resolves. */
  replaces?: string;
}

export interface HandleResult {
  replies: string[];
  answer?: BrainReply;
  consultation?: Consultation;
}
