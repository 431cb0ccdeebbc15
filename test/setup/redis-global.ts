import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRedisServer, type RedisServerHandle } from '../../src/redis/server.js';

/**
 * Starts one real, throwaway redis-server for the whole test run on a free port and
 * hands its URL to the tests (`inject('redisUrl')`). Tests isolate themselves with
 * their own key prefix or database number. No Redis mocks anywhere.
 */
let server: RedisServerHandle | undefined;
let dir: string | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-test-redis-'));
  server = await startRedisServer({ dir, bin: process.env.REDIS_SERVER_BIN ?? 'redis-server' });
  project.provide('redisUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
