import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CRASH_ROOMS, populate } from './fixtures/crash-world.js';
import { baseConfig, newMocker, setupShared, sleep, startBot, waitFor, type Shared, type World } from '../wechat/harness.js';

/**
 * A bot process is killed with SIGKILL right after the first group got the announcement
 * (no graceful pause: the job stays "active" with its lock). Another process on the same
 * Redis takes the job over once the lock expires and finishes it: every group gets the
 * announcement at most once, none is skipped, and a group whose send was cut mid-step is
 * reported as uncertain rather than sent twice.
 */
const TEXT = '【通知】仓埠街本周日开展燃气安全检查，请配合。';
const here = path.dirname(fileURLToPath(import.meta.url));

let shared: Shared;
let child: ChildProcess | undefined;
let world: World | undefined;

beforeAll(async () => {
  shared = await setupShared('crash');
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await world?.bot.stop();
  await shared?.cleanup();
});

describe('announcement after a crash', () => {
  it('is taken over by another process: no group twice, none skipped', async () => {
    const config = baseConfig(shared, { ANNOUNCE_GROUP_INTERVAL_MS: 300, SEND_MIN_INTERVAL_MS: 50, SEND_JITTER_MS: 10 });
    const childSent: { at: number; to: string; text: string }[] = [];
    child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'crash-child.ts')], {
      env: { ...process.env, CRASH_CONFIG: JSON.stringify(config), CRASH_TEXT: TEXT, CRASH_REDIS_URL: inject('redisUrl') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const m = JSON.parse(line) as { at: number; to: string; text: string };
        childSent.push(m);
        if (m.text === TEXT && child?.exitCode === null) child.kill('SIGKILL');
      } catch {
        // not ours
      }
    });
    // The child compiles and loads its brain first: on a busy 2-core machine that alone takes tens of seconds.
    await waitFor(() => childSent.some((m) => m.text === TEXT), 150_000, 'the child to send the first group');
    await exited;
    expect(childSent.filter((m) => m.text === TEXT)).toHaveLength(1);

    // The surviving process: same contacts and groups, same Redis.
    const { mocker, puppet } = newMocker();
    const people = populate(mocker);
    world = await startBot(shared, mocker, puppet, people.botUser, config, { announceWorker: { stalledIntervalMs: 300 } });
    const w = world;
    const report = await waitFor(() => w.sent.find((s) => s.to === people.staffer.id && s.text.includes('发送结果')), 60_000, 'the report');
    await sleep(500);

    const all = [...childSent.map((m) => ({ to: m.to, text: m.text })), ...w.sent.map((s) => ({ to: s.to, text: s.text }))];
    const counts = CRASH_ROOMS.map((r) => all.filter((m) => m.to === r.id && m.text === TEXT).length);
    // Every group exactly once: the first by the killed process, the others by the survivor.
    expect(counts).toEqual([1, 1, 1]);
    // The first group was either recorded as sent before the kill, or reported as uncertain — never resent.
    expect(report.text).toMatch(/成功 (3 个群|2 个群，1 个群状态不明)/u);
    console.info(`[crash] report after takeover: ${report.text.split('\n')[0]}`);
  }, 300_000);
});
