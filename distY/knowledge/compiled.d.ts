import type { KnowledgeBase } from './types.js';
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
export declare const COMPILED_FORMAT_VERSION = 1;
export interface CompiledSource {
    /** Cache folder; undefined → no cache (always compile). */
    cacheDir: string | undefined;
    /** What is compiled (`kb`, `report-guide`): the file name's prefix. */
    name: string;
    /** Folders whose files the result is compiled from. */
    dirs: readonly string[];
    /** Files or folders of the code that compiles it (module URLs or paths). */
    code: readonly (string | URL)[];
}
/**
 * sha256 (hex) over every regular file of `dir`, sorted by name: for each, the name, a
 * NUL, the content and a NUL. Any edit, addition, removal or rename changes it.
 */
export declare function hashDir(dir: string): string;
/** The cache file name for the sources as they are now (throws when a folder cannot be read). */
export declare function compiledKey(source: CompiledSource): string;
/** Data as JSON, Maps and Sets included. */
export declare function encodeCompiled(value: unknown): string;
export declare function decodeCompiled<T>(text: string): T;
/** The compiled value stored under `key`, or undefined (missing or unreadable is not an error). */
export declare function readCompiled<T>(cacheDir: string, name: string, key: string): T | undefined;
/** Write atomically (temp file + rename); older files of the same name beyond the newest few are removed. */
export declare function writeCompiled(cacheDir: string, name: string, key: string, value: unknown): void;
/**
 * The compiled value for `source`: read from the cache when the sources and code are
 * unchanged, else built by `build` (which may throw: nothing is cached then) and stored.
 * A cache that cannot be written is not an error (the next start compiles again).
 */
export declare function cachedCompile<T>(source: CompiledSource, build: () => T | Promise<T>, revive?: (value: T) => T): Promise<T>;
/**
 * `loadKnowledgeBase` through the compiled cache: on unchanged `intents/` and `knowledge/`
 * no YAML is parsed (the loader module, with the YAML parser and the schemas, is not even
 * imported); otherwise they are loaded and checked as always (throwing on errors) and the
 * result is cached. `cacheDir` undefined → always load from the sources.
 */
export declare function loadKnowledgeBaseCached(opts: {
    intentsDir: string;
    knowledgeDir: string;
    cacheDir: string | undefined;
}): Promise<KnowledgeBase>;
