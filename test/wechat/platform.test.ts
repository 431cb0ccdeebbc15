import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { FileBox } from 'file-box';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/chat/platform.js';
import { createLogger } from '../../src/core/logger.js';
import { createWechatyPlatform, type WechatyPlatform } from '../../src/wechat/wechaty-platform.js';
import { newMocker, waitFor, type ContactMock, type Mocker } from './harness.js';

/**
 * The wechaty adapter alone, as a ChatPlatform: real wechaty on wechaty-puppet-mock, no bot.
 * What a message becomes (plain facts, ids sealed in peers) and what sending does (group
 * text with @-mentions, files as FileBoxes).
 */
const BOT = '普法助手';
let dataDir: string;
let mocker: Mocker;
let botUser: ContactMock;
let platform: WechatyPlatform;
const received: InboundMessage[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pufa-platform-'));
  const m = newMocker();
  mocker = m.mocker;
  botUser = mocker.createContact({ name: BOT });
  const logger = createLogger({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, { destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  platform = createWechatyPlatform({ puppet: m.puppet, name: 'platform-test', dataDir, botName: BOT, logger, showQr: () => undefined });
  let loggedIn = false;
  await platform.start({ message: async (msg) => void received.push(msg), login: () => void (loggedIn = true) });
  mocker.login(botUser);
  await waitFor(() => loggedIn && platform.isLoggedIn(), 10_000, 'login');
});

afterAll(async () => {
  await platform?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the wechaty platform', () => {
  it('delivers a group message as plain facts, the ids sealed in peers', async () => {
    const alice = mocker.createContact({ name: '王阿姨' });
    const room = mocker.createRoom({ topic: '阳逻街普法群', memberIdList: [botUser.id, alice.id] });
    alice.say(`@${BOT} 占道经营罚多少钱`, [botUser]).to(room);
    const msg = await waitFor(() => received.find((m) => m.text?.includes('占道经营')), 5000, 'the message');
    expect(msg).toMatchObject({ kind: 'text', channel: 'room', self: false, mentionsSelf: true, room: { topic: '阳逻街普法群' } });
    expect(msg.selfNames).toContain(BOT);
    expect(msg.from.peer.is(alice.id)).toBe(true);
    expect(msg.room?.peer.is(room.id)).toBe(true);
    expect(JSON.stringify(msg)).not.toContain(alice.id);
    expect(JSON.stringify(msg)).not.toContain(room.id);
  });

  it('sends group texts with @-mentions and files as FileBoxes', async () => {
    const bob = mocker.createContact({ name: '老李' });
    const room = mocker.createRoom({ topic: '邾城街普法群', memberIdList: [botUser.id, bob.id] });
    const sent: { id: string; text?: string; roomId?: string; listenerId?: string; type: number }[] = [];
    mocker.puppet.on('message', ({ messageId }) => {
      const p = mocker.messagePayload(messageId) as { talkerId?: string; roomId?: string; listenerId?: string; text?: string; type: number };
      if (p.talkerId === botUser.id) sent.push({ id: messageId, ...p });
    });
    await platform.send({ kind: 'room', id: room.id }, { text: '您好', mentions: [bob.id] });
    await platform.send({ kind: 'contact', id: bob.id }, { file: { name: '统计.csv', data: Buffer.from('a,b\n1,2\n', 'utf8') } });
    await waitFor(() => sent.length >= 2, 5000, 'two sends');
    expect(sent[0]).toMatchObject({ roomId: room.id });
    expect(sent[0]?.text).toContain('您好');
    expect(sent[0]?.text).toContain('@老李');
    const box = FileBox.fromJSON(mocker.cacheFileBoxPayload.get(sent[1]!.id)!);
    expect(box.name).toBe('统计.csv');
    expect((await box.toBuffer()).toString('utf8')).toBe('a,b\n1,2\n');
    const rooms = await platform.rooms();
    expect(rooms.map((r) => r.topic)).toContain('邾城街普法群');
  });
});
