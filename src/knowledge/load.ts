import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { PufaError } from '../core/errors.js';
import { normalizeText } from '../core/normalize.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, type Topic } from '../core/types.js';
import { uniqueCitations } from './citations.js';
import { hashDir } from './compiled.js';
import { extractFigures } from './figures.js';
import { compareProblems, errorsOf, formatProblem } from './problems.js';
import { commonFileSchema, intentsFileSchema, knowledgeFileSchema, topicsFileSchema } from './schema.js';
import { lineOfPart, rememberLines } from './source-lines.js';
import { checkAuthorities, fillPlaceholders, readAuthorities, readQualifiers } from './authorities.js';
import type { Citation } from '../core/types.js';
import type { AnswerEntry, AnswerPoint, AuthorityTable, CommonTexts, IntentDef, KbProblem, KnowledgeBase } from './types.js';
import { readYamlFile, type DataPath, type ParsedYamlFile } from './yaml-file.js';
import { readEmergencies } from './emergencies.js';
import { cleanText } from './text.js';

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

export { hashDir };

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

/** Where the checks of one run put what they find. */
interface Problems {
  readonly list: KbProblem[];
  error(p: Omit<KbProblem, 'severity'>): void;
  warn(p: Omit<KbProblem, 'severity'>): void;
}

function problemList(): Problems {
  const list: KbProblem[] = [];
  return {
    list,
    error: (p) => list.push({ ...p, severity: 'error' }),
    warn: (p) => list.push({ ...p, severity: 'warning' }),
  };
}

/** topics.yaml as read: the topics in order, where each is defined, which are small talk. */
interface TopicTable {
  file: string;
  topics: Topic[];
  lineOf: Map<string, number>;
  chitchat: Set<string>;
  /** topics.yaml could be read (otherwise no "unknown topic" checks). */
  known: boolean;
}

/** What reading the topic files of both folders shares. */
interface TopicFiles {
  dirs: KbDirs;
  out: Problems;
  topics: TopicTable;
  /** Topics whose file could not be read: no "missing answer/intent" noise on top of the real problem. */
  unread: Set<string>;
}

/** The intents read so far, by id, with the training terms. */
interface IntentSet {
  intents: IntentDef[];
  byId: Map<string, IntentDef>;
  terms: Set<string>;
  /** Topic → its file's terms. */
  topicTerms: Map<string, Set<string>>;
}

/**
 * Every problem of the data (errors and lint warnings), sorted by file and line, plus the
 * knowledge base when there is no error. Never throws for bad data. The steps: both
 * folders exist → topics.yaml → _common.yaml → intents/*.yaml → _authorities.yaml and
 * _qualifiers.yaml, _emergency.yaml → knowledge/*.yaml → checks across files.
 */
export function collectKbProblems(opts: KbDirs): KbCheck {
  const out = problemList();
  if (!checkDirs(opts, out)) return finish(out);
  const topics = readTopics(opts, out);
  const common = readCommon(opts, out);
  const files: TopicFiles = { dirs: opts, out, topics, unread: new Set() };
  const intents = readIntents(files);
  const authorities = readAuthorities(opts.knowledgeDir, out.list);
  const qualifiers = readQualifiers(opts.knowledgeDir, out.list);
  const emergencies = readEmergencies(opts.knowledgeDir, out.list);
  const answers = readAnswers(files, intents, { authorities, common });
  crossCheck(files, intents.intents, answers, authorities);
  return finish(out, {
    topics: topics.topics,
    topicNames: new Map(topics.topics.map((t) => [t.id, t.name])),
    common,
    intents: intents.intents,
    terms: [...intents.terms],
    topicTerms: Object.fromEntries([...intents.topicTerms].map(([topic, terms]) => [topic, [...terms]])),
    answers,
    authorities,
    qualifiers,
    emergencies,
    intentsHash: hashDir(opts.intentsDir),
  });
}

/** Sort the problems; the knowledge base only when there is no error. */
function finish(out: Problems, draft?: KnowledgeBase): KbCheck {
  const problems = out.list.sort(compareProblems);
  if (!draft) return { problems };
  return errorsOf(problems).length === 0 ? { kb: draft, problems, draft } : { problems, draft };
}

function checkDirs(opts: KbDirs, out: Problems): boolean {
  const intentsOk = checkDir(opts.intentsDir, 'intents', 'PUFA_INTENTS_DIR or --intents', out.error);
  const knowledgeOk = checkDir(opts.knowledgeDir, 'knowledge', 'PUFA_KNOWLEDGE_DIR or --knowledge', out.error);
  return intentsOk && knowledgeOk;
}

/** knowledge/topics.yaml: each topic once. */
function readTopics(opts: KbDirs, out: Problems): TopicTable {
  const parsed = readYamlFile(path.join(opts.knowledgeDir, TOPICS_FILE), topicsFileSchema, { entryOf: entryById('topics', 'id') });
  out.list.push(...parsed.problems);
  const table: TopicTable = { file: parsed.file, topics: [], lineOf: new Map(), chitchat: new Set([CHITCHAT_TOPIC]), known: parsed.data !== undefined };
  for (const [i, t] of (parsed.data?.topics ?? []).entries()) {
    const line = parsed.lineOf(['topics', i]);
    if (table.lineOf.has(t.id)) {
      out.error({ file: parsed.file, line, entry: t.id, message: `duplicate topic id (first on line ${table.lineOf.get(t.id)})` });
      continue;
    }
    table.lineOf.set(t.id, line ?? 1);
    table.topics.push({ id: t.id, name: t.name.trim() });
    if (t.chitchat === true) table.chitchat.add(t.id);
  }
  return table;
}

/** A topic whose answers must cite law (not small talk, not out of scope). */
function isInScope(topics: TopicTable, topic: string): boolean {
  return topic !== OUT_OF_SCOPE_TOPIC && !topics.chitchat.has(topic);
}

/** knowledge/_common.yaml: the texts every answer shares. */
function readCommon(opts: KbDirs, out: Problems): CommonTexts {
  const parsed = readYamlFile(path.join(opts.knowledgeDir, COMMON_FILE), commonFileSchema);
  out.list.push(...parsed.problems);
  return {
    bureau: cleanText(parsed.data?.bureau ?? ''),
    hotline: cleanText(parsed.data?.hotline ?? ''),
    ...(parsed.data?.other_matters ? { otherMatters: cleanText(parsed.data.other_matters) } : {}),
    disclaimer: cleanText(parsed.data?.disclaimer ?? ''),
  };
}

/** Read one topic file; a file that cannot be read is remembered in `files.unread`. */
function readTopicFile<T>(files: TopicFiles, file: string, schema: z.ZodType<T>, list: string, key: string): ParsedYamlFile<T> {
  const parsed = readYamlFile(file, schema, { entryOf: entryById(list, key) });
  files.out.list.push(...parsed.problems);
  if (!parsed.data) files.unread.add(path.basename(file, '.yaml'));
  return parsed;
}

/** Checks shared by both folders: the topic is known and equals the file name. */
function checkFileTopic(files: TopicFiles, file: string, topic: string, line: number | undefined): boolean {
  const expected = path.basename(file, '.yaml');
  let ok = true;
  if (topic !== expected) {
    files.out.error({ file, line, message: `topic "${topic}" does not match the file name (expected topic: ${expected})` });
    ok = false;
  }
  if (files.topics.known && !files.topics.lineOf.has(topic)) {
    files.out.error({ file, line, message: `unknown topic "${topic}" (not in ${path.join(files.dirs.knowledgeDir, TOPICS_FILE)})` });
    ok = false;
  }
  return ok;
}

type IntentsFile = z.infer<typeof intentsFileSchema>;
type RawIntent = IntentsFile['intents'][number];

/** intents/*.yaml: ids, utterances, terms. */
function readIntents(files: TopicFiles): IntentSet {
  const set: IntentSet = { intents: [], byId: new Map(), terms: new Set(), topicTerms: new Map() };
  const owners = new Map<string, IntentDef>();
  for (const file of dataFiles(files.dirs.intentsDir, files.out.warn, [])) {
    const parsed = readTopicFile(files, file, intentsFileSchema, 'intents', 'id');
    const data = parsed.data;
    if (!data) continue;
    const topic = data.topic.trim();
    const topicOk = checkFileTopic(files, file, topic, parsed.lineOf(['topic']));
    for (const raw of data.terms ?? []) {
      const term = raw.trim();
      if (term === '') continue;
      set.terms.add(term);
      let own = set.topicTerms.get(topic);
      if (!own) set.topicTerms.set(topic, (own = new Set()));
      own.add(term);
    }
    for (const [i, raw] of data.intents.entries()) {
      const intent = readIntent(files.out, parsed, i, raw, { topic, topicOk }, set);
      if (!intent) continue;
      set.intents.push(intent.def);
      set.byId.set(intent.def.id, intent.def);
      warnSharedUtterances(files.out, intent.def, intent.lines, owners);
    }
  }
  return set;
}

/**
 * One intent: its id checked, its utterances trimmed and checked. Undefined for a duplicate
 * id. `file.topic` is the file's topic; when it is valid (`topicOk`) the id must start with it.
 */
function readIntent(
  out: Problems,
  parsed: ParsedYamlFile<IntentsFile>,
  i: number,
  raw: RawIntent,
  { topic, topicOk }: { topic: string; topicOk: boolean },
  set: IntentSet,
): { def: IntentDef; lines: Map<string, number> } | undefined {
  const file = parsed.file;
  const id = raw.id.trim();
  const source = { file, line: parsed.lineOf(['intents', i]) ?? 1 };
  const at = { file, line: source.line, entry: id };
  if (!INTENT_ID.test(id)) {
    out.error({ ...at, message: 'intent id must be <topic>.<slug>: lower-case ascii letters, digits and _ (e.g. street_vending.penalty)' });
  } else if (topicOk && id.slice(0, id.indexOf('.')) !== topic) {
    out.error({ ...at, message: `intent id must start with the file's topic "${topic}."` });
  }
  const first = set.byId.get(id);
  if (first) {
    out.error({ ...at, message: `duplicate intent id (first at ${first.source.file}:${first.source.line})` });
    return undefined;
  }
  const lines = readUtterances(out, parsed, i, raw.utterances, at);
  const utterances = [...lines.keys()];
  if (utterances.length < MIN_UTTERANCES) {
    out.error({ ...at, message: `has ${utterances.length} utterance(s); at least ${MIN_UTTERANCES} distinct ones are needed` });
  }
  return { def: { id, topic, utterances, source }, lines };
}

/** The utterances of intent `i`, trimmed, each non-empty and once: utterance → its line. */
function readUtterances(out: Problems, parsed: ParsedYamlFile<IntentsFile>, i: number, raw: readonly string[], at: { file: string; line: number; entry: string }): Map<string, number> {
  const seen = new Map<string, number>();
  for (const [k, u] of raw.entries()) {
    const text = u.trim();
    const line = parsed.lineOf(['intents', i, 'utterances', k]) ?? at.line;
    const where = { file: at.file, line, entry: at.entry };
    if (text === '') {
      out.error({ ...where, message: `utterance ${k + 1} is empty` });
      continue;
    }
    if (normalizeText(text).empty) {
      // The bot answers emoji-only messages itself; as training text they teach nothing.
      out.error({ ...where, message: `utterance "${text}" has no words once emoji and punctuation are removed` });
      continue;
    }
    const firstLine = seen.get(text);
    if (firstLine !== undefined) {
      out.error({ ...where, message: `duplicate utterance "${text}" (first on line ${firstLine})` });
      continue;
    }
    seen.set(text, line);
  }
  return seen;
}

/** Warn when an utterance is also one of another intent (the classifier cannot tell them apart). */
function warnSharedUtterances(out: Problems, intent: IntentDef, lines: ReadonlyMap<string, number>, owners: Map<string, IntentDef>): void {
  for (const u of intent.utterances) {
    const owner = owners.get(u);
    if (owner && owner.id !== intent.id) {
      out.warn({ file: intent.source.file, line: lines.get(u) ?? intent.source.line, entry: intent.id, message: `utterance "${u}" is also an utterance of ${owner.id} (${owner.source.file}:${owner.source.line}); the classifier cannot tell them apart` });
    } else {
      owners.set(u, intent);
    }
  }
}

type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
type RawAnswer = KnowledgeFile['answers'][number];

/** What answers are built with besides their own text. */
interface AnswerContext {
  authorities: AuthorityTable;
  common: CommonTexts;
}

/** knowledge/*.yaml: one entry per answer, checked. */
function readAnswers(files: TopicFiles, intents: IntentSet, ctx: AnswerContext): Map<string, AnswerEntry> {
  const answers = new Map<string, AnswerEntry>();
  for (const file of dataFiles(files.dirs.knowledgeDir, files.out.warn, [TOPICS_FILE])) {
    const parsed = readTopicFile(files, file, knowledgeFileSchema, 'answers', 'intent');
    const data = parsed.data;
    if (!data) continue;
    const topic = data.topic.trim();
    checkFileTopic(files, file, topic, parsed.lineOf(['topic']));
    for (const [i, raw] of data.answers.entries()) {
      const at = { file, line: parsed.lineOf(['answers', i]) ?? 1, entry: raw.intent.trim() };
      checkAnswerIntent(files, intents, topic, at);
      const first = answers.get(at.entry);
      if (first) {
        files.out.error({ ...at, message: `duplicate answer (first at ${first.source.file}:${first.source.line})` });
        continue;
      }
      const entry = readAnswer(files, parsed, i, raw, topic, ctx);
      lintAnswer(files, entry, entry.points.length > 0);
      answers.set(at.entry, entry);
    }
  }
  return answers;
}

/** The answer's intent exists and belongs to the file's topic. */
function checkAnswerIntent(files: TopicFiles, intents: IntentSet, topic: string, at: { file: string; line: number; entry: string }): void {
  const intent = intents.byId.get(at.entry);
  if (!intent) {
    if (!files.unread.has(at.entry.split('.')[0] ?? '')) files.out.error({ ...at, message: `answer for a missing intent: no intent "${at.entry}" in ${files.dirs.intentsDir}` });
  } else if (intent.topic !== topic) {
    files.out.error({ ...at, message: `answer is in the file of topic "${topic}" but the intent belongs to topic "${intent.topic}" (${intent.source.file})` });
  }
}

/** One answer as served: points, the short and full text, citations, with the lines of its parts remembered. */
function readAnswer(files: TopicFiles, parsed: ParsedYamlFile<KnowledgeFile>, i: number, raw: RawAnswer, topic: string, ctx: AnswerContext): AnswerEntry {
  const file = parsed.file;
  const id = raw.intent.trim();
  const lineOf = (...rest: DataPath) => parsed.lineOf(['answers', i, ...rest]);
  const source = { file, line: lineOf() ?? 1 };
  const partLines = new Map<string, number>();
  for (const part of ['title', 'short', 'full', 'points', 'next_steps', 'citations']) partLines.set(part, lineOf(part) ?? source.line);
  const fill = (text: string, part: string) =>
    fillPlaceholders(ctx.authorities, cleanText(text), (unknownId) =>
      files.out.error({ file, line: partLines.get(part) ?? source.line, entry: id, message: `unknown matter {@${unknownId}} (not in ${path.join(files.dirs.knowledgeDir, '_authorities.yaml')})` }),
    );
  const points = readPoints(files, raw, topic, { file, id, source, lineOf, partLines, fill, authorities: ctx.authorities });
  checkAnswerForm(files, raw, points, topic, { file, line: source.line, entry: id }, partLines);
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
    disclaimer: raw.disclaimer === undefined ? ctx.common.disclaimer : cleanText(raw.disclaimer),
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
  return entry;
}

/** What reading an answer's points needs from the answer. */
interface PointContext {
  file: string;
  id: string;
  source: { file: string; line: number };
  lineOf: (...rest: DataPath) => number | undefined;
  partLines: Map<string, number>;
  fill: (text: string, part: string) => string;
  authorities: AuthorityTable;
}

/** The legal points of an answer: each cites law, or is advice that states none. */
function readPoints(files: TopicFiles, raw: RawAnswer, topic: string, a: PointContext): AnswerPoint[] {
  const { file, id } = a;
  const points: AnswerPoint[] = [];
  for (const [k, raw_] of (raw.points ?? []).entries()) {
    const line = a.lineOf('points', k) ?? a.source.line;
    a.partLines.set(`points.${k}`, line);
    const point: AnswerPoint = { text: '', cites: raw_.cite ?? [], short: raw_.short === true, advice: raw_.advice === true, line };
    point.text = a.fill(raw_.say, `points.${k}`);
    if (raw_.review !== undefined) point.review = cleanText(raw_.review);
    if (raw_.matter !== undefined) {
      point.matter = raw_.matter.trim();
      if (!a.authorities.matters.has(point.matter)) files.out.error({ file, line, entry: id, message: `unknown matter "${point.matter}" (not in ${path.join(files.dirs.knowledgeDir, '_authorities.yaml')})` });
    }
    if (point.advice) {
      const legal = LEGAL_WORDS.exec(point.text);
      const figure = extractFigures(point.text)[0];
      if (point.cites.length > 0) files.out.error({ file, line, entry: id, message: 'a point marked advice: true states no law and cites nothing; drop advice or cite' });
      else if (legal || figure) files.out.error({ file, line, entry: id, message: `advice point "${clip(point.text)}" states law ("${legal?.[0] ?? figure?.raw}"): make it a legal point with \`cite:\`` });
    } else if (point.cites.length === 0 && isInScope(files.topics, topic)) {
      files.out.error({ file, line, entry: id, message: `point "${clip(point.text)}" cites nothing: every legal point needs \`cite:\` (e.g. "行政处罚法 67", or a local rule by its title); practical advice is marked advice: true` });
    }
    points.push(point);
  }
  return points;
}

/** Points or short/full text, not both; with points, at least one is short. */
function checkAnswerForm(files: TopicFiles, raw: RawAnswer, points: readonly AnswerPoint[], topic: string, at: { file: string; line: number; entry: string }, partLines: ReadonlyMap<string, number>): void {
  const hasText = raw.short !== undefined || raw.full !== undefined;
  if (points.length > 0 && hasText) {
    files.out.error({ ...at, message: 'write the answer either as points (preferred) or as short/full text, not both' });
  } else if (points.length === 0 && (raw.short === undefined || raw.full === undefined)) {
    files.out.error({ ...at, message: raw.points !== undefined ? 'points is empty' : 'needs points (or both short and full)' });
  } else if (points.length === 0 && isInScope(files.topics, topic)) {
    files.out.warn({ ...at, message: 'written as short/full text: write it as points ({ say, cite, short }) so the group and private replies say the same law' });
  }
  if (points.length > 0 && !points.some((p) => p.short)) {
    files.out.error({ file: at.file, line: partLines.get('points'), entry: at.entry, message: 'no point is marked short: true (the group reply would be empty)' });
  }
}

/** Limits of a built answer: the group form's length, the title's, next steps, a citation. */
function lintAnswer(files: TopicFiles, entry: AnswerEntry, withPoints: boolean): void {
  const { file } = entry.source;
  const at = { file, line: entry.source.line, entry: entry.intent };
  const shortChars = [...entry.short].length;
  if (shortChars > MAX_SHORT_CHARS) {
    files.out.error({ file, line: lineOfPart(entry, 'short', entry.source.line), entry: entry.intent, message: `${withPoints ? 'the points marked short come to' : 'short is'} ${shortChars} characters; at most ${MAX_SHORT_CHARS} (it is sent to group chats)` });
  }
  const titleChars = [...entry.title].length;
  if (titleChars > MAX_TITLE_CHARS) {
    files.out.warn({ file, line: lineOfPart(entry, 'title', entry.source.line), entry: entry.intent, message: `title is ${titleChars} characters; keep it to ${MAX_TITLE_CHARS} (it is shown as a choice)` });
  }
  if (entry.nextSteps.length === 0) {
    files.out.warn({ ...at, message: 'no next_steps: tell the citizen where to go, what to bring or which hotline to call' });
  }
  if (entry.citations.length === 0 && isInScope(files.topics, entry.topic)) {
    files.out.error({ ...at, message: 'no citation: an answer about a 城管 matter must cite at least one law (national article or local rule)' });
  }
}

/** Across files: one authority per matter, every intent answered, every topic with intents. */
function crossCheck(files: TopicFiles, intents: readonly IntentDef[], answers: ReadonlyMap<string, AnswerEntry>, authorities: AuthorityTable): void {
  const { out, dirs, topics } = files;
  out.list.push(...checkAuthorities(authorities, answers.values(), (a, part) => lineOfPart(a, part, a.source.line)));
  for (const intent of intents) {
    if (!answers.has(intent.id) && !files.unread.has(intent.topic)) {
      out.error({ file: intent.source.file, line: intent.source.line, entry: intent.id, message: `intent has no answer in ${path.join(dirs.knowledgeDir, `${intent.topic}.yaml`)}` });
    }
  }
  if (topics.known) {
    const withIntents = new Set(intents.map((i) => i.topic));
    for (const t of topics.topics) {
      if (!topics.chitchat.has(t.id) && !withIntents.has(t.id) && !files.unread.has(t.id)) {
        out.error({ file: topics.file, line: topics.lineOf.get(t.id), entry: t.id, message: `topic ${t.name} has no intents (add ${path.join(dirs.intentsDir, `${t.id}.yaml`)})` });
      }
    }
  }
}

/** Points joined into one paragraph; a point without final punctuation gets 。. */
export function joinPoints(points: readonly AnswerPoint[]): string {
  return points.map((p) => (/[。！？；）)」”]$/.test(p.text) ? p.text : `${p.text}。`)).join('');
}


function clip(text: string, n = 24): string {
  return [...text].length <= n ? text : `${[...text].slice(0, n).join('')}…`;
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
