import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runKbReviewList } from '../../src/cli/commands/kb.js';
import { makeKb, REPO_ROOT, type KbFixture } from './kb-fixture.js';

/** docs/legal-review.md is generated from knowledge/ and must not fall behind it. */
let kb: KbFixture | undefined;
afterEach(() => {
  kb?.remove();
  kb = undefined;
});

describe('legal review list', () => {
  it('docs/legal-review.md is what `pufa kb review-list` gives for the shipped data (regenerate it when this fails)', () => {
    const expected = runKbReviewList({ intentsDir: path.join(REPO_ROOT, 'intents'), knowledgeDir: path.join(REPO_ROOT, 'knowledge') });
    const actual = readFileSync(path.join(REPO_ROOT, 'docs/legal-review.md'), 'utf8');
    expect(actual, 'docs/legal-review.md is out of date: run npx pufa kb review-list --out docs/legal-review.md').toBe(expected);
    // What the issue names must be on it: hotlines and channels, the gas emergency number, local rules (fine ranges).
    expect(actual).toContain('城管热线 12319（市民热线 12345）');
    expect(actual).toContain('燃气企业抢修电话');
    expect(actual).toContain('《武汉市市容环境卫生管理条例》');
  });

  it('lists a point marked review:, every telephone number and every local rule named', () => {
    kb = makeKb({
      'knowledge/street_vending.yaml': `topic: street_vending
answers:
  - intent: street_vending.penalty
    title: 占道经营的处罚
    points:
      - say: 可以处2万元以下罚款，可拨打12319咨询。
        cite: [城市道路管理条例 42, 武汉市城市综合管理条例]
        short: true
        review: 核对本地执法口径。
`,
    });
    const text = runKbReviewList({ intentsDir: kb.intentsDir, knowledgeDir: kb.knowledgeDir });
    expect(text).toContain('- [ ] **可以处2万元以下罚款，可拨打12319咨询。**\n  - 核对：核对本地执法口径。\n  - 出处：`street_vending.penalty`');
    expect(text).toContain('- [ ] **12319 城管热线**');
    expect(text).toContain('- [ ] **《武汉市城市综合管理条例》**');
    expect(text).toContain('- [ ] **每条回复末尾的热线：城管热线 12319**');
  });
});
