import { readFileSync } from 'node:fs';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
/** Read `file` and validate it against `schema`. Never throws for bad content. */
export function readYamlFile(file, schema, options = {}) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (err) {
        const reason = err.code === 'ENOENT' ? 'file not found' : `cannot read file (${err.message})`;
        return { file, text: '', problems: [{ file, message: reason, severity: 'error' }], lineOf: () => undefined };
    }
    return parseYamlText(file, text, schema, options);
}
/** Same as `readYamlFile` for text already in memory; `file` is only used in messages. */
export function parseYamlText(file, text, schema, options = {}) {
    const lineCounter = new LineCounter();
    // prettyErrors off: we want the bare message and place the line ourselves.
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineAt = (offset) => lineCounter.linePos(offset).line;
    const lineOf = (path) => nodeLine(doc, path, lineAt);
    if (doc.errors.length > 0) {
        const problems = doc.errors.map((e) => ({
            file,
            line: lineAt(e.pos[0]),
            message: `YAML syntax: ${firstLine(e.message)}`,
            severity: 'error',
        }));
        return { file, text, problems, lineOf };
    }
    let raw;
    try {
        raw = doc.toJS({ maxAliasCount: 100 });
    }
    catch (err) {
        return { file, text, problems: [{ file, line: 1, message: `YAML: ${firstLine(err.message)}`, severity: 'error' }], lineOf };
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success)
        return { file, text, data: parsed.data, problems: [], lineOf };
    const problems = [];
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
function firstLine(message) {
    return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
/** Line of the node at `path`, walking up to the nearest node that exists. */
function nodeLine(doc, path, lineAt) {
    for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range)
            return lineAt(node.range[0]);
    }
    return undefined;
}
/** Line of key `key` inside the mapping at `path`. */
function keyLine(doc, path, key, lineAt) {
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (!isMap(node))
        return undefined;
    for (const item of node.items) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === key && item.key.range)
            return lineAt(item.key.range[0]);
    }
    return undefined;
}
function getAt(raw, path) {
    let cur = raw;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}
function entryName(path, raw, options) {
    const custom = options.entryOf?.(path, raw);
    if (custom !== undefined)
        return custom;
    if (path.length >= 2 && typeof path[1] === 'number')
        return `${String(path[0])}[${path[1]}]`;
    return undefined;
}
/** `title`, `citations[1].article` — the path below the entry, for messages. */
function fieldName(path) {
    const below = path.length >= 2 && typeof path[1] === 'number' ? path.slice(2) : path;
    return below.reduce((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`), '');
}
//# sourceMappingURL=yaml-file.js.map