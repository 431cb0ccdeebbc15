import { describe, expect, it } from 'vitest';
import { Peer } from '../../src/chat/peer.js';
import { isServedRoom, servedRooms } from '../../src/chat/rooms.js';
import { addressedText } from '../../src/chat/steps/guards.js';
import { isStaff } from '../../src/bot/staff/identity.js';

/** The pure parts of the guard steps: is a group message addressed to the bot, is a group served. */
const msg = (text: string, mentionsSelf = false, selfNames = ['普法助手']) => ({ text, mentionsSelf, selfNames });
const WAKE = ['问', '咨询', '城管', '普法'];

describe('addressedText (groups)', () => {
  it('takes an @-mention from the mention list or from the `@name` text, and removes it', () => {
    expect(addressedText(msg('@普法助手\u2005占道经营罚多少钱', true), WAKE)).toBe('占道经营罚多少钱');
    expect(addressedText(msg('@普法助手 占道经营罚多少钱'), WAKE)).toBe('占道经营罚多少钱');
    expect(addressedText(msg('请问 @普法助手 占道经营罚多少钱'), WAKE)?.replace(/\s+/g, ' ')).toBe('请问 占道经营罚多少钱');
    // Mention list says so but the shown name differs (group alias unknown).
    expect(addressedText(msg('@小助手 占道经营罚多少钱', true), WAKE)).toBe('占道经营罚多少钱');
    // Another person's name that merely starts with the bot's name is not a mention.
    expect(addressedText(msg('@普法助手的朋友 你好'), WAKE)).toBeUndefined();
    // The mention alone stays as written: the brain greets it (it was '' before, the empty message's prompt).
    expect(addressedText(msg('@普法助手'), WAKE)).toBe('@普法助手');
    expect(addressedText(msg('@普法助手\u2005', true), WAKE)).toBe('@普法助手');
  });

  it('accepts a wake word at the start; strips it only when a separator follows', () => {
    expect(addressedText(msg('问：摆摊罚多少'), WAKE)).toBe('摆摊罚多少');
    expect(addressedText(msg('咨询 夜间施工找谁'), WAKE)).toBe('夜间施工找谁');
    expect(addressedText(msg('城管罚款标准是什么'), WAKE)).toBe('城管罚款标准是什么');
    expect(addressedText(msg('普法'), WAKE)).toBe('');
  });

  it('ignores everything else, and non-text', () => {
    expect(addressedText(msg('今天天气不错'), WAKE)).toBeUndefined();
    expect(addressedText({ text: null, mentionsSelf: true, selfNames: [] }, WAKE)).toBeUndefined();
  });
});

describe('served groups (BOT_ROOMS)', () => {
  const rooms = [
    { id: 'a@chatroom', topic: '阳逻街普法群' },
    { id: 'b@chatroom', topic: '业主闲聊群' },
  ];
  it('matches exact names and ids; a pattern only when written with *; * serves all; empty serves none', () => {
    expect(isServedRoom(rooms[0]!, ['阳逻街普法群'])).toBe(true);
    // A name part is not a pattern: a citizen-made group containing it is not served.
    expect(isServedRoom(rooms[0]!, ['普法群'])).toBe(false);
    expect(isServedRoom({ id: 'c@chatroom', topic: '不是普法群（广告）' }, ['普法群'])).toBe(false);
    expect(isServedRoom(rooms[0]!, ['*普法群'])).toBe(true);
    expect(isServedRoom({ id: 'c@chatroom', topic: '不是普法群（广告）' }, ['*普法群'])).toBe(false);
    expect(isServedRoom(rooms[0]!, ['阳逻*'])).toBe(true);
    expect(isServedRoom(rooms[1]!, ['*普法群'])).toBe(false);
    expect(isServedRoom(rooms[1]!, ['b@chatroom'])).toBe(true);
    // Regex metacharacters in a name are literal.
    expect(isServedRoom({ id: 'd', topic: '新洲(一)群' }, ['新洲(一)群'])).toBe(true);
    expect(isServedRoom({ id: 'd', topic: '新洲一群' }, ['新洲(一)*'])).toBe(false);
    expect(servedRooms(rooms, ['*'])).toHaveLength(2);
    expect(servedRooms(rooms, [])).toHaveLength(0);
  });
});

describe('sealed ids (Peer)', () => {
  it('matches a served group or a staff entry by its raw id without showing the id in logs or JSON', () => {
    const room = { peer: new Peer('b@chatroom'), topic: '业主闲聊群' };
    expect(isServedRoom(room, ['b@chatroom'])).toBe(true);
    expect(isServedRoom(room, ['a@chatroom'])).toBe(false);
    expect(isStaff({ peer: new Peer('wxid_1') }, ['wxid_1'])).toBe(true);
    expect(isStaff({ peer: new Peer('wxid_2'), alias: '城管张科长' }, ['城管张科长'])).toBe(true);
    expect(isStaff({ peer: new Peer('wxid_2') }, [''])).toBe(false);
    expect(JSON.stringify({ room })).not.toContain('b@chatroom');
    expect(String(room.peer)).toBe('[peer]');
  });
});
