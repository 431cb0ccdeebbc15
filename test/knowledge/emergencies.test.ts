import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/knowledge/problems.js';
import { DANGER_KINDS, EMERGENCIES_FILE, readEmergencies } from '../../src/knowledge/emergencies.js';
import type { KbProblem } from '../../src/knowledge/types.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/** knowledge/_emergency.yaml: what danger to a person is told first (src/nlu/replies.ts `withEmergency`). */
const dir = mkdtempSync(path.join(os.tmpdir(), 'pufa-emergency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(yaml: string | undefined): { problems: string[]; kinds: string[] } {
  const d = mkdtempSync(path.join(dir, 'k-'));
  if (yaml !== undefined) writeFileSync(path.join(d, EMERGENCIES_FILE), yaml);
  const problems: KbProblem[] = [];
  const e = readEmergencies(d, problems);
  return { problems: problems.map(formatProblem), kinds: [...e.kinds.keys()] };
}

describe('the emergency lines file', () => {
  it('ships lines for every kind of danger, each naming an emergency number', () => {
    const problems: KbProblem[] = [];
    const e = readEmergencies(path.join(REPO_ROOT, 'knowledge'), problems);
    expect(problems).toEqual([]);
    expect([...e.kinds.keys()].sort()).toEqual([...DANGER_KINDS].sort());
    for (const [kind, lines] of e.kinds) expect(lines.join(''), kind).toMatch(/110|120|119/);
    expect(e.outro).toContain('110');
    // Folded YAML leaves no stray gap between Chinese characters.
    for (const lines of e.kinds.values()) for (const l of lines) expect(l).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/u);
  });

  it('names the file and line of an unknown kind or an empty list', () => {
    const unknown = read('intro: 请先求助：\noutro: 请拨打110。\nkinds:\n  flood:\n    - 拨打119。\n');
    expect(unknown.problems.join('\n')).toMatch(/_emergency\.yaml:\d/);
    expect(unknown.problems.join('\n')).toContain('flood');
    const empty = read('intro: 请先求助：\noutro: 请拨打110。\nkinds:\n  fire: []\n');
    expect(empty.problems.join('\n')).toMatch(/_emergency\.yaml:4/);
  });

  it('absent: no lines and no problem (the replies stay as the steps made them)', () => {
    expect(read(undefined)).toEqual({ problems: [], kinds: [] });
    // A kind left out has no lines; the others keep theirs.
    expect(read('intro: 请先求助：\noutro: 请拨打110。\nkinds:\n  fire:\n    - 拨打119。\n')).toEqual({ problems: [], kinds: ['fire'] });
  });
});
