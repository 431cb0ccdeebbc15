/** Remember the lines of `entry`'s parts (called by the loader). */
export declare function rememberLines(entry: object, partLines: ReadonlyMap<string, number>): void;
/** Line of `part` of `entry` (e.g. `citations.2`), or `fallback` when unknown. */
export declare function lineOfPart(entry: object, part: string, fallback: number): number;
/** Every remembered part line of `entry` (empty when none): what `rememberLines` was given. */
export declare function linesOf(entry: object): ReadonlyMap<string, number>;
