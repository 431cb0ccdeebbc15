import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { redactPii } from '../core/privacy.js';
import type { StatsRedis } from '../redis/connection.js';
import { statsKeys } from '../stats/keys.js';
import { readReview, type ReviewItem } from '../stats/query.js';
import { appendUtterance, cleanUtterance } from './intents-file.js';
import { consoleKeys } from './keys.js';

/**
 * The review queue: questions the bot declined, clarified or was unsure about (the
 * statistics' review list, already redacted). Staff resolve a question once — assign the
 * right intent (the question joins that intent's utterances in intents/), mark it out of
 * scope, or dismiss it — and it leaves the queue. Identical questions are one row with a count.
 */
export type ReviewStatus = 'assigned' | 'out_of_scope' | 'dismissed';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['assigned', 'out_of_scope', 'dismissed'];

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
export function forStaff(text: string): string {
  return redactPii(text.replace(/[\p{Cc}\p{Cf}]/gu, ' ')).replace(/\s+/g, ' ').trim();
}

export class ReviewQueue {
  private readonly keys;
  constructor(
    private readonly config: Config,
    private readonly redis: StatsRedis,
    private readonly logger: Logger,
  ) {
    this.keys = consoleKeys(config.REDIS_PREFIX);
  }

  /** Open questions, newest first, identical ones merged; within [from, to] (YYYY-MM-DD, STATS_TIMEZONE days by prefix) when given. */
  async open(options: { from?: string; to?: string; limit?: number } = {}): Promise<ReviewRow[]> {
    const items = await readReview(this.redis, { prefix: this.config.REDIS_PREFIX, count: this.config.STATS_REVIEW_MAX });
    const done = await this.redis.hkeys(this.keys.reviewDone);
    const closed = new Set(done);
    const rows = new Map<string, ReviewRow>();
    for (const it of items as ReviewItem[]) {
      if (closed.has(it.id)) continue;
      const day = localDay(it.at, this.config.STATS_TIMEZONE);
      if (options.from && day && day < options.from) continue;
      if (options.to && day && day > options.to) continue;
      const text = forStaff(it.text);
      if (!text) continue;
      const row = rows.get(text);
      if (row) {
        row.ids.push(it.id);
        row.count += 1;
        continue;
      }
      rows.set(text, { ids: [it.id], text, count: 1, at: it.at, action: it.action, topic: it.topic, intent: it.intent, score: it.score, channel: it.channel });
    }
    return [...rows.values()].slice(0, options.limit ?? 200);
  }

  /** Resolve questions; for `assigned`, add the (redacted) text to the intent's utterances. */
  async resolve(req: ResolveRequest, by: string): Promise<{ file?: string; added?: boolean; text?: string }> {
    const ids = req.ids.filter((id) => /^\d+-\d+$/.test(id));
    if (ids.length === 0) throw new Error('no review entry');
    const entries = (await this.redis.xrange(statsKeys(this.config.REDIS_PREFIX).review, ids[0]!, ids[0]!)) as [string, string[]][];
    const flat = entries[0]?.[1] ?? [];
    const f: Record<string, string> = {};
    for (let k = 0; k + 1 < flat.length; k += 2) f[flat[k]!] = flat[k + 1]!;
    const text = cleanUtterance(forStaff(f.text ?? ''));
    let result: { file?: string; added?: boolean; text?: string } = { text };
    if (req.status === 'assigned') {
      if (!req.intent) throw new Error('intent required');
      if (!text) throw new Error('empty question');
      const r = appendUtterance(this.config.PUFA_INTENTS_DIR, req.intent, text);
      result = { ...r, text };
      await this.redis.hset(this.keys.reviewAssigned, ids[0]!, JSON.stringify({ intent: req.intent, text }));
    }
    const value = JSON.stringify({ status: req.status, ...(req.intent ? { intent: req.intent } : {}), by, at: new Date().toISOString() });
    const tx = this.redis.multi();
    for (const id of ids) tx.hset(this.keys.reviewDone, id, value);
    await tx.exec();
    this.logger.info({ by, status: req.status, intent: req.intent, n: ids.length }, 'review questions resolved');
    return result;
  }

  /** Questions staff assigned to an intent (checked after every retrain). */
  async assigned(): Promise<AssignedQuestion[]> {
    const all = await this.redis.hgetall(this.keys.reviewAssigned);
    return Object.entries(all)
      .map(([id, v]) => ({ id, ...(JSON.parse(v) as { intent: string; text: string }) }))
      .sort((a, b) => (a.id < b.id ? 1 : -1));
  }
}

/** `YYYY-MM-DD` of an ISO time in the time zone ('' when unparsable). */
export function localDay(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
