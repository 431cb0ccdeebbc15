import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';
import { SHIPPED_LETTER_RULE } from '../../src/nlu/decide.js';

let dirs: FixtureDirs;
let env: Record<string, string>;

beforeAll(() => {
  dirs = writeFixtureKb();
  env = {
    PUFA_INTENTS_DIR: dirs.intentsDir,
    PUFA_KNOWLEDGE_DIR: dirs.knowledgeDir,
    PUFA_CACHE_DIR: dirs.cacheDir,
    PUFA_DATA_DIR: path.join(dirs.root, 'data'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `clitest${process.pid}:`,
  };
});
afterAll(() => rmSync(dirs.root, { recursive: true, force: true }));

describe('pufa (top level)', () => {
  it('prints help for the program and for every command', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['ask', 'eval', 'chat', 'calibrate', 'kb']) expect(top.stdout).toContain(cmd);
    for (const cmd of ['ask', 'eval', 'chat', 'calibrate']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain('Usage');
    }
  }, 180_000);

  it('rejects an unknown command with a non-zero exit', async () => {
    const r = await runCli(['fly']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('unknown command');
  });

  it('names the bad variable when the configuration is invalid', async () => {
    const r = await runCli(['ask', '你好'], { env: { ...env, PUFA_MAX_INPUT_CHARS: 'lots' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PUFA_ERR_CONFIG');
    expect(r.stderr).toContain('PUFA_MAX_INPUT_CHARS');
  });
});

describe('pufa ask', () => {
  it('answers with a citation, as text and as JSON', async () => {
    const text = await runCli(['ask', '占道经营罚多少钱'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('依据：《城市道路管理条例》第四十二条');
    const json = await runCli(['ask', '占道经营罚多少钱', '--json'], { env });
    const obj = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(obj).toMatchObject({ intent: 'street_vending.penalty', topic: 'street_vending', action: 'answer' });
    expect(typeof obj.score).toBe('number');
    expect(obj.reply).toContain('2万元');
  });

  it('reports the clarify and out-of-scope outcomes in JSON', async () => {
    const strict = { ...env, NLU_ANSWER_THRESHOLD: '0.99', NLU_MIN_GAP: '0.5' };
    const clarify = JSON.parse((await runCli(['ask', '半夜摆摊', '--json'], { env: strict })).stdout) as { action: string; choices: unknown[] };
    expect(clarify.action).toBe('clarify');
    expect(clarify.choices.length).toBeGreaterThan(0);
    const oos = JSON.parse((await runCli(['ask', '明天股票会涨吗', '--json'], { env })).stdout) as { action: string; topic: string };
    expect(oos).toMatchObject({ action: 'out_of_scope', topic: 'out_of_scope' });
  });

  it('refuses bad arguments clearly', async () => {
    const missing = await runCli(['ask'], { env });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('missing required argument');
    const channel = await runCli(['ask', '--channel', 'fax', '你好'], { env });
    expect(channel.code).toBe(2);
    expect(channel.stderr).toContain('--channel');
  });

  it('answers emoji-only input with a hint instead of failing', async () => {
    const r = await runCli(['ask', '😀😀😀', '--json'], { env });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { reply: string }).reply).toContain('请用文字描述');
  });
});

describe('pufa eval', () => {
  it('prints per-topic precision/recall, confusions and accuracy lines; --json has the totals', async () => {
    const file = path.join(dirs.root, 'labelled.jsonl');
    writeFileSync(
      file,
      [
        { text: '占道经营罚多少钱', topic: 'street_vending' },
        { text: '夜市摊位怎么申请', topic: 'street_vending' },
        { text: '工地半夜施工找谁投诉', topic: 'noise' },
        { text: '交警贴条怎么处理', topic: 'out_of_scope', uncertain: true },
        { text: '工地半夜施工找谁投诉', topic: 'street_vending', uncertain: true },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const r = await runCli(['eval', file], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('precision');
    expect(r.stdout).toContain('certain-only accuracy: 3/3 = 100.0%');
    expect(r.stdout).toContain('uncertain accuracy: 1/2 = 50.0%');
    expect(r.stdout).toContain('overall accuracy: 4/5 = 80.0%');
    expect(r.stdout).toContain('street_vending → noise: 1');
    const j = JSON.parse((await runCli(['eval', file, '--json'], { env })).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ total: 5, correct: 4, accuracy: 0.8 });
    expect(Array.isArray(j.topics)).toBe(true);
    // Issue 7's rows: ranking and decision figures, overall and per subset.
    expect(j).toMatchObject({ outOfScope: 1, outOfScopeDeclined: 1 });
    for (const k of ['top1', 'coverage', 'answeredPrecision']) expect(j[k]).toBeGreaterThanOrEqual(0.6);
    expect(typeof j.top3).toBe('number');
    expect(typeof j.clarifyHitRate).toBe('number');
    expect((j.certain as Record<string, unknown>).top1).toBe(1);
  });

  it('--compare runs the shipped brain and the anchor side by side', async () => {
    const file = path.join(dirs.root, 'labelled2.jsonl');
    writeFileSync(file, [{ text: '占道经营罚多少钱', topic: 'street_vending' }, { text: '工地半夜施工找谁投诉', topic: 'noise' }].map((o) => JSON.stringify(o)).join('\n'));
    const r = await runCli(['eval', file, '--compare'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pufa\s+anchor/);
    expect(r.stdout).toContain('top-1 topic');
    expect(r.stdout).toContain('answered precision');
    const j = JSON.parse((await runCli(['eval', file, '--compare', '--json'], { env })).stdout) as Record<string, { total: number }>;
    expect(j.pufa?.total).toBe(2);
    expect(j.anchor?.total).toBe(2);
  });

  it('evaluates a file of conversations turn by turn', async () => {
    const file = path.join(dirs.root, 'conversations.jsonl');
    writeFileSync(file, `${JSON.stringify({ turns: [{ text: '占道经营罚多少钱', topic: 'street_vending' }, { text: '谢谢', topic: 'chitchat' }] })}\n`);
    const r = await runCli(['eval', file], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('conversations: 1, turns: 2');
    expect(r.stdout).toContain('turns answered on the right topic: 2/2 = 100.0%');
    const j = JSON.parse((await runCli(['eval', file, '--compare', '--json'], { env })).stdout) as Record<string, { turns: number }>;
    expect(j.pufa?.turns).toBe(2);
    expect(j.anchor?.turns).toBe(2);
  });

  it('names the file and line of a malformed JSONL line, and a missing file', async () => {
    const bad = path.join(dirs.root, 'bad.jsonl');
    writeFileSync(bad, '{"text":"占道","topic":"street_vending"}\n{oops\n{"text":1}\n');
    const r = await runCli(['eval', bad], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.jsonl:2');
    expect(r.stderr).toContain('bad.jsonl:3');
    const missing = await runCli(['eval', path.join(dirs.root, 'nope.jsonl')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
  });
});

describe('pufa chat', () => {
  it('holds a conversation from piped input, including a clarification follow-up', async () => {
    const strict = { ...env, NLU_ANSWER_THRESHOLD: '0.99', NLU_MIN_GAP: '0.5' };
    const r = await runCli(['chat'], { env: strict, input: '占道经营罚多少钱\n1\n\n😀\n半夜摆摊\n1\n退出\n' });
    expect(r.code).toBe(0);
    // A loading line at once, then a ready line, then the banner.
    expect(r.stdout.startsWith('城管普法助手正在加载')).toBe(true);
    expect(r.stdout.indexOf('已就绪')).toBeGreaterThan(0);
    expect(r.stdout.indexOf('已就绪')).toBeLessThan(r.stdout.indexOf('直接输入问题'));
    expect(r.stdout).toContain('城管普法助手');
    expect(r.stdout).toContain('依据：《城市道路管理条例》第四十二条');
    expect(r.stdout).toContain('请用文字描述');
    expect(r.stdout).toContain('请回复');
    expect(r.stdout).toContain('再见');
    // The follow-up "1" produced an answer (a second citation block).
    expect(r.stdout.split('依据：').length).toBeGreaterThanOrEqual(3);
  });
});

describe('pufa calibrate', () => {
  it('chooses thresholds on a labelled file and says which environment lines set them', async () => {
    const file = path.join(dirs.root, 'labelled.jsonl');
    const lines = [
      { text: '在路边摆摊会被罚款吗', topic: 'street_vending' },
      { text: '半夜摆摊', topic: 'street_vending' },
      { text: '明天股票会涨吗', topic: 'out_of_scope' },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const r = await runCli(['calibrate', file], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 条带标签留言');
    expect(r.stdout).toContain('当前配置');
    expect(r.stdout).toMatch(/推荐设置：NLU_ANSWER_THRESHOLD=[\d.]+ NLU_CLARIFY_THRESHOLD=[\d.]+ NLU_MIN_GAP=[\d.]+ NLU_NOT_OURS_SHARE=[\d.]+ NLU_SURE_THRESHOLD=[\d.]+ NLU_LETTER_ANSWER_THRESHOLD=[\d.]+/);
    const json = await runCli(['calibrate', file, '--json'], { env });
    const result = JSON.parse(json.stdout) as { messages: number; rows: { utility: number; thresholds: { letter?: unknown } }[]; best: { utility: number }; current: { utility: number } };
    expect(result.messages).toBe(3);
    // The 300 settings of the grid, each with the shipped letter rule, then on the best of them
    // the letter rule tried again: none (once), or other lengths and scores.
    const shipped = (x: { thresholds: { letter?: unknown } }): boolean => {
      const l = x.thresholds.letter as { chars?: number; answer?: number } | undefined;
      return l?.chars === SHIPPED_LETTER_RULE.chars && l.answer === SHIPPED_LETTER_RULE.answer;
    };
    expect(result.rows.filter(shipped).length).toBe(300);
    expect(result.rows.filter((x) => x.thresholds.letter === undefined)).toHaveLength(1);
    expect(result.rows.filter((x) => x.thresholds.letter !== undefined && !shipped(x)).length).toBeGreaterThan(0);
    expect(result.best.utility).toBe(Math.max(...result.rows.map((x) => x.utility)));
    expect(result.best.utility).toBeGreaterThanOrEqual(result.current.utility);
  }, 180_000);

  it('refuses the evaluation file, our blind set and the check half of the boards set, which are for measuring only', async () => {
    for (const file of [path.join(dirs.root, 'shared', 'eval', 'real.jsonl'), path.join(dirs.root, 'fresh-set.jsonl'), path.join(dirs.root, 'boards24-check.jsonl')]) {
      const r = await runCli(['calibrate', file], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('measuring only');
    }
  });
});
