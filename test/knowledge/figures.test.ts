import { describe, expect, it } from 'vitest';
import { extractFigures, sameFigure } from '../../src/knowledge/figures.js';

const brief = (text: string) => extractFigures(text).map((f) => [f.kind, f.value, f.unit, f.raw]);

describe('extractFigures: money', () => {
  it('reads Arabic, Chinese and mixed amounts in yuan', () => {
    expect(brief('可以处以2万元以下的罚款')).toEqual([['money', 20000, '元', '2万元']]);
    expect(brief('罚款五千元')).toEqual([['money', 5000, '元', '五千元']]);
    expect(brief('处二万元罚款')).toEqual([['money', 20000, '元', '二万元']]);
    expect(brief('罚0.5万元')).toEqual([['money', 5000, '元', '0.5万元']]);
    expect(brief('罚款３万元')).toEqual([['money', 30000, '元', '３万元']]);
    expect(brief('罚款两千元')).toEqual([['money', 2000, '元', '两千元']]);
    expect(brief('罚款1,000元')).toEqual([['money', 1000, '元', '1,000元']]);
  });

  it('gives two figures for a range', () => {
    expect(brief('处五千元以上五万元以下的罚款')).toEqual([
      ['money', 5000, '元', '五千元'],
      ['money', 50000, '元', '五万元'],
    ]);
    expect(brief('处5000元以上5万元以下罚款')).toEqual([
      ['money', 5000, '元', '5000元'],
      ['money', 50000, '元', '5万元'],
    ]);
  });

  it('lends the unit of the second number to the first in a short range', () => {
    expect(brief('罚款5000至5万元')).toEqual([
      ['money', 5000, '元', '5000至5万元'],
      ['money', 50000, '元', '5万元'],
    ]);
    expect(brief('罚款2至5万元')).toEqual([
      ['money', 20000, '元', '2至5万元'],
      ['money', 50000, '元', '5万元'],
    ]);
    expect(brief('3至6个月')).toEqual([
      ['duration', 3, '个月', '3至6个月'],
      ['duration', 6, '个月', '6个月'],
    ]);
    expect(brief('10-20%')).toEqual([
      ['percent', 10, '%', '10-20%'],
      ['percent', 20, '%', '20%'],
    ]);
  });

  it('reports the position of each figure', () => {
    const [f] = extractFigures('可以罚2万元');
    expect(f?.index).toBe(3);
  });
});

describe('extractFigures: durations and percentages', () => {
  it('reads days, working days, months, years and hours', () => {
    expect(brief('十五日内，6个月，三个月，两年，5个工作日，七个工作日，24小时内，三天')).toEqual([
      ['duration', 15, '日', '十五日'],
      ['duration', 6, '个月', '6个月'],
      ['duration', 3, '个月', '三个月'],
      ['duration', 2, '年', '两年'],
      ['duration', 5, '个工作日', '5个工作日'],
      ['duration', 7, '个工作日', '七个工作日'],
      ['duration', 24, '小时', '24小时'],
      ['duration', 3, '日', '三天'],
    ]);
    expect(brief('自收到决定书之日起六十日内')).toEqual([['duration', 60, '日', '六十日']]);
  });

  it('treats 天 as 日 and 月 as 个月, but not 工作日 as 日', () => {
    const [tian] = extractFigures('3天');
    const [ri] = extractFigures('三日');
    const [workday] = extractFigures('三个工作日');
    const [yue] = extractFigures('6月内');
    const [geyue] = extractFigures('六个月');
    expect(tian && ri && sameFigure(tian, ri)).toBe(true);
    expect(yue && geyue && sameFigure(yue, geyue)).toBe(true);
    expect(workday && ri && sameFigure(workday, ri)).toBe(false);
  });

  it('reads percentages in both forms', () => {
    expect(brief('百分之五十，30%，15％')).toEqual([
      ['percent', 50, '%', '百分之五十'],
      ['percent', 30, '%', '30%'],
      ['percent', 15, '%', '15％'],
    ]);
  });
});

describe('extractFigures: what is not a figure', () => {
  it.each([
    ['hotlines', '请拨打城管热线12319，或市民热线12345；紧急情况拨打110、119、122，消费投诉12315'],
    ['years and dates', '本办法自2026年3月1日起施行，2005年6月1日的规定同时废止；二〇二六年起执行'],
    ['times of day', '晚上10点到早上6点，夜间22时至次日6时禁止施工'],
    ['article numbers and ordinals', '依据第十四条第二款、第42条第（三）项，第3日'],
    ['calendar months', '每年3月植树，3月份，3月底前'],
    ['numbers without a unit', '三名执法人员，两个摊位，1米宽'],
    ['words with 一', '统一年度计划，上一年度'],
    ['numbers after a Latin letter', 'PM2.5年均浓度'],
    ['service hours', '热线24小时值班，24小时受理'],
    ['vague amounts', '数万元，百年大计，千万不要'],
    ['festivals', '正月十五元宵节'],
  ])('%s', (_, text) => {
    expect(extractFigures(text)).toEqual([]);
  });
});

describe('extractFigures: law phrasing', () => {
  it('reads 以上一百万元 and a bare 千元 / 百年 before 以上/以下', () => {
    expect(brief('处十万元以上一百万元以下的罚款')).toEqual([
      ['money', 100000, '元', '十万元'],
      ['money', 1000000, '元', '一百万元'],
    ]);
    expect(brief('处200元以上千元以下罚款；树龄百年以上')).toEqual([
      ['money', 200, '元', '200元'],
      ['money', 1000, '元', '千元'],
      ['duration', 100, '年', '百年'],
    ]);
  });
});
