import { Command, CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerKbCommands, runKbLint, runKbVerify } from '../../src/cli/commands/kb.js';
import { main } from '../../src/cli/main.js';
import { PufaError } from '../../src/core/errors.js';
import { ANSWER_PENALTY_OK, LAWS_DIR, makeKb, type KbFixture } from './kb-fixture.js';

let kb: KbFixture | undefined;
let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  // The commands set process.exitCode; never let it leak into the test runner's own exit.
  process.exitCode = undefined;
  kb?.remove();
  kb = undefined;
});

/** Run `pufa kb …` on a program holding only the kb commands; returns the exit code. */
async function run(...args: string[]): Promise<number> {
  const program = new Command('pufa').exitOverride();
  registerKbCommands(program);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    throw e;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

describe('pufa kb lint', () => {
  it('exits 0 and prints a summary for valid data', async () => {
    kb = makeKb();
    expect(await run('kb', 'lint', '--intents', kb.intentsDir, '--knowledge', kb.knowledgeDir)).toBe(0);
    expect(out.join('')).toBe('kb lint: 3 topics, 2 intents, 30 utterances, 2 answers — 0 errors, 0 warnings\n');
  });

  it('exits 1 for a folder that does not exist', async () => {
    expect(await run('kb', 'lint', '--intents', '/nonexistent/intents', '--knowledge', '/nonexistent/knowledge')).toBe(1);
    expect(out.join('')).toContain('错误 /nonexistent/intents: intents folder not found');
  });

  it('exits 1 for malformed YAML and names file and line', async () => {
    kb = makeKb({ 'knowledge/street_vending.yaml': 'topic: street_vending\nanswers:\n  - intent: [oops\n' });
    expect(await run('kb', 'lint', '--intents', kb.intentsDir, '--knowledge', kb.knowledgeDir)).toBe(1);
    expect(out.join('')).toMatch(/^错误 .*street_vending\.yaml:\d+: YAML syntax/m);
  });

  it('prints JSON with --json', async () => {
    kb = makeKb({ 'knowledge/street_vending.yaml': `topic: street_vending\nanswers:\n${ANSWER_PENALTY_OK.replace(/ {4}next_steps:\n {6}- .*\n/, '')}` });
    expect(await run('kb', 'lint', '--json', '--intents', kb.intentsDir, '--knowledge', kb.knowledgeDir)).toBe(0);
    const report = JSON.parse(out.join('')) as { ok: boolean; counts: { warnings: number }; problems: { severity: string; entry: string }[] };
    expect(report.ok).toBe(true);
    expect(report.counts.warnings).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ severity: 'warning', entry: 'street_vending.penalty' })]);
  });

  it('takes the folders from PUFA_INTENTS_DIR / PUFA_KNOWLEDGE_DIR', () => {
    kb = makeKb();
    vi.stubEnv('PUFA_INTENTS_DIR', kb.intentsDir);
    vi.stubEnv('PUFA_KNOWLEDGE_DIR', kb.knowledgeDir);
    const report = runKbLint();
    expect(report.problems).toEqual([]);
    expect(report.counts.intents).toBe(2);
  });

  it('has --help', async () => {
    expect(await run('kb', 'lint', '--help')).toBe(0);
    expect(out.join('')).toContain('--knowledge <dir>');
  });
});

describe('pufa kb verify', () => {
  it('exits 0 for correct figures', async () => {
    kb = makeKb();
    expect(await run('kb', 'verify', '--laws', LAWS_DIR, '--intents', kb.intentsDir, '--knowledge', kb.knowledgeDir)).toBe(0);
    expect(out.join('')).toBe('kb verify: 2 answers, 3 citations, 3 figures checked against 15 laws — 0 errors, 0 warnings\n');
  });

  it('exits 1 for a wrong figure', async () => {
    kb = makeKb({ 'knowledge/street_vending.yaml': `topic: street_vending\nanswers:\n${ANSWER_PENALTY_OK.replace('处2万元', '处3万元')}` });
    expect(await run('kb', 'verify', '--laws', LAWS_DIR, '--intents', kb.intentsDir, '--knowledge', kb.knowledgeDir)).toBe(1);
    expect(out.join('')).toContain('figure "3万元" (30000 元) in points[0] is not in any cited article');
    expect(out.join('')).toContain('— 1 error, 0 warnings');
  });

  it('still verifies the answers it can read when the lint finds errors elsewhere', () => {
    kb = makeKb({ 'knowledge/street_vending.yaml': `topic: street_vending\nanswers:\n${ANSWER_PENALTY_OK.replace('处2万元', '处3万元')}`, 'knowledge/out_of_scope.yaml': 'topic: [' });
    const report = runKbVerify({ lawsDir: LAWS_DIR, intentsDir: kb.intentsDir, knowledgeDir: kb.knowledgeDir });
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^YAML syntax/), expect.stringMatching(/^figure "3万元"/)]);
  });

  it('throws PUFA_ERR_LAWS for a bad laws folder; the CLI exits 2', async () => {
    kb = makeKb();
    expect(() => runKbVerify({ lawsDir: '/nonexistent/laws', intentsDir: kb!.intentsDir, knowledgeDir: kb!.knowledgeDir })).toThrow(PufaError);
    const code = await main(['node', 'pufa', 'kb', 'verify', '--laws', '/nonexistent/laws', '--intents', kb.intentsDir, '--knowledge', kb.knowledgeDir]);
    expect(code).toBe(2);
    expect(err.join('')).toContain('PUFA_ERR_LAWS');
    expect(err.join('')).toContain('/nonexistent/laws');
  });

  it('exits 1 for a nonexistent data folder', async () => {
    expect(await run('kb', 'verify', '--laws', LAWS_DIR, '--intents', '/nonexistent/intents', '--knowledge', '/nonexistent/knowledge')).toBe(1);
    expect(out.join('')).toContain('kb verify: 0 answers');
  });

  it('requires --laws and has --help', async () => {
    expect(await run('kb', 'verify', '--intents', 'x')).toBe(1);
    expect(err.join('')).toContain('--laws');
    expect(await run('kb', 'verify', '--help')).toBe(0);
    expect(out.join('')).toContain('--laws <dir>');
  });
});
