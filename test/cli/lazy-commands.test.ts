import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, requestedCommand } from '../../src/cli/commands/index.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * Fast start (issue 7): `pufa --help` and `--version` import no command module, so no
 * model, node-nlp, wechaty, jieba or Redis client; `pufa ask` loads node-nlp's Chinese NLU
 * only (not node-nlp's NlpManager with its 40 languages) and nothing of WeChat. Asserted
 * by recording every module the CLI process loads, not by timing.
 */

const HEAVY = [
  /node_modules\/node-nlp\//,
  /node_modules\/@nlpjs\//,
  /node_modules\/wechaty/,
  /node_modules\/@node-rs\/jieba/,
  /node_modules\/opencc-js\//,
  /node_modules\/ioredis\//,
  /node_modules\/bullmq\//,
  /node_modules\/yaml\//,
  /node_modules\/pino-pretty\//,
  /\/src\/nlu\//,
  /\/src\/knowledge\//,
  /\/src\/cli\/commands\/(?!index\.)/,
];

let dirs: FixtureDirs;
let tmp: string;

beforeAll(() => {
  dirs = writeFixtureKb();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pufa-lazy-'));
});
afterAll(() => {
  rmSync(dirs.root, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

/** Run the CLI from source (as the other CLI tests do) and return its output and the modules it loaded. */
function runRecorded(args: string[], name: string): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  const out = path.join(tmp, `${name}.txt`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', path.join(REPO_ROOT, 'test/helpers/module-recorder.mjs'), path.join(REPO_ROOT, 'src/cli/main.ts'), ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PUFA_MODULES_OUT: out,
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        PUFA_INTENTS_DIR: dirs.intentsDir,
        PUFA_KNOWLEDGE_DIR: dirs.knowledgeDir,
        PUFA_CACHE_DIR: dirs.cacheDir,
        PUFA_DATA_DIR: path.join(dirs.root, 'data'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, modules: readFileSync(out, 'utf8').split('\n').filter(Boolean).map((m) => m.replaceAll('\\', '/')) }));
  });
}

const heavyIn = (modules: string[]): string[] => modules.filter((m) => HEAVY.some((re) => re.test(m)));

describe('pufa --help / --version load nothing heavy', () => {
  it('--version prints the version and loads no command, model, node-nlp, jieba, wechaty or Redis client', async () => {
    const r = await runRecorded(['--version'], 'version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('0.1.0');
    // The recorder works: it saw the CLI itself and commander.
    expect(r.modules.some((m) => m.endsWith('/src/cli/main.ts'))).toBe(true);
    expect(r.modules.some((m) => m.includes('node_modules/commander/'))).toBe(true);
    expect(heavyIn(r.modules)).toEqual([]);
  }, 180_000);

  it('--help lists every command without loading any of them', async () => {
    const r = await runRecorded(['--help'], 'help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
    expect(heavyIn(r.modules)).toEqual([]);
  }, 180_000);

  it('ask loads node-nlp\'s Chinese NLU only, and nothing of WeChat or the other commands', async () => {
    const r = await runRecorded(['ask', '占道经营罚多少钱'], 'ask');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('依据：');
    const loaded = (re: RegExp): boolean => r.modules.some((m) => re.test(m));
    expect(loaded(/node_modules\/@nlpjs\/nlp\//)).toBe(true);
    expect(loaded(/node_modules\/@node-rs\/jieba\//)).toBe(true);
    for (const re of [/node_modules\/node-nlp\//, /node_modules\/@nlpjs\/lang-/, /node_modules\/@nlpjs\/builtin-/, /node_modules\/wechaty/, /node_modules\/bullmq\//, /node_modules\/ioredis\//, /\/src\/cli\/commands\/(?!index\.|ask\.)/]) {
      expect(r.modules.filter((m) => re.test(m)), String(re)).toEqual([]);
    }
  }, 300_000);
});

describe('the command table', () => {
  it('finds the requested command in argv', () => {
    expect(requestedCommand(['ask', '占道经营', '--json'])).toBe('ask');
    expect(requestedCommand(['--help'])).toBeUndefined();
    expect(requestedCommand(['help', 'stats'])).toBe('stats');
    expect(requestedCommand(['-V'])).toBeUndefined();
  });

  it('lists each command with the name and description its module registers', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('pufa');
      (await entry.load())(program);
      const names = program.commands.map((c) => c.name());
      expect(names, entry.name).toEqual([entry.name]);
      expect(program.commands[0]?.description(), entry.name).toBe(entry.description);
    }
  }, 300_000);
});
