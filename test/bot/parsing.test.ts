import type { ChatContact } from '../../src/chat/platform.js';
import { describe, expect, it } from 'vitest';
import { formatZoned, parseSchedule, zonedTime } from '../../src/bot/announce/schedule.js';
import { splitMessage } from '../../src/bot/split.js';
import { parseStaffCommand, splitTargets } from '../../src/bot/staff/commands.js';
import { isStaff } from '../../src/bot/staff/identity.js';
import { parseStaffRange } from '../../src/bot/staff/range.js';

describe('staff', () => {
  it('recognises staff by raw id or the bot account\'s remark only, never by a self-chosen 微信号', () => {
    expect(isStaff({ id: 'wxid_1', name: '张' }, ['wxid_1'])).toBe(true);
    expect(isStaff({ id: 'x', name: '张', alias: '城管张科长' }, ['城管张科长'])).toBe(true);
    // The probe: a contact who picks the WeChat id `chengguan_zhang` is not staff.
    expect(isStaff({ id: 'x', name: '张', weixin: 'chengguan_zhang' } as ChatContact, ['chengguan_zhang'])).toBe(false);
    expect(isStaff({ id: 'x', name: '张', alias: '' }, [''])).toBe(false);
    // A nickname is chosen by the person: it never makes anyone staff.
    expect(isStaff({ id: 'x', name: '城管张科长' }, ['城管张科长'])).toBe(false);
  });

  it('parses commands with the longest name first and full-width #', () => {
    expect(parseStaffCommand('#公告列表')?.command.name).toBe('公告列表');
    expect(parseStaffCommand('＃公告 明天停水')).toMatchObject({ command: { name: '公告' }, args: '明天停水' });
    expect(parseStaffCommand('#统计 2026-01-01 2026-03-31')?.args).toBe('2026-01-01 2026-03-31');
    expect(parseStaffCommand('#占道经营怎么罚')).toBeUndefined();
    expect(parseStaffCommand('统计')).toBeUndefined();
  });

  it('splits announcement targets from the text, keeping its line breaks', () => {
    expect(splitTargets('@新洲 @阳逻 第一行\n第二行')).toEqual({ keywords: ['新洲', '阳逻'], body: '第一行\n第二行' });
    expect(splitTargets('明天停水，请邮件联系 a@b.cn')).toEqual({ keywords: [], body: '明天停水，请邮件联系 a@b.cn' });
  });

  it('parses date ranges in the bureau time zone', () => {
    const now = new Date('2026-03-18T02:00:00Z'); // Wednesday 10:00 in Shanghai
    expect(parseStaffRange('', 'Asia/Shanghai', now)).toMatchObject({ from: '2026-03-18', to: '2026-03-18', by: 'day' });
    expect(parseStaffRange('本周', 'Asia/Shanghai', now)).toMatchObject({ from: '2026-03-16', to: '2026-03-18' });
    expect(parseStaffRange('今年 csv', 'Asia/Shanghai', now)).toMatchObject({ from: '2026-01-01', to: '2026-03-18', by: 'month', rest: ['csv'] });
    expect(parseStaffRange('2026-1-1 2026-01-31', 'Asia/Shanghai', now)).toMatchObject({ from: '2026-01-01', to: '2026-01-31', by: 'day' });
    expect(() => parseStaffRange('2026-02-30', 'Asia/Shanghai', now)).toThrow(/不是有效日期/u);
    expect(() => parseStaffRange('2026-03-01 2026-02-01', 'Asia/Shanghai', now)).toThrow(/晚于/u);
  });
});

describe('#定时 times', () => {
  it('reads YYYY-MM-DD HH:mm in the bureau time zone whatever the machine zone', () => {
    const at = zonedTime('2026-01-05', 9, 30, 'Asia/Shanghai');
    expect(new Date(at).toISOString()).toBe('2026-01-05T01:30:00.000Z');
    expect(formatZoned(at, 'Asia/Shanghai')).toBe('2026-01-05 09:30');
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseSchedule('2026-01-05 09:30 @新洲 停水通知', 'Asia/Shanghai', now)).toEqual({ at, rest: '@新洲 停水通知' });
    expect(() => parseSchedule('2025-12-31 09:30 x', 'Asia/Shanghai', now)).toThrow(/已经过去/u);
    expect(() => parseSchedule('明天 9点 x', 'Asia/Shanghai', now)).toThrow(/YYYY-MM-DD HH:mm/u);
    expect(() => parseSchedule('2026-01-05 25:00 x', 'Asia/Shanghai', now)).toThrow(/不是有效/u);
  });
});

describe('splitMessage', () => {
  it('keeps short texts whole and splits long ones at sentence ends under the limit', () => {
    expect(splitMessage('短句。', 10)).toEqual(['短句。']);
    const parts = splitMessage('第一句话。第二句话！第三句？第四句很长很长很长很长，很长很长很长很长很长，很长很长。\n最后', 12);
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(12);
    expect(parts.join('').replace(/\s/g, '')).toBe('第一句话。第二句话！第三句？第四句很长很长很长很长，很长很长很长很长很长，很长很长。最后');
    expect(parts[0]).toBe('第一句话。第二句话！');
  });

  it('hard-cuts a sentence without any punctuation', () => {
    const parts = splitMessage('字'.repeat(25), 10);
    expect(parts.map((p) => p.length)).toEqual([10, 10, 5]);
  });
});
