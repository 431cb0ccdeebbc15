/**
 * Line numbers of the parts of an entry (`citations.2`, `short`, `next_steps.0`), kept
 * beside the public types so `verify` can point at the exact line without widening the
 * `AnswerEntry` type every consumer depends on. Entries are the keys; nothing leaks.
 */
const lines = new WeakMap();
/** Remember the lines of `entry`'s parts (called by the loader). */
export function rememberLines(entry, partLines) {
    lines.set(entry, partLines);
}
/** Line of `part` of `entry` (e.g. `citations.2`), or `fallback` when unknown. */
export function lineOfPart(entry, part, fallback) {
    return lines.get(entry)?.get(part) ?? fallback;
}
/** Every remembered part line of `entry` (empty when none): what `rememberLines` was given. */
export function linesOf(entry) {
    return lines.get(entry) ?? new Map();
}
//# sourceMappingURL=source-lines.js.map