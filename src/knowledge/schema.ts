import { z } from 'zod';
import type { Citation } from '../core/types.js';
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
  .strictObject(
    {
      law: nonEmptyText,
      article: articleNumber.optional(),
      local: z.boolean({ error: 'must be true or false' }).optional(),
    },
    MAPPING,
  )
  .superRefine((c, ctx) => {
    if (c.article === undefined && c.local !== true) {
      ctx.addIssue({ code: 'custom', message: `citation of 《${c.law}》 needs an \`article\` (national text) or \`local: true\` (Wuhan/Hubei rule we do not hold)` });
    }
    if (c.article !== undefined && c.local === true) {
      ctx.addIssue({ code: 'custom', message: `citation of 《${c.law}》 is local: a local rule is named without an article number`, path: ['article'] });
    }
  })
  // Book-title marks are added when rendering; tolerate them in the data.
  .transform((c): Citation => {
    const law = c.law.trim().replace(/^《|》$/g, '');
    return c.article === undefined ? { law, local: c.local === true } : { law, article: c.article, local: c.local === true };
  });

export const intentsFileSchema = z.strictObject(
  {
    topic: nonEmptyText,
    terms: z.array(scalarText, { error: 'must be a list of words' }).optional(),
    intents: z.array(
      z.strictObject(
        {
          id: nonEmptyText,
          utterances: z.array(scalarText, { error: 'must be a list of questions' }),
        },
        MAPPING,
      ),
      { error: 'must be a list of intents' },
    ),
  },
  MAPPING,
);
export type IntentsFile = z.output<typeof intentsFileSchema>;

export const answerSchema = z.strictObject(
  {
    intent: nonEmptyText,
    title: nonEmptyText,
    short: nonEmptyText,
    full: nonEmptyText,
    next_steps: z.array(nonEmptyText, { error: 'must be a list of steps' }).optional(),
    citations: z.array(citationSchema, { error: 'must be a list of citations' }).optional(),
    urgent: z.boolean({ error: 'must be true or false' }).optional(),
    disclaimer: nonEmptyText.optional(),
  },
  MAPPING,
);

export const knowledgeFileSchema = z.strictObject(
  {
    topic: nonEmptyText,
    answers: z.array(answerSchema, { error: 'must be a list of answers' }),
  },
  MAPPING,
);
export type KnowledgeFile = z.output<typeof knowledgeFileSchema>;

export const topicsFileSchema = z.strictObject(
  {
    topics: z
      .array(
        z.strictObject(
          {
            id: z.string({ error: 'must be text' }).regex(/^[a-z_]+$/, 'must be lower-case ascii letters and _'),
            name: nonEmptyText,
            chitchat: z.boolean({ error: 'must be true or false' }).optional(),
          },
          MAPPING,
        ),
        { error: 'must be a list of topics' },
      )
      .min(1, 'must list at least one topic'),
  },
  MAPPING,
);
export type TopicsFile = z.output<typeof topicsFileSchema>;

export const commonFileSchema = z.strictObject(
  {
    bureau: nonEmptyText,
    hotline: nonEmptyText,
    disclaimer: nonEmptyText,
  },
  MAPPING,
);
