import type { FileBoxInterface } from 'file-box';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Middleware } from '../pipeline/compose.js';
import type { HandleResult } from '../pipeline/context.js';
import type { StatsRedis } from '../redis/connection.js';
import type { RedisHealth } from '../redis/health.js';
import type { StatsRecorder } from '../stats/types.js';
import type { ChatMessage, ChatPlatform } from '../wechat/platform.js';
import type { Announcements } from './announce/announcements.js';
import type { BrainHolder } from './brain-holder.js';
import type { BotKeys } from './keys.js';
import type { MergeRegistry } from './merge.js';
import type { PacedSender, PendingSend } from './sender.js';
import type { StaffDirectory } from './staff/directory.js';

/** Everything the bot's steps use, built once by createBot. */
export interface BotServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly redis: StatsRedis;
  readonly keys: BotKeys;
  /** Account key (WECHATY_NAME): sender cap, login notice and announcement queue are per account. */
  readonly account: string;
  readonly salt: string;
  readonly platform: ChatPlatform;
  readonly sender: PacedSender;
  readonly recorder: StatsRecorder;
  readonly brain: BrainHolder;
  readonly merges: MergeRegistry;
  readonly announcements: Announcements;
  readonly staff: StaffDirectory;
  /** Redis up / down / full / auth: one warning per change; read by #统计 and the console. */
  readonly health: RedisHealth;
}

/** One reply waiting to go out. */
export type Reply = { text: string } | { file: FileBoxInterface };

/** Per-message state flowing through the bot's steps (see steps.ts). */
export interface BotContext {
  readonly msg: ChatMessage;
  readonly bot: BotServices;
  /** Salted hashes of the sender and the group: what logs and Redis see. */
  readonly user: string;
  readonly room: string | undefined;
  /** The text meant for the bot: @-mention or wake word removed (set by addressedToBot). */
  text: string;
  /** Set by staffCommands for staff members. */
  staff: boolean;
  /** What the brain pipeline returned (set by answer). */
  result?: HandleResult;
  /** Replies to send back, in order (sent by sendReplies). */
  replies: Reply[];
  /** Called with each queued reply (mergeSameQuestion keeps track of them). */
  onQueued?: (pending: PendingSend, reply: Reply) => void;
}

export type BotStep = Middleware<BotContext>;
