import { readFileSync } from 'node:fs';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { KbProblem } from './types.js';

/**
 * Reading one staff-edited YAML file: syntax errors and schema errors both come back as
 * `KbProblem`s carrying the file, the line and the entry (an intent id, or `answers[3]`),
 * never as an exception with a stack trace.
 */

/** A path into the parsed data, as zod reports it: `['answers', 3, 'title']`. */
export type DataPath = readonly PropertyKey[];

export interface YamlFileOptions {
  /**
   * Name of the entry a path points into, for messages: given `['intents', 3, …]` and the
   * raw data, return e.g. the intent id. Falls back to `intents[3]`.
   */
  entryOf?: (path: DataPath, raw: unknown) => string | undefined;
}

export interface ParsedYamlFile<T> {
  file: string;
  /** Raw file content ('' when unreadable). */
  text: string;
  /** The validated data, when there was no error. */
  data?: T;
  problems: KbProblem[];
  /** 1-based line of the node at `path` (or of its nearest existing parent). */
  lineOf(path: DataPath): number | undefined;
}

/** Read `file` and validate it against `schema`. Never throws for bad content. */
export function readYamlFile<T>(file: string, schema: z.ZodType<T>, options: YamlFileOptions = {}): ParsedYamlFile<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `cannot read file (${(err as Error).message})`;
    return { file, text: '', problems: [{ file, message: reason, severity: 'error' }], lineOf: () => undefined };
  }
  return parseYamlText(file, text, schema, options);
}

/** Same as `readYamlFile` for text already in memory; `file` is only used in messages. */
export function parseYamlText<T>(file: string, text: string, schema: z.ZodType<T>, options: YamlFileOptions = {}): ParsedYamlFile<T> {
  const lineCounter = new LineCounter();
  // prettyErrors off: we want the bare message and place the line ourselves.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineOf = (path: DataPath) => nodeLine(doc, path, lineAt);

  if (doc.errors.length > 0) {
    const problems = doc.errors.map<KbProblem>((e) => ({
      file,
      line: lineAt(e.pos[0]),
      message: `YAML syntax: ${firstLine(e.message)}`,
      severity: 'error',
    }));
    return { file, text, problems, lineOf };
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { file, text, problems: [{ file, line: 1, message: `YAML: ${firstLine((err as Error).message)}`, severity: 'error' }], lineOf };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { file, text, data: parsed.data, problems: [], lineOf };

  const problems: KbProblem[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path;
    const entry = entryName(path, raw, options);
    const field = fieldName(path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file,
          line: keyLine(doc, path, key, lineAt) ?? lineOf(path),
          ...(entry === undefined ? {} : { entry }),
          message: `unknown key "${key}"${field ? ` in ${field}` : ''} (misspelt? see docs/knowledge-format.md)`,
          severity: 'error',
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && getAt(raw, path) === undefined && path.length > 0;
    const message = missing ? `"${field}" is missing` : `${field ? `${field}: ` : ''}${issue.message}`;
    problems.push({ file, line: lineOf(path), ...(entry === undefined ? {} : { entry }), message, severity: 'error' });
  }
  return { file, text, problems, lineOf };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Line of the node at `path`, walking up to the nearest node that exists. */
function nodeLine(doc: Document, path: DataPath, lineAt: (offset: number) => number): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}

/** Line of key `key` inside the mapping at `path`. */
function keyLine(doc: Document, path: DataPath, key: string, lineAt: (offset: number) => number): number | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (!isMap(node)) return undefined;
  for (const item of node.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key && item.key.range) return lineAt(item.key.range[0]);
  }
  return undefined;
}

function getAt(raw: unknown, path: DataPath): unknown {
  let cur = raw;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function entryName(path: DataPath, raw: unknown, options: YamlFileOptions): string | undefined {
  const custom = options.entryOf?.(path, raw);
  if (custom !== undefined) return custom;
  if (path.length >= 2 && typeof path[1] === 'number') return `${String(path[0])}[${path[1]}]`;
  return undefined;
}

/** `title`, `citations[1].article` — the path below the entry, for messages. */
function fieldName(path: DataPath): string {
  const below = path.length >= 2 && typeof path[1] === 'number' ? path.slice(2) : path;
  return below.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`), '');
}
