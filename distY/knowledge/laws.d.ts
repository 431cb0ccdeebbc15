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
/** Read every law file of `dir`. Throws `PUFA_ERR_LAWS` naming the folder or the file. */
export declare function loadLaws(dir: string): LawLibrary;
/** Parse one law file. Throws `PUFA_ERR_LAWS` naming the file (and line) when malformed. */
export declare function parseLaw(file: string, text: string): Law;
/**
 * Find a law by title as written in a citation: the front-matter title or, for a
 * `中华人民共和国…法`, the title without that prefix; 《》 and spaces are ignored.
 */
export declare function findLaw(library: LawLibrary, title: string): Law | undefined;
/** `1–45`: the article numbers a law has (for messages). */
export declare function articleSpan(law: Law): string;
