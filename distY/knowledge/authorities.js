import path from 'node:path';
import { authoritiesFileSchema, qualifiersFileSchema } from './schema.js';
import { readYamlFile } from './yaml-file.js';
import { existsSync } from 'node:fs';
/**
 * One authority per matter. `knowledge/_authorities.yaml` says who handles what (城管,
 * 住建, 生态环境, 公安/交警, 市场监管, 自然资源和规划, 燃气企业 …); answers name the authority
 * through a `{@matter}` placeholder or in their own words, and `kb lint` fails when a
 * sentence about a matter names an authority other than the table's.
 */
export const AUTHORITIES_FILE = '_authorities.yaml';
export const QUALIFIERS_FILE = '_qualifiers.yaml';
export const EMPTY_AUTHORITIES = { authorities: new Map(), matters: new Map() };
/** `{@construction_dust}` in a sentence. */
export const MATTER_PLACEHOLDER = /\{@([a-z0-9_]+)\}/g;
/** Read knowledge/_authorities.yaml (absent file → empty table). */
export function readAuthorities(knowledgeDir, problems) {
    const file = path.join(knowledgeDir, AUTHORITIES_FILE);
    if (!existsSync(file))
        return EMPTY_AUTHORITIES;
    const parsed = readYamlFile(file, authoritiesFileSchema, {
        entryOf: (p, raw) => {
            if (p[0] !== 'matters' || typeof p[1] !== 'number')
                return undefined;
            const list = raw?.matters;
            const item = Array.isArray(list) ? list[p[1]] : undefined;
            return typeof item?.id === 'string' ? item.id : undefined;
        },
    });
    problems.push(...parsed.problems);
    if (!parsed.data)
        return { file, authorities: new Map(), matters: new Map() };
    const authorities = new Map();
    for (const [id, a] of Object.entries(parsed.data.authorities)) {
        const name = a.name.trim();
        authorities.set(id, { id, name, aliases: [...new Set([name, ...(a.aliases ?? []).map((x) => x.trim())])] });
    }
    const matters = new Map();
    for (const [i, m] of parsed.data.matters.entries()) {
        const line = parsed.lineOf(['matters', i]) ?? 1;
        if (matters.has(m.id)) {
            problems.push({ file, line, entry: m.id, severity: 'error', message: `duplicate matter id (first on line ${matters.get(m.id)?.line})` });
            continue;
        }
        if (!authorities.has(m.authority.trim())) {
            problems.push({ file, line, entry: m.id, severity: 'error', message: `unknown authority "${m.authority}" (known: ${[...authorities.keys()].join(', ')})` });
        }
        matters.set(m.id, {
            id: m.id,
            name: m.name.trim(),
            keywords: (m.keywords ?? []).map((k) => k.trim()),
            authority: m.authority.trim(),
            cites: m.cite ?? [],
            ...(m.review === undefined ? {} : { review: m.review.trim() }),
            line,
        });
    }
    return { file, authorities, matters };
}
/** Read knowledge/_qualifiers.yaml (absent file → no qualifiers). */
export function readQualifiers(knowledgeDir, problems) {
    const file = path.join(knowledgeDir, QUALIFIERS_FILE);
    if (!existsSync(file))
        return [];
    const parsed = readYamlFile(file, qualifiersFileSchema);
    problems.push(...parsed.problems);
    return (parsed.data?.qualifiers ?? []).map((q, i) => ({
        law: q.cite.law,
        article: q.cite.article,
        term: q.term.trim(),
        ...(q.keep === undefined ? {} : { keep: q.keep.trim() }),
        ...(q.may === true ? { may: true } : {}),
        ...(q.avoid === undefined ? {} : { avoid: q.avoid.map((w) => w.trim()) }),
        ...(q.when === undefined ? {} : { when: q.when.map((w) => w.trim()) }),
        ...(q.note === undefined ? {} : { note: q.note.trim() }),
        file,
        line: parsed.lineOf(['qualifiers', i]) ?? 1,
    }));
}
/** The authority's name for `{@matter}`, or undefined for an unknown matter. */
export function authorityNameOf(table, matterId) {
    const m = table.matters.get(matterId);
    return m ? table.authorities.get(m.authority)?.name : undefined;
}
/** Replace every `{@matter}`; unknown ids are reported through `unknown` and left as written. */
export function fillPlaceholders(table, text, unknown) {
    return text.replace(MATTER_PLACEHOLDER, (whole, id) => {
        const name = authorityNameOf(table, id);
        if (name === undefined) {
            unknown(id);
            return whole;
        }
        return name;
    });
}
/** Sentences of a text (split at 。；！？ and line ends). */
export function sentencesOf(text) {
    return text
        .split(/(?<=[。；！？!?\n])/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/** 不属于城管, 不归城管, 城管无法处理: a mention that says who does NOT handle it. */
const NEGATED_BEFORE = /(?:不属于|不归|并非|不是|非)$/;
const NEGATED_AFTER = /^(?:的职责范围|职责)?(?:无法|不能|不负责|管不了)/;
/** Authorities a sentence names (by any alias) as handling something; negated mentions do not count. */
export function authoritiesNamed(table, sentence) {
    return [...table.authorities.values()].filter((a) => a.aliases.some((alias) => {
        for (let i = sentence.indexOf(alias); i >= 0; i = sentence.indexOf(alias, i + 1)) {
            if (!NEGATED_BEFORE.test(sentence.slice(Math.max(0, i - 3), i)) && !NEGATED_AFTER.test(sentence.slice(i + alias.length)))
                return true;
        }
        return false;
    }));
}
/**
 * Every sentence of every answer that is about a matter of the table (one of its
 * keywords) and names an authority, but not the table's one: that answer and the table
 * disagree about who handles the matter. Also: a point tagged `matter:` must name its
 * authority.
 */
export function checkAuthorities(table, answers, lineOf) {
    const problems = [];
    if (table.matters.size === 0)
        return problems;
    for (const answer of answers) {
        const parts = answer.points.length > 0
            ? answer.points.map((p, k) => [`points.${k}`, p.text])
            : [
                ['short', answer.short],
                ['full', answer.full],
            ];
        answer.nextSteps.forEach((t, k) => parts.push([`next_steps.${k}`, t]));
        for (const [part, text] of parts) {
            for (const sentence of sentencesOf(text)) {
                for (const matter of table.matters.values()) {
                    if (!matter.keywords.some((k) => sentence.includes(k)))
                        continue;
                    const named = authoritiesNamed(table, sentence);
                    if (named.length === 0 || named.some((a) => a.id === matter.authority))
                        continue;
                    const right = table.authorities.get(matter.authority)?.name ?? matter.authority;
                    problems.push({
                        file: answer.source.file,
                        line: lineOf(answer, part),
                        entry: answer.intent,
                        severity: 'error',
                        message: `"${sentence}" names ${named.map((a) => a.name).join('、')} for ${matter.name}, but ${table.file ?? AUTHORITIES_FILE} (matter ${matter.id}) says ${right}: write {@${matter.id}} or fix the table`,
                    });
                }
            }
        }
        answer.points.forEach((p, k) => {
            if (p.matter === undefined)
                return;
            const matter = table.matters.get(p.matter);
            if (!matter)
                return; // reported by the loader
            const auth = table.authorities.get(matter.authority);
            if (auth && !auth.aliases.some((a) => p.text.includes(a))) {
                problems.push({
                    file: answer.source.file,
                    line: lineOf(answer, `points.${k}`),
                    entry: answer.intent,
                    severity: 'error',
                    message: `point is about ${matter.name} (matter: ${matter.id}) but does not name ${auth.name}: write {@${matter.id}}`,
                });
            }
        });
    }
    return problems;
}
//# sourceMappingURL=authorities.js.map