import { describe, expect, it } from 'vitest';
import { formatCitations } from '../../src/render/render.js';

describe('formatCitations', () => {
  it('names each law once, its articles in order, in law style', () => {
    const list = [
      { law: '城市道路管理条例', article: 42, local: false },
      { law: '城市道路管理条例', article: 27, local: false },
      { law: '武汉市市容环境卫生管理条例', local: true },
    ];
    expect(formatCitations(list)).toBe('《城市道路管理条例》第二十七条、第四十二条；《武汉市市容环境卫生管理条例》');
  });

  it('gives each list its own line, however often a list is formatted (the lines are kept per list)', () => {
    const a = [{ law: '城市市容和环境卫生管理条例', article: 14, local: false }];
    const b = [{ law: '城市市容和环境卫生管理条例', article: 110, local: false }];
    expect(formatCitations(a)).toBe('《城市市容和环境卫生管理条例》第十四条');
    expect(formatCitations(b)).toBe('《城市市容和环境卫生管理条例》第一百一十条');
    expect(formatCitations(a)).toBe('《城市市容和环境卫生管理条例》第十四条');
  });
});
