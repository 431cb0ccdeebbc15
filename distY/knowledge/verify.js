import { describeFigure, extractFigures, sameFigure } from './figures.js';
import { articleSpan, findLaw } from './laws.js';
import { compareProblems } from './problems.js';
import { lineOfPart } from './source-lines.js';
import { checkModalityAndScope, verifyTables } from './modality.js';
/** Problems only; see `verifyKnowledgeWithStats` for the counts. */
export function verifyKnowledge(kb, laws) {
    return verifyKnowledgeWithStats(kb, laws).problems;
}
/** Problems (sorted by file and line) and the numbers of answers, citations and figures checked. */
export function verifyKnowledgeWithStats(kb, laws) {
    const problems = [];
    const stats = { answers: 0, citations: 0, figures: 0 };
    const articleFigures = new Map();
    const figuresOf = (law, n) => {
        const key = `${law.slug}#${n}`;
        let found = articleFigures.get(key);
        if (!found) {
            found = extractFigures(law.articles.get(n) ?? '');
            articleFigures.set(key, found);
        }
        return found;
    };
    for (const answer of kb.answers.values()) {
        stats.answers++;
        const cited = [];
        answer.citations.forEach((c, j) => {
            stats.citations++;
            const at = { file: answer.source.file, line: lineOfPart(answer, `citations.${j}`, answer.source.line), entry: answer.intent };
            const law = findLaw(laws, c.law);
            if (c.local) {
                if (law) {
                    problems.push({ ...at, severity: 'warning', message: `《${c.law}》 is a national text we hold (${law.file}): cite it with an article number instead of local: true` });
                }
                return;
            }
            if (!law) {
                problems.push({ ...at, severity: 'error', message: `《${c.law}》 is not in the law library${suggest(laws, c.law)}; a Wuhan/Hubei rule we do not hold is cited with local: true` });
                return;
            }
            const n = c.article;
            if (!law.articles.has(n)) {
                problems.push({ ...at, severity: 'error', message: `《${law.title}》has no 第${n}条 (it has ${articleSpan(law)})` });
                return;
            }
            if (!cited.some((x) => x.law === law && x.article === n))
                cited.push({ law, article: n });
        });
        const resolve = (cites) => {
            const out = [];
            for (const c of cites) {
                if (c.local || c.article === undefined)
                    continue;
                const law = findLaw(laws, c.law);
                if (law?.articles.has(c.article) && !out.some((x) => x.law === law && x.article === c.article))
                    out.push({ law, article: c.article });
            }
            return out;
        };
        // Points: each sentence against its own articles. Next steps (and answers still
        // written as short/full text): against every article the answer cites.
        const units = answer.points.map((p, k) => ({ field: `points[${k}]`, part: `points.${k}`, text: p.text, cited: resolve(p.cites) }));
        if (answer.points.length === 0) {
            units.push({ field: 'short', part: 'short', text: answer.short, cited }, { field: 'full', part: 'full', text: answer.full, cited });
        }
        answer.nextSteps.forEach((t, k) => units.push({ field: `next_steps[${k}]`, part: `next_steps.${k}`, text: t, cited }));
        for (const claim of claimedFigures(units)) {
            stats.figures += claim.count;
            const pool = claim.cited.flatMap(({ law, article }) => figuresOf(law, article));
            if (pool.some((f) => sameFigure(f, claim.figure)))
                continue;
            const sameKind = [...new Set(pool.filter((f) => f.kind === claim.figure.kind).map((f) => f.raw))];
            const given = sameKind.length === 0 ? '' : `; they give ${sameKind.slice(0, 6).join(', ')}${sameKind.length > 6 ? ' …' : ''}`;
            problems.push({
                file: answer.source.file,
                line: lineOfPart(answer, claim.part, answer.source.line),
                entry: answer.intent,
                severity: 'error',
                message: `figure "${claim.figure.raw}" (${describeFigure(claim.figure)}) in ${claim.fields.join(', ')} is not in any cited article (${describeCited(claim.cited)}${given})`,
            });
        }
        for (const unit of units) {
            if (unit.field.startsWith('next_steps'))
                continue;
            const at = { file: answer.source.file, line: lineOfPart(answer, unit.part, answer.source.line), entry: answer.intent, severity: 'error' };
            for (const message of checkModalityAndScope(unit.text, unit.cited, kb.qualifiers))
                problems.push({ ...at, message: `${unit.field}: ${message}` });
        }
    }
    problems.push(...verifyTables(kb, laws));
    problems.sort(compareProblems);
    return { problems, stats };
}
/** Figures of each unit, one claim per distinct (kind, unit, value) and set of cited articles. */
function claimedFigures(units) {
    const claims = [];
    for (const unit of units) {
        for (const figure of extractFigures(unit.text)) {
            const claim = claims.find((c) => sameFigure(c.figure, figure) && c.cited === unit.cited);
            if (claim) {
                claim.count++;
                if (!claim.fields.includes(unit.field))
                    claim.fields.push(unit.field);
            }
            else {
                claims.push({ figure, fields: [unit.field], part: unit.part, cited: unit.cited, count: 1 });
            }
        }
    }
    return claims;
}
/** `《城市道路管理条例》第27条、第42条; 《…》第14条`. */
function describeCited(cited) {
    if (cited.length === 0)
        return 'no national article is cited; a local rule is named without figures';
    const byLaw = new Map();
    for (const { law, article } of cited)
        byLaw.set(law, [...(byLaw.get(law) ?? []), article]);
    return [...byLaw]
        .map(([law, ns]) => `《${law.title}》${ns.sort((a, b) => a - b).map((n) => `第${n}条`).join('、')}`)
        .join('; ');
}
/** ` (did you mean 《…》?)` when a held title contains the cited one or the reverse. */
function suggest(laws, title) {
    const t = title.replace(/[《》\s]/g, '');
    const near = laws.laws.filter((l) => t.length >= 2 && (l.title.includes(t) || t.includes(l.title.replace(/^中华人民共和国/, ''))));
    return near.length === 0 ? '' : ` (did you mean ${near.map((l) => `《${l.title}》`).join(' or ')}?)`;
}
//# sourceMappingURL=verify.js.map