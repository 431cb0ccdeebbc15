import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLogger } from '../../src/core/logger.js';
import { hashId } from '../../src/core/privacy.js';
import type { Action, Channel } from '../../src/core/types.js';
import { connectRedis, createRedis, type StatsRedis } from '../../src/redis/connection.js';
import type { Consultation } from '../../src/stats/types.js';

export const SALT = 'test-salt-0123456789abcdef';

/** The shared test server, in database `db`. */
export function testRedisUrl(db = 0): string {
  return `${inject('redisUrl')}/${db}`;
}

/** Config for a test file: its own key prefix (and database), quiet logs. */
export function testConfig(name: string, extra: Record<string, string> = {}, db = 0): Config {
  return loadConfig({
    REDIS_URL: testRedisUrl(db),
    REDIS_PREFIX: `t-${name}-${process.pid}:`,
    LOG_LEVEL: 'warn',
    HASH_SALT: SALT,
    ...extra,
  });
}

/** A logger whose JSON lines are kept in `lines` (the way to check logs carry no PII). */
export function captureLogger(config: Config, level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  const logger = createLogger({ ...config, LOG_LEVEL: level as Config['LOG_LEVEL'] }, { destination });
  return { logger, lines };
}

export async function connect(config: Config, logger: Logger, purpose: 'command' | 'service' = 'service'): Promise<StatsRedis> {
  const redis = createRedis(config, logger, { purpose });
  redis.on('error', () => undefined);
  await connectRedis(redis, 'test');
  return redis;
}

/** Delete every key of a prefix. */
export async function clearPrefix(redis: StatsRedis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

export interface Spec {
  day: string;
  /** Hour in Asia/Shanghai. */
  hour: number;
  topic: string;
  action: Action;
  channel: Channel;
  user: string;
  room?: string;
  roomName?: string;
  text?: string;
  id?: string;
}

/** A Consultation as the pipeline would pass it: ids hashed. `at` from a Shanghai day and hour. */
export function consultation(s: Spec): Consultation {
  const [y, m, d] = s.day.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d, s.hour - 8, 30));
  const c: Consultation = {
    at,
    topic: s.topic,
    intent: s.action === 'out_of_scope' ? null : `${s.topic}.x`,
    action: s.action,
    channel: s.channel,
    user: hashId(SALT, s.user),
    score: 0.9,
  };
  if (s.room) c.room = hashId(SALT, s.room);
  if (s.roomName) c.roomName = s.roomName;
  if (s.text) c.text = s.text;
  if (s.id) c.id = s.id;
  return c;
}

const TOPICS = ['street_vending', 'outdoor_ads', 'noise', 'fumes_bbq', 'out_of_scope', 'chitchat'];
const ROOMS: [string, string][] = [
  ['room-a@chatroom', '阳逻街居民群'],
  ['room-b@chatroom', '邾城街商户群'],
  ['room-c@chatroom', '仓埠街志愿者群'],
];

/** A fixed, varied set of consultations over a few days (deterministic). */
export function knownSet(n: number, days: string[]): Spec[] {
  const out: Spec[] = [];
  for (let i = 0; i < n; i += 1) {
    const topic = TOPICS[(i * 7) % TOPICS.length]!;
    const action: Action = topic === 'out_of_scope' ? 'out_of_scope' : i % 5 === 0 ? 'clarify' : 'answer';
    const channel: Channel = i % 3 === 0 ? 'private' : i % 11 === 0 ? 'console' : 'room';
    const spec: Spec = { day: days[i % days.length]!, hour: (i * 5) % 24, topic, action, channel, user: `wxid_user${i % 37}` };
    if (channel === 'room') {
      const [room, name] = ROOMS[Math.floor(i / 3) % ROOMS.length]!;
      spec.room = room;
      spec.roomName = name;
    }
    if (action !== 'answer') spec.text = `问题${i}：我家门口有人摆摊怎么办`;
    out.push(spec);
  }
  return out;
}
