/**
 * One line per problem, `file:line: entry: problem`, the form every editor and terminal
 * can jump to. Line and entry are left out when unknown.
 */
export function formatProblem(p) {
    const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
    return p.entry === undefined ? `${where}: ${p.message}` : `${where}: ${p.entry}: ${p.message}`;
}
/** Order by file, then line (problems without a line first), then message. */
export function compareProblems(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    const la = a.line ?? 0;
    const lb = b.line ?? 0;
    if (la !== lb)
        return la - lb;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
/** Errors only. */
export function errorsOf(problems) {
    return problems.filter((p) => p.severity === 'error');
}
//# sourceMappingURL=problems.js.map