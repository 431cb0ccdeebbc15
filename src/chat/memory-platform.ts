import { Peer } from './peer.js';
import type { ChatPlatform, Destination, InboundMessage, MessageKind, Outgoing, PlatformEvents } from './platform.js';

/**
 * A chat platform in memory: the proof that a platform is one file implementing
 * ChatPlatform (registered by passing it to createChatService). Tests say things as
 * people in private chats or groups and read what the bot sent back.
 */
export interface MemorySent {
  to: Destination;
  /** Text sent (file messages: `[file <name>]`). */
  text: string;
  /** Raw ids @-mentioned (groups). */
  mentions: readonly string[];
  file?: { name: string; data: Uint8Array };
}

export interface MemorySay {
  /** Sender id on this platform. */
  from: string;
  text?: string | null;
  kind?: MessageKind;
  /** Group id and name (a group message); absent: private chat. */
  room?: { id: string; topic: string };
  /** The bot is in the mention list. */
  mentionsSelf?: boolean;
  /** Remark the bot account gave the sender (staff). */
  alias?: string;
  self?: boolean;
  ageSec?: number;
  at?: Date;
  /** Default: room when `room` is given, else private. */
  channel?: InboundMessage['channel'];
}

export class MemoryPlatform implements ChatPlatform {
  readonly name = 'memory';
  readonly sent: MemorySent[] = [];
  private events: PlatformEvents | undefined;

  constructor(private readonly botName = '普法助手') {}

  async start(events: PlatformEvents): Promise<void> {
    this.events = events;
  }

  async stop(): Promise<void> {
    this.events = undefined;
  }

  isLoggedIn(): boolean {
    return this.events !== undefined;
  }

  async send(to: Destination, content: Outgoing): Promise<void> {
    if ('file' in content) this.sent.push({ to, text: `[file ${content.file.name}]`, mentions: [], file: content.file });
    else this.sent.push({ to, text: content.text, mentions: content.mentions ?? [] });
  }

  /** A message arrives; resolves when the bot has handled it (its replies are sent or queued). */
  async say(m: MemorySay): Promise<void> {
    if (!this.events) throw new Error('memory platform not started');
    const message: InboundMessage = {
      kind: m.kind ?? 'text',
      text: m.text === undefined ? null : m.text,
      channel: m.channel ?? (m.room ? 'room' : 'private'),
      at: m.at ?? new Date(),
      ageSec: m.ageSec ?? 0,
      self: m.self ?? false,
      from: { peer: new Peer(m.from), ...(m.alias ? { alias: m.alias } : {}) },
      ...(m.room ? { room: { peer: new Peer(m.room.id), topic: m.room.topic } } : {}),
      mentionsSelf: m.mentionsSelf ?? false,
      selfNames: [this.botName],
    };
    await this.events.message(message);
  }

  /** What was sent to this person in private, or to this group. */
  to(id: string): MemorySent[] {
    return this.sent.filter((s) => s.to.id === id);
  }
}
