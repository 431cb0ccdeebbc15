import { Queue, type ConnectionOptions, type Job } from 'bullmq';
import { Cluster } from 'ioredis';
import type { Logger } from 'pino';
import { STATE_NAMES as JOB_STATE_NAMES, type AnnouncementData, type AnnouncementTarget } from '../bot/announce/announcements.js';
import { formatZoned, zonedTime } from '../bot/announce/schedule.js';
import type { BotServices } from '../bot/context.js';
import { accountKey, botKeys, type BotKeys } from '../redis/bot-keys.js';
import { servedRooms } from '../chat/rooms.js';
import type { Config } from '../config/config.js';
import { PufaError } from '../core/errors.js';
import { hashId } from '../core/privacy.js';
import type { StatsRedis } from '../redis/connection.js';
import { isValidDay } from '../stats/time.js';
import { consoleKeys, type ConsoleKeys } from './keys.js';

/**
 * Announcements from the console: the same BullMQ queue, job name, job data and options as
 * `#公告` + `#确认` (src/bot/announce/announcements.ts), so the bot's worker sends them
 * group after group, exactly once per group, and reports per-group progress in
 * `ann:<id>:groups`. Groups are shown by name and picked by salted hash; no raw id leaves
 * the bot process. With the bot in another process (`pufa console` alone) the served
 * groups come from the list the bot's console publishes in Redis.
 */
export interface GroupInfo {
  room: string;
  topic: string;
}

export type GroupState = 'sent' | 'failed' | 'pending' | 'uncertain' | 'skipped';

export interface AnnouncementView {
  id: string;
  text: string;
  state: string;
  stateName: string;
  createdAt?: string;
  sendAt?: string;
  by?: string;
  groups: { topic: string; state: GroupState; why?: string }[];
  sent: number;
  failed: number;
  pending: number;
}

const KEEP_DONE_SEC = 90 * 86_400;
const ROOMS_TTL_SEC = 600;

/** The bot's job-state names, plus the announcement states only the console shows. */
const STATE_NAMES: Record<string, string> = {
  ...JOB_STATE_NAMES,
  revoked: '已撤销',
  scheduled: '已定时',
  queued: '排队中',
  sending: '发送中',
  done: '已完成',
  cancelled: '已停止',
};

function bullConnection(redis: StatsRedis): ConnectionOptions {
  if (redis instanceof Cluster) return redis.duplicate(undefined, { enableOfflineQueue: true, redisOptions: { ...redis.options.redisOptions, maxRetriesPerRequest: null } }) as unknown as ConnectionOptions;
  return redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true, connectionName: `pufa-console-bull-${process.pid}` }) as unknown as ConnectionOptions;
}

/** Parse `YYYY-MM-DD HH:mm` (or `YYYY-MM-DDTHH:mm` from a datetime-local input) in the bureau's time zone. */
export function parseSendAt(value: string, timeZone: string, now = Date.now()): number {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m || !isValidDay(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59) throw new PufaError('PUFA_ERR_INPUT', '定时发送的时间格式应为 YYYY-MM-DD HH:mm');
  const at = zonedTime(m[1]!, Number(m[2]), Number(m[3]), timeZone);
  if (at <= now) throw new PufaError('PUFA_ERR_INPUT', `${m[1]} ${m[2]}:${m[3]} 已经过去了，请选一个将来的时间。`);
  return at;
}

export class ConsoleAnnouncements {
  private readonly queue: Queue<AnnouncementData>;
  private readonly connection: ConnectionOptions;
  private readonly keys: BotKeys;
  private readonly ckeys: ConsoleKeys;
  private readonly account: string;

  constructor(
    private readonly config: Config,
    private readonly redis: StatsRedis,
    private readonly logger: Logger,
    private readonly bot?: () => BotServices | undefined,
  ) {
    this.keys = botKeys(config.REDIS_PREFIX);
    this.ckeys = consoleKeys(config.REDIS_PREFIX);
    this.account = accountKey(config.WECHATY_NAME);
    this.connection = bullConnection(redis);
    this.queue = new Queue<AnnouncementData>(`announce-${this.account}`, { connection: this.connection, prefix: this.keys.bullPrefix });
    this.queue.on('error', (err) => logger.warn({ err: err.message }, 'console: announcement queue error'));
  }

  /** Served groups: from the bot in this process (and published for other consoles), else the published list. */
  async groups(): Promise<{ groups: GroupInfo[]; live: boolean }> {
    const services = this.bot?.();
    if (services && services.platform.isLoggedIn()) {
      const rooms = servedRooms(await services.platform.rooms(), this.config.BOT_ROOMS);
      const groups = rooms.map((r) => ({ room: hashId(services.salt, r.id), topic: r.topic }));
      await this.redis.set(this.ckeys.rooms(this.account), JSON.stringify(groups), 'EX', ROOMS_TTL_SEC);
      return { groups, live: true };
    }
    const raw = await this.redis.get(this.ckeys.rooms(this.account));
    return { groups: raw ? (JSON.parse(raw) as GroupInfo[]) : [], live: false };
  }

  /** Queue an announcement (now, or at `sendAt`). Returns its number. */
  async create(input: { text: string; rooms: string[]; sendAt?: string }, staff: string): Promise<{ id: string; groups: number; sendAt?: number }> {
    const text = String(input.text ?? '').replace(/\r\n/g, '\n').trim();
    if (!text) throw new PufaError('PUFA_ERR_INPUT', '公告内容为空');
    // One cap for #公告 and the console (ANNOUNCE_MAX_CHARS).
    const max = this.config.ANNOUNCE_MAX_CHARS;
    if (text.length > max) throw new PufaError('PUFA_ERR_INPUT', `公告太长：${text.length} 字，最多 ${max} 字`);
    const { groups } = await this.groups();
    const wanted = new Set(input.rooms ?? []);
    const targets: AnnouncementTarget[] = groups.filter((g) => wanted.has(g.room)).map((g) => ({ room: g.room, topic: g.topic }));
    if (targets.length === 0) throw new PufaError('PUFA_ERR_INPUT', '请至少选择一个服务群');
    const sendAt = input.sendAt ? parseSendAt(input.sendAt, this.config.STATS_TIMEZONE) : undefined;
    const id = String(await this.redis.incr(this.keys.announceSeq));
    const createdAt = Date.now();
    const data: AnnouncementData = { id, text, targets, staff: `console:${staff}`, createdAt, ...(sendAt ? { sendAt } : {}) };
    const delay = sendAt ? Math.max(0, sendAt - createdAt) : 0;
    await this.redis.hset(this.keys.announce(id), { state: delay > 0 ? 'scheduled' : 'queued', text, total: String(targets.length), createdAt: String(createdAt), by: staff, ...(sendAt ? { sendAt: String(sendAt) } : {}) });
    // The same job as `#确认` (announcements.ts confirm()).
    await this.queue.add('announce', data, {
      jobId: `ann-${id}`,
      delay,
      attempts: 5,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: { age: KEEP_DONE_SEC, count: 200 },
      removeOnFail: { age: KEEP_DONE_SEC, count: 200 },
    });
    this.logger.info({ announcement: id, groups: targets.length, delayMs: delay, staff }, 'console: announcement queued');
    return { id, groups: targets.length, ...(sendAt ? { sendAt } : {}) };
  }

  /** The newest announcements with per-group status. */
  async list(limit = 20): Promise<AnnouncementView[]> {
    const last = Number((await this.redis.get(this.keys.announceSeq)) ?? 0);
    const out: AnnouncementView[] = [];
    for (let n = last; n > 0 && out.length < limit && n > last - limit * 3; n -= 1) {
      const id = String(n);
      const meta = await this.redis.hgetall(this.keys.announce(id));
      if (!meta.text) continue;
      const job = (await this.queue.getJob(`ann-${id}`)) as Job<AnnouncementData> | undefined;
      const jobState = job ? await job.getState() : undefined;
      const state = meta.state === 'revoked' || meta.state === 'done' || meta.state === 'cancelled' ? meta.state : (jobState ?? meta.state ?? 'unknown');
      const progress = await this.redis.hgetall(this.keys.announceGroups(id));
      const groups = (job?.data.targets ?? []).map((t) => {
        const s = progress[t.room];
        if (s === 'sent') return { topic: t.topic, state: 'sent' as const };
        if (s === 'sending') return { topic: t.topic, state: (state === 'active' || state === 'sending' ? 'pending' : 'uncertain') as GroupState };
        if (s?.startsWith('failed:')) return { topic: t.topic, state: 'failed' as const, why: s.slice(7) };
        return { topic: t.topic, state: (state === 'done' || state === 'cancelled' || state === 'revoked' ? 'skipped' : 'pending') as GroupState };
      });
      out.push({
        id,
        text: meta.text,
        state,
        stateName: STATE_NAMES[state] ?? state,
        ...(meta.createdAt ? { createdAt: formatZoned(Number(meta.createdAt), this.config.STATS_TIMEZONE) } : {}),
        ...(meta.sendAt ? { sendAt: formatZoned(Number(meta.sendAt), this.config.STATS_TIMEZONE) } : {}),
        ...(meta.by ? { by: meta.by } : {}),
        groups,
        sent: groups.filter((g) => g.state === 'sent').length,
        failed: groups.filter((g) => g.state === 'failed').length,
        pending: groups.filter((g) => g.state === 'pending').length,
      });
    }
    return out;
  }

  /** Revoke a queued or scheduled announcement; stop one being sent after its current group (as `#撤销`). */
  async revoke(id: string): Promise<string> {
    if (!/^\d+$/.test(id)) throw new PufaError('PUFA_ERR_INPUT', '公告编号无效');
    const job = await this.queue.getJob(`ann-${id}`);
    if (!job) throw new PufaError('PUFA_ERR_INPUT', `没有找到公告 #${id}`);
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') return `公告 #${id} 已发送完毕，无法撤销。`;
    if (state === 'active') {
      await this.redis.hset(this.keys.announce(id), 'cancel', '1');
      return `公告 #${id} 正在发送：已发出的群无法撤回，其余的群不再发送。`;
    }
    try {
      await job.remove();
    } catch {
      await this.redis.hset(this.keys.announce(id), 'cancel', '1');
      return `公告 #${id} 刚开始发送：其余的群不再发送。`;
    }
    await this.redis.hset(this.keys.announce(id), 'state', 'revoked');
    return `公告 #${id} 已撤销，不会发送。`;
  }

  /** Waiting + delayed + active announcement jobs (for /metrics). */
  async queued(): Promise<number> {
    const c = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    const c = this.connection as { quit?: () => Promise<unknown>; disconnect?: () => void; status?: string };
    try {
      if (c.status !== 'end') await c.quit?.();
    } catch {
      c.disconnect?.();
    }
  }
}
