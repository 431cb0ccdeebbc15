import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * deploy/compose.yaml, deploy/pufa-bot.service and deploy/Dockerfile, checked by parsing
 * only (no container engine runs in CI): the start command, ports, volumes and environment
 * agree with each other, with package.json, .env.example and the README.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (p: string): string => readFileSync(path.join(ROOT, p), 'utf8');

/** A small reader for systemd unit files: sections, repeated keys, comments, `\` continuations. */
export function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section: Record<string, string[]> | undefined;
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[([^\]]+)\]$/.exec(line);
    if (head) {
      section = out[head[1]!] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (!section || eq <= 0) throw new Error(`unit line ${i + 1}: not "Key=value" inside a section: ${line}`);
    const key = line.slice(0, eq).trim();
    (section[key] ??= []).push(line.slice(eq + 1).trim());
  }
  return out;
}

/** Variable names and values of an env file (`NAME=value`, comments skipped). */
function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) vars.set(m[1]!, m[2]!);
  }
  return vars;
}

/** `Environment=A=1 B=2` entries (systemd allows several per line). */
function unitEnvironment(values: string[] = []): Map<string, string> {
  const env = new Map<string, string>();
  for (const v of values) for (const pair of v.match(/(?:"[^"]*"|[^\s"])+/g) ?? []) {
    const clean = pair.replace(/^"|"$/g, '');
    const eq = clean.indexOf('=');
    env.set(clean.slice(0, eq), clean.slice(eq + 1));
  }
  return env;
}

/** Instructions of the last stage of a Dockerfile, and how many stages there are. */
function parseDockerfile(text: string): { stages: string[]; last: [string, string][] } {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const stages: string[] = [];
  let last: [string, string][] = [];
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'FROM') {
      stages.push(m[2]!);
      last = [];
    }
    last.push([m[1]!, m[2]!]);
  }
  return { stages, last };
}

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  env_file?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
}

const compose = parse(read('deploy/compose.yaml')) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
const unit = parseUnit(read('deploy/pufa-bot.service'));
const dockerfile = parseDockerfile(read('deploy/Dockerfile'));
const envExample = parseEnvFile(read('.env.example'));
const readme = read('README.md');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string } };
const bot = compose.services.bot!;
const redis = compose.services.redis!;
const service = unit.Service!;
const dockerEnv = new Map(dockerfile.last.filter(([k]) => k === 'ENV').flatMap(([, v]) => [...unitEnvironment([v])]));

/** `npm start` runs this (the prestart rebuild aside). */
const START = pkg.scripts.start!.split(/\s+/);

describe('deploy files agree with each other, package.json, .env.example and the README', () => {
  it('all three start the bot with the command `npm start` runs', () => {
    // With the young generation's size of README "Accuracy and speed" (fewer garbage-collector pauses).
    expect(START).toEqual(['node', '--max-semi-space-size=64', '--min-semi-space-size=64', 'dist/cli/main.js', 'start']);
    const cmd = dockerfile.last.find(([k]) => k === 'CMD')?.[1];
    expect(JSON.parse(cmd ?? 'null')).toEqual(START);
    expect(bot.command).toEqual(START);
    const exec = service.ExecStart?.[0]?.split(/\s+/) ?? [];
    expect(path.basename(exec[0] ?? '')).toBe('node');
    expect(exec.slice(1)).toEqual(START.slice(1));
    // The unit's working directory holds dist/ (an npm ci'd checkout), like the image's /app.
    expect(dockerfile.last.find(([k]) => k === 'WORKDIR')?.[1]).toBe('/app');
    expect(service.WorkingDirectory).toEqual(['/opt/pufa-bot']);
  });

  it('the image: multi-stage, Node 20, npm ci and build, non-root, a data volume', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    for (const s of dockerfile.stages) expect(s).toMatch(/^node:20[-.\w]*/);
    expect(pkg.engines.node).toBe('>=20');
    const text = read('deploy/Dockerfile');
    expect(text).toMatch(/npm ci\b/);
    expect(text).toContain('npm prune --omit=dev');
    const user = dockerfile.last.filter(([k]) => k === 'USER').at(-1)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)$/);
    const volume = JSON.parse(dockerfile.last.find(([k]) => k === 'VOLUME')?.[1] ?? '[]') as string[];
    expect(volume).toEqual([dockerEnv.get('PUFA_DATA_DIR')]);
    expect(dockerEnv.get('PUFA_CACHE_DIR')?.startsWith(`${dockerEnv.get('PUFA_DATA_DIR')}/`)).toBe(true);
    // What the image copies exists, and the build context does not send secrets or state.
    for (const [k, v] of dockerfile.last) if (k === 'COPY' && !v.startsWith('--from')) expect(existsSync(path.join(ROOT, v.split(/\s+/)[0]!))).toBe(true);
    const ignore = read('.dockerignore').split(/\r?\n/);
    for (const p of ['.env', 'node_modules', 'data']) expect(ignore).toContain(p);
  });

  it('compose: the bot is built from deploy/Dockerfile, reads .env, and its data and Redis persist in volumes', () => {
    expect(path.resolve(ROOT, 'deploy', bot.build!.context)).toBe(ROOT);
    expect(existsSync(path.join(ROOT, bot.build!.dockerfile))).toBe(true);
    expect(bot.build!.dockerfile).toBe('deploy/Dockerfile');
    expect(bot.env_file?.map((f) => path.resolve(ROOT, 'deploy', f))).toEqual([path.join(ROOT, '.env')]);
    expect(bot.restart).toBe('unless-stopped');
    expect(redis.restart).toBe('unless-stopped');

    // Redis: AOF on, its /data in a named volume.
    const args = redis.command ?? [];
    expect(args[args.indexOf('--appendonly') + 1]).toBe('yes');
    const redisVolume = (redis.volumes ?? []).map((v) => v.split(':')).find(([, target]) => target === '/data');
    expect(redisVolume?.[0]).toBeDefined();
    expect(compose.volumes).toHaveProperty(redisVolume![0]!);

    // The bot reaches that Redis by its service name and keeps its state in a named volume.
    const env = bot.environment ?? {};
    const url = new URL(env.REDIS_URL!);
    expect(Object.keys(compose.services)).toContain(url.hostname);
    expect(Number(url.port || 6379)).toBe(6379);
    expect(bot.depends_on?.[url.hostname]?.condition).toBe('service_healthy');
    const dataVolume = (bot.volumes ?? []).map((v) => v.split(':')).find(([, target]) => target === env.PUFA_DATA_DIR);
    expect(dataVolume, 'a volume mounted at PUFA_DATA_DIR').toBeDefined();
    expect(compose.volumes).toHaveProperty(dataVolume![0]!);
    expect(env.PUFA_DATA_DIR).toBe(dockerEnv.get('PUFA_DATA_DIR'));
    expect(env.PUFA_CACHE_DIR?.startsWith(`${env.PUFA_DATA_DIR}/`)).toBe(true);
  });

  it('every variable the compose file, the unit and the image set is a documented one in .env.example', () => {
    const names = [...Object.keys(bot.environment ?? {}), ...unitEnvironment(service.Environment).keys(), ...dockerEnv.keys()];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect([...envExample.keys()], `${name} in .env.example`).toContain(name);
  });

  it('ports: the compose file publishes exactly the console port it sets (when there is a console)', () => {
    const env = bot.environment ?? {};
    const published = (bot.ports ?? []).map((p) => String(p));
    if (!envExample.has('CONSOLE_PORT')) {
      expect(published).toEqual([]);
      expect(redis.ports ?? []).toEqual([]);
      return;
    }
    const port = env.CONSOLE_PORT;
    expect(port, 'CONSOLE_PORT set for the container').toMatch(/^\d+$/);
    expect(env.CONSOLE_HOST, 'the console listens on every interface inside the container').toBe('0.0.0.0');
    // Published on the host's loopback only: a reverse proxy with HTTPS goes in front.
    expect(published).toEqual([`127.0.0.1:${port}:${port}`]);
    expect(redis.ports ?? [], 'Redis is not published').toEqual([]);
    expect(readme).toContain(`127.0.0.1:${port}`);
    // The image declares it, and the health check asks the console's /healthz there.
    expect(dockerfile.last.filter(([k]) => k === 'EXPOSE').map(([, v]) => v)).toEqual([port]);
    const health = (bot as { healthcheck?: { test: string[] } }).healthcheck?.test.join(' ') ?? '';
    expect(health).toContain(`http://127.0.0.1:${port}/healthz`);
  });

  it('the unit: a dedicated user, a restart policy, .env in the working directory, writable data only', () => {
    expect(service.User?.[0]).toBeDefined();
    expect(service.User?.[0]).not.toBe('root');
    expect(service.Restart?.[0]).toMatch(/^(on-failure|always)$/);
    expect(service.EnvironmentFile).toEqual([`${service.WorkingDirectory![0]}/.env`]);
    const writable = (service.ReadWritePaths ?? []).flatMap((v) => v.split(/\s+/)).map((p) => p.replace(/^-/, ''));
    for (const v of ['PUFA_DATA_DIR', 'PUFA_CACHE_DIR']) expect(writable).toContain(path.posix.join(service.WorkingDirectory![0]!, envExample.get(v)!));
    expect(service.ProtectSystem).toEqual(['strict']);
    expect(unit.Install?.WantedBy).toEqual(['multi-user.target']);
  });

  it('systemd accepts the unit (systemd-analyze verify, where installed)', () => {
    const run = spawnSync('systemd-analyze', ['verify', path.join(ROOT, 'deploy/pufa-bot.service')], { encoding: 'utf8', timeout: 20_000 });
    if (run.error) {
      console.warn(`[deploy] systemd-analyze not available (${run.error.message}); the unit was checked by parsing only`);
      return;
    }
    // Unknown keys and bad values are warnings naming the file and line, not a failing exit code.
    const about = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.includes('pufa-bot.service'));
    expect(about).toEqual([]);
  });

  it('the README tells how to install with each and names the same paths and volumes', () => {
    const ops = readme.slice(readme.indexOf('## Operations'));
    expect(readme.indexOf('## Operations')).toBeGreaterThan(0);
    expect(ops).toContain('cp .env.example .env');
    expect(ops).toContain('docker compose -f deploy/compose.yaml up -d');
    expect(ops).toContain('docker build -f deploy/Dockerfile');
    expect(ops).toContain('systemctl enable --now pufa-bot');
    expect(ops).toContain(service.WorkingDirectory![0]!);
    for (const v of Object.keys(compose.volumes)) expect(ops).toContain(v);
    expect(ops).toContain('HASH_SALT');
    expect(ops).toMatch(/appendonly|AOF/);
  });
});
