import { z } from 'zod';
import { parseArticleNumber } from './numerals.js';
/**
 * zod schemas of the staff-edited YAML files (see docs/knowledge-format.md). They check
 * shapes only; rules that need more than one entry or file (unique ids, an answer per
 * intent, ≥ 15 utterances …) live in load.ts so their messages can name the entry.
 * Objects are strict: a misspelt key (`next_step:`) is an error, not silently ignored.
 */
const MAPPING = { error: 'expected a YAML mapping (key: value lines)' };
const nonEmptyText = z
    .string({ error: 'must be text' })
    .refine((s) => s.trim() !== '', { message: 'must not be empty' });
/**
 * A list item that should be text. YAML reads `- 12319` as a number and an empty `- `
 * as null; both are kept as text here and load.ts reports the empty ones by name.
 */
const scalarText = z
    .union([z.string(), z.number(), z.boolean(), z.null()], { error: 'must be text' })
    .transform((v) => (v === null ? '' : String(v)));
/** `14`, `'14'` or `第十四条` → 14. */
const articleNumber = z.union([z.number(), z.string()], { error: 'must be an article number like 14 or 第十四条' }).transform((v, ctx) => {
    const n = parseArticleNumber(v);
    if (n === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be an article number like 14 or 第十四条 (got ${JSON.stringify(v)})` });
        return z.NEVER;
    }
    return n;
});
export const citationSchema = z
    .strictObject({
    law: nonEmptyText,
    article: articleNumber.optional(),
    local: z.boolean({ error: 'must be true or false' }).optional(),
}, MAPPING)
    .superRefine((c, ctx) => {
    if (c.article === undefined && c.local !== true) {
        ctx.addIssue({ code: 'custom', message: `citation of 《${c.law}》 needs an \`article\` (national text) or \`local: true\` (Wuhan/Hubei rule we do not hold)` });
    }
    if (c.article !== undefined && c.local === true) {
        ctx.addIssue({ code: 'custom', message: `citation of 《${c.law}》 is local: a local rule is named without an article number`, path: ['article'] });
    }
})
    // Book-title marks are added when rendering; tolerate them in the data.
    .transform((c) => {
    const law = c.law.trim().replace(/^《|》$/g, '');
    return c.article === undefined ? { law, local: c.local === true } : { law, article: c.article, local: c.local === true };
});
/**
 * A citation written as one string, the short form used in `points[].cite`:
 * `行政处罚法 67`, `城市道路管理条例 第四十二条`, or a bare title for a local rule we do not
 * hold (`武汉市市容环境卫生管理条例`). A national 法 without 中华人民共和国 gets it added, so
 * one law is always cited under one title.
 */
const CITE_STRING = /^(.+?)(?:\s+第?|第)([0-9]+|[零〇一二两三四五六七八九十百千]+)条?$/;
export function parseCiteString(raw) {
    const text = raw.trim().replace(/[《》]/g, '');
    if (text === '')
        return 'must not be empty';
    const m = CITE_STRING.exec(text);
    if (!m) {
        if (/\s\S*\d/.test(text))
            return `cannot read the article of "${raw}" (write e.g. "行政处罚法 67" or "行政处罚法 第六十七条")`;
        return { law: text, local: true };
    }
    const article = parseArticleNumber(m[2]);
    if (article === undefined)
        return `cannot read the article of "${raw}"`;
    return { law: fullTitle(m[1].trim()), article, local: false };
}
/** 行政处罚法 → 中华人民共和国行政处罚法 (national laws are cited under their full title). */
export function fullTitle(law) {
    if (law.endsWith('法') && !/^(中华人民共和国|武汉|湖北)/.test(law))
        return `中华人民共和国${law}`;
    return law;
}
const citeRef = z.unknown().transform((v, ctx) => {
    if (typeof v === 'string') {
        const c = parseCiteString(v);
        if (typeof c === 'string') {
            ctx.addIssue({ code: 'custom', message: c });
            return z.NEVER;
        }
        return c;
    }
    const parsed = citationSchema.safeParse(v);
    if (parsed.success)
        return parsed.data;
    for (const issue of parsed.error.issues) {
        const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (a citation has law, article, local)` : issue.message;
        ctx.addIssue({ code: 'custom', message, path: issue.path });
    }
    return z.NEVER;
});
export const pointSchema = z.strictObject({
    say: nonEmptyText,
    cite: z.union([citeRef.transform((c) => [c]), z.array(citeRef)], { error: 'must be a list of citations' }).optional(),
    short: z.boolean({ error: 'must be true or false' }).optional(),
    advice: z.boolean({ error: 'must be true or false' }).optional(),
    review: nonEmptyText.optional(),
    matter: nonEmptyText.optional(),
}, MAPPING);
export const intentsFileSchema = z.strictObject({
    topic: nonEmptyText,
    terms: z.array(scalarText, { error: 'must be a list of words' }).optional(),
    intents: z.array(z.strictObject({
        id: nonEmptyText,
        utterances: z.array(scalarText, { error: 'must be a list of questions' }),
    }, MAPPING), { error: 'must be a list of intents' }),
}, MAPPING);
export const answerSchema = z.strictObject({
    intent: nonEmptyText,
    title: nonEmptyText,
    short: nonEmptyText.optional(),
    full: nonEmptyText.optional(),
    points: z.array(pointSchema, { error: 'must be a list of points ({ say, cite, short })' }).optional(),
    review: z.array(nonEmptyText, { error: 'must be a list of notes' }).optional(),
    next_steps: z.array(nonEmptyText, { error: 'must be a list of steps' }).optional(),
    citations: z.array(citeRef, { error: 'must be a list of citations' }).optional(),
    urgent: z.boolean({ error: 'must be true or false' }).optional(),
    disclaimer: nonEmptyText.optional(),
}, MAPPING);
export const knowledgeFileSchema = z.strictObject({
    topic: nonEmptyText,
    answers: z.array(answerSchema, { error: 'must be a list of answers' }),
}, MAPPING);
export const topicsFileSchema = z.strictObject({
    topics: z
        .array(z.strictObject({
        id: z.string({ error: 'must be text' }).regex(/^[a-z_]+$/, 'must be lower-case ascii letters and _'),
        name: nonEmptyText,
        chitchat: z.boolean({ error: 'must be true or false' }).optional(),
    }, MAPPING), { error: 'must be a list of topics' })
        .min(1, 'must list at least one topic'),
}, MAPPING);
export const commonFileSchema = z.strictObject({
    bureau: nonEmptyText,
    hotline: nonEmptyText,
    /** Where to ask about matters that are not the bureau's (the decline reply names it). */
    other_matters: nonEmptyText.optional(),
    disclaimer: nonEmptyText,
}, MAPPING);
export const authoritiesFileSchema = z.strictObject({
    authorities: z.record(z.string(), z.strictObject({ name: nonEmptyText, aliases: z.array(nonEmptyText, { error: 'must be a list of words' }).optional() }, MAPPING), { error: 'must map an authority id to { name, aliases }' }),
    matters: z.array(z.strictObject({
        id: z.string({ error: 'must be text' }).regex(/^[a-z0-9_]+$/, 'must be lower-case ascii letters, digits and _'),
        name: nonEmptyText,
        keywords: z.array(nonEmptyText, { error: 'must be a list of words' }).optional(),
        authority: nonEmptyText,
        cite: z.array(citeRef, { error: 'must be a list of citations' }).optional(),
        review: nonEmptyText.optional(),
    }, MAPPING), { error: 'must be a list of matters' }),
}, MAPPING);
export const qualifiersFileSchema = z.strictObject({
    qualifiers: z.array(z
        .strictObject({
        cite: citeRef,
        term: nonEmptyText,
        keep: nonEmptyText.optional(),
        may: z.boolean({ error: 'must be true or false' }).optional(),
        avoid: z.array(nonEmptyText, { error: 'must be a list of words' }).optional(),
        when: z.array(nonEmptyText, { error: 'must be a list of words' }).optional(),
        note: nonEmptyText.optional(),
    }, MAPPING)
        .superRefine((q, ctx) => {
        if (q.keep === undefined && q.may !== true && q.avoid === undefined)
            ctx.addIssue({ code: 'custom', message: 'a qualifier needs `keep: <word>` (scope), `may: true` (modality) or `avoid: [words]`' });
        if (q.cite.article === undefined)
            ctx.addIssue({ code: 'custom', message: 'a qualifier is about a national article: cite it with an article number', path: ['cite'] });
    }), { error: 'must be a list of qualifiers' }),
}, MAPPING);
//# sourceMappingURL=schema.js.map