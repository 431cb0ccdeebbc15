import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, BOT_NAME, newMocker, settle, setupShared, sleep, startBot, waitFor, type ContactMock, type Mocker, type Sent, type Shared, type World } from '../wechat/harness.js';

/**
 * Announcements end to end: preview, #确认, one BullMQ job, paced group after group,
 * exactly once per group even when the process is stopped mid-way and a new one takes
 * over; the report to staff; statistics; #定时 / #公告列表 / #撤销; login notices.
 */
const GROUP_INTERVAL = 400;
const SEND_MIN = 120;
const SEND_JITTER = 40;

const ROOMS = [
  { id: 'r1@chatroom', topic: '新洲一社区普法群' },
  { id: 'r2@chatroom', topic: '新洲二社区普法群' },
  { id: 'r3@chatroom', topic: '阳逻三社区普法群' },
  { id: 'r9@chatroom', topic: '业主闲聊群' },
];
const TEXT = '【通知】本周六上午9点，新洲区城管局在邾城广场开展普法宣传活动，欢迎参加。';

let shared: Shared;
const worlds: (World & People)[] = [];

interface People {
  botUser: ContactMock;
  staffer: ContactMock;
  citizen: ContactMock;
}

/** The same contacts and groups (same ids) in every "process". */
function populate(mocker: Mocker): People {
  const botUser = mocker.createContact({ id: 'bot-wxid', name: BOT_NAME });
  const staffer = mocker.createContact({ id: 'staff-wxid', name: '张科长', alias: '城管张科长' });
  const citizen = mocker.createContact({ id: 'citizen-wxid', name: '刘师傅' });
  for (const r of ROOMS) mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: [botUser.id, staffer.id, citizen.id] });
  return { botUser, staffer, citizen };
}

async function boot(): Promise<World & People> {
  const { mocker, puppet } = newMocker();
  const people = populate(mocker);
  const config = baseConfig(shared, { ANNOUNCE_GROUP_INTERVAL_MS: GROUP_INTERVAL, SEND_MIN_INTERVAL_MS: SEND_MIN, SEND_JITTER_MS: SEND_JITTER });
  const world = { ...(await startBot(shared, mocker, puppet, people.botUser, config)), ...people };
  worlds.push(world);
  return world;
}

const allSent = (): Sent[] => worlds.flatMap((w) => w.sent).sort((a, b) => a.at - b.at);
const announcementsIn = (roomId: string) => allSent().filter((s) => s.to === roomId && s.text === TEXT);
const toStaff = (w: World) => w.sent.filter((s) => s.to === 'staff-wxid');

async function staffSays(w: World & People, text: string): Promise<string> {
  const before = toStaff(w).length;
  w.staffer.say(text).to(w.botUser);
  const got = await settle(() => toStaff(w), before);
  return got.map((s) => s.text).join('\n');
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]!);
}

beforeAll(async () => {
  shared = await setupShared('announce');
});

afterAll(async () => {
  for (const w of worlds) await w.bot.stop();
  await shared?.cleanup();
});

describe('announcements', () => {
  let second: World & People;

  it('reaches every target group exactly once, also when the process is stopped mid-way and started again', async () => {
    const first = await boot();
    const preview = await staffSays(first, `#公告 ${TEXT}`);
    expect(preview).toContain('【公告预览】');
    expect(preview).toContain('将发送到 3 个群');
    for (const r of ROOMS.slice(0, 3)) expect(preview).toContain(r.topic);
    expect(preview).not.toContain('业主闲聊群');
    expect(await staffSays(first, '#确认')).toContain('已开始发送，共 3 个群');

    // Stop the process as soon as the first group has it.
    await waitFor(() => ROOMS.some((r) => announcementsIn(r.id).length > 0), 8000, 'first group');
    await first.bot.stop();
    const afterStop = ROOMS.map((r) => announcementsIn(r.id).length);
    expect(afterStop.reduce((a, b) => a + b, 0)).toBe(1);

    // A new process on the same Redis resumes the job.
    second = await boot();
    const report = await waitFor(() => toStaff(second).find((s) => s.text.includes('发送结果')), 10_000, 'report to staff');
    for (const r of ROOMS.slice(0, 3)) expect(announcementsIn(r.id)).toHaveLength(1);
    expect(announcementsIn('r9@chatroom')).toHaveLength(0);
    expect(report.text).toContain('公告 #1 发送结果：成功 3 个群');
    for (const r of ROOMS.slice(0, 3)) expect(report.text).toContain(`✔ ${r.topic}`);

    // Paced across groups, including across the restart.
    const groupGaps = gaps(ROOMS.slice(0, 3).map((r) => announcementsIn(r.id)[0]!.at).sort((a, b) => a - b));
    expect(Math.min(...groupGaps)).toBeGreaterThanOrEqual(GROUP_INTERVAL - 5);
    console.info(`[pacing] announcement group gaps (min ${GROUP_INTERVAL} ms): ${groupGaps.join(', ')} ms`);

    // Nothing more arrives later (no second send of any group).
    await sleep(GROUP_INTERVAL * 2);
    for (const r of ROOMS.slice(0, 3)) expect(announcementsIn(r.id)).toHaveLength(1);
  });

  it('counts announcements in the statistics (pushes, groups reached)', async () => {
    const stats = await staffSays(second, '#统计');
    expect(stats).toContain('公告推送 1 次，送达 3 个群次');
  });

  it('keeps every send of the account at least SEND_MIN_INTERVAL_MS apart', async () => {
    // A burst: a citizen asks four questions while staff ask for the group list.
    const before = second.sent.length;
    for (const q of ['占道经营罚多少钱', '夜间施工太吵找谁投诉', '夜市摊位怎么申请', '交警贴条怎么处理']) second.citizen.say(q).to(second.botUser);
    second.staffer.say('#群列表').to(second.botUser);
    await waitFor(() => second.sent.length >= before + 5, 8000, 'burst sent');
    const times = second.sent.map((s) => s.at);
    const g = gaps(times);
    expect(Math.min(...g)).toBeGreaterThanOrEqual(SEND_MIN - 5);
    const burst = gaps(times.slice(before));
    const mean = burst.reduce((a, b) => a + b, 0) / burst.length;
    console.info(`[pacing] burst of ${burst.length + 1} sends: gaps ${burst.join(', ')} ms (min ${Math.min(...burst)}, mean ${mean.toFixed(0)}; configured ${SEND_MIN} + jitter ≤ ${SEND_JITTER})`);
    // No upper bound: on a busy machine timers fire late (tests must not depend on an idle machine).
    // The lower bound holds however busy it is: the interval runs from the end of each send.
  });

  it('#定时 schedules a delayed announcement to matching groups; #公告列表 lists it; #撤销 removes it', async () => {
    const preview = await staffSays(second, '#定时 2099-01-01 09:00 @二社区 元旦期间垃圾清运时间调整通知');
    expect(preview).toContain('定时发送：2099-01-01 09:00');
    expect(preview).toContain('将发送到 1 个群');
    expect(preview).toContain('新洲二社区普法群');
    expect(preview).not.toContain('新洲一社区普法群');
    expect(await staffSays(second, '#确认')).toContain('公告 #2 已定时');
    const list = await staffSays(second, '#公告列表');
    expect(list).toMatch(/#2 已定时 · 2099-01-01 09:00 · 已发 0\/1 群/u);
    expect(list).toMatch(/#1 已完成 .*已发 3\/3 群/u);
    expect(await staffSays(second, '#撤销 2')).toContain('已撤销');
    expect(await staffSays(second, '#公告列表')).not.toContain('#2 ');
    expect(await staffSays(second, '#撤销 1')).toContain('已发送完毕');
  });

  it('#取消 discards a preview; unknown group keywords and bad times are explained', async () => {
    await staffSays(second, '#公告 测试内容');
    expect(await staffSays(second, '#取消')).toContain('已取消');
    expect(await staffSays(second, '#确认')).toContain('没有待确认的公告');
    expect(await staffSays(second, '#公告 @不存在的群 测试')).toContain('没有名称包含“不存在的群”的服务群');
    expect(await staffSays(second, '#定时 明天 测试')).toContain('YYYY-MM-DD HH:mm');
    expect(await staffSays(second, '#定时 2020-01-01 09:00 测试')).toContain('已经过去');
  });
});

describe('login', () => {
  it('tells staff by private message after a re-login that the account was logged out', async () => {
    const w = worlds.at(-1)!;
    const before = toStaff(w).length;
    await w.puppet.logout('kicked out');
    await sleep(100);
    expect(w.bot.wechaty.isLoggedIn).toBe(false);
    w.mocker.login(w.botUser);
    const notice = await waitFor(() => toStaff(w).slice(before).find((s) => s.text.includes('【系统通知】')), 5000, 'logout notice');
    expect(notice.text).toContain('掉线');
    expect(notice.text).toContain('重新登录');
    expect(shared.logs.some((l) => l.includes('logged out of WeChat'))).toBe(true);
  });

  it('pauses an announcement while logged out and finishes it after the re-login, each group once', async () => {
    const w = worlds.at(-1)!;
    const text2 = '【提醒】近期天干物燥，请勿在小区内焚烧杂物。';
    const got = (roomId: string) => allSent().filter((s) => s.to === roomId && s.text === text2).length;
    expect(await staffSays(w, `#公告 @一社区 @二社区 ${text2}`)).toContain('将发送到 2 个群');
    await staffSays(w, '#确认');
    await waitFor(() => got('r1@chatroom') + got('r2@chatroom') === 1, 5000, 'first group');
    await w.puppet.logout('network lost');
    await sleep(GROUP_INTERVAL * 3);
    expect(got('r1@chatroom') + got('r2@chatroom')).toBe(1);
    w.mocker.login(w.botUser);
    await waitFor(() => toStaff(w).find((s) => s.text.startsWith('公告 #3 发送结果')), 8000, 'report after re-login');
    expect([got('r1@chatroom'), got('r2@chatroom'), got('r3@chatroom')]).toEqual([1, 1, 0]);
  });

  it('prints the login QR code and logs its URL', async () => {
    const w = worlds.at(-1)!;
    w.mocker.scan('https://login.weixin.qq.com/l/test-qr', 2);
    await sleep(50);
    expect(w.qrs).toEqual(['https://login.weixin.qq.com/l/test-qr']);
    expect(shared.logs.some((l) => l.includes('waiting for the QR code') && l.includes('test-qr'))).toBe(true);
  });
});
