import { FIXTURE_EMERGENCY, FIXTURE_NOTICES } from '../helpers/fixture-kb.js';
import { FileBox } from 'file-box';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { ALREADY_ANSWERED } from '../../src/chat/steps/merge.js';
import { STAFF_REFUSAL } from '../../src/chat/steps/staff.js';
import { hashId } from '../../src/core/privacy.js';
import { NON_TEXT_HINT } from '../../src/chat/steps/non-text.js';
import { queryStats } from '../../src/stats/query.js';
import { todayIn } from '../../src/stats/time.js';
import { loadTopics } from '../../src/stats/topics.js';
import { awayFromMinuteEdge, baseConfig, BOT_NAME, newMocker, SALT, settle, setupShared, sleep, startBot, waitFor, type ContactMock, type Mocker, type RoomMock, type Shared, type World } from '../wechat/harness.js';

/**
 * The bot end to end: real wechaty on wechaty-puppet-mock, real Redis, fixture knowledge
 * base. Each scenario uses its own group and citizens so per-minute limits do not mix.
 */
let shared: Shared;
let world: World;
let mocker: Mocker;
let botUser: ContactMock;
let staffer: ContactMock;
/** Consultations the scenarios made (checked against #统计 and Redis). */
let consultations = 0;

const USER_RATE = 3;
const ROOM_RATE = 4;

function citizen(name: string): ContactMock {
  return mocker.createContact({ name });
}

function group(topic: string, members: ContactMock[]): RoomMock {
  return mocker.createRoom({ topic, memberIdList: [botUser.id, ...members.map((m) => m.id)] });
}

const inRoom = (room: RoomMock) => world.sent.filter((s) => s.to === room.id);
const toContact = (c: ContactMock) => world.sent.filter((s) => s.to === c.id && !s.room);

async function privateReply(from: ContactMock, text: string, expected = 1): Promise<string> {
  const before = toContact(from).length;
  from.say(text).to(botUser);
  const got = await settle(() => toContact(from), before, expected);
  return got.map((s) => s.text).join('\n');
}

beforeAll(async () => {
  shared = await setupShared('bot');
  const m = newMocker();
  mocker = m.mocker;
  botUser = mocker.createContact({ name: BOT_NAME });
  staffer = mocker.createContact({ name: '张科长', alias: '城管张科长' });
  world = await startBot(shared, m.mocker, m.puppet, botUser, baseConfig(shared, { BOT_USER_RATE_PER_MIN: USER_RATE, BOT_ROOM_RATE_PER_MIN: ROOM_RATE }));
});

afterAll(async () => {
  await world?.bot.stop();
  await shared?.cleanup();
});

describe('groups', () => {
  it('answers a citizen who @-mentions the bot in a served group, with citations, mentioning them', async () => {
    const alice = citizen('王阿姨');
    const room = group('阳逻街普法群', [alice]);
    alice.say(`@${BOT_NAME} 占道经营罚多少钱`, [botUser]).to(room);
    consultations += 1;
    const [reply] = await waitFor(() => inRoom(room).length > 0 && inRoom(room), 5000, 'group answer');
    expect(reply!.text).toMatch(/^@王阿姨\s/u);
    expect(reply!.text).toContain('依据');
    expect(reply!.text).toMatch(/《[^》]+》/u);
    expect(reply!.text).toContain('2万元以下罚款');
    // Group answers are the short form: no next steps.
    expect(reply!.text).not.toContain('下一步');
  });

  it('also recognises `@<name>` in the text when the puppet gives no mention list, and wake words', async () => {
    const bob = citizen('老李');
    const room = group('邾城街普法群', [bob]);
    bob.say(`@${BOT_NAME} 夜间施工太吵找谁投诉`).to(room);
    consultations += 1;
    await waitFor(() => inRoom(room).length === 1, 5000, 'answer to a text-only mention');
    bob.say('问：占道经营罚多少钱').to(room);
    consultations += 1;
    await waitFor(() => inRoom(room).length === 2, 5000, 'answer to a wake word');
    expect(inRoom(room)[1]!.text).toContain('2万元以下罚款');
    // Not addressed: no mention, no wake word.
    bob.say('今天天气不错，占道经营罚多少钱').to(room);
    await sleep(400);
    expect(inRoom(room)).toHaveLength(2);
  });

  it('ignores a group that is not on the allowlist', async () => {
    const carol = citizen('小陈');
    const room = group('业主闲聊群', [carol]);
    carol.say(`@${BOT_NAME} 占道经营罚多少钱`, [botUser]).to(room);
    carol.say('问：占道经营罚多少钱').to(room);
    await sleep(400);
    expect(inRoom(room)).toHaveLength(0);
  });

  it('merges the same question from several people into one answer mentioning all of them', async () => {
    const [eve, frank, george] = [citizen('小E'), citizen('小F'), citizen('小G')];
    const room = group('潘塘街普法群', [eve, frank, george]);
    eve.say(`@${BOT_NAME} 占道经营罚多少钱`, [botUser]).to(room);
    await sleep(30);
    frank.say(`@${BOT_NAME} 占道经营会被罚款吗`, [botUser]).to(room);
    consultations += 2;
    const [answer] = await waitFor(() => inRoom(room).length > 0 && inRoom(room), 5000, 'merged answer');
    await sleep(400);
    expect(inRoom(room)).toHaveLength(1);
    expect(answer!.text).toContain('@小E');
    expect(answer!.text).toContain('@小F');
    expect(answer!.text).toContain('依据');
    // After it went out, a third asker within the window gets a short pointer to it.
    george.say(`@${BOT_NAME} 路边摆摊罚多少钱`, [botUser]).to(room);
    consultations += 1;
    const pointer = await waitFor(() => inRoom(room)[1], 5000, 'pointer');
    expect(pointer.text).toContain('@小G');
    expect(pointer.text).toContain(ALREADY_ANSWERED);
  });

  it('limits answers per group per minute', async () => {
    await awayFromMinuteEdge();
    const people = Array.from({ length: ROOM_RATE + 2 }, (_, i) => citizen(`群友${i}`));
    const room = group('凤凰镇普法群', people);
    // No gas-leak report here: an emergency is never held back by a rate limit (test/bot/hardening.test.ts).
    const questions = ['占道经营罚多少钱', '夜间施工太吵找谁投诉', '夜市摊位怎么申请', '交警贴条怎么处理', '门头招牌要审批吗', '你好'];
    people.forEach((p, i) => p.say(`@${BOT_NAME} ${questions[i]}`, [botUser]).to(room));
    consultations += ROOM_RATE;
    await waitFor(() => inRoom(room).length >= ROOM_RATE, 8000, 'answers up to the limit');
    await sleep(500);
    expect(inRoom(room)).toHaveLength(ROOM_RATE);
  });
});

describe('private chat', () => {
  it('answers every private question in the full form, and counts it in Redis', async () => {
    const dan = citizen('大伟');
    const reply = await privateReply(dan, '占道经营罚多少钱');
    consultations += 1;
    expect(reply).toContain('依据：《城市道路管理条例》第四十二条');
    expect(reply).toContain('下一步可以这样做');
    await world.bot.services!.recorder.flush();
    const day = todayIn('Asia/Shanghai');
    const report = await queryStats(shared.redis, { from: day, to: day, prefix: shared.prefix, topics: loadTopics(shared.kb.knowledgeDir), timezone: 'Asia/Shanghai' });
    const priv = report.channelTotals.find((c) => c.channel === 'private');
    expect(priv?.total).toBe(1);
    expect(report.topicTotals.find((t) => t.topic === 'street_vending')?.answered).toBeGreaterThanOrEqual(1);
  });

  it('remembers clarification choices per citizen in Redis ("回复 1")', async () => {
    const hua = citizen('小华');
    // Only this conversation's state (other scenarios may have left clarifications of their own).
    const earlier = new Set(await shared.redis.keys(`${shared.prefix}{bot}:session:*`));
    const ask = await privateReply(hua, '摆摊');
    consultations += 1;
    expect(ask).toContain('请回复');
    // Answers keep conversation state too (the topic, for follow-ups): find this clarification's.
    const keys = (await shared.redis.keys(`${shared.prefix}{bot}:session:*`)).filter((k) => !earlier.has(k));
    const states = await Promise.all(keys.map(async (k) => ({ k, v: JSON.parse((await shared.redis.get(k)) ?? '{}') as { choices?: unknown[]; choicesFor?: string; lastTopic?: string } })));
    const pending = states.filter((s) => s.v.choicesFor === 'clarify');
    expect(pending).toHaveLength(1);
    const key = pending[0]!.k;
    const ttl = await shared.redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);
    const follow = await privateReply(hua, '回复 1');
    // The reply resolves the clarification: still one consultation (docs/statistics.md).
    expect(follow).toContain('依据');
    // Answered: the choices are gone; the answer's topic stays for follow-ups.
    const after = JSON.parse((await shared.redis.get(key)) ?? '{}') as { choices?: unknown[]; lastTopic?: string };
    expect(after.choices).toEqual([]);
    expect(after.lastTopic).toBeTruthy();
  });

  it('clarification follow-ups work in groups too', async () => {
    const ming = citizen('小明');
    const room = group('双柳街普法群', [ming]);
    ming.say(`@${BOT_NAME} 摆摊`, [botUser]).to(room);
    consultations += 1;
    const first = await waitFor(() => inRoom(room)[0], 5000, 'group clarify');
    expect(first.text).toContain('请回复');
    ming.say(`@${BOT_NAME} 1`, [botUser]).to(room);
    // One question, one consultation: the reply takes the clarification's place.
    const second = await waitFor(() => inRoom(room)[1], 5000, 'group follow-up');
    expect(second.text).toContain('@小明');
    expect(second.text).toContain('依据');
  });

  it('limits answers per citizen per minute, telling them once', async () => {
    await awayFromMinuteEdge();
    const spam = citizen('刷屏者');
    const before = toContact(spam).length;
    for (let i = 0; i < USER_RATE + 3; i += 1) spam.say(i % 2 ? '夜间施工太吵找谁投诉' : '占道经营罚多少钱').to(botUser);
    consultations += USER_RATE;
    await waitFor(() => toContact(spam).length >= before + USER_RATE + 1, 8000, 'answers and one notice');
    await sleep(400);
    const got = toContact(spam).slice(before);
    expect(got).toHaveLength(USER_RATE + 1);
    expect(got.filter((s) => s.text === FIXTURE_NOTICES.rateLimited)).toHaveLength(1);
  });

  it('answers a person in danger past the limit, the emergency lines first, counted in Redis as not the bureau\'s matter', async () => {
    await awayFromMinuteEdge();
    const roof = citizen('楼顶报警人');
    const before = toContact(roof).length;
    for (let i = 0; i < USER_RATE + 1; i += 1) roof.say('夜间施工太吵找谁投诉').to(botUser);
    consultations += USER_RATE;
    await waitFor(() => toContact(roof).length >= before + USER_RATE + 1 || undefined, 8000, 'answers and the notice');
    await sleep(400);
    expect(toContact(roof).filter((s) => s.text === FIXTURE_NOTICES.rateLimited)).toHaveLength(1);
    const day = todayIn('Asia/Shanghai');
    const stats = async () => {
      await world.bot.services!.recorder.flush();
      return queryStats(shared.redis, { from: day, to: day, prefix: shared.prefix, topics: loadTopics(shared.kb.knowledgeDir), timezone: 'Asia/Shanghai' });
    };
    const notOursBefore = (await stats()).topicTotals.find((t) => t.topic === 'out_of_scope')?.total ?? 0;
    const reply = await privateReply(roof, '有人站在楼顶上好像要跳楼');
    consultations += 1;
    expect(reply.startsWith(`【紧急】${FIXTURE_EMERGENCY.intro}`)).toBe(true);
    expect(reply).toContain(FIXTURE_EMERGENCY.selfHarm);
    expect(reply).not.toContain('请回复');
    expect((await stats()).topicTotals.find((t) => t.topic === 'out_of_scope')?.total).toBe(notOursBefore + 1);
  });

    it('gives the non-text hint at most once per person per window', async () => {
    const pic = citizen('发图的人');
    pic.say(FileBox.fromUrl('http://127.0.0.1:9/photo.jpg', { name: 'photo.jpg' })).to(botUser);
    const hint = await waitFor(() => toContact(pic)[0], 5000, 'hint');
    expect(hint.text).toBe(NON_TEXT_HINT);
    pic.say(FileBox.fromUrl('http://127.0.0.1:9/photo2.png', { name: 'photo2.png' })).to(botUser);
    pic.say(FileBox.fromUrl('http://127.0.0.1:9/voice.silk', { name: 'voice.silk' })).to(botUser);
    await sleep(400);
    expect(toContact(pic)).toHaveLength(1);
    const ttl = await shared.redis.ttl(`${shared.prefix}{bot}:hint:${hashId(SALT, pic.id)}`);
    expect(ttl).toBeGreaterThan(3500);
    // Text questions are still answered.
    expect(await privateReply(pic, '占道经营罚多少钱')).toContain('依据');
    consultations += 1;
  });

  it('ignores stale messages (no reply flood after a restart)', async () => {
    const old = citizen('旧消息');
    const id = `stale-${Date.now()}`;
    mocker.MessageMock.create({ id, talkerId: old.id, listenerId: botUser.id, timestamp: Date.now() - 10 * 60_000, type: types.Message.Text, text: '占道经营罚多少钱' });
    world.puppet.emit('message', { messageId: id });
    await sleep(300);
    expect(toContact(old)).toHaveLength(0);
  });
});

describe('staff', () => {
  it('refuses a staff command from a citizen politely and logs the attempt with a hashed id only', async () => {
    // A fixed id whose hash survives the logger's phone-number redaction (a hash like
    // 0360837004d5f00b would be logged as "[电话]d5f00b": see the report to the lead).
    const nosy = mocker.createContact({ id: 'nosy-citizen-1', name: '好奇的市民' });
    const reply = await privateReply(nosy, '#公告 大家好');
    expect(reply).toBe(STAFF_REFUSAL);
    const line = shared.logs.find((l) => l.includes('staff command refused'));
    expect(line).toBeDefined();
    expect(line).toContain(hashId(SALT, nosy.id));
    expect(line).not.toContain(nosy.id);
  });

  it("#统计 matches the consultations just made", async () => {
    await world.bot.services!.recorder.flush();
    const day = todayIn('Asia/Shanghai');
    const report = await queryStats(shared.redis, { from: day, to: day, prefix: shared.prefix, topics: loadTopics(shared.kb.knowledgeDir), timezone: 'Asia/Shanghai' });
    expect(report.totals.total).toBe(consultations);
    const reply = await privateReply(staffer, '#统计 今天');
    expect(reply).toContain(`咨询 ${consultations} 人次`);
    expect(reply).toContain(`解答 ${report.totals.answered}，追问澄清 ${report.totals.clarified}`);
    const priv = report.channelTotals.find((c) => c.channel === 'private')!;
    const room = report.channelTotals.find((c) => c.channel === 'room')!;
    expect(reply).toMatch(new RegExp(`私聊\\s+${priv.answered}\\s+${priv.clarified}\\s+${priv.outOfScope}\\s+${priv.total}\\n`, 'u'));
    expect(reply).toMatch(new RegExp(`群聊\\s+${room.answered}\\s+${room.clarified}\\s+${room.outOfScope}\\s+${room.total}`, 'u'));
    expect(priv.total + room.total).toBe(consultations);
    expect(reply).toContain('公告推送 0 次');
    expect(await privateReply(staffer, '#导出 今天 摘要')).toContain(`普法助手共受理群众咨询${consultations}人次`);
  });

  it('#帮助, #群列表, #待答 and #导出 answer staff', async () => {
    expect(await privateReply(staffer, '#帮助')).toContain('#公告');
    const rooms = await privateReply(staffer, '#群列表');
    expect(rooms).toContain('阳逻街普法群');
    expect(rooms).not.toContain('业主闲聊群');
    expect(await privateReply(staffer, '#待答')).toContain('摆摊');
    const exported = await privateReply(staffer, '#导出 今天 csv', 2);
    expect(exported).toContain('.csv');
    const file = toContact(staffer).at(-1)!;
    expect(file.type).not.toBe(types.Message.Text);
    const box = FileBox.fromJSON(mocker.cacheFileBoxPayload.get(file.id)!);
    expect(box.name).toMatch(/^普法咨询统计_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/u);
    const csv = (await box.toBuffer()).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('合计');
  });

  it('#重载 swaps in a freshly built brain without a restart', async () => {
    const before = world.bot.services!.brain.brain;
    const warmed = (): number => shared.logs.join('').split('"msg":"brain warmed up"').length - 1;
    const warmedBefore = warmed();
    const reply = await privateReply(staffer, '#重载');
    expect(reply).toContain('已重新加载');
    expect(world.bot.services!.brain.brain).not.toBe(before);
    // The new brain answered its own warm-up texts before it was swapped in.
    expect(warmed()).toBe(warmedBefore + 1);
    expect(await privateReply(citizen('重载后'), '占道经营罚多少钱')).toContain('依据');
    consultations += 1;
  });

  // (Its own replies come back as messages too: the exact reply counts above show it never answers them.)
  it('never logs raw ids or names', async () => {
    const all = shared.logs.join('');
    for (const raw of [staffer.id, '王阿姨', '张科长', '城管张科长', botUser.id]) expect(all).not.toContain(raw);
  });
});
