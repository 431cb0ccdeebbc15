/**
 * The parts of zod the config module uses, as one module (`import * as z from './zod.js'`).
 *
 * Fast start (issue 7): importing `zod` loads its whole classic API, ~95 ES modules (every
 * locale of its error messages among them), which took ~0.16 s of CPU and ~14 MB of every
 * `pufa ask` before the configuration could even be read. `npm run build` therefore replaces
 * this module's compiled output (`dist/config/zod.js`) by a bundle of exactly these exports
 * and what they use (scripts/bundle-zod.mjs, esbuild): the same zod code, ~190 KB in one
 * module. From source (tsx, vitest) it is a plain re-export of zod. The other modules that
 * validate with zod (knowledge schemas, report guidance, simulate, console) import zod
 * itself: they are not on `pufa ask`'s path with warm caches.
 *
 * A name the config module needs is added here (the type check says so); the bundle follows.
 */
export { array, boolean, coerce, enum, object, string, union } from 'zod';
export type { input, output, infer } from 'zod';
