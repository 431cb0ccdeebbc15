import { extractFigures, sameFigure } from './figures.js';
import { articleSpan, findLaw } from './laws.js';
/**
 * Modality and scope: an answer must not make what the article leaves open (可以, 可处,
 * 并可处) into a duty (并处, 应当, 必须), and must keep the article's own limits (大型户外广告
 * is not every sign). Two sources:
 * - automatic: a fine the answer states is found in the cited article; when the article's
 *   clause with that amount says 可以/可处 and the answer's clause says 并处/应当/必须, the
 *   answer is wrong;
 * - data (knowledge/_qualifiers.yaml): per article, a subject and the word it must keep
 *   (`keep`), that the act is optional (`may`), or words that must not be attached to it
 *   (`avoid`).
 */
/** Words that make an act a duty. 并处 only when not 可并处. */
export const MANDATORY = /(?<![可])并处|应当(?:处|罚|没收|拆除|责令)|必须|一律|会被(?:处|罚)|将被(?:处|罚)|要被(?:处|罚)|都要罚/;
/** Words that keep an act optional. */
export const OPTIONAL = /可以|可处|并可|可并处|可能|可予|可责令|可罚/;
/** The article says the act is optional. */
const ARTICLE_OPTIONAL = /可以|可处|并可|可并处/;
/** Clauses of a text: split at 。；！？ and line ends. */
function clausesOf(text) {
    return text.split(/[。；！？\n]/).map((s) => s.trim()).filter((s) => s !== '');
}
/** Messages for one sentence (a point) against the articles it cites. */
export function checkModalityAndScope(text, cited, qualifiers) {
    const messages = [];
    const clauses = clausesOf(text);
    // Automatic: fines whose article clause is optional.
    for (const clause of clauses) {
        const duty = MANDATORY.exec(clause);
        if (!duty || OPTIONAL.test(clause))
            continue;
        for (const figure of extractFigures(clause)) {
            if (figure.kind !== 'money')
                continue;
            const sources = [];
            for (const { law, article } of cited) {
                for (const lawClause of clausesOf(law.articles.get(article) ?? '')) {
                    if (!extractFigures(lawClause).some((f) => sameFigure(f, figure)))
                        continue;
                    sources.push({ where: `《${law.title}》第${article}条`, optional: ARTICLE_OPTIONAL.test(lawClause) && !/(?<![可])并处/.test(lawClause) });
                }
            }
            if (sources.length > 0 && sources.every((s) => s.optional)) {
                messages.push(`says "${duty[0]}" for the fine of ${figure.raw}, but ${[...new Set(sources.map((s) => s.where))].join('、')} says 可以/可处 (optional, not a duty): write 可以处…罚款`);
            }
        }
    }
    // Data: qualifiers of the cited articles.
    for (const q of qualifiers) {
        if (!cited.some((c) => c.article === q.article && (c.law.title === q.law || c.law.title === `中华人民共和国${q.law}`)))
            continue;
        const where = `《${q.law}》第${q.article}条`;
        for (const clause of clauses) {
            if (!clause.includes(q.term))
                continue;
            if (q.when !== undefined && !q.when.some((w) => clause.includes(w)))
                continue;
            if (q.keep !== undefined && !keeps(clause, q.keep)) {
                messages.push(`says "${q.term}" without "${q.keep}", but ${where} speaks only of ${q.keep}…${q.term}${q.note ? ` (${q.note})` : ''}`);
            }
            if (q.may === true) {
                const duty = MANDATORY.exec(clause);
                if (duty && !OPTIONAL.test(clause))
                    messages.push(`says "${duty[0]}" for ${q.term}, but ${where} says 可以 (optional)${q.note ? ` (${q.note})` : ''}`);
            }
            for (const word of q.avoid ?? []) {
                if (clause.includes(word))
                    messages.push(`ties ${q.term} to "${word}", which ${where} does not say${q.note ? ` (${q.note})` : ''}`);
            }
        }
    }
    return [...new Set(messages)];
}
/** The clause says `keep`: as written, or (for a figure like 二百元) the same figure in other numerals. */
function keeps(clause, keep) {
    if (clause.includes(keep))
        return true;
    const wanted = extractFigures(keep);
    if (wanted.length === 0)
        return false;
    const have = extractFigures(clause);
    return wanted.every((w) => have.some((h) => sameFigure(w, h)));
}
/** The tables themselves against the laws: every qualifier and matter cites a real article, and a qualifier's words are in it. */
export function verifyTables(kb, laws) {
    const problems = [];
    for (const q of kb.qualifiers) {
        const at = { file: q.file, line: q.line, entry: `${q.law} ${q.article}`, severity: 'error' };
        const law = findLaw(laws, q.law);
        if (!law) {
            problems.push({ ...at, message: `《${q.law}》 is not in the law library` });
            continue;
        }
        const text = law.articles.get(q.article);
        if (text === undefined) {
            problems.push({ ...at, message: `《${law.title}》has no 第${q.article}条 (it has ${articleSpan(law)})` });
            continue;
        }
        if (!text.includes(q.term))
            problems.push({ ...at, message: `term "${q.term}" is not in 《${law.title}》第${q.article}条` });
        if (q.keep !== undefined && !text.includes(q.keep))
            problems.push({ ...at, message: `qualifier "${q.keep}" is not in 《${law.title}》第${q.article}条` });
        if (q.may === true && !clausesOf(text).some((c) => c.includes(q.term) && ARTICLE_OPTIONAL.test(c))) {
            problems.push({ ...at, message: `may: true, but no clause of 《${law.title}》第${q.article}条 with "${q.term}" says 可以/可处` });
        }
    }
    const table = kb.authorities;
    for (const m of table.matters.values()) {
        for (const c of m.cites) {
            if (c.local)
                continue;
            const law = findLaw(laws, c.law);
            const at = { file: table.file ?? 'knowledge/_authorities.yaml', line: m.line, entry: m.id, severity: 'error' };
            if (!law)
                problems.push({ ...at, message: `《${c.law}》 is not in the law library; a Wuhan/Hubei rule we do not hold is cited by its title alone` });
            else if (!law.articles.has(c.article))
                problems.push({ ...at, message: `《${law.title}》has no 第${c.article}条 (it has ${articleSpan(law)})` });
        }
    }
    return problems;
}
//# sourceMappingURL=modality.js.map