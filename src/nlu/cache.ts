import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Trained models cached on disk, keyed by the content of intents/ plus the engine's
 * settings: a restart with unchanged intents loads the model instead of retraining.
 */
export const MODEL_FORMAT_VERSION = 5;

export function modelKey(parts: { intentsHash: string; engine: string; settings: unknown }): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: MODEL_FORMAT_VERSION, ...parts }))
    .digest('hex')
    .slice(0, 24);
}

function fileFor(dir: string, key: string): string {
  return path.join(dir, `model-${key}.json`);
}

/** The cached model for `key`, or undefined (missing or unreadable cache is not an error). */
export function readCachedModel(dir: string, key: string): string | undefined {
  try {
    return readFileSync(fileFor(dir, key), 'utf8');
  } catch {
    return undefined;
  }
}

/** Write atomically (temp file + rename) and remove models of older keys. */
export function writeCachedModel(dir: string, key: string, model: string): void {
  mkdirSync(dir, { recursive: true });
  const target = fileFor(dir, key);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, model, 'utf8');
  renameSync(tmp, target);
  for (const name of readdirSync(dir)) {
    if (name.startsWith('model-') && name.endsWith('.json') && name !== path.basename(target)) {
      rmSync(path.join(dir, name), { force: true });
    }
  }
}
