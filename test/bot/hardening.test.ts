import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_REFUSAL } from '../../src/chat/steps/staff.js';
import { baseConfig, BOT_NAME, newMocker, settle, setupShared, sleep, startBot, waitFor, type ContactMock, type Mocker, type RoomMock, type Shared, type World } from '../wechat/harness.js';

/**
 * The probes on staff identity, served groups, announcements, send order and what
 * staff see, end to end: real wechaty on wechaty-puppet-mock, real Redis, fixture KB.
 */
let shared: Shared;
let world: World;
let mocker: Mocker;
let botUser: ContactMock;
let zhang: ContactMock;
let li: ContactMock;
let exact: RoomMock;
let fake: RoomMock;
let member: ContactMock;

const ANNOUNCE_MAX = 200;

beforeAll(async () => {
  shared = await setupShared('harden');
  const m = newMocker();
  mocker = m.mocker;
  botUser = mocker.createContact({ name: BOT_NAME });
  zhang = mocker.createContact({ name: '张科长', alias: '城管张科长' });
  li = mocker.createContact({ name: '李科员', alias: '城管李科员' });
  member = mocker.createContact({ name: '群友' });
  exact = mocker.createRoom({ topic: '普法群', memberIdList: [botUser.id, zhang.id, member.id] });
  fake = mocker.createRoom({ topic: '不是普法群（广告）', memberIdList: [botUser.id, zhang.id, member.id] });
  world = await startBot(
    shared,
    m.mocker,
    m.puppet,
    botUser,
    baseConfig(shared, {
      BOT_ROOMS: ['普法群'],
      BOT_STAFF: ['城管张科长', '城管李科员', 'chengguan_zhang'],
      ANNOUNCE_MAX_CHARS: ANNOUNCE_MAX,
      SEND_MIN_INTERVAL_MS: 40,
      SEND_JITTER_MS: 0,
      BOT_USER_RATE_PER_MIN: 100,
      BOT_ROOM_RATE_PER_MIN: 100,
    }),
  );
});

afterAll(async () => {
  await world?.bot.stop();
  await shared?.cleanup();
});

const toContact = (c: ContactMock) => () => world.sent.filter((s) => s.to === c.id && !s.room);

async function command(from: ContactMock, text: string, expected = 1): Promise<string> {
  const before = toContact(from)().length;
  from.say(text).to(botUser);
  const got = await settle(toContact(from), before, expected);
  return got.map((s) => s.text).join('\n');
}

function logLines(): Array<Record<string, unknown>> {
  return shared.logs.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('staff identity', () => {
  it('a contact whose self-chosen WeChat id equals a BOT_STAFF entry is not staff', async () => {
    const impostor = mocker.createContact({ name: '路人', weixin: 'chengguan_zhang', handle: 'chengguan_zhang' });
    expect(await command(impostor, '#统计')).toBe(STAFF_REFUSAL);
  });

  it('a contact whose nickname equals a remark entry is not staff either', async () => {
    const impostor = mocker.createContact({ name: '城管张科长' });
    expect(await command(impostor, '#群列表')).toBe(STAFF_REFUSAL);
  });

  it('staff recognised by the bot account\'s remark run commands', async () => {
    expect(await command(zhang, '#群列表')).toContain('普法群');
  });
});

describe('served groups', () => {
  it('BOT_ROOMS=普法群 serves the group of exactly that name, not 不是普法群（广告）', async () => {
    member.say(`@${BOT_NAME} 占道经营罚多少钱`, [botUser]).to(fake);
    member.say(`@${BOT_NAME} 占道经营罚多少钱`, [botUser]).to(exact);
    await waitFor(() => world.sent.some((s) => s.to === exact.id) || undefined, 8000, 'the answer in the served group');
    await sleep(800);
    expect(world.sent.filter((s) => s.to === fake.id)).toHaveLength(0);
  });

  it('#公告 targets only the served group', async () => {
    const preview = await command(zhang, '#公告 本周六上午开展普法宣传');
    expect(preview).toContain('将发送到 1 个群');
    expect(preview).not.toContain('不是普法群');
    expect(await command(zhang, '#取消')).toContain('已取消');
  });
});

describe('announcements', () => {
  it('refuses a text longer than ANNOUNCE_MAX_CHARS with one clear message (was: 35 preview messages)', async () => {
    const before = toContact(zhang)().length;
    const reply = await command(zhang, `#公告 ${'请注意安全。'.repeat(3400)}`);
    expect(toContact(zhang)().length - before).toBe(1);
    expect(reply).toContain('公告太长');
    expect(reply).toContain(`上限 ${ANNOUNCE_MAX} 字`);
    expect(await command(zhang, '#确认')).toContain('没有待确认的公告');
  });

  it('#撤销 of another staff member\'s announcement needs confirmation and is logged with both names', async () => {
    await command(zhang, '#定时 2099-01-01 09:00 元旦普法宣传');
    const confirmed = await command(zhang, '#确认');
    const id = /#(\d+)/.exec(confirmed)?.[1];
    expect(id).toBeDefined();
    const ask = await command(li, `#撤销 ${id}`);
    expect(ask).toContain('城管张科长');
    expect(ask).toContain(`#撤销 ${id} 确认`);
    expect(await command(li, '#公告列表')).toContain(`#${id}`);
    expect(await command(li, `#撤销 ${id} 确认`)).toContain('已撤销');
    const line = logLines().find((l) => l.msg === 'announcement of another staff member revoked (confirmed)');
    expect(line).toMatchObject({ announcement: id, revokedBy: '城管李科员', submittedBy: '城管张科长' });
  });

  it('one\'s own announcement is revoked without a question', async () => {
    await command(zhang, '#定时 2099-01-02 09:00 普法宣传二');
    const id = /#(\d+)/.exec(await command(zhang, '#确认'))?.[1];
    expect(await command(zhang, `#撤销 ${id}`)).toContain('已撤销');
  });
});

describe('send order', () => {
  it('a gas leak reported behind a crowd is answered before the crowd\'s waiting replies', async () => {
    const crowd = Array.from({ length: 40 }, (_, i) => mocker.createContact({ name: `市民${i}` }));
    const before = world.sent.length;
    crowd.forEach((c) => c.say('门头招牌要审批吗').to(botUser));
    await waitFor(() => world.sent.length >= before + 3 || undefined, 15_000, 'the crowd\'s first replies');
    const reporter = mocker.createContact({ name: '报警人' });
    reporter.say('家里闻到很浓的煤气味怎么办').to(botUser);
    await waitFor(() => toContact(reporter)().length > 0 || undefined, 15_000, 'the emergency answer');
    const urgent = toContact(reporter)()[0]!;
    expect(urgent.text).toContain('【紧急】');
    const ids = new Set(crowd.map((c) => c.id));
    await waitFor(() => world.sent.filter((s) => ids.has(s.to)).length >= crowd.length || undefined, 30_000, 'every reply to the crowd');
    const crowdAfter = world.sent.filter((s) => ids.has(s.to) && s.at > urgent.at).length;
    // Most of the crowd's replies were still waiting when the emergency answer went out.
    expect(crowdAfter).toBeGreaterThan(20);
  });
});

describe('what staff see', () => {
  it('#待答 shows no bidi override and no phone number written in Chinese numerals', async () => {
    const citizen = mocker.createContact({ name: '提问人' });
    citizen.say('我家楼下那个\u202e东西\u202c到底归谁管 电话一三八一二三四五六七八 tel13912345678').to(botUser);
    await settle(toContact(citizen), 0, 1);
    const list = await command(zhang, '#待答');
    expect(list).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
    expect(list).not.toContain('一三八一二三四五六七八');
    expect(list).not.toContain('13912345678');
  });
});
