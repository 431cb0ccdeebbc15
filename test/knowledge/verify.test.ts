import { afterEach, describe, expect, it } from 'vitest';
import { loadLaws } from '../../src/knowledge/laws.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problems.js';
import { verifyKnowledge, verifyKnowledgeWithStats } from '../../src/knowledge/verify.js';
import { ANSWER_PENALTY_TEXT, LAWS_DIR, lineOf, makeKb, type KbFixture } from './kb-fixture.js';

const laws = loadLaws(LAWS_DIR);
let kb: KbFixture | undefined;
afterEach(() => {
  kb?.remove();
  kb = undefined;
});

/** Verify the fixture with the street_vending answer replaced by `answer` (YAML text). */
function verifyAnswer(answer: string) {
  const text = `topic: street_vending\nanswers:\n${answer}`;
  kb = makeKb({ 'knowledge/street_vending.yaml': text });
  return { text, problems: verifyKnowledge(loadKnowledgeBase(kb), laws) };
}

describe('verifyKnowledge', () => {
  it('passes an answer whose figures are in its cited articles', () => {
    kb = makeKb();
    const { problems, stats } = verifyKnowledgeWithStats(loadKnowledgeBase(kb), laws);
    expect(problems).toEqual([]);
    // 2万元 in short and full, 六十日 in next_steps.
    expect(stats).toEqual({ answers: 2, citations: 3, figures: 3 });
  });

  it('catches a wrong amount: 3万元 where 城市道路管理条例 第42条 says 2万元', () => {
    const { text, problems } = verifyAnswer(ANSWER_PENALTY_TEXT.replace('可以处2万元以下罚款', '可以处3万元以下罚款'));
    expect(problems.map(formatProblem)).toEqual([
      `${kb!.knowledgeDir}/street_vending.yaml:${lineOf(text, 'short:')}: street_vending.penalty: figure "3万元" (30000 元) in short is not in any cited article (《城市道路管理条例》第42条; 《中华人民共和国行政复议法》第20条; they give 2万元)`,
    ]);
  });

  it('compares Chinese and Arabic numerals by value', () => {
    const { problems } = verifyAnswer(ANSWER_PENALTY_TEXT.replace('可以处2万元以下罚款', '可以处二万元以下罚款').replace('六十日', '60天'));
    expect(problems).toEqual([]);
  });

  it('keeps units apart: 60个工作日 is not 六十日', () => {
    const { text, problems } = verifyAnswer(ANSWER_PENALTY_TEXT.replace('六十日', '60个工作日'));
    expect(problems).toEqual([
      expect.objectContaining({ line: lineOf(text, '60个工作日'), severity: 'error', message: expect.stringMatching(/^figure "60个工作日" \(60 个工作日\) in next_steps\[0\] is not in any cited article/) }),
    ]);
  });

  it('names the file and line of a citation of a missing article', () => {
    const { text, problems } = verifyAnswer(ANSWER_PENALTY_TEXT.replace('article: 42', 'article: 99'));
    expect(problems.map(formatProblem)).toContainEqual(
      `${kb!.knowledgeDir}/street_vending.yaml:${lineOf(text, 'article: 99')}: street_vending.penalty: 《城市道路管理条例》has no 第99条 (it has 1–45)`,
    );
    // Its figures then have no article to come from.
    expect(problems.filter((p) => p.message.startsWith('figure "2万元"'))).toHaveLength(1);
  });

  it('rejects a law we do not hold unless it is cited as local', () => {
    const { text, problems } = verifyAnswer(ANSWER_PENALTY_TEXT.replace('{ law: 武汉市市容环境卫生管理条例, local: true }', '{ law: 武汉市市容环境卫生管理条例, article: 20 }'));
    expect(problems).toEqual([
      expect.objectContaining({ line: lineOf(text, '武汉市'), severity: 'error', message: expect.stringContaining('《武汉市市容环境卫生管理条例》 is not in the law library') }),
    ]);
  });

  it('warns when a held national text is cited as local', () => {
    const { text, problems } = verifyAnswer(ANSWER_PENALTY_TEXT.replace('{ law: 武汉市市容环境卫生管理条例, local: true }', '{ law: 行政处罚法, local: true }'));
    expect(problems).toEqual([expect.objectContaining({ line: lineOf(text, '行政处罚法'), severity: 'warning', message: expect.stringContaining('cite it with an article number') })]);
  });

  it('accepts a PRC law without its 中华人民共和国 prefix', () => {
    const { problems } = verifyAnswer(ANSWER_PENALTY_TEXT.replace('中华人民共和国行政复议法', '行政复议法'));
    expect(problems).toEqual([]);
  });

  it('allows no figure in an answer that cites only a local rule', () => {
    const answer = ANSWER_PENALTY_TEXT.replace(/ {6}- \{ law: (?:城市道路管理条例|中华人民共和国行政复议法).*\n/g, '');
    const { problems } = verifyAnswer(answer);
    expect(problems.map((p) => p.message)).toEqual([
      'figure "2万元" (20000 元) in short, full is not in any cited article (no national article is cited; a local rule is named without figures)',
      'figure "六十日" (60 日) in next_steps[0] is not in any cited article (no national article is cited; a local rule is named without figures)',
    ]);
  });

  it('checks ranges in Arabic law texts against Chinese amounts in the answer', () => {
    const answer = `  - intent: street_vending.penalty
    title: 运输渣土沿途遗撒
    short: 沿途遗撒建筑垃圾的，处五千元以上五万元以下罚款。
    full: 运输建筑垃圾沿途丢弃、遗撒的，责令限期改正，给予警告，处5000至5万元罚款。
    next_steps:
      - 拨打12319举报，城管24小时受理。
    citations:
      - { law: 城市建筑垃圾管理规定, article: 23 }
`;
    expect(verifyAnswer(answer).problems).toEqual([]);
    const wrong = verifyAnswer(answer.replace('五万元以下', '十万元以下')).problems;
    expect(wrong.map((p) => p.message)).toEqual([expect.stringMatching(/^figure "十万元" \(100000 元\) in short/)]);
  });
});
