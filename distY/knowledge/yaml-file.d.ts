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
export declare function readYamlFile<T>(file: string, schema: z.ZodType<T>, options?: YamlFileOptions): ParsedYamlFile<T>;
/** Same as `readYamlFile` for text already in memory; `file` is only used in messages. */
export declare function parseYamlText<T>(file: string, text: string, schema: z.ZodType<T>, options?: YamlFileOptions): ParsedYamlFile<T>;
