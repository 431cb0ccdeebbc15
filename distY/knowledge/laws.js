import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PufaError } from '../core/errors.js';
import { parseArticleNumber } from './numerals.js';
const ARTICLE_START = /^第([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)条(?:[ \u3000]+|$)/;
const HEADING = /^#{1,6}\s/;
const PRC_PREFIX = '中华人民共和国';
/** Documentation files that live beside the laws. */
const NOT_LAWS = new Set(['index.md', 'readme.md']);
/** Read every law file of `dir`. Throws `PUFA_ERR_LAWS` naming the folder or the file. */
export function loadLaws(dir) {
    let names;
    try {
        if (!statSync(dir).isDirectory())
            throw new Error('not a directory');
        names = readdirSync(dir).filter((n) => n.endsWith('.md') && !NOT_LAWS.has(n.toLowerCase()));
    }
    catch (err) {
        throw new PufaError('PUFA_ERR_LAWS', `law folder cannot be read: ${dir}`, { problems: [`${dir}: ${err.message}`], cause: err });
    }
    if (names.length === 0) {
        throw new PufaError('PUFA_ERR_LAWS', `no law files (*.md) in ${dir}`, { problems: [`${dir}: expected the law texts, e.g. ../shared/laws`] });
    }
    const laws = [];
    const byTitle = new Map();
    for (const name of names.sort()) {
        const file = path.join(dir, name);
        let text;
        try {
            text = readFileSync(file, 'utf8');
        }
        catch (err) {
            throw new PufaError('PUFA_ERR_LAWS', `law file cannot be read: ${file}`, { problems: [`${file}: ${err.message}`], cause: err });
        }
        const law = parseLaw(file, text);
        if (byTitle.has(law.title)) {
            throw new PufaError('PUFA_ERR_LAWS', `two law files have the title 《${law.title}》`, { problems: [file, byTitle.get(law.title).file] });
        }
        laws.push(law);
        byTitle.set(law.title, law);
    }
    for (const law of laws) {
        const short = law.title.startsWith(PRC_PREFIX) ? law.title.slice(PRC_PREFIX.length) : undefined;
        if (short && !byTitle.has(short))
            byTitle.set(short, law);
    }
    return { laws, byTitle };
}
/** Parse one law file. Throws `PUFA_ERR_LAWS` naming the file (and line) when malformed. */
export function parseLaw(file, text) {
    const fail = (problem, line) => {
        throw new PufaError('PUFA_ERR_LAWS', `law file is malformed: ${file}`, { problems: [`${file}${line === undefined ? '' : `:${line}`}: ${problem}`] });
    };
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    if (lines[0]?.trim() !== '---')
        fail('missing YAML front matter (--- … ---)', 1);
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end < 0)
        fail('front matter is not closed by ---', 1);
    let meta;
    try {
        meta = parseYaml(lines.slice(1, end).join('\n'));
    }
    catch (err) {
        fail(`front matter: ${err.message.split('\n')[0] ?? ''}`, 2);
    }
    const field = (key) => {
        const v = meta !== null && typeof meta === 'object' ? meta[key] : undefined;
        return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined;
    };
    const title = field('title');
    if (!title)
        return fail('front matter has no title', 2);
    const articles = new Map();
    let current;
    const close = () => {
        if (current)
            articles.set(current.n, current.paragraphs.join('\n'));
        current = undefined;
    };
    for (let i = end + 1; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '')
            continue;
        if (HEADING.test(line)) {
            close();
            continue;
        }
        const m = ARTICLE_START.exec(line);
        if (m) {
            close();
            const n = parseArticleNumber(m[1]);
            if (n === undefined)
                return fail(`cannot read the article number of "${m[0].trim()}"`, i + 1);
            if (articles.has(n))
                return fail(`第${n}条 appears twice`, i + 1);
            const first = line.slice(m[0].length).trim();
            current = { n, paragraphs: first === '' ? [] : [first] };
            continue;
        }
        // Paragraphs before the first article (题注) belong to no article.
        current?.paragraphs.push(line);
    }
    close();
    return {
        title,
        slug: path.basename(file, '.md'),
        file,
        level: field('level') ?? '',
        version: field('version') ?? '',
        articles,
    };
}
/**
 * Find a law by title as written in a citation: the front-matter title or, for a
 * `中华人民共和国…法`, the title without that prefix; 《》 and spaces are ignored.
 */
export function findLaw(library, title) {
    return library.byTitle.get(title.replace(/[《》\s]/g, ''));
}
/** `1–45`: the article numbers a law has (for messages). */
export function articleSpan(law) {
    const ns = [...law.articles.keys()];
    if (ns.length === 0)
        return 'none';
    return `${Math.min(...ns)}–${Math.max(...ns)}`;
}
//# sourceMappingURL=laws.js.map