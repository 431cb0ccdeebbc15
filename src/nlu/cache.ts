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

/** `model-<kind>-<key>.json`: one current model per ranker kind (the anchor and the brain side by side). */
function prefixFor(kind: string): string {
  return kind ? `model-${kind}-` : 'model-';
}

function fileFor(dir: string, key: string, kind: string): string {
  return path.join(dir, `${prefixFor(kind)}${key}.json`);
}

/** The cached model for `key`, or undefined (missing or unreadable cache is not an error). */
export function readCachedModel(dir: string, key: string, kind = ''): string | undefined {
  try {
    return readFileSync(fileFor(dir, key, kind), 'utf8');
  } catch {
    return undefined;
  }
}

/** Write atomically (temp file + rename) and remove older models of the same kind. */
export function writeCachedModel(dir: string, key: string, model: string, kind = ''): void {
  mkdirSync(dir, { recursive: true });
  const target = fileFor(dir, key, kind);
  const prefix = prefixFor(kind);
  // Same kind, or a model of the old un-kinded naming.
  const sameKind = (name: string): boolean => (kind !== '' && name.startsWith(prefix)) || /^model-[0-9a-f]+\.json$/u.test(name);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, model, 'utf8');
  renameSync(tmp, target);
  for (const name of readdirSync(dir)) {
    if (sameKind(name) && name.endsWith('.json') && name !== path.basename(target)) {
      rmSync(path.join(dir, name), { force: true });
    }
  }
}
