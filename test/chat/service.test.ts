import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffCommands } from '../../src/chat/context.js';
import { MemoryPlatform } from '../../src/chat/memory-platform.js';
import { Peer } from '../../src/chat/peer.js';
import { createChatService, type ChatService, type ChatServiceOptions } from '../../src/chat/service.js';
import { ALREADY_ANSWERED } from '../../src/chat/steps/merge.js';
import { NON_TEXT_HINT } from '../../src/chat/steps/non-text.js';
import { STAFF_REFUSAL } from '../../src/chat/steps/staff.js';
import { MemoryChatStore } from '../../src/chat/store.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLogger } from '../../src/core/logger.js';
import { hashId } from '../../src/core/privacy.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { MemoryRecorder } from '../../src/stats/types.js';
import { FIXTURE_NOTICES, writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';

/**
 * The chat service on the in-memory platform: the one step list (CHAT_STEPS) driven by
 * plain messages, with no WeChat, no Redis and no timers — the real brain of the fixture
 * knowledge base, the memory store and the memory recorder. What is asserted is what people
 * see (the replies, to whom, with which @-mention) and what is counted and logged.
 * The memory platform is also the proof that a platform is one file implementing ChatPlatform.
 */
const SALT = 'chat-service-test-salt-0123456789';
const BOT = '普法助手';
const GROUP = { id: 'g1@chatroom', topic: '阳逻街普法群' };

let dirs: FixtureDirs;
let brain: Brain;
let config: Config;

beforeAll(async () => {
  dirs = writeFixtureKb();
  config = loadConfig({
    PUFA_INTENTS_DIR: dirs.intentsDir,
    PUFA_KNOWLEDGE_DIR: dirs.knowledgeDir,
    PUFA_CACHE_DIR: dirs.cacheDir,
    LOG_LEVEL: 'debug',
    BOT_NAME: BOT,
    BOT_ROOMS: '*普法群',
    BOT_STAFF: '城管张科长',
    BOT_USER_RATE_PER_MIN: '3',
    BOT_ROOM_RATE_PER_MIN: '100',
  });
  brain = await createBrain({ config: { ...config, LOG_LEVEL: 'silent' } });
});

afterAll(() => {
  if (dirs) rmSync(dirs.root, { recursive: true, force: true });
});

interface Rig {
  platform: MemoryPlatform;
  chat: ChatService;
  recorder: MemoryRecorder;
  logs: string[];
}

async function rig(extra: Partial<ChatServiceOptions> = {}, over: Partial<Config> = {}): Promise<Rig> {
  const logs: string[] = [];
  const logger = createLogger({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, { destination: new Writable({ write: (c: Buffer, _e, cb) => (logs.push(c.toString('utf8')), cb()) }) });
  const platform = new MemoryPlatform(BOT);
  const recorder = new MemoryRecorder();
  const chat = createChatService({ platform, brain, store: new MemoryChatStore(), recorder, config: Object.freeze({ ...config, ...over }), logger, salt: SALT, ...extra });
  await chat.start();
  return { platform, chat, recorder, logs };
}

const texts = (r: Rig, id: string): string[] => r.platform.to(id).map((s) => s.text);

describe('chat service on the memory platform', () => {
  it('answers a private question with its citation and counts it under the hashed id, never the raw one', async () => {
    const r = await rig();
    await r.platform.say({ from: 'wxid_alice', text: '占道经营罚多少钱' });
    const [reply] = texts(r, 'wxid_alice');
    expect(reply).toContain('依据');
    expect(reply).toMatch(/《[^》]+》/u);
    expect(r.recorder.items).toHaveLength(1);
    expect(r.recorder.items[0]).toMatchObject({ topic: 'street_vending', channel: 'private', user: hashId(SALT, 'wxid_alice'), action: 'answer' });
    expect(JSON.stringify(r.recorder.items)).not.toContain('wxid_alice');
    expect(r.logs.join('')).not.toContain('wxid_alice');
  });

  it('in a served group answers only when addressed, @-mentioning the asker; other groups are ignored', async () => {
    const r = await rig();
    await r.platform.say({ from: 'wxid_bob', text: '占道经营罚多少钱', room: GROUP });
    await r.platform.say({ from: 'wxid_bob', text: '占道经营罚多少钱', room: { id: 'g2@chatroom', topic: '业主闲聊群' }, mentionsSelf: true });
    expect(r.platform.sent).toHaveLength(0);
    await r.platform.say({ from: 'wxid_bob', text: `@${BOT} 占道经营罚多少钱`, room: GROUP });
    const [reply] = r.platform.to(GROUP.id);
    expect(reply?.mentions).toEqual(['wxid_bob']);
    // Groups get the short form: no next steps.
    expect(reply?.text).not.toContain('下一步');
    expect(r.recorder.items[0]).toMatchObject({ channel: 'room', room: hashId(SALT, GROUP.id), roomName: GROUP.topic });
    // A wake word addresses the bot too.
    await r.platform.say({ from: 'wxid_bob2', text: '问：夜间施工太吵找谁投诉', room: GROUP });
    expect(r.platform.to(GROUP.id)).toHaveLength(2);
  });

  it('greets a bare @mention in a group, @-mentioning the asker, and counts it under no bureau topic', async () => {
    const r = await rig();
    await r.platform.say({ from: 'wxid_dora', text: `@${BOT}`, room: GROUP, mentionsSelf: true });
    const [reply] = r.platform.to(GROUP.id);
    // Before: the empty message's prompt ("请用文字描述您想咨询的问题"), as a question back.
    expect(reply?.text).toContain('请问有什么可以帮您');
    expect(reply?.mentions).toEqual(['wxid_dora']);
    expect(r.recorder.items.every((c) => c.topic === 'chitchat')).toBe(true);
  });

  it('ignores its own messages and stale ones', async () => {
    const r = await rig();
    await r.platform.say({ from: 'wxid_self', text: '占道经营罚多少钱', self: true });
    await r.platform.say({ from: 'wxid_late', text: '占道经营罚多少钱', ageSec: config.BOT_MAX_MESSAGE_AGE_SEC + 60 });
    expect(r.platform.sent).toHaveLength(0);
    expect(r.recorder.items).toHaveLength(0);
  });

  it('handles non-text in one place: one hint per person per window, nothing for system notices, never a consultation', async () => {
    const r = await rig();
    await r.platform.say({ from: 'wxid_voice', kind: 'voice' });
    await r.platform.say({ from: 'wxid_voice', kind: 'image' });
    await r.platform.say({ from: 'wxid_voice', kind: 'other' });
    expect(texts(r, 'wxid_voice')).toEqual([NON_TEXT_HINT]);
    expect(r.recorder.items).toHaveLength(0);
  });

  it('limits answers per citizen per minute, telling them once; the terminal channel has no limit', async () => {
    const r = await rig();
    for (let i = 0; i < 5; i += 1) await r.platform.say({ from: 'wxid_busy', text: '夜间施工太吵找谁投诉' });
    const got = texts(r, 'wxid_busy');
    expect(got).toHaveLength(4);
    expect(got[3]).toBe(FIXTURE_NOTICES.rateLimited);
    for (let i = 0; i < 5; i += 1) await r.platform.say({ from: 'console-user', text: '夜间施工太吵找谁投诉', channel: 'console' });
    expect(texts(r, 'console-user')).toHaveLength(5);
    expect(r.recorder.items.filter((c) => c.channel === 'console').every((c) => c.test === true)).toBe(true);
  });

  it('lets danger to a person through the limit, emergency lines first, counted as not the bureau\'s matter', async () => {
    const r = await rig();
    for (let i = 0; i < 4; i += 1) await r.platform.say({ from: 'wxid_roof', text: '夜间施工太吵找谁投诉' });
    expect(texts(r, 'wxid_roof').at(-1)).toBe(FIXTURE_NOTICES.rateLimited);
    await r.platform.say({ from: 'wxid_roof', text: '有人站在楼顶上好像要跳楼' });
    const last = texts(r, 'wxid_roof').at(-1) ?? '';
    expect(last.startsWith('【紧急】人身安全第一')).toBe(true);
    expect(last).toContain('110');
    expect(r.recorder.items.at(-1)).toMatchObject({ topic: 'out_of_scope', action: 'out_of_scope' });
  });

  it('keeps clarification choices and context per conversation in the store ("回复 1")', async () => {
    const r = await rig();
    await r.platform.say({ from: 'wxid_carol', text: '占道经营罚多少钱' });
    await r.platform.say({ from: 'wxid_carol', text: '那罚多少钱？' });
    const [, followUp] = texts(r, 'wxid_carol');
    expect(followUp).toContain('依据');
    expect(r.recorder.items.map((c) => c.topic)).toEqual(['street_vending', 'street_vending']);
  });

  it('merges the same question in one group: the next asker gets a pointer to the answer', async () => {
    const r = await rig();
    await r.platform.say({ from: 'wxid_d1', text: `@${BOT} 占道经营罚多少钱`, room: GROUP });
    await r.platform.say({ from: 'wxid_d2', text: `@${BOT} 占道经营罚多少钱`, room: GROUP });
    expect(texts(r, GROUP.id)[1]).toBe(ALREADY_ANSWERED);
    // Both askers count.
    expect(r.recorder.items).toHaveLength(2);
  });

  it('runs staff commands for staff in private; refuses others; ignores commands in groups; without commands `#…` is a question', async () => {
    const ran: { staff: string; staffName?: string; args: string }[] = [];
    const commands: StaffCommands = {
      staffEntry: (from) => (from.alias === '城管张科长' ? '城管张科长' : undefined),
      parse: (text) => (text.startsWith('#统计') ? { name: '统计', usage: '#统计', args: text.slice(3).trim(), run: async (c) => (ran.push(c), [{ text: `统计 ${c.args}` }]) } : undefined),
    };
    const r = await rig({ commands });
    await r.platform.say({ from: 'wxid_staff', alias: '城管张科长', text: '#统计 本月' });
    await r.platform.say({ from: 'wxid_citizen', text: '#统计 本月' });
    await r.platform.say({ from: 'wxid_staff', alias: '城管张科长', text: `@${BOT} #统计`, room: GROUP });
    expect(texts(r, 'wxid_staff')).toEqual(['统计 本月']);
    expect(ran).toEqual([{ staff: hashId(SALT, 'wxid_staff'), staffName: '城管张科长', args: '本月' }]);
    expect(texts(r, 'wxid_citizen')).toEqual([STAFF_REFUSAL]);
    expect(r.platform.to(GROUP.id)).toHaveLength(0);
    expect(r.recorder.items).toHaveLength(0);

    const plain = await rig();
    await plain.platform.say({ from: 'wxid_x', text: '#统计' });
    expect(texts(plain, 'wxid_x')).toHaveLength(1);
    expect(texts(plain, 'wxid_x')[0]).not.toBe(STAFF_REFUSAL);
  });

  it('has one error boundary with one rule: a private chat gets one apology, a group nothing; the log has hashed ids only', async () => {
    const broken: Brain = { ...brain, ask: async () => Promise.reject(new Error('model exploded')) };
    const r = await rig({ brain: broken });
    await r.platform.say({ from: 'wxid_err', text: '占道经营罚多少钱' });
    await r.platform.say({ from: 'wxid_err2', text: `@${BOT} 占道经营罚多少钱`, room: GROUP });
    expect(texts(r, 'wxid_err')).toEqual([FIXTURE_NOTICES.error]);
    expect(r.platform.to(GROUP.id)).toHaveLength(0);
    const failures = r.logs.filter((l) => l.includes('message handling failed'));
    expect(failures).toHaveLength(2);
    expect(failures.join('')).toContain(hashId(SALT, 'wxid_err'));
    expect(r.logs.join('')).not.toMatch(/wxid_err|g1@chatroom/u);
  });

  it('hands the steps a context without raw ids (the ids are sealed for the reply)', async () => {
    const r = await rig();
    const ctx = await r.chat.handle({
      kind: 'text',
      text: '占道经营罚多少钱',
      channel: 'private',
      at: new Date(),
      ageSec: 0,
      self: false,
      from: { peer: new Peer('wxid_sealed') },
      mentionsSelf: false,
      selfNames: [BOT],
    });
    expect(ctx?.user).toBe(hashId(SALT, 'wxid_sealed'));
    const { services: _services, ...visible } = ctx!;
    expect(JSON.stringify(visible)).not.toContain('wxid_sealed');
    expect(texts(r, 'wxid_sealed')).toHaveLength(1);
  });

  it('takes no message after stop', async () => {
    const r = await rig();
    await r.chat.stop();
    expect(await r.chat.handle({ kind: 'text', text: '你好', channel: 'private', at: new Date(), ageSec: 0, self: false, from: { peer: new Peer('wxid_late2') }, mentionsSelf: false, selfNames: [] })).toBeUndefined();
  });
});
