import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * The probe: `WECHATY_PUPPET=wechaty-puppet-service` with a token and no network
 * (the token's service cannot be discovered). Before: wechaty printed the full token
 * twice, the process crashed with `TypeError: this.listener.onError is not a function`,
 * and after SIGINT it logged "bot stopped" but never exited. One `pufa start` process.
 */
const TOKEN = 'puppet_workpro_0123456789abcdef_TOKEN_UNDER_TEST';

describe('pufa start with wechaty-puppet-service and no network', () => {
  it('prints no token, does not crash, and exits on SIGINT', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pufa-puppet-service-'));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), 'start'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
        WECHATY_PUPPET: 'wechaty-puppet-service',
        WECHATY_PUPPET_SERVICE_TOKEN: TOKEN,
        // No way out: the token's service is never found.
        WECHATY_PUPPET_SERVICE_AUTHORITY: '127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HASH_SALT: 'puppet-service-test-salt-0123',
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: `t-ps-${process.pid}:`,
        PUFA_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
    try {
      // Up and trying to reach the service (or already given up): the puppet has done its worst by then.
      const deadline = Date.now() + 150_000;
      while (!/bot started|unhandled rejection|stopping puppet/.test(out) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 3000));
      expect(child.exitCode, out.slice(-2000)).toBeNull();
      child.kill('SIGINT');
      const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 90_000))]);
      expect(code, out.slice(-2000)).not.toBe('hung');
      expect(out).not.toContain(TOKEN);
      expect(out).not.toContain('0123456789abcdef_TOKEN');
      expect(out).not.toMatch(/listener\.onError is not a function\n\s+at /);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
