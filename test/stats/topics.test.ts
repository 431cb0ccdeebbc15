import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPufaError } from '../../src/core/errors.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { loadTopics } from '../../src/stats/topics.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * One reader of knowledge/topics.yaml: the statistics read the topic names with the
 * knowledge loader's reader and schema, get the same list the knowledge base has, and a
 * missing or malformed file is a clear error (file, line, setting), never a silent built-in list.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-topics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function errorOf(fn: () => unknown): { code: string; message: string; problems: readonly string[] } {
  try {
    fn();
  } catch (err) {
    if (isPufaError(err)) return { code: err.code, message: err.message, problems: err.problems };
    throw err;
  }
  throw new Error('expected an error');
}

describe('loadTopics', () => {
  it('gives the knowledge base’s topics, in order, with their names', () => {
    const knowledgeDir = path.join(REPO_ROOT, 'knowledge');
    const kb = loadKnowledgeBase({ intentsDir: path.join(REPO_ROOT, 'intents'), knowledgeDir });
    const topics = loadTopics(knowledgeDir);
    expect(topics.map((t) => [t.id, t.name])).toEqual(kb.topics.map((t) => [t.id, t.name]));
    expect(topics.filter((t) => t.chitchat).map((t) => t.id)).toEqual(['chitchat']);
  });

  it('a missing file is an error naming the file and PUFA_KNOWLEDGE_DIR, not a fallback list', () => {
    const e = errorOf(() => loadTopics(path.join(dir, 'nowhere')));
    expect(e.code).toBe('PUFA_ERR_KNOWLEDGE');
    expect(e.message).toContain(path.join(dir, 'nowhere', 'topics.yaml'));
    expect(e.message).toContain('PUFA_KNOWLEDGE_DIR');
    expect(e.message).toContain('file not found');
  });

  it('a malformed file is an error with the line of the problem', () => {
    writeFileSync(path.join(dir, 'topics.yaml'), 'topics:\n  - id: noise\n    name: 噪声扰民\n  - id: Bad-Id\n    name: x\n');
    const e = errorOf(() => loadTopics(dir));
    expect(e.code).toBe('PUFA_ERR_KNOWLEDGE');
    expect(e.problems.join('\n')).toMatch(/topics\.yaml:4: .*lower-case/);
  });
});
