import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/render/render.js';
import { loadLaws } from '../../src/knowledge/laws.js';
import { collectKbProblems, loadKnowledgeBase } from '../../src/knowledge/load.js';
import { verifyKnowledge } from '../../src/knowledge/verify.js';
import { LAWS_DIR, REPO_ROOT, makeKb, type KbFixture } from './kb-fixture.js';

/**
 * Answers as legal points, the authority table and the modality/scope qualifiers. Each
 * kind of error the issue names is planted in a small knowledge base (with the shipped
 * knowledge/_qualifiers.yaml and _authorities.yaml) and must be caught.
 */

const laws = loadLaws(LAWS_DIR);
const SHIPPED_QUALIFIERS = readFileSync(path.join(REPO_ROOT, 'knowledge/_qualifiers.yaml'), 'utf8');
const SHIPPED_AUTHORITIES = readFileSync(path.join(REPO_ROOT, 'knowledge/_authorities.yaml'), 'utf8');

let kb: KbFixture | undefined;
afterEach(() => {
  kb?.remove();
  kb = undefined;
});

/** A street_vending.penalty answer made of `points` (YAML list items, indented 6). */
function answerWith(points: string, extra = ''): string {
  return `topic: street_vending
answers:
  - intent: street_vending.penalty
    title: 占道经营的处罚
    points:
${points}
    next_steps:
      - 拨打12319咨询。
${extra}`;
}

function build(points: string, files: Record<string, string | null> = {}) {
  kb = makeKb({
    'knowledge/street_vending.yaml': answerWith(points),
    'knowledge/_qualifiers.yaml': SHIPPED_QUALIFIERS,
    'knowledge/_authorities.yaml': SHIPPED_AUTHORITIES,
    ...files,
  });
  return kb;
}

function lint(points: string, files: Record<string, string | null> = {}) {
  return collectKbProblems(build(points, files)).problems.filter((p) => p.severity === 'error').map((p) => p.message);
}

function verify(points: string, files: Record<string, string | null> = {}) {
  const fixture = build(points, files);
  const check = collectKbProblems(fixture);
  expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return verifyKnowledge(check.kb!, laws).map((p) => p.message);
}

describe('points: one set of legal points for both forms', () => {
  const POINTS = `      - say: 在城市道路上摆摊，可以处2万元以下罚款。
        cite: 城市道路管理条例 42
        short: true
      - say: 擅自在街道两侧堆放物料、搭建设施影响市容的，责令停止、限期清理，并可以罚款
        cite: [城市市容和环境卫生管理条例 36, 武汉市市容环境卫生管理条例]
      - say: 建议先向街道咨询疏导点。
        advice: true`;

  it('renders the short form from the short points and the full form from all of them, each citing what it shows', () => {
    const entry = loadKnowledgeBase(build(POINTS)).answers.get('street_vending.penalty')!;
    expect(entry.short).toBe('在城市道路上摆摊，可以处2万元以下罚款。');
    expect(entry.full).toBe('在城市道路上摆摊，可以处2万元以下罚款。擅自在街道两侧堆放物料、搭建设施影响市容的，责令停止、限期清理，并可以罚款。建议先向街道咨询疏导点。');
    const common = { bureau: 'x', hotline: '城管热线 12319', disclaimer: '以上为普法参考。' };
    const group = renderAnswer(entry, { channel: 'room', common });
    const priv = renderAnswer(entry, { channel: 'private', common });
    expect(group).toContain('依据：《城市道路管理条例》第四十二条\n');
    expect(group).not.toContain('市容');
    expect(priv).toContain('依据：《城市道路管理条例》第四十二条；《城市市容和环境卫生管理条例》第三十六条；《武汉市市容环境卫生管理条例》');
    expect(priv).toContain('下一步可以这样做：\n1. 拨打12319咨询。');
    // Framed as a report, the next steps are the report's, not the answer's own.
    const reported = renderAnswer(entry, { channel: 'private', common, steps: false });
    expect(reported).not.toContain('下一步');
    expect(reported).toContain('依据：《城市道路管理条例》第四十二条；');
  });

  it('lint fails on a legal point that cites nothing', () => {
    expect(lint(`      - say: 占道经营一律罚款五百元。\n        short: true`)).toContainEqual(expect.stringMatching(/^point "占道经营一律罚款五百元。" cites nothing/));
  });

  it('lint fails on "advice" that states law, and on an answer with no short point', () => {
    expect(lint(`      - say: 摆摊会被罚款，建议收摊。\n        advice: true\n        short: true`)).toContainEqual(expect.stringMatching(/^advice point .* states law \("罚款"\)/));
    expect(lint(`      - say: 可以处2万元以下罚款。\n        cite: 城市道路管理条例 42`)).toEqual(['no point is marked short: true (the group reply would be empty)']);
  });

  it('lint fails when the short points come to more than 300 characters', () => {
    const long = '占'.repeat(301);
    expect(lint(`      - say: ${long}\n        cite: 城市道路管理条例 42\n        short: true`)).toEqual(['the points marked short come to 302 characters; at most 300 (it is sent to group chats)']);
  });

  it('verify checks a figure against the articles of its own point, not of the whole answer', () => {
    const messages = verify(`      - say: 在城市道路上摆摊，可以处2万元以下罚款。
        cite: 行政处罚法 33
        short: true
      - say: 初次违法且及时改正的，可以不予处罚。
        cite: 城市道路管理条例 42`);
    expect(messages).toEqual([expect.stringMatching(/^figure "2万元" \(20000 元\) in points\[0\] is not in any cited article \(《中华人民共和国行政处罚法》第33条\)/)]);
  });
});

describe('kb verify: modality and scope', () => {
  it('catches 并处 where the article says 可以处 (found by the amount, no data needed)', () => {
    const messages = verify(`      - say: 擅自占用城市道路的，责令限期改正，并处2万元以下罚款。\n        cite: 城市道路管理条例 42\n        short: true`, { 'knowledge/_qualifiers.yaml': null });
    expect(messages).toEqual([expect.stringMatching(/^points\[0\]: says "并处" for the fine of 2万元, but 《城市道路管理条例》第42条 says 可以\/可处/)]);
    expect(verify(`      - say: 擅自占用城市道路的，责令限期改正，可以处2万元以下罚款。\n        cite: 城市道路管理条例 42\n        short: true`)).toEqual([]);
  });

  it('catches 应当/必须 for an optional fine without an amount (may: true in the data)', () => {
    const messages = verify(`      - say: 擅自在街道两侧堆放物料影响市容的，必须处以罚款。\n        cite: 城市市容和环境卫生管理条例 36\n        short: true`);
    expect(messages).toContainEqual(expect.stringMatching(/^points\[0\]: says "必须" for 罚款, but 《城市市容和环境卫生管理条例》第36条 says 可以/));
  });

  it('catches a condition the article does not set (avoid): a fine only 拒不改正的', () => {
    const messages = verify(`      - say: 擅自在街道两侧摆摊影响市容的，责令停止、限期清理，拒不改正的，可以罚款。\n        cite: 城市市容和环境卫生管理条例 36\n        short: true`);
    expect(messages).toEqual([expect.stringMatching(/^points\[0\]: ties 罚款 to "拒不改正", which 《城市市容和环境卫生管理条例》第36条 does not say/)]);
  });

  it('catches a dropped scope word: 户外广告 where the article says 大型户外广告', () => {
    const wrong = verify(`      - say: 设置户外广告、灯箱，须先征得城管部门同意。\n        cite: 城市市容和环境卫生管理条例 11\n        short: true`);
    expect(wrong).toEqual([expect.stringMatching(/^points\[0\]: says "户外广告" without "大型", but 《城市市容和环境卫生管理条例》第11条 speaks only of 大型…户外广告/)]);
    expect(verify(`      - say: 设置大型户外广告，须先征得城管部门同意。\n        cite: 城市市容和环境卫生管理条例 11\n        short: true`)).toEqual([]);
  });

  it('catches a dropped caveat: 夜间 22时 without 另行规定', () => {
    expect(verify(`      - say: 夜间是指22时至次日6时。\n        cite: 噪声污染防治法 88\n        short: true`)).toEqual([expect.stringMatching(/^points\[0\]: says "夜间" without "另行规定"/)]);
    expect(verify(`      - say: 夜间一般是指22时至次日6时，设区的市可以另行规定。\n        cite: 噪声污染防治法 88\n        short: true`)).toEqual([]);
  });

  it('catches rules of one measure told of another: 先行登记保存 with a 决定书 and 清单', () => {
    expect(verify(`      - say: 先行登记保存时，执法人员应当当场交付决定书和清单。\n        cite: 行政处罚法 56\n        short: true`)).toEqual([
      expect.stringMatching(/^points\[0\]: ties 先行登记保存 to "决定书"/),
      expect.stringMatching(/^points\[0\]: ties 先行登记保存 to "清单"/),
    ]);
  });

  it('keeps a figure qualifier in any numerals: 当场罚款 needs 二百元 (200元 will do)', () => {
    expect(verify(`      - say: 执法人员可以当场作出罚款决定。\n        cite: 行政处罚法 51\n        short: true`)).toEqual([expect.stringMatching(/^points\[0\]: says "当场" without "二百元"/)]);
    expect(verify(`      - say: 对个人罚款200元以下的，可以当场作出罚款决定。\n        cite: 行政处罚法 51\n        short: true`)).toEqual([]);
  });

  it('checks the qualifier data itself against the law text', () => {
    const bad = `qualifiers:\n  - cite: 城市道路管理条例 42\n    term: 罚款\n    keep: 大型\n  - cite: 城市道路管理条例 99\n    term: 罚款\n    may: true\n`;
    const messages = verify(`      - say: 可以处2万元以下罚款。\n        cite: 城市道路管理条例 42\n        short: true`, { 'knowledge/_qualifiers.yaml': bad });
    expect(messages).toEqual(
      expect.arrayContaining(['qualifier "大型" is not in 《城市道路管理条例》第42条', '《城市道路管理条例》has no 第99条 (it has 1–45)']),
    );
  });
});

describe('one authority per matter', () => {
  it('fills {@matter} with the authority of the table', () => {
    const entry = loadKnowledgeBase(build(`      - say: 工地扬尘由{@construction_dust}按职责处理。\n        cite: 大气污染防治法 115\n        matter: construction_dust\n        short: true`)).answers.get('street_vending.penalty')!;
    expect(entry.short).toBe('工地扬尘由住房和城乡建设部门按职责处理。');
  });

  it('lint fails when an answer names another authority for a matter of the table', () => {
    expect(lint(`      - say: 工地扬尘属于城管事项，可拨打12319。\n        cite: 大气污染防治法 115\n        short: true`)).toEqual([
      expect.stringMatching(/^"工地扬尘属于城管事项，可拨打12319。" names 城管执法部门 for 施工工地扬尘, but .*_authorities.yaml \(matter construction_dust\) says 住房和城乡建设部门/),
    ]);
    // A negated mention is no claim.
    expect(lint(`      - say: 工地扬尘不属于城管管理，由住建部门负责。\n        cite: 大气污染防治法 115\n        short: true`)).toEqual([]);
  });

  it('lint fails when two answers disagree (out-of-scope redirect vs answer)', () => {
    const oos = `topic: out_of_scope\nanswers:\n  - intent: out_of_scope.appliance\n    title: 环境\n    short: 工地扬尘归城管管，可以问我。\n    full: 工地扬尘归城管管，可以问我。\n`;
    const messages = lint(`      - say: 工地扬尘由{@construction_dust}负责。\n        cite: 大气污染防治法 115\n        short: true`, { 'knowledge/out_of_scope.yaml': oos });
    expect(messages).toEqual([expect.stringMatching(/names 城管执法部门 for 施工工地扬尘/), expect.stringMatching(/names 城管执法部门 for 施工工地扬尘/)]);
  });

  it('lint fails on an unknown matter and on a tagged point that does not name its authority', () => {
    expect(lint(`      - say: 由{@nobody}处理。\n        cite: 城市道路管理条例 42\n        short: true`)).toEqual([expect.stringMatching(/^unknown matter \{@nobody\}/)]);
    expect(lint(`      - say: 工地扬尘会被处理。\n        cite: 大气污染防治法 115\n        matter: construction_dust\n        short: true`)).toEqual([
      expect.stringMatching(/^point is about 施工工地扬尘 \(matter: construction_dust\) but does not name 住房和城乡建设部门/),
    ]);
  });
});
