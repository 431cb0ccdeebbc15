import { describe, expect, it } from 'vitest';
import { chineseRange, coverRange, createBucketer, defaultGranularity, formatLocal, isoWeek, isValidDay, namedRange, parseDateTime, parseDay, previousPeriod, spanDays, splitPeriods } from '../../src/stats/time.js';

describe('calendar helpers', () => {
  it('accepts real dates only', () => {
    expect(isValidDay('2026-02-28')).toBe(true);
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
    expect(() => parseDay('2026-2-3', '--from')).toThrow(/YYYY-MM-DD/);
  });

  it('buckets moments in the bureau time zone', () => {
    const b = createBucketer('Asia/Shanghai');
    expect(b(new Date('2026-12-31T16:00:00Z'))).toEqual({ day: '2027-01-01', month: '2027-01', year: '2027', hour: 0 });
    expect(b(new Date('2026-12-31T15:59:59Z'))).toEqual({ day: '2026-12-31', month: '2026-12', year: '2026', hour: 23 });
    expect(createBucketer('Asia/Kolkata')(new Date('2026-01-01T18:29:00Z')).hour).toBe(23);
    expect(createBucketer('Asia/Kolkata')(new Date('2026-01-01T18:31:00Z')).day).toBe('2026-01-02');
  });

  it('ISO weeks start on Monday', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-03-01')).toBe('2026-W09');
    expect(isoWeek('2026-03-02')).toBe('2026-W10');
  });

  it('splits ranges into periods and covers them with years, months and days', () => {
    expect(splitPeriods('2026-01-30', '2026-03-02', 'month').map((p) => [p.period, p.from, p.to])).toEqual([
      ['2026-01', '2026-01-30', '2026-01-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-02'],
    ]);
    expect(coverRange('2025-12-30', '2027-02-02')).toEqual({ years: ['2026'], months: ['2027-01'], days: ['2025-12-30', '2025-12-31', '2027-02-01', '2027-02-02'] });
  });

  it('names ranges as the year-end report does', () => {
    expect(chineseRange('2026-01-01', '2026-12-31')).toBe('2026年');
    expect(chineseRange('2025-01-01', '2026-12-31')).toBe('2025年至2026年');
    expect(chineseRange('2026-03-01', '2026-03-31')).toBe('2026年3月');
    expect(chineseRange('2026-01-01', '2026-03-31')).toBe('2026年1月1日至2026年3月31日');
    expect(chineseRange('2026-05-04', '2026-05-04')).toBe('2026年5月4日');
  });

  it('today / this week / this month / this year in Shanghai', () => {
    const now = new Date('2026-03-04T17:00:00Z'); // Thursday 5 March, 01:00 in Shanghai
    expect(namedRange('today', 'Asia/Shanghai', now)).toEqual({ from: '2026-03-05', to: '2026-03-05' });
    expect(namedRange('week', 'Asia/Shanghai', now)).toEqual({ from: '2026-03-02', to: '2026-03-05' });
    expect(namedRange('month', 'Asia/Shanghai', now)).toEqual({ from: '2026-03-01', to: '2026-03-05' });
    expect(namedRange('year', 'Asia/Shanghai', now)).toEqual({ from: '2026-01-01', to: '2026-03-05' });
  });

  it('parses date-times strictly; no offset means bureau time', () => {
    expect(parseDateTime('2026-03-01T09:30:00+08:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T01:30:00.000Z');
    expect(parseDateTime('2026-03-01T09:30', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T01:30:00.000Z');
    expect(parseDateTime('2026-03-01 09:30:15.250Z', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T09:30:15.250Z');
    expect(parseDateTime('2026-02-30T09:30:00+08:00', 'Asia/Shanghai')).toBeUndefined();
    expect(parseDateTime('2026-03-01T24:00', 'Asia/Shanghai')).toBeUndefined();
    expect(parseDateTime('yesterday', 'Asia/Shanghai')).toBeUndefined();
    expect(formatLocal(new Date('2026-03-01T01:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-01 09:30');
  });

  it('one day-span formula: span, the period compared with, the default grouping', () => {
    expect(spanDays('2026-05-01', '2026-05-03')).toBe(3);
    expect(spanDays('2026-03-01', '2026-03-01')).toBe(1);
    expect(spanDays('2028-01-01', '2028-12-31')).toBe(366);
    expect(previousPeriod('2026-05-01', '2026-05-03')).toEqual({ from: '2026-04-28', to: '2026-04-30' });
    expect(previousPeriod('2026-01-01', '2026-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    // Whole months compare with as many whole months before: March → February, a quarter → the quarter before.
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousPeriod('2026-04-01', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    // A whole year after a leap year: all of 2024, not 2 January – 31 December.
    expect(previousPeriod('2025-01-01', '2025-12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    // The year so far ("今年") compares with the same dates a year earlier (上年同期).
    expect(previousPeriod('2026-01-01', '2026-12-03')).toEqual({ from: '2025-01-01', to: '2025-12-03' });
    expect(previousPeriod('2028-01-01', '2028-02-28')).toEqual({ from: '2027-01-01', to: '2027-02-28' });
    // Up to a month's end is whole months, also from 1 January: January–February → November–December.
    expect(previousPeriod('2028-01-01', '2028-02-29')).toEqual({ from: '2027-11-01', to: '2027-12-31' });
    // Any other range: the stretch of the same length just before.
    expect(previousPeriod('2026-11-04', '2026-12-03')).toEqual({ from: '2026-10-05', to: '2026-11-03' });
    expect(defaultGranularity('2026-03-01', '2026-03-31')).toBe('day');
    expect(defaultGranularity('2026-03-01', '2026-04-01')).toBe('month');
  });
});
