import { Writable } from 'node:stream';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { botKeys } from '../../src/redis/bot-keys.js';
import { RedisSessionStore } from '../../src/bot/session-store.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLogger } from '../../src/core/logger.js';
import { normalizeText } from '../../src/core/normalize.js';
import { hashId, redactPii, stripFormatControls } from '../../src/core/privacy.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { createPipeline } from '../../src/chat/pipeline.js';
import { RedisStatsRecorder } from '../../src/stats/redis-recorder.js';
import { clearPrefix } from '../stats/helpers.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';

/**
 * Property-based fuzzing (fast-check) of normalisation and of the whole message chain
 * (normalise → classify → decide → render → remember in Redis → record in Redis → log),
 * with ≥ 10,000 generated messages: mixed scripts, control and format characters, lone
 * surrogates, huge and empty texts, @mentions, phone numbers in every spelling we redact,
 * and raw WeChat ids as senders. Nothing may throw, replies stay bounded, and no raw id or
 * phone number may appear in anything stored (the real test Redis, every key of the run)
 * or logged.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = 20_261_202;

const digits = '0123456789';
const cn = '零一二三四五六七八九';

/** A mobile number and the spellings of it a citizen might use (all must be redacted). */
const phone = fc
  .tuple(fc.constantFrom(...'3456789'), fc.array(fc.constantFrom(...digits), { minLength: 9, maxLength: 9 }), fc.integer({ min: 0, max: 6 }))
  .map(([second, rest, style]) => {
    const raw = `1${second}${rest.join('')}`;
    const chinese = [...raw].map((d) => cn[Number(d)]).join('');
    const spelled = [raw, `${raw.slice(0, 3)}-${raw.slice(3, 7)}-${raw.slice(7)}`, `${raw.slice(0, 3)}.${raw.slice(3, 7)}.${raw.slice(7)}`, `tel${raw}`, `${raw}abc`, chinese, `+86 ${raw}`][style]!;
    return { raw, chinese, spelled };
  });

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const controls = fc.constantFrom('\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200e', '\ufeff', '\u0000', '\u0007', '\u001b', '\u0085', '\ud800', '\udfff', '\u00ad', '\n', '\t', '\r');
const mention = fc.constantFrom('@普法助手\u2005', '@普法助手 ', '@张三\u2005', '＠普法助手 ', '@', '@@@');
const words = fc.constantFrom('占道经营罚多少钱', '门头招牌要审批吗', '家里闻到煤气味怎么办', '夜间施工太吵', '垃圾分类', '回复 1', '1', '2', '#统计', '[微笑]', '😀👍🏽', '！！！？？？', '佔道經營罰多少錢', 'DROP TABLE users;--', '<script>alert(1)</script>', '${jndi:ldap://x}', 'ＡＢＣ１２３');
const scripts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: cjk, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'аБвЖяعربيةहिन्दीไทย한국어ǅǆ'), maxLength: 20 }),
);

interface Generated {
  text: string;
  phones: { raw: string; chinese: string }[];
  user: string;
  room: string | undefined;
}

const message: fc.Arbitrary<Generated> = fc
  .record({
    pieces: fc.array(fc.oneof({ weight: 4, arbitrary: words }, { weight: 3, arbitrary: scripts }, { weight: 2, arbitrary: controls }, { weight: 2, arbitrary: mention }, { weight: 2, arbitrary: phone.map((p) => p) }), { maxLength: 12 }),
    huge: fc.oneof({ weight: 20, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 50_000 }) }),
    who: phone,
    room: fc.option(fc.tuple(fc.constantFrom('阳逻街普法群', '群', '😀'), fc.option(phone, { nil: undefined })), { nil: undefined }),
  })
  .map(({ pieces, huge, who, room }) => {
    const phones: Generated['phones'] = [who];
    const parts = pieces.map((p) => {
      if (typeof p === 'string') return p;
      phones.push(p);
      return p.spelled;
    });
    // Pieces are separated, as words are in a message (a phone number glued to other digits is a different number).
    let text = parts.join(' ');
    if (huge > 0) text = `${text} ${'很长的一封信。'.repeat(Math.ceil(huge / 7))}`;
    let roomName: string | undefined;
    if (room) {
      roomName = room[0];
      if (room[1]) {
        phones.push(room[1]);
        roomName = `${roomName} ${room[1].spelled}`;
      }
    }
    return { text, phones, user: `wxid_${who.raw}`, room: roomName };
  });

describe('normalisation (fuzzed)', () => {
  it('never throws, stays within PUFA_MAX_INPUT_CHARS and keeps no control or format character', () => {
    fc.assert(
      fc.property(fc.oneof(message.map((m) => m.text), fc.string({ unit: 'binary', maxLength: 2000 })), fc.integer({ min: 50, max: 800 }), (text, maxChars) => {
        const out = normalizeText(text, { maxChars });
        expect([...out.text].length).toBeLessThanOrEqual(maxChars);
        expect(out.text).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(typeof out.empty).toBe('boolean');
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('redaction is idempotent and leaves no format control', () => {
    fc.assert(
      fc.property(message, ({ text }) => {
        const once = redactPii(text.slice(0, 5000));
        expect(redactPii(once)).toBe(once);
        expect(stripFormatControls(once)).toBe(once);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });
});

describe('the whole message chain (fuzzed, real Redis)', () => {
  let kb: FixtureDirs;
  let brain: Brain;
  let redis: Redis;
  let config: Config;
  const prefix = `t-fuzz-${process.pid}:`;
  const logs: string[] = [];

  beforeAll(async () => {
    kb = writeFixtureKb();
    config = loadConfig({ PUFA_INTENTS_DIR: kb.intentsDir, PUFA_KNOWLEDGE_DIR: kb.knowledgeDir, PUFA_CACHE_DIR: kb.cacheDir, LOG_LEVEL: 'silent', REDIS_PREFIX: prefix, HASH_SALT: 'fuzz-salt-0123456789abcdef' });
    brain = await createBrain({ config });
    redis = new Redis(inject('redisUrl'));
  });

  afterAll(async () => {
    await clearPrefix(redis, prefix);
    redis.disconnect();
  });

  it(`${RUNS} generated messages: no throw, a bounded reply, no raw id or phone stored or logged`, async () => {
    const logger = createLogger({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, { destination: new Writable({ write: (c: Buffer, _e, cb) => (logs.push(c.toString('utf8')), cb()) }) });
    const recorder = new RedisStatsRecorder({ redis, logger, config });
    const pipeline = createPipeline(brain, { config, logger, recorder, sessions: new RedisSessionStore(redis, botKeys(prefix)), salt: config.HASH_SALT! });
    const secrets = new Set<string>();
    let handled = 0;
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        for (const p of m.phones) {
          secrets.add(p.raw);
          secrets.add(p.chinese);
        }
        secrets.add(m.user);
        const result = await pipeline.handle({ text: m.text, kind: 'text', channel: m.room ? 'room' : 'private', userId: m.user, ...(m.room ? { roomId: `${m.user}@chatroom`, roomName: m.room } : {}), at: new Date() });
        handled += 1;
        expect(result.replies.length).toBeGreaterThan(0);
        expect(result.replies.length).toBeLessThanOrEqual(3);
        for (const r of result.replies) expect([...r].length).toBeLessThanOrEqual(2500);
      }),
      // No shrinking of the async chain: a failure is reported with the generated message as it was.
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(handled).toBe(RUNS);
    expect(await recorder.waitUntilStored(60_000)).toBe(true);
    await recorder.close();

    // Everything the run stored, as text.
    const dump: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        dump.push(key);
        const type = await redis.type(key);
        if (type === 'string') dump.push((await redis.get(key)) ?? '');
        else if (type === 'hash') dump.push(JSON.stringify(await redis.hgetall(key)));
        else if (type === 'set') dump.push((await redis.smembers(key)).join('\n'));
        else if (type === 'zset') dump.push((await redis.zrange(key, '0', '-1')).join('\n'));
        else if (type === 'list') dump.push((await redis.lrange(key, 0, -1)).join('\n'));
        else if (type === 'stream') dump.push(JSON.stringify(await redis.xrange(key, '-', '+')));
      }
    } while (cursor !== '0');
    const stored = dump.join('\n');
    expect(stored.length).toBeGreaterThan(1000);
    const log = logs.join('');
    // Every 11-character window of every digit run (Arabic or Chinese numerals) and every wxid_ token
    // of what was stored and logged: a raw phone number or id would be one of them.
    const seen = new Set<string>();
    // Also with separators removed: 138-1234-5678, 138.1234.5678 and +86 138… count as leaks too.
    for (const text of [stored, log, stored.replace(/[\s\-.+·]/gu, ''), log.replace(/[\s\-.+·]/gu, '')]) {
      for (const m of text.matchAll(/wxid_\d+/g)) seen.add(m[0]);
      for (const m of text.matchAll(/[0-9]{11,}|[零一二三四五六七八九]{11,}/gu)) {
        const run = [...m[0]];
        for (let i = 0; i + 11 <= run.length; i += 1) seen.add(run.slice(i, i + 11).join(''));
      }
    }
    const leaks = [...secrets].filter((s) => seen.has(s));
    expect(leaks.slice(0, 5)).toEqual([]);
    // The hashed id is what is stored instead.
    expect([...secrets].filter((s) => s.startsWith('wxid_')).some((id) => stored.includes(hashId(config.HASH_SALT!, id)))).toBe(true);
  }, 900_000);
});
