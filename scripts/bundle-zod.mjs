#!/usr/bin/env node
// Part of `npm run build`, after tsc: dist/config/zod.js (tsc's re-export of zod) becomes a
// bundle of just the zod exports that src/config/zod.ts names, so `pufa ask` loads one
// ~190 KB module instead of zod's ~95 (see src/config/zod.ts). Without esbuild (an install
// without dev dependencies) tsc's re-export stays: the CLI works, it only starts slower.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundle src/config/zod.ts into `outfile` (ESM, Node 20). */
export async function bundleZod(outfile = path.join(root, 'dist/config/zod.js')) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'src/config/zod.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    allowOverwrite: true,
    legalComments: 'inline',
    logLevel: 'warning',
  });
  // tsc's source map described the re-export, not the bundle.
  if (existsSync(`${outfile}.map`)) rmSync(`${outfile}.map`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundleZod().catch((err) => {
    if (err?.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write('bundle-zod: esbuild is not installed; dist/config/zod.js re-exports zod (slower start)\n');
    } else {
      process.stderr.write(`bundle-zod: ${err?.stack ?? err}\n`);
      process.exitCode = 1;
    }
  });
}
