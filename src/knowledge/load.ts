import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { PufaError } from '../core/errors.js';
import { normalizeText } from '../core/normalize.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type Topic } from '../core/types.js';
import { extractFigures } from './figures.js';
import { compareProblems, errorsOf, formatProblem } from './problems.js';
import { commonFileSchema, intentsFileSchema, knowledgeFileSchema, topicsFileSchema } from './schema.js';
import { rememberLines } from './source-lines.js';
import { checkAuthorities, fillPlaceholders, readAuthorities, readQualifiers } from './authorities.js';
import { lineOfPart } from './source-lines.js';
import type { Citation } from '../core/types.js';
import type { AnswerEntry, AnswerPoint, CommonTexts, IntentDef, KbProblem, KnowledgeBase } from './types.js';
import { readYamlFile, type DataPath, type ParsedYamlFile } from './yaml-file.js';

/** Where the two data folders are. */
export interface KbDirs {
  intentsDir: string;
  knowledgeDir: string;
}

/** Result of checking the data: the knowledge base when there is no error, and every problem found. */
export interface KbCheck {
  kb?: KnowledgeBase;
  problems: KbProblem[];
  /**
   * Everything that could be read, even when there are errors (absent only when a folder
   * is missing). For tools that check further, like `kb verify`; never serve it.
   */
  draft?: KnowledgeBase;
}

/** Words that make a sentence a legal statement (not advice). */
export const LEGAL_WORDS = /罚款|处罚|处以|应当|必须|禁止|不得|违法|依法|法律|条例|规定|责令|没收|拘留/;

/** Intent ids: `<topic>.<slug>`. */
export const INTENT_ID = /^[a-z_]+\.[a-z0-9_]+$/;
export const MIN_UTTERANCES = 15;
export const MAX_SHORT_CHARS = 300;
export const MAX_TITLE_CHARS = 20;

const TOPICS_FILE = 'topics.yaml';
const COMMON_FILE = '_common.yaml';

/**
 * Load and check `intents/` and `knowledge/`. Throws `PUFA_ERR_INTENTS` (every error is
 * in an intents file) or `PUFA_ERR_KNOWLEDGE` (otherwise), whose `problems` are
 * `file:line: entry: problem` lines. Warnings do not stop loading.
 */
export function loadKnowledgeBase(opts: KbDirs): KnowledgeBase {
  const { kb, problems } = collectKbProblems(opts);
  if (kb) return kb;
  const errors = errorsOf(problems);
  const inIntents = errors.every((p) => isInside(p.file, opts.intentsDir));
  const code = inIntents ? 'PUFA_ERR_INTENTS' : 'PUFA_ERR_KNOWLEDGE';
  throw new PufaError(code, `${errors.length} error(s) in ${inIntents ? opts.intentsDir : `${opts.intentsDir} / ${opts.knowledgeDir}`} — run \`pufa kb lint\` for details`, {
    problems: errors.map(formatProblem),
  });
}

/**
 * Every problem of the data (errors and lint warnings), sorted by file and line, plus the
 * knowledge base when there is no error. Never throws for bad data.
 */
export function collectKbProblems(opts: KbDirs): KbCheck {
  const problems: KbProblem[] = [];
  const error = (p: Omit<KbProblem, 'severity'>) => problems.push({ ...p, severity: 'error' });
  const warn = (p: Omit<KbProblem, 'severity'>) => problems.push({ ...p, severity: 'warning' });
  const done = (draft?: KnowledgeBase): KbCheck => {
    problems.sort(compareProblems);
    if (!draft) return { problems };
    return errorsOf(problems).length === 0 ? { kb: draft, problems, draft } : { problems, draft };
  };

  const intentsOk = checkDir(opts.intentsDir, 'intents', 'PUFA_INTENTS_DIR or --intents', error);
  const knowledgeOk = checkDir(opts.knowledgeDir, 'knowledge', 'PUFA_KNOWLEDGE_DIR or --knowledge', error);
  if (!intentsOk || !knowledgeOk) return done();

  // --- topics.yaml and _common.yaml
  const topicsFile = readYamlFile(path.join(opts.knowledgeDir, TOPICS_FILE), topicsFileSchema, { entryOf: entryById('topics', 'id') });
  problems.push(...topicsFile.problems);
  const topics: Topic[] = [];
  const topicLine = new Map<string, number>();
  const chitchatTopics = new Set<string>([CHITCHAT_TOPIC]);
  for (const [i, t] of (topicsFile.data?.topics ?? []).entries()) {
    const line = topicsFile.lineOf(['topics', i]);
    if (topicLine.has(t.id)) {
      error({ file: topicsFile.file, line, entry: t.id, message: `duplicate topic id (first on line ${topicLine.get(t.id)})` });
      continue;
    }
    topicLine.set(t.id, line ?? 1);
    topics.push({ id: t.id, name: t.name.trim() });
    if (t.chitchat === true) chitchatTopics.add(t.id);
  }
  const topicsKnown = topicsFile.data !== undefined;
  const isInScope = (topic: string) => topic !== OUT_OF_SCOPE_TOPIC && !chitchatTopics.has(topic);

  const commonFile = readYamlFile(path.join(opts.knowledgeDir, COMMON_FILE), commonFileSchema);
  problems.push(...commonFile.problems);
  const common: CommonTexts = {
    bureau: cleanText(commonFile.data?.bureau ?? ''),
    hotline: cleanText(commonFile.data?.hotline ?? ''),
    disclaimer: cleanText(commonFile.data?.disclaimer ?? ''),
  };

  /** Checks shared by both folders: topic known, topic = file name. */
  const checkFileTopic = (file: string, topic: string, line: number | undefined): boolean => {
    const expected = path.basename(file, '.yaml');
    let ok = true;
    if (topic !== expected) {
      error({ file, line, message: `topic "${topic}" does not match the file name (expected topic: ${expected})` });
      ok = false;
    }
    if (topicsKnown && !topicLine.has(topic)) {
      error({ file, line, message: `unknown topic "${topic}" (not in ${path.join(opts.knowledgeDir, TOPICS_FILE)})` });
      ok = false;
    }
    return ok;
  };

  // --- intents/*.yaml
  const intents: IntentDef[] = [];
  const intentById = new Map<string, IntentDef>();
  const terms = new Set<string>();
  const utteranceOwner = new Map<string, IntentDef>();
  // Files that could not be read: no "missing answer/intent" noise for their topic.
  const unreadTopics = new Set<string>();
  // Read one topic file; a file that cannot be read is remembered, so that its topic gets
  // no "missing answer/intent" noise on top of the real problem.
  const readTopicFile = <T>(file: string, schema: z.ZodType<T>, list: string, key: string): ParsedYamlFile<T> => {
    const parsed = readYamlFile(file, schema, { entryOf: entryById(list, key) });
    problems.push(...parsed.problems);
    if (!parsed.data) unreadTopics.add(path.basename(file, '.yaml'));
    return parsed;
  };
  for (const file of dataFiles(opts.intentsDir, warn, [])) {
    const parsed = readTopicFile(file, intentsFileSchema, 'intents', 'id');
    const data = parsed.data;
    if (!data) continue;
    const topic = data.topic.trim();
    const topicOk = checkFileTopic(file, topic, parsed.lineOf(['topic']));
    for (const term of data.terms ?? []) {
      if (term.trim() !== '') terms.add(term.trim());
    }
    for (const [i, raw] of data.intents.entries()) {
      const id = raw.id.trim();
      const source = { file, line: parsed.lineOf(['intents', i]) ?? 1 };
      const at = { file, line: source.line, entry: id };
      if (!INTENT_ID.test(id)) {
        error({ ...at, message: 'intent id must be <topic>.<slug>: lower-case ascii letters, digits and _ (e.g. street_vending.penalty)' });
      } else if (topicOk && id.slice(0, id.indexOf('.')) !== topic) {
        error({ ...at, message: `intent id must start with the file's topic "${topic}."` });
      }
      const first = intentById.get(id);
      if (first) {
        error({ ...at, message: `duplicate intent id (first at ${first.source.file}:${first.source.line})` });
        continue;
      }
      const utterances: string[] = [];
      const seen = new Map<string, number>();
      for (const [k, u] of raw.utterances.entries()) {
        const text = u.trim();
        const line = parsed.lineOf(['intents', i, 'utterances', k]) ?? source.line;
        if (text === '') {
          error({ file, line, entry: id, message: `utterance ${k + 1} is empty` });
          continue;
        }
        if (normalizeText(text).empty) {
          // The bot answers emoji-only messages itself; as training text they teach nothing.
          error({ file, line, entry: id, message: `utterance "${text}" has no words once emoji and punctuation are removed` });
          continue;
        }
        const firstLine = seen.get(text);
        if (firstLine !== undefined) {
          error({ file, line, entry: id, message: `duplicate utterance "${text}" (first on line ${firstLine})` });
          continue;
        }
        seen.set(text, line);
        utterances.push(text);
      }
      if (utterances.length < MIN_UTTERANCES) {
        error({ ...at, message: `has ${utterances.length} utterance(s); at least ${MIN_UTTERANCES} distinct ones are needed` });
      }
      const intent: IntentDef = { id, topic, utterances, source };
      intents.push(intent);
      intentById.set(id, intent);
      for (const u of utterances) {
        const owner = utteranceOwner.get(u);
        if (owner && owner.id !== id) {
          warn({ file, line: seen.get(u) ?? source.line, entry: id, message: `utterance "${u}" is also an utterance of ${owner.id} (${owner.source.file}:${owner.source.line}); the classifier cannot tell them apart` });
        } else {
          utteranceOwner.set(u, intent);
        }
      }
    }
  }

  // --- knowledge/_authorities.yaml and _qualifiers.yaml (optional)
  const authorities = readAuthorities(opts.knowledgeDir, problems);
  const qualifiers = readQualifiers(opts.knowledgeDir, problems);

  // --- knowledge/*.yaml
  const answers = new Map<string, AnswerEntry>();
  for (const file of dataFiles(opts.knowledgeDir, warn, [TOPICS_FILE])) {
    const parsed = readTopicFile(file, knowledgeFileSchema, 'answers', 'intent');
    const data = parsed.data;
    if (!data) continue;
    const topic = data.topic.trim();
    checkFileTopic(file, topic, parsed.lineOf(['topic']));
    for (const [i, raw] of data.answers.entries()) {
      const id = raw.intent.trim();
      const lineOf = (...rest: DataPath) => parsed.lineOf(['answers', i, ...rest]);
      const source = { file, line: lineOf() ?? 1 };
      const at = { file, line: source.line, entry: id };
      const intent = intentById.get(id);
      if (!intent) {
        if (!unreadTopics.has(id.split('.')[0] ?? '')) error({ ...at, message: `answer for a missing intent: no intent "${id}" in ${opts.intentsDir}` });
      } else if (intent.topic !== topic) {
        error({ ...at, message: `answer is in the file of topic "${topic}" but the intent belongs to topic "${intent.topic}" (${intent.source.file})` });
      }
      const first = answers.get(id);
      if (first) {
        error({ ...at, message: `duplicate answer (first at ${first.source.file}:${first.source.line})` });
        continue;
      }
      const partLines = new Map<string, number>();
      for (const part of ['title', 'short', 'full', 'points', 'next_steps', 'citations']) partLines.set(part, lineOf(part) ?? source.line);
      const fill = (text: string, part: string) =>
        fillPlaceholders(authorities, cleanText(text), (unknownId) =>
          error({ file, line: partLines.get(part) ?? source.line, entry: id, message: `unknown matter {@${unknownId}} (not in ${path.join(opts.knowledgeDir, '_authorities.yaml')})` }),
        );
      const points: AnswerPoint[] = [];
      for (const [k, raw_] of (raw.points ?? []).entries()) {
        const line = lineOf('points', k) ?? source.line;
        partLines.set(`points.${k}`, line);
        const point: AnswerPoint = { text: '', cites: raw_.cite ?? [], short: raw_.short === true, advice: raw_.advice === true, line };
        point.text = fill(raw_.say, `points.${k}`);
        if (raw_.review !== undefined) point.review = cleanText(raw_.review);
        if (raw_.matter !== undefined) {
          point.matter = raw_.matter.trim();
          if (!authorities.matters.has(point.matter)) error({ file, line, entry: id, message: `unknown matter "${point.matter}" (not in ${path.join(opts.knowledgeDir, '_authorities.yaml')})` });
        }
        if (point.advice) {
          const legal = LEGAL_WORDS.exec(point.text);
          const figure = extractFigures(point.text)[0];
          if (point.cites.length > 0) error({ file, line, entry: id, message: 'a point marked advice: true states no law and cites nothing; drop advice or cite' });
          else if (legal || figure) error({ file, line, entry: id, message: `advice point "${clip(point.text)}" states law ("${legal?.[0] ?? figure?.raw}"): make it a legal point with \`cite:\`` });
        } else if (point.cites.length === 0 && isInScope(topic)) {
          error({ file, line, entry: id, message: `point "${clip(point.text)}" cites nothing: every legal point needs \`cite:\` (e.g. "行政处罚法 67", or a local rule by its title); practical advice is marked advice: true` });
        }
        points.push(point);
      }
      const hasText = raw.short !== undefined || raw.full !== undefined;
      if (points.length > 0 && hasText) {
        error({ ...at, message: 'write the answer either as points (preferred) or as short/full text, not both' });
      } else if (points.length === 0 && (raw.short === undefined || raw.full === undefined)) {
        error({ ...at, message: raw.points !== undefined ? 'points is empty' : 'needs points (or both short and full)' });
      } else if (points.length === 0 && isInScope(topic)) {
        warn({ ...at, message: 'written as short/full text: write it as points ({ say, cite, short }) so the group and private replies say the same law' });
      }
      if (points.length > 0 && !points.some((p) => p.short)) {
        error({ file, line: partLines.get('points'), entry: id, message: 'no point is marked short: true (the group reply would be empty)' });
      }
      const ownCitations = raw.citations ?? [];
      const citations = points.length > 0 ? uniqueCitations([...points.flatMap((p) => p.cites), ...ownCitations]) : ownCitations;
      const entry: AnswerEntry = {
        intent: id,
        topic,
        title: cleanText(raw.title),
        short: points.length > 0 ? joinPoints(points.filter((p) => p.short)) : fill(raw.short ?? '', 'short'),
        full: points.length > 0 ? joinPoints(points) : fill(raw.full ?? '', 'full'),
        nextSteps: [],
        citations,
        points,
        shortCitations: points.length > 0 ? uniqueCitations(points.filter((p) => p.short).flatMap((p) => p.cites)) : citations,
        review: (raw.review ?? []).map(cleanText),
        urgent: raw.urgent ?? false,
        disclaimer: raw.disclaimer === undefined ? common.disclaimer : cleanText(raw.disclaimer),
        source,
      };
      (raw.next_steps ?? []).forEach((_, k) => partLines.set(`next_steps.${k}`, lineOf('next_steps', k) ?? source.line));
      entry.nextSteps = (raw.next_steps ?? []).map((t, k) => fill(t, `next_steps.${k}`));
      entry.citations.forEach((c, k) => {
        const point = points.find((p) => p.cites.some((x) => x.law === c.law && x.article === c.article));
        const own = ownCitations.findIndex((x) => x.law === c.law && x.article === c.article);
        partLines.set(`citations.${k}`, point?.line ?? (own >= 0 ? lineOf('citations', own) : undefined) ?? source.line);
      });
      if (points.length > 0) partLines.set('short', partLines.get('points') ?? source.line);
      rememberLines(entry, partLines);

      const shortChars = [...entry.short].length;
      if (shortChars > MAX_SHORT_CHARS) {
        error({ file, line: partLines.get('short'), entry: id, message: `${points.length > 0 ? 'the points marked short come to' : 'short is'} ${shortChars} characters; at most ${MAX_SHORT_CHARS} (it is sent to group chats)` });
      }
      const titleChars = [...entry.title].length;
      if (titleChars > MAX_TITLE_CHARS) {
        warn({ file, line: partLines.get('title'), entry: id, message: `title is ${titleChars} characters; keep it to ${MAX_TITLE_CHARS} (it is shown as a choice)` });
      }
      if (entry.nextSteps.length === 0) {
        warn({ ...at, message: 'no next_steps: tell the citizen where to go, what to bring or which hotline to call' });
      }
      if (entry.citations.length === 0 && isInScope(topic)) {
        error({ ...at, message: 'no citation: an answer about a 城管 matter must cite at least one law (national article or local rule)' });
      }
      answers.set(id, entry);
    }
  }

  // --- cross checks
  problems.push(...checkAuthorities(authorities, answers.values(), (a, part) => lineOfPart(a, part, a.source.line)));
  for (const intent of intents) {
    if (!answers.has(intent.id) && !unreadTopics.has(intent.topic)) {
      error({ file: intent.source.file, line: intent.source.line, entry: intent.id, message: `intent has no answer in ${path.join(opts.knowledgeDir, `${intent.topic}.yaml`)}` });
    }
  }
  if (topicsKnown) {
    const withIntents = new Set(intents.map((i) => i.topic));
    for (const t of topics) {
      if (!chitchatTopics.has(t.id) && !withIntents.has(t.id) && !unreadTopics.has(t.id)) {
        error({ file: topicsFile.file, line: topicLine.get(t.id), entry: t.id, message: `topic ${t.name} has no intents (add ${path.join(opts.intentsDir, `${t.id}.yaml`)})` });
      }
    }
  }

  return done({
    topics,
    topicNames: new Map(topics.map((t) => [t.id, t.name])),
    common,
    intents,
    terms: [...terms],
    answers,
    authorities,
    qualifiers,
    intentsHash: hashDir(opts.intentsDir),
  });
}

/** Points joined into one paragraph; a point without final punctuation gets 。. */
export function joinPoints(points: readonly AnswerPoint[]): string {
  return points.map((p) => (/[。！？；）)」”]$/.test(p.text) ? p.text : `${p.text}。`)).join('');
}

/** Citations without repeats, first occurrence kept. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.law}#${c.article ?? 'local'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function clip(text: string, n = 24): string {
  return [...text].length <= n ? text : `${[...text].slice(0, n).join('')}…`;
}

/**
 * sha256 (hex) over every regular file of `dir`, sorted by name: for each, the name, a
 * NUL, the content and a NUL. Any edit, addition, removal or rename changes it.
 */
export function hashDir(dir: string): string {
  const hash = createHash('sha256');
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort();
  for (const name of names) {
    hash.update(name);
    hash.update('\0');
    hash.update(readFileSync(path.join(dir, name)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Folded YAML scalars (`>-`) join lines with a space, which shows up in Chinese text as a
 * stray gap (`清理， 拒不改正`). Drop whitespace between two CJK characters or marks.
 */
export function cleanText(text: string): string {
  return text.trim().replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '');
}

function checkDir(dir: string, what: string, setting: string, error: (p: Omit<KbProblem, 'severity'>) => void): boolean {
  try {
    if (statSync(dir).isDirectory()) return true;
    error({ file: dir, message: `${what} folder is not a directory (set ${setting})` });
  } catch {
    error({ file: dir, message: `${what} folder not found (set ${setting})` });
  }
  return false;
}

/** `<dir>/*.yaml` except special files (names starting with `_`, and `skip`), sorted. */
function dataFiles(dir: string, warn: (p: Omit<KbProblem, 'severity'>) => void, skip: readonly string[]): string[] {
  const files: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isFile() || d.name.startsWith('_') || skip.includes(d.name)) continue;
    if (d.name.endsWith('.yaml')) files.push(path.join(dir, d.name));
    else if (d.name.endsWith('.yml')) warn({ file: path.join(dir, d.name), message: 'ignored: data files must end in .yaml' });
  }
  return files.sort();
}

/** Name entries of `list` by their `key` field (an intent id) when it is readable. */
function entryById(list: string, key: string) {
  return (p: DataPath, raw: unknown): string | undefined => {
    if (p[0] !== list || typeof p[1] !== 'number' || raw === null || typeof raw !== 'object') return undefined;
    const items = (raw as Record<string, unknown>)[list];
    const item = Array.isArray(items) ? (items[p[1]] as unknown) : undefined;
    const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
    return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
  };
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
