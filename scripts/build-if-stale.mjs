#!/usr/bin/env node
// `npm start`'s prestart: run `npm run build` only when a source is newer than the last
// successful build (dist/.build-stamp, written by `npm run build`), so a start with an
// up-to-date dist/ does not run tsc. Directories count too: a deleted file changes its
// folder's time.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(root, 'dist', '.build-stamp');
// scripts/bundle-zod.mjs is part of the build (the zod bundle of dist/config/zod.js).
const SOURCES = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/bundle-zod.mjs'];

function newest(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  let t = st.mtimeMs;
  if (st.isDirectory()) for (const name of readdirSync(p)) t = Math.max(t, newest(path.join(p, name)));
  return t;
}

let built = 0;
try {
  built = statSync(STAMP).mtimeMs;
} catch {
  built = 0;
}
const changed = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
if (built > 0 && changed <= built) process.exit(0);
process.stderr.write(built === 0 ? 'dist/ is missing or incomplete: building…\n' : 'sources changed since the last build: rebuilding…\n');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
