import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
function runRecorded(args: string[], name: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; modules: string[] }> {
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
        ...env,
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

/**
 * What only compiling the data or training needs: the YAML parser with source positions,
 * the knowledge checker and its schemas, the report-guidance reader, node-nlp's languages,
 * pinyin-pro (the homophone readings are compiled once: src/nlu/pinyin-table.ts).
 */
const COMPILE_ONLY = [
  /node_modules\/pinyin-pro\//,
  /node_modules\/yaml\//,
  /\/src\/knowledge\/(load|schema|yaml-file|authorities|verify|laws|review)\./,
  /\/src\/nlu\/(report-guide|calibrate|evaluate)\./,
  /node_modules\/@nlpjs\/lang-/,
];
const compileOnlyIn = (modules: string[]): string[] => modules.filter((m) => COMPILE_ONLY.some((re) => re.test(m)));

describe('pufa ask with warm caches (fast start)', () => {
  it('parses no YAML and loads no checker or training-only module; a changed file is rebuilt, never served stale', async () => {
    // A copy of the fixture with a cache of its own: the first run compiles and trains.
    const copy = path.join(tmp, 'kb-copy');
    cpSync(dirs.root, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}cache`) });
    const env = { PUFA_INTENTS_DIR: path.join(copy, 'intents'), PUFA_KNOWLEDGE_DIR: path.join(copy, 'knowledge'), PUFA_CACHE_DIR: path.join(copy, 'cache') };
    const question = ['ask', '夜市摊位怎么申请'];
    const cold = await runRecorded(question, 'ask-cold', env);
    expect(cold.code).toBe(0);
    // The recorder sees the compiling modules when they do load.
    expect(compileOnlyIn(cold.modules).some((m) => m.includes('node_modules/yaml/'))).toBe(true);

    const warm = await runRecorded(question, 'ask-warm', env);
    expect(warm.code).toBe(0);
    expect(warm.stdout).toBe(cold.stdout);
    expect(compileOnlyIn(warm.modules)).toEqual([]);

    // An answer edited in the copy: rebuilt (YAML read again) and the new wording answered.
    const file = path.join(env.PUFA_KNOWLEDGE_DIR, 'street_vending.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('带上身份证明。', '带上身份证明和摊位照片。'));
    const edited = await runRecorded(question, 'ask-edited', env);
    expect(edited.stdout).toContain('带上身份证明和摊位照片');
    expect(compileOnlyIn(edited.modules).some((m) => m.includes('node_modules/yaml/'))).toBe(true);
    const again = await runRecorded(question, 'ask-again', env);
    expect(again.stdout).toBe(edited.stdout);
    expect(compileOnlyIn(again.modules)).toEqual([]);
  }, 600_000);
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
