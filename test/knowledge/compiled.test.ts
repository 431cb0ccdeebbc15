import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { isPufaError } from '../../src/core/errors.js';
import { loadKnowledgeBaseCached } from '../../src/knowledge/compiled.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { lineOfPart } from '../../src/knowledge/source-lines.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';

/**
 * Fast start: the compiled knowledge base (and model) cached under PUFA_CACHE_DIR is never
 * served stale, and what the bot answers is the same with and without the cache.
 */

const PARTS = ['title', 'short', 'full', 'citations.0', 'citations.1', 'next_steps.0'];
const kbFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('kb-')) : []);

describe('compiled knowledge base', () => {
  let dirs: FixtureDirs;
  beforeAll(() => {
    dirs = writeFixtureKb();
  });
  afterAll(() => rmSync(dirs.root, { recursive: true, force: true }));

  it('read back from the cache equals the knowledge base loaded from the YAML, source lines included', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pufa-kbc-'));
    const fromSources = loadKnowledgeBase(dirs);
    await loadKnowledgeBaseCached({ ...dirs, cacheDir });
    expect(kbFiles(cacheDir)).toHaveLength(1);
    const warm = await loadKnowledgeBaseCached({ ...dirs, cacheDir });
    expect(warm).toEqual(fromSources);
    expect(warm.answers).toBeInstanceOf(Map);
    expect(warm.topicNames.get('street_vending')).toBe(fromSources.topicNames.get('street_vending'));
    for (const [id, entry] of fromSources.answers) {
      for (const part of PARTS) expect(lineOfPart(warm.answers.get(id)!, part, -1), `${id} ${part}`).toBe(lineOfPart(entry, part, -1));
    }
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('is rebuilt when a file changes, is added or removed, never served stale', async () => {
    const d = writeFixtureKb();
    const cacheDir = d.cacheDir;
    const first = await loadKnowledgeBaseCached({ ...d, cacheDir });
    expect(first.answers.get('street_vending.permit')?.title).toBe('怎样申请临时摊位');

    // An answer's wording changes.
    const answers = path.join(d.knowledgeDir, 'street_vending.yaml');
    writeFileSync(answers, readFileSync(answers, 'utf8').replace('怎样申请临时摊位', '临时摊位怎样申请'));
    const edited = await loadKnowledgeBaseCached({ ...d, cacheDir });
    expect(edited.answers.get('street_vending.permit')?.title).toBe('临时摊位怎样申请');
    expect(edited).toEqual(loadKnowledgeBase(d));

    // An utterance is added to an intents file: a new intents hash too (the model's key).
    const intents = path.join(d.intentsDir, 'street_vending.yaml');
    writeFileSync(intents, readFileSync(intents, 'utf8').replace('      - 占道经营罚多少钱\n', '      - 占道经营罚多少钱\n      - 马路边卖水果罚多少钱\n'));
    const more = await loadKnowledgeBaseCached({ ...d, cacheDir });
    expect(more.intents.find((i) => i.id === 'street_vending.penalty')?.utterances).toContain('马路边卖水果罚多少钱');
    expect(more.intentsHash).not.toBe(edited.intentsHash);

    // A file nobody reads is added to knowledge/ (its content still counts).
    writeFileSync(path.join(d.knowledgeDir, 'notes.txt'), 'x');
    expect(await loadKnowledgeBaseCached({ ...d, cacheDir })).toEqual(loadKnowledgeBase(d));

    // Same content in another folder: the entries point at the new files.
    const copy = writeFixtureKb();
    const elsewhere = await loadKnowledgeBaseCached({ ...copy, cacheDir });
    expect(elsewhere.intents[0]?.source.file.startsWith(copy.intentsDir)).toBe(true);
    rmSync(d.root, { recursive: true, force: true });
    rmSync(copy.root, { recursive: true, force: true });
  });

  it('caches nothing for data with errors: every load reports them, and the fix is picked up', async () => {
    const d = writeFixtureKb();
    const file = path.join(d.knowledgeDir, 'noise.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('title: 夜间施工噪声', 'title: [夜间施工噪声'));
    for (let i = 0; i < 2; i += 1) {
      const err = await loadKnowledgeBaseCached({ ...d, cacheDir: d.cacheDir }).catch((e: unknown) => e);
      expect(isPufaError(err) && err.code).toBe('PUFA_ERR_KNOWLEDGE');
    }
    expect(kbFiles(d.cacheDir)).toEqual([]);
    writeFileSync(file, good);
    expect((await loadKnowledgeBaseCached({ ...d, cacheDir: d.cacheDir })).answers.has('noise.night_construction')).toBe(true);
    rmSync(d.root, { recursive: true, force: true });
  });

  it('a damaged cache file is compiled again, not an error', async () => {
    const d = writeFixtureKb();
    await loadKnowledgeBaseCached({ ...d, cacheDir: d.cacheDir });
    const [name] = kbFiles(d.cacheDir);
    writeFileSync(path.join(d.cacheDir, name!), '{"key": "truncated');
    expect(await loadKnowledgeBaseCached({ ...d, cacheDir: d.cacheDir })).toEqual(loadKnowledgeBase(d));
    appendFileSync(path.join(d.cacheDir, name!), 'garbage');
    expect(await loadKnowledgeBaseCached({ ...d, cacheDir: d.cacheDir })).toEqual(loadKnowledgeBase(d));
    rmSync(d.root, { recursive: true, force: true });
  });
});

describe('the brain with and without its caches', () => {
  const QUESTIONS = ['占道经营罚多少钱', '夜市摊位怎么申请', '工地半夜施工找谁投诉', '家里闻到煤气味怎么办', '交警贴条怎么处理', '你好', '股票会涨吗'];
  let d: FixtureDirs;
  const configFor = () => loadConfig({ PUFA_INTENTS_DIR: d.intentsDir, PUFA_KNOWLEDGE_DIR: d.knowledgeDir, PUFA_CACHE_DIR: d.cacheDir, LOG_LEVEL: 'silent' });
  const replies = async (brain: Brain) => {
    const out = [];
    for (const q of QUESTIONS) {
      const r = await brain.ask(q, { channel: 'private' });
      out.push({ q, action: r.action, intent: r.intent, topic: r.topic, reply: r.reply, choices: r.choices });
    }
    return out;
  };
  beforeAll(() => {
    d = writeFixtureKb();
  });
  afterAll(() => rmSync(d.root, { recursive: true, force: true }));

  it('answers the same from a cold start, from the cache, and with no cache at all', async () => {
    const cold = await createBrain({ config: configFor() });
    expect(cold.modelInfo.source).toBe('trained');
    const warm = await createBrain({ config: configFor() });
    expect(warm.modelInfo.source).toBe('cache');
    const none = await createBrain({ config: configFor(), noCache: true });
    const expected = await replies(cold);
    expect(expected.find((r) => r.q === '占道经营罚多少钱')).toMatchObject({ action: 'answer', intent: 'street_vending.penalty' });
    expect(await replies(warm)).toEqual(expected);
    expect(await replies(none)).toEqual(expected);
    // Scores too, to float32 precision (the saved weights).
    for (const q of QUESTIONS) {
      const a = await cold.rank(q);
      const b = await warm.rank(q);
      expect(b.map((s) => s.intent)).toEqual(a.map((s) => s.intent));
      b.forEach((s, i) => expect(s.score).toBeCloseTo(a[i]!.score, 5));
    }
  }, 300_000);

  it('after an edit, answers from the edited data: new wording at once, a retrained model for new utterances', async () => {
    await createBrain({ config: configFor() });
    const answers = path.join(d.knowledgeDir, 'street_vending.yaml');
    writeFileSync(answers, readFileSync(answers, 'utf8').replace('请向所在街道或城管部门咨询临时疏导点和夜市摊位，带上身份证明。', '请向所在街道咨询临时疏导点和夜市摊位，并带上身份证明和照片。'));
    const reworded = await createBrain({ config: configFor() });
    expect(reworded.modelInfo.source).toBe('cache');
    expect((await reworded.ask('夜市摊位怎么申请', { channel: 'private' })).reply).toContain('并带上身份证明和照片');

    const intents = path.join(d.intentsDir, 'street_vending.yaml');
    writeFileSync(intents, readFileSync(intents, 'utf8').replace('      - 占道经营罚多少钱\n', '      - 占道经营罚多少钱\n      - 马路边卖水果罚多少钱\n'));
    const retrained = await createBrain({ config: configFor() });
    expect(retrained.modelInfo.source).toBe('trained');
    expect(retrained.kb.intents.find((i) => i.id === 'street_vending.penalty')?.utterances).toContain('马路边卖水果罚多少钱');
    expect((await createBrain({ config: configFor() })).modelInfo.source).toBe('cache');
  }, 300_000);
});
