import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sourceConfig from '../../src/config/config.js';
import * as zodSubset from '../../src/config/zod.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * The built CLI reads its configuration through a bundle of the zod exports the config
 * module uses (scripts/bundle-zod.mjs, src/config/zod.ts: fast start, issue 7). Built here
 * as `npm run build` builds it, into a temporary folder, next to the config module bundled
 * with it; that config must accept, default and reject exactly as the config from source
 * (real zod), with the same messages.
 */
let tmp: string;
let bundled: typeof sourceConfig;
let bundledZod: Record<string, unknown>;
const zodFile = (): string => path.join(tmp, 'config/zod.js');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pufa-zod-'));
  const { bundleZod } = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts/bundle-zod.mjs')).href)) as { bundleZod: (outfile: string) => Promise<void> };
  await bundleZod(zodFile());
  // The config module as tsc compiles it (its own code and ours inlined), importing the zod bundle above.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'src/config/config.ts')],
    outfile: path.join(tmp, 'config/config.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
    plugins: [{ name: 'zod-bundle', setup: (b) => b.onResolve({ filter: /^\.\/zod\.js$/ }, () => ({ path: './zod.js', external: true })) }],
  });
  bundled = (await import(pathToFileURL(path.join(tmp, 'config/config.js')).href)) as typeof sourceConfig;
  bundledZod = (await import(pathToFileURL(zodFile()).href)) as Record<string, unknown>;
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function outcome(config: typeof sourceConfig, env: Record<string, string>): unknown {
  try {
    return { ok: config.loadConfig(env) };
  } catch (err) {
    return { code: (err as { code?: string }).code, problems: (err as { problems?: unknown }).problems };
  }
}

describe('the zod bundle of the built CLI', () => {
  it('exports what src/config/zod.ts exports, and only a part of zod (not its ~95 modules)', () => {
    expect(Object.keys(bundledZod).sort()).toEqual(Object.keys(zodSubset).sort());
    // The whole of zod bundled is ~750 KB; the subset ~190 KB.
    expect(statSync(zodFile()).size).toBeLessThan(400_000);
  });

  it('gives the same configuration and the same error messages as zod itself', () => {
    const envs: Record<string, string>[] = [
      {},
      { BOT_ROOMS: '阳逻普法群，邾城 , ', SEND_MIN_INTERVAL_MS: '2000', CONSOLE_TRUST_PROXY: 'yes', NLU_MIN_GAP: '0.2', REDIS_URL: 'redis://:pw@localhost:6379/1' },
      { REDIS_URL: 'localhost:6379', SEND_DAILY_CAP: '-5', LOG_LEVEL: 'loud', REDIS_PREFIX: 'a b', PUFA_MAX_INPUT_CHARS: 'lots' },
      { CONSOLE_TRUST_PROXY: 'maybe', NLU_ANSWER_THRESHOLD: '2', HASH_SALT: 'short', BOT_FEEDBACK_PROMPT: 'x'.repeat(101), CONSOLE_PORT: '1.5' },
    ];
    for (const env of envs) expect(outcome(bundled, env), JSON.stringify(env)).toEqual(outcome(sourceConfig, env));
    expect(outcome(bundled, envs[2]!)).toMatchObject({ code: 'PUFA_ERR_CONFIG' });
    expect(Object.keys(bundled.configSchema.shape)).toEqual(Object.keys(sourceConfig.configSchema.shape));
  });
});
