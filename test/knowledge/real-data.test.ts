import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKbVerify } from '../../src/cli/commands/kb.js';
import { formatProblem } from '../../src/knowledge/problems.js';
import { LAWS_DIR, REPO_ROOT } from './kb-fixture.js';

/**
 * The project's own intents/ and knowledge/ must pass `kb lint` and `kb verify`
 * (warnings allowed). On failure the message lists every error, one per line.
 */
describe('the real knowledge base', () => {
  it('passes kb lint and kb verify against ../shared/laws', () => {
    const report = runKbVerify({
      lawsDir: LAWS_DIR,
      intentsDir: path.join(REPO_ROOT, 'intents'),
      knowledgeDir: path.join(REPO_ROOT, 'knowledge'),
    });
    const errors = report.problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors, report.summary).toEqual([]);
    // Every 城管 answer is written as legal points (short and full from the same points).
    const unmigrated = report.problems.filter((p) => p.message.startsWith('written as short/full text')).map(formatProblem);
    expect(unmigrated).toEqual([]);
  });
});
