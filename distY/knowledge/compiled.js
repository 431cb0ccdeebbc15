import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { linesOf, rememberLines } from './source-lines.js';
/**
 * Compiled data cached on disk (fast start, issue 7). Reading `intents/` and `knowledge/`
 * means parsing YAML with source positions and validating it, which only `kb lint`,
 * `kb verify` and error messages need; a bot or `pufa ask` on unchanged data reads the
 * result of the last load instead: one JSON file under the cache folder, named by a
 * sha256 over
 * - the content (names and bytes) of every file of the source folders, and their paths;
 * - the code that compiles it (the files of the compiling module's folder);
 * - the format version below.
 * Any edit, addition, removal or rename of a data file, or a change of the loader, gives a
 * new name, so a stale file is never served: it is rebuilt from the sources, checked, and
 * written again. Nothing is cached when the data has errors (loading throws as before).
 * A missing, unreadable or corrupt cache file is not an error: the data is compiled.
 */
export const COMPILED_FORMAT_VERSION = 1;
/** Compiled files kept per name (one per code version, e.g. `src/` under tsx and `dist/`). */
const KEEP_PER_NAME = 4;
/**
 * sha256 (hex) over every regular file of `dir`, sorted by name: for each, the name, a
 * NUL, the content and a NUL. Any edit, addition, removal or rename changes it.
 */
export function hashDir(dir) {
    const hash = createHash('sha256');
    const names = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => d.name)
        .sort();
    for (const name of names) {
        hash.update(name);
        hash.update('\0');
        hash.update(readFileSync(path.join(dir, name)));
        hash.update('\0');
    }
    return hash.digest('hex');
}
/** A module's file: `x.js` is `x.ts` when running from source (tsx, vitest). */
function codeFile(ref) {
    const p = ref instanceof URL || ref.startsWith('file:') ? fileURLToPath(ref) : ref;
    if (p.endsWith('.js') && !existsSync(p) && existsSync(`${p.slice(0, -3)}.ts`))
        return `${p.slice(0, -3)}.ts`;
    return p;
}
function hashCode(hash, ref) {
    const p = codeFile(ref);
    hash.update(p);
    hash.update('\0');
    if (statSync(p).isDirectory())
        hash.update(hashDir(p));
    else
        hash.update(readFileSync(p));
    hash.update('\0');
}
/** The cache file name for the sources as they are now (throws when a folder cannot be read). */
export function compiledKey(source) {
    const hash = createHash('sha256');
    hash.update(JSON.stringify({ v: COMPILED_FORMAT_VERSION, name: source.name }));
    for (const dir of source.dirs) {
        hash.update(path.resolve(dir));
        hash.update('\0');
        hash.update(hashDir(dir));
        hash.update('\0');
    }
    for (const ref of source.code)
        hashCode(hash, ref);
    return hash.digest('hex').slice(0, 32);
}
// Maps and Sets survive the round trip through JSON as tagged objects.
const TAG = '$pufa:type';
function replacer(_key, value) {
    if (value instanceof Map)
        return { [TAG]: 'Map', entries: [...value] };
    if (value instanceof Set)
        return { [TAG]: 'Set', values: [...value] };
    return value;
}
function reviver(_key, value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return value;
    const tagged = value;
    if (tagged[TAG] === 'Map')
        return new Map(tagged.entries);
    if (tagged[TAG] === 'Set')
        return new Set(tagged.values);
    return value;
}
/** Data as JSON, Maps and Sets included. */
export function encodeCompiled(value) {
    return JSON.stringify(value, replacer);
}
export function decodeCompiled(text) {
    return JSON.parse(text, reviver);
}
function fileFor(dir, name, key) {
    return path.join(dir, `${name}-${key}.json`);
}
/** The compiled value stored under `key`, or undefined (missing or unreadable is not an error). */
export function readCompiled(cacheDir, name, key) {
    let text;
    try {
        text = readFileSync(fileFor(cacheDir, name, key), 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const saved = decodeCompiled(text);
        return saved.key === key ? saved.value : undefined;
    }
    catch {
        return undefined;
    }
}
/** Write atomically (temp file + rename); older files of the same name beyond the newest few are removed. */
export function writeCompiled(cacheDir, name, key, value) {
    mkdirSync(cacheDir, { recursive: true });
    const target = fileFor(cacheDir, name, key);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeCompiled({ key, value }), 'utf8');
    renameSync(tmp, target);
    const older = readdirSync(cacheDir)
        .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.json') && /^[0-9a-f]{32}$/u.test(f.slice(name.length + 1, -5)))
        .map((f) => ({ f, t: statSync(path.join(cacheDir, f)).mtimeMs }))
        .sort((a, b) => b.t - a.t);
    for (const { f } of older.slice(KEEP_PER_NAME))
        rmSync(path.join(cacheDir, f), { force: true });
}
/**
 * The compiled value for `source`: read from the cache when the sources and code are
 * unchanged, else built by `build` (which may throw: nothing is cached then) and stored.
 * A cache that cannot be written is not an error (the next start compiles again).
 */
export async function cachedCompile(source, build, revive = (v) => v) {
    const { cacheDir } = source;
    if (cacheDir === undefined)
        return build();
    let key;
    try {
        key = compiledKey(source);
    }
    catch {
        key = undefined; // a folder that cannot be read: build reports it properly
    }
    if (key !== undefined) {
        const cached = readCompiled(cacheDir, source.name, key);
        if (cached !== undefined)
            return revive(cached);
    }
    const value = await build();
    if (key !== undefined) {
        try {
            writeCompiled(cacheDir, source.name, key, value);
        }
        catch {
            // read-only or full disk: compile again next time
        }
    }
    return value;
}
/** The code the knowledge base is compiled by: this folder (load, schema, authorities …). */
const KB_CODE = [new URL('.', import.meta.url)];
/**
 * `loadKnowledgeBase` through the compiled cache: on unchanged `intents/` and `knowledge/`
 * no YAML is parsed (the loader module, with the YAML parser and the schemas, is not even
 * imported); otherwise they are loaded and checked as always (throwing on errors) and the
 * result is cached. `cacheDir` undefined → always load from the sources.
 */
export async function loadKnowledgeBaseCached(opts) {
    const dirs = { intentsDir: opts.intentsDir, knowledgeDir: opts.knowledgeDir };
    const cached = await cachedCompile({ cacheDir: opts.cacheDir, name: 'kb', dirs: [opts.intentsDir, opts.knowledgeDir], code: KB_CODE }, async () => {
        const { loadKnowledgeBase } = await import('./load.js');
        const kb = loadKnowledgeBase(dirs);
        return { kb, lines: [...kb.answers.values()].map((a) => [...linesOf(a)]) };
    }, (saved) => {
        [...saved.kb.answers.values()].forEach((a, i) => rememberLines(a, new Map(saved.lines[i] ?? [])));
        return saved;
    });
    return cached.kb;
}
//# sourceMappingURL=compiled.js.map