import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PufaError } from '../../src/core/errors.js';
import { articleSpan, findLaw, loadLaws, parseLaw } from '../../src/knowledge/laws.js';
import { LAWS_DIR } from './kb-fixture.js';

/** Article counts from ../shared/laws/INDEX.md. */
const COUNTS: Record<string, number> = {
  'urban-appearance-sanitation-regulation': 45,
  'air-pollution-prevention-law': 129,
  'noise-pollution-prevention-law': 90,
  'urban-rural-planning-law': 70,
  'administrative-penalty-law': 86,
  'administrative-coercion-law': 71,
  'administrative-reconsideration-law': 90,
  'administrative-litigation-law': 103,
  'urban-gas-regulation': 55,
  'urban-greening-regulation': 33,
  'urban-construction-waste-rule': 27,
  'solid-waste-pollution-law': 126,
  'advertising-law': 74,
  'urban-road-regulation': 45,
  'road-traffic-safety-law': 124,
};

describe('loadLaws on ../shared/laws', () => {
  const library = loadLaws(LAWS_DIR);

  it('reads every law of INDEX.md with all its articles, numbered 1..N', () => {
    expect(Object.fromEntries(library.laws.map((l) => [l.slug, l.articles.size]))).toEqual(COUNTS);
    for (const law of library.laws) {
      expect(articleSpan(law)).toBe(`1–${COUNTS[law.slug]}`);
    }
  });

  it('reads the front matter', () => {
    const road = library.byTitle.get('城市道路管理条例');
    expect(road?.level).toBe('行政法规');
    expect(road?.version).toContain('2019-03-24');
    expect(road?.file).toBe(path.join(LAWS_DIR, 'urban-road-regulation.md'));
  });

  it('accepts the U+3000 separator of urban-construction-waste-rule.md', () => {
    const rule = library.byTitle.get('城市建筑垃圾管理规定');
    expect(rule?.articles.size).toBe(27);
    const a22 = rule?.articles.get(22) ?? '';
    expect(a22.startsWith('施工单位未及时清运')).toBe(true);
    expect(a22).toContain('处5000元以上5万元以下罚款。\n施工单位将建筑垃圾交给');
  });

  it('keeps an article\'s 款 and 项 paragraphs, stops at the next article and at headings', () => {
    const road = library.byTitle.get('城市道路管理条例');
    const a42 = road?.articles.get(42) ?? '';
    expect(a42.startsWith('违反本条例第二十七条规定')).toBe(true);
    expect(a42).toContain('(六)未按照批准的位置');
    expect(a42).not.toContain('第四十三条');
    const a6 = road?.articles.get(6) ?? '';
    expect(a6.split('\n')).toHaveLength(3);
    expect(a6).not.toContain('第二章');
  });

  it('finds a title with or without 中华人民共和国 and book-title marks', () => {
    const full = library.byTitle.get('中华人民共和国行政处罚法');
    expect(full).toBeDefined();
    expect(library.byTitle.get('行政处罚法')).toBe(full);
    expect(findLaw(library, '《行政处罚法》')).toBe(full);
    expect(findLaw(library, '中华人民共和国城市道路管理条例')).toBeUndefined();
  });
});

describe('loadLaws errors', () => {
  it('names a folder that does not exist', () => {
    expect(() => loadLaws('/nonexistent/laws')).toThrow(PufaError);
    try {
      loadLaws('/nonexistent/laws');
    } catch (err) {
      expect((err as PufaError).code).toBe('PUFA_ERR_LAWS');
      expect((err as PufaError).message).toContain('/nonexistent/laws');
    }
  });

  it('names a malformed file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-laws-'));
    try {
      writeFileSync(path.join(dir, 'broken.md'), '# 没有前言\n\n第一条 内容\n');
      expect(() => loadLaws(dir)).toThrow(/broken\.md/);
      writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: 测试条例\n---\n\n第一条 甲\n\n第一条 乙\n');
      expect(() => loadLaws(dir)).toThrow(PufaError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an empty folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-laws-'));
    try {
      expect(() => loadLaws(dir)).toThrow(/no law files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses Arabic article numbers and end-of-line labels', () => {
    const law = parseLaw('x.md', '---\ntitle: 测试条例\nlevel: 规章\n---\n# 测试条例\n\n第1条 甲。\n\n第2条\n\n乙。\n\n## 第二章\n\n附注\n');
    expect([...law.articles]).toEqual([
      [1, '甲。'],
      [2, '乙。'],
    ]);
  });
});
