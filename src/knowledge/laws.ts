import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PufaError } from '../core/errors.js';
import { parseArticleNumber } from './numerals.js';

/**
 * The official texts in `../shared/laws`: one markdown file per law with YAML front
 * matter (title, level, version …), `#` headings for title, chapters and sections, and
 * articles as paragraphs starting `第X条` followed by an ASCII space, an ideographic
 * space (U+3000) or the end of the line.
 */

export interface Law {
  /** Front-matter title, e.g. 中华人民共和国行政处罚法. */
  title: string;
  /** File name without `.md`, e.g. administrative-penalty-law. */
  slug: string;
  /** Path of the file as found (dir joined with the name). */
  file: string;
  /** 法律, 行政法规, 部门规章. */
  level: string;
  version: string;
  /**
   * Article number → text: the first paragraph without its `第X条` label, then each
   * further paragraph (款, 项) on its own line.
   */
  articles: ReadonlyMap<number, string>;
}

export interface LawLibrary {
  laws: Law[];
  /** By front-matter title, and also by the title without `中华人民共和国`. */
  byTitle: ReadonlyMap<string, Law>;
}

const ARTICLE_START = /^第([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)条(?:[ \u3000]+|$)/;
const HEADING = /^#{1,6}\s/;
const PRC_PREFIX = '中华人民共和国';
/** Documentation files that live beside the laws. */
const NOT_LAWS = new Set(['index.md', 'readme.md']);

/** Read every law file of `dir`. Throws `PUFA_ERR_LAWS` naming the folder or the file. */
export function loadLaws(dir: string): LawLibrary {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir).filter((n) => n.endsWith('.md') && !NOT_LAWS.has(n.toLowerCase()));
  } catch (err) {
    throw new PufaError('PUFA_ERR_LAWS', `law folder cannot be read: ${dir}`, { problems: [`${dir}: ${(err as Error).message}`], cause: err });
  }
  if (names.length === 0) {
    throw new PufaError('PUFA_ERR_LAWS', `no law files (*.md) in ${dir}`, { problems: [`${dir}: expected the law texts, e.g. ../shared/laws`] });
  }
  const laws: Law[] = [];
  const byTitle = new Map<string, Law>();
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new PufaError('PUFA_ERR_LAWS', `law file cannot be read: ${file}`, { problems: [`${file}: ${(err as Error).message}`], cause: err });
    }
    const law = parseLaw(file, text);
    if (byTitle.has(law.title)) {
      throw new PufaError('PUFA_ERR_LAWS', `two law files have the title 《${law.title}》`, { problems: [file, (byTitle.get(law.title) as Law).file] });
    }
    laws.push(law);
    byTitle.set(law.title, law);
  }
  for (const law of laws) {
    const short = law.title.startsWith(PRC_PREFIX) ? law.title.slice(PRC_PREFIX.length) : undefined;
    if (short && !byTitle.has(short)) byTitle.set(short, law);
  }
  return { laws, byTitle };
}

/** Parse one law file. Throws `PUFA_ERR_LAWS` naming the file (and line) when malformed. */
export function parseLaw(file: string, text: string): Law {
  const fail = (problem: string, line?: number): never => {
    throw new PufaError('PUFA_ERR_LAWS', `law file is malformed: ${file}`, { problems: [`${file}${line === undefined ? '' : `:${line}`}: ${problem}`] });
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') fail('missing YAML front matter (--- … ---)', 1);
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) fail('front matter is not closed by ---', 1);

  let meta: unknown;
  try {
    meta = parseYaml(lines.slice(1, end).join('\n'));
  } catch (err) {
    fail(`front matter: ${(err as Error).message.split('\n')[0] ?? ''}`, 2);
  }
  const field = (key: string): string | undefined => {
    const v = meta !== null && typeof meta === 'object' ? (meta as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined;
  };
  const title = field('title');
  if (!title) return fail('front matter has no title', 2);

  const articles = new Map<number, string>();
  let current: { n: number; paragraphs: string[] } | undefined;
  const close = () => {
    if (current) articles.set(current.n, current.paragraphs.join('\n'));
    current = undefined;
  };
  for (let i = end + 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    if (HEADING.test(line)) {
      close();
      continue;
    }
    const m = ARTICLE_START.exec(line);
    if (m) {
      close();
      const n = parseArticleNumber(m[1] as string);
      if (n === undefined) return fail(`cannot read the article number of "${m[0].trim()}"`, i + 1);
      if (articles.has(n)) return fail(`第${n}条 appears twice`, i + 1);
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
export function findLaw(library: LawLibrary, title: string): Law | undefined {
  return library.byTitle.get(title.replace(/[《》\s]/g, ''));
}

/** `1–45`: the article numbers a law has (for messages). */
export function articleSpan(law: Law): string {
  const ns = [...law.articles.keys()];
  if (ns.length === 0) return 'none';
  return `${Math.min(...ns)}–${Math.max(...ns)}`;
}
