import type { Logger } from 'pino';
import { PufaError } from '../core/errors.js';
import type { StatsRedis } from '../redis/connection.js';
import { todayIn } from '../stats/time.js';
import type { ChatPlatform, Destination, Outgoing } from '../wechat/platform.js';
import type { BotKeys } from './keys.js';
import { splitMessage } from './split.js';

/**
 * The one way out: every message of an account goes through this queue, one at a time,
 * at least `minIntervalMs` plus a random jitter apart (fast, regular sending gets WeChat
 * accounts banned), at most `dailyCap` per account per day (counted in Redis, so a
 * restart does not reset it), long texts split at sentence boundaries.
 */
export interface PacedSenderOptions {
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
}

export interface EnqueueOptions {
  /** Do not send before this time (ms since epoch), e.g. to collect merged askers. */
  notBefore?: number;
}

/** A queued message. */
export interface PendingSend {
  /** Resolves when every part was sent; rejects when sending failed or the sender stopped. */
  readonly done: Promise<void>;
  /** True once the first part went out (mentions can no longer change). */
  readonly started: boolean;
  /** Add people to the @-mentions of a room text that has not started sending; false otherwise. */
  addMentions(ids: readonly string[]): boolean;
}

interface Item {
  to: Destination;
  parts: Outgoing[];
  notBefore: number;
  started: boolean;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class SenderStoppedError extends PufaError {
  constructor() {
    super('PUFA_ERR_WECHAT', 'the sender was stopped before this message went out');
  }
}

export class PacedSender {
  private readonly queue: Item[] = [];
  private readonly random: () => number;
  private nextAllowedAt = 0;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private closed = false;
  private capWarnedDay = '';
  /** Messages actually sent by this process (all parts). */
  sent = 0;

  constructor(private readonly options: PacedSenderOptions) {
    this.random = options.random ?? Math.random;
  }

  /** Queue a message; long texts become several parts (mentions on the first). */
  enqueue(to: Destination, content: Outgoing, opts: EnqueueOptions = {}): PendingSend {
    const parts: Outgoing[] =
      'file' in content
        ? [content]
        : splitMessage(content.text, this.options.maxChars).map((text, i) => (i === 0 && content.mentions?.length ? { text, mentions: [...content.mentions] } : { text }));
    let resolve!: () => void;
    let reject!: (err: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may await a reply's promise: never let it become an unhandled rejection.
    done.catch(() => undefined);
    const item: Item = { to, parts, notBefore: opts.notBefore ?? 0, started: false, resolve, reject };
    if (this.closed) {
      reject(new SenderStoppedError());
    } else if (parts.length === 0) {
      resolve();
    } else {
      this.queue.push(item);
      this.kick();
    }
    return {
      done,
      get started() {
        return item.started;
      },
      addMentions(ids: readonly string[]): boolean {
        const first = item.parts[0];
        if (item.started || !first || 'file' in first || to.kind !== 'room') return false;
        const merged = new Set([...(first.mentions ?? []), ...ids]);
        item.parts[0] = { text: first.text, mentions: [...merged] };
        return true;
      },
    };
  }

  /** Queue and wait until sent. */
  async send(to: Destination, content: Outgoing, opts: EnqueueOptions = {}): Promise<void> {
    await this.enqueue(to, content, opts).done;
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Stop: keep sending what is queued for up to `drainMs`, then drop the rest (their
   * promises reject with SenderStoppedError).
   */
  async close(drainMs = 0): Promise<void> {
    const deadline = Date.now() + drainMs;
    while (this.queue.length > 0 && Date.now() < deadline) await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
    this.closed = true;
    for (const item of this.queue.splice(0)) item.reject(new SenderStoppedError());
    this.wake?.();
    await this.loop;
  }

  private kick(): void {
    // The loop runs until close(); while it is busy sending it picks new items up itself.
    this.loop ??= this.run();
    this.wake?.();
  }

  private pick(now: number): Item | undefined {
    const index = this.queue.findIndex((i) => i.notBefore <= now);
    if (index < 0) return undefined;
    return this.queue.splice(index, 1)[0];
  }

  private async idle(): Promise<void> {
    const earliest = Math.min(...this.queue.map((i) => i.notBefore));
    await new Promise<void>((resolve) => {
      const timer = Number.isFinite(earliest) ? setTimeout(resolve, Math.max(1, earliest - Date.now())) : undefined;
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      const item = this.pick(Date.now());
      if (!item) {
        await this.idle();
        continue;
      }
      item.started = true;
      try {
        for (const part of item.parts) await this.paceAndSend(item.to, part);
        item.resolve();
      } catch (err) {
        item.reject(err);
      }
    }
  }

  private async paceAndSend(to: Destination, part: Outgoing): Promise<void> {
    const wait = this.nextAllowedAt - Date.now();
    if (wait > 0) await sleep(wait);
    if (this.closed) throw new SenderStoppedError();
    await this.countAgainstCap();
    const startedAt = Date.now();
    this.nextAllowedAt = startedAt + this.options.minIntervalMs + Math.floor(this.random() * (this.options.jitterMs + 1));
    await this.options.platform.send(to, part);
    this.sent += 1;
  }

  private async countAgainstCap(): Promise<void> {
    const { redis, keys, account, dailyCap, timeZone, logger } = this.options;
    const day = todayIn(timeZone);
    const key = keys.sendCount(account, day);
    let count: number;
    try {
      const [[, n]] = (await redis.multi().incr(key).expire(key, 2 * 86_400).exec()) as [[Error | null, number], unknown];
      count = n;
    } catch (err) {
      // Without Redis the cap cannot be counted; pacing still protects the account.
      logger.warn({ err }, 'could not count the daily send cap; sending anyway');
      return;
    }
    if (count > dailyCap) {
      if (this.capWarnedDay !== day) {
        this.capWarnedDay = day;
        logger.error({ account, cap: dailyCap, day }, 'daily send cap reached: no more messages today (SEND_DAILY_CAP)');
      }
      throw new PufaError('PUFA_ERR_WECHAT', `daily send cap of ${dailyCap} messages reached for today`);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
