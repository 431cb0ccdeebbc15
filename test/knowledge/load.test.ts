import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PufaError } from '../../src/core/errors.js';
import { collectKbProblems, loadKnowledgeBase } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problems.js';
import type { KbProblem } from '../../src/knowledge/types.js';
import { ANSWER_PENALTY_TEXT as ANSWER_PENALTY_OK, INTENTS_STREET, lineOf, makeKb, utterances, yamlList, type KbFixture } from './kb-fixture.js';

let kb: KbFixture | undefined;
afterEach(() => {
  kb?.remove();
  kb = undefined;
});

function check(overrides: Record<string, string | null> = {}) {
  kb = makeKb(overrides);
  return collectKbProblems(kb);
}

const errors = (ps: KbProblem[]) => ps.filter((p) => p.severity === 'error');
const warnings = (ps: KbProblem[]) => ps.filter((p) => p.severity === 'warning');

/** An intents file for street_vending with the given extra intents (YAML text). */
const streetIntents = (extra: string) => `${INTENTS_STREET}${extra}`;
const streetAnswers = (extra: string) => `topic: street_vending\nanswers:\n${ANSWER_PENALTY_OK}${extra}`;

describe('loadKnowledgeBase: a valid knowledge base', () => {
  it('loads topics, intents, answers and terms', () => {
    kb = makeKb();
    const loaded = loadKnowledgeBase(kb);
    expect(loaded.topics.map((t) => t.id)).toEqual(['street_vending', 'out_of_scope', 'chitchat']);
    expect(loaded.topicNames.get('street_vending')).toBe('占道经营');
    expect(loaded.common.bureau).toBe('新洲区城市管理执法局');
    // Files are read in name order: out_of_scope.yaml before street_vending.yaml.
    expect(loaded.intents.map((i) => i.id)).toEqual(['out_of_scope.appliance', 'street_vending.penalty']);
    expect(loaded.terms).toEqual(['摆摊', '油烟机', '占道经营']);

    const intent = loaded.intents.find((i) => i.id === 'street_vending.penalty');
    expect(intent?.utterances).toHaveLength(15);
    expect(intent?.source).toEqual({ file: path.join(kb.intentsDir, 'street_vending.yaml'), line: lineOf(INTENTS_STREET, 'id: street_vending.penalty') });

    const answer = loaded.answers.get('street_vending.penalty');
    // The folded `>-` block is joined without the stray space between Chinese characters.
    expect(answer?.short).toBe('在城市道路上占道摆摊，可以处2万元以下罚款。');
    expect(answer?.citations).toEqual([
      { law: '城市道路管理条例', article: 42, local: false },
      { law: '中华人民共和国行政复议法', article: 20, local: false },
      { law: '武汉市市容环境卫生管理条例', local: true },
    ]);
    expect(answer?.disclaimer).toBe('以上为普法参考。');
    expect(answer?.urgent).toBe(false);
    expect(answer?.nextSteps).toEqual(['有异议可以在六十日内申请行政复议。']);
    expect(loaded.intentsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes intentsHash when an intents file changes', () => {
    kb = makeKb();
    const before = loadKnowledgeBase(kb).intentsHash;
    expect(loadKnowledgeBase(kb).intentsHash).toBe(before);
    kb.write('intents', 'street_vending.yaml', `${INTENTS_STREET}      - 再加一句问法\n`);
    expect(loadKnowledgeBase(kb).intentsHash).not.toBe(before);
  });

  it('reports no problem at all', () => {
    expect(check().problems).toEqual([]);
  });
});

describe('loader errors name the file and the line', () => {
  it('malformed YAML', () => {
    const broken = INTENTS_STREET.replace('terms: [占道经营, 摆摊]', 'terms: [占道经营, 摆摊');
    const { problems, kb: loaded } = check({ 'intents/street_vending.yaml': broken });
    expect(loaded).toBeUndefined();
    const [p] = errors(problems);
    expect(p?.file).toBe(path.join(kb!.intentsDir, 'street_vending.yaml'));
    expect(p?.line).toBeGreaterThanOrEqual(2);
    expect(p?.message).toMatch(/^YAML syntax:/);
    expect(() => loadKnowledgeBase(kb!)).toThrow(PufaError);
    try {
      loadKnowledgeBase(kb!);
    } catch (err) {
      expect((err as PufaError).code).toBe('PUFA_ERR_INTENTS');
      expect((err as PufaError).problems[0]).toMatch(/street_vending\.yaml:\d+: YAML syntax/);
    }
  });

  it('tabs, duplicate keys and an unclosed quote never throw', () => {
    for (const text of ['topic: street_vending\n\tintents: []\n', 'topic: a\ntopic: b\nintents: []\n', "topic: 'street_vending\n", '', '- just\n- a list\n', 'intents: *nothing\n']) {
      const { problems } = check({ 'intents/street_vending.yaml': text });
      expect(errors(problems).some((p) => p.file.endsWith('street_vending.yaml'))).toBe(true);
      kb?.remove();
    }
  });

  it('an intent without an answer', () => {
    const text = streetIntents(`  - id: street_vending.permit\n    utterances:\n${yamlList(utterances('摆摊许可'))}\n`);
    const { problems } = check({ 'intents/street_vending.yaml': text });
    expect(errors(problems).map(formatProblem)).toEqual([
      `${path.join(kb!.intentsDir, 'street_vending.yaml')}:${lineOf(text, 'street_vending.permit')}: street_vending.permit: intent has no answer in ${path.join(kb!.knowledgeDir, 'street_vending.yaml')}`,
    ]);
    try {
      loadKnowledgeBase(kb!);
      expect.unreachable();
    } catch (err) {
      expect((err as PufaError).problems).toHaveLength(1);
    }
  });

  it('an answer for a missing intent', () => {
    const extra = ANSWER_PENALTY_OK.replace('street_vending.penalty', 'street_vending.ghost');
    const text = streetAnswers(extra);
    const { problems } = check({ 'knowledge/street_vending.yaml': text });
    const [p] = errors(problems);
    expect(p).toMatchObject({ entry: 'street_vending.ghost', line: lineOf(text, 'street_vending.ghost') });
    expect(p?.message).toMatch(/missing intent/);
    try {
      loadKnowledgeBase(kb!);
      expect.unreachable();
    } catch (err) {
      expect((err as PufaError).code).toBe('PUFA_ERR_KNOWLEDGE');
    }
  });

  it('fewer than 15 utterances', () => {
    const text = INTENTS_STREET.replace(/\n {6}- 占道经营罚款问题15/, '');
    const { problems } = check({ 'intents/street_vending.yaml': text });
    expect(errors(problems)).toEqual([
      expect.objectContaining({ line: lineOf(text, 'id: street_vending.penalty'), entry: 'street_vending.penalty', message: expect.stringMatching(/14 utterance.*at least 15/) }),
    ]);
  });

  it('empty and duplicate utterances within an intent', () => {
    const text = INTENTS_STREET.replace('占道经营罚款问题15', '占道经营罚款问题1').replace('      - 占道经营罚款问题3\n', '      - 占道经营罚款问题3\n      -\n      - "  "\n');
    const { problems } = check({ 'intents/street_vending.yaml': text });
    const messages = errors(problems).map((p) => [p.line, p.message]);
    expect(messages).toContainEqual([lineOf(text, '问题3') + 1, 'utterance 4 is empty']);
    expect(messages).toContainEqual([lineOf(text, '问题3') + 2, 'utterance 5 is empty']);
    expect(messages).toContainEqual([lineOf(text, '占道经营罚款问题1', lineOf(text, '问题14')), expect.stringMatching(/duplicate utterance "占道经营罚款问题1" \(first on line \d+\)/)]);
    expect(messages).toContainEqual([lineOf(text, 'id: street_vending.penalty'), expect.stringMatching(/14 utterance/)]);
  });

  it('an utterance of emoji or punctuation only', () => {
    const text = INTENTS_STREET.replace('      - 占道经营罚款问题3\n', '      - 占道经营罚款问题3\n      - 👍\n      - "？？！"\n');
    const { problems } = check({ 'intents/street_vending.yaml': text });
    const messages = errors(problems).map((p) => [p.line, p.message]);
    expect(messages).toContainEqual([lineOf(text, '问题3') + 1, 'utterance "👍" has no words once emoji and punctuation are removed']);
    expect(messages).toContainEqual([lineOf(text, '问题3') + 2, 'utterance "？？！" has no words once emoji and punctuation are removed']);
  });

  it('schema errors: a missing field and a misspelt key', () => {
    const text = streetAnswers('').replace('    title: 占道经营的处罚\n', '').replace('    next_steps:', '    next_step:');
    const { problems } = check({ 'knowledge/street_vending.yaml': text });
    const errs = errors(problems);
    expect(errs).toContainEqual(expect.objectContaining({ entry: 'street_vending.penalty', line: lineOf(text, 'intent: street_vending.penalty'), message: '"title" is missing' }));
    expect(errs).toContainEqual(expect.objectContaining({ entry: 'street_vending.penalty', line: lineOf(text, 'next_step:'), message: expect.stringContaining('unknown key "next_step"') }));
  });

  it('a citation with neither article nor local, and a bad article number', () => {
    const text = streetAnswers('')
      .replace('{ law: 城市道路管理条例, article: 42 }', '{ law: 城市道路管理条例 }')
      .replace('article: 第二十条', 'article: 第二十款');
    const { problems } = check({ 'knowledge/street_vending.yaml': text });
    const errs = errors(problems);
    expect(errs).toContainEqual(expect.objectContaining({ line: lineOf(text, '{ law: 城市道路管理条例 }'), message: expect.stringContaining('needs an `article`') }));
    expect(errs).toContainEqual(expect.objectContaining({ line: lineOf(text, '第二十款'), message: expect.stringContaining('article number like 14') }));
  });

  it('short longer than 300 characters; an in-scope answer without citation', () => {
    const long = '占'.repeat(301);
    const text = streetAnswers('').replace(/ {4}short: >-\n.*\n.*\n/, `    short: ${long}\n`).replace(/ {4}citations:\n(?: {6}- .*\n)+/, '');
    const { problems } = check({ 'knowledge/street_vending.yaml': text });
    expect(errors(problems).map((p) => [p.line, p.message.replace(/:.*/, '')])).toEqual([
      [lineOf(text, 'intent: street_vending.penalty'), 'no citation'],
      [lineOf(text, 'short:'), 'short is 301 characters; at most 300 (it is sent to group chats)'],
    ]);
  });

  it('unknown topic, topic not matching the file name, bad intent ids, duplicate ids', () => {
    kb = makeKb();
    kb.write('intents', 'parking.yaml', `topic: parking\nintents:\n  - id: parking.where\n    utterances:\n${yamlList(utterances('停车'))}\n`);
    kb.write('intents', 'noise.yaml', `topic: street_vending\nintents: []\n`);
    kb.write(
      'intents',
      'street_vending.yaml',
      streetIntents(
        `  - id: StreetVending\n    utterances:\n${yamlList(utterances('甲'))}\n  - id: noise.night\n    utterances:\n${yamlList(utterances('乙'))}\n  - id: street_vending.penalty\n    utterances:\n${yamlList(utterances('丙'))}\n`,
      ),
    );
    const messages = errors(collectKbProblems(kb).problems).map((p) => `${path.basename(p.file)}:${p.entry ?? '-'}: ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^parking\.yaml:-: unknown topic "parking"/));
    expect(messages).toContainEqual(expect.stringMatching(/^noise\.yaml:-: topic "street_vending" does not match the file name/));
    expect(messages).toContainEqual(expect.stringMatching(/^street_vending\.yaml:StreetVending: intent id must be <topic>\.<slug>/));
    expect(messages).toContainEqual(expect.stringMatching(/^street_vending\.yaml:noise\.night: intent id must start with the file's topic "street_vending\."/));
    expect(messages).toContainEqual(expect.stringMatching(/^street_vending\.yaml:street_vending\.penalty: duplicate intent id \(first at .*:4\)/));
  });

  it('a duplicate answer', () => {
    const text = streetAnswers(ANSWER_PENALTY_OK);
    const { problems } = check({ 'knowledge/street_vending.yaml': text });
    expect(errors(problems)).toEqual([expect.objectContaining({ line: lineOf(text, 'intent: street_vending.penalty', 5), message: expect.stringMatching(/^duplicate answer \(first at .*:3\)$/) })]);
  });

  it('a topic with no intents', () => {
    const { problems } = check({ 'intents/out_of_scope.yaml': null, 'knowledge/out_of_scope.yaml': 'topic: out_of_scope\nanswers: []\n' });
    expect(errors(problems)).toEqual([expect.objectContaining({ file: path.join(kb!.knowledgeDir, 'topics.yaml'), line: 3, entry: 'out_of_scope', message: expect.stringContaining('has no intents') })]);
  });

  it('a folder that does not exist', () => {
    const { problems, kb: loaded } = collectKbProblems({ intentsDir: '/nonexistent/intents', knowledgeDir: '/nonexistent/knowledge' });
    expect(loaded).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      '/nonexistent/intents: intents folder not found (set PUFA_INTENTS_DIR or --intents)',
      '/nonexistent/knowledge: knowledge folder not found (set PUFA_KNOWLEDGE_DIR or --knowledge)',
    ]);
  });
});

describe('lint warnings', () => {
  it('an utterance shared by two intents, a long title, no next_steps — the knowledge base still loads', () => {
    const intents = streetIntents(`  - id: street_vending.permit\n    utterances:\n${yamlList([...utterances('摆摊许可', 14), '占道经营罚款问题2'])}\n`);
    const answers = streetAnswers(`  - intent: street_vending.permit\n    title: 想合法摆摊的话应该去哪里申请临时摊位许可证\n    points:\n      - { say: 向街道咨询。, cite: [武汉市市容环境卫生管理条例], short: true }\n`);
    const { problems, kb: loaded } = check({ 'intents/street_vending.yaml': intents, 'knowledge/street_vending.yaml': answers });
    expect(errors(problems)).toEqual([]);
    expect(loaded?.answers.size).toBe(3);
    expect(warnings(problems)).toEqual([
      expect.objectContaining({ entry: 'street_vending.permit', line: lineOf(intents, '占道经营罚款问题2', 22), message: expect.stringMatching(/^utterance "占道经营罚款问题2" is also an utterance of street_vending.penalty/) }),
      expect.objectContaining({ entry: 'street_vending.penalty', line: 3, message: expect.stringMatching(/^written as short\/full text: write it as points/) }),
      expect.objectContaining({ entry: 'street_vending.permit', line: lineOf(answers, 'intent: street_vending.permit'), message: expect.stringMatching(/^no next_steps/) }),
      expect.objectContaining({ entry: 'street_vending.permit', line: lineOf(answers, '想合法摆摊'), message: expect.stringMatching(/^title is 21 characters/) }),
    ]);
  });
});
