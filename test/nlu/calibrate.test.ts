import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { BrainReply } from '../../src/core/types.js';
import type { Brain } from '../../src/nlu/brain.js';
import { calibrate, letterGrid, thresholdEnv, utilityOf, UTILITY } from '../../src/nlu/calibrate.js';
import { DEFAULT_LETTER_CHARS, DEFAULT_THRESHOLDS, SHIPPED_LETTER_RULE, type Thresholds } from '../../src/nlu/decide.js';
import { evaluate } from '../../src/nlu/eval-file.js';
import type { EvalItem } from '../../src/nlu/evaluate.js';
import { problemsOf } from '../helpers/config-problems.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * `pufa calibrate`: the thresholds are chosen by running the whole brain over labelled
 * messages under each setting, scored by one utility (src/nlu/calibrate.ts).
 */
const reply = (choices: string[] = []): BrainReply => ({ choices: choices.map((topic, i) => ({ n: i + 1, intent: `${topic}.x`, topic, title: topic })) }) as unknown as BrainReply;
const item = (topic: string): EvalItem => ({ text: 'x', topic });

describe('the utility of a reply', () => {
  it('rewards the right answer or decline and weighs a wrong answer heaviest', () => {
    expect(utilityOf({ item: item('noise'), predicted: 'noise', reply: reply() })).toBe(UTILITY.right);
    expect(utilityOf({ item: item('out_of_scope'), predicted: 'out_of_scope', reply: reply() })).toBe(UTILITY.right);
    expect(utilityOf({ item: item('noise'), predicted: 'fumes_bbq', reply: reply() })).toBe(UTILITY.wrongAnswer);
    expect(utilityOf({ item: item('noise'), predicted: 'out_of_scope', reply: reply() })).toBe(UTILITY.wrongDecline);
    expect(utilityOf({ item: item('noise'), predicted: 'clarify', reply: reply(['fumes_bbq', 'noise']) })).toBe(UTILITY.usefulChoice);
    expect(utilityOf({ item: item('noise'), predicted: 'clarify', reply: reply(['fumes_bbq']) })).toBe(UTILITY.uselessChoice);
    expect(UTILITY.wrongAnswer).toBeLessThan(UTILITY.wrongDecline);
  });

  it('prints environment lines that set every threshold', () => {
    expect(thresholdEnv(DEFAULT_THRESHOLDS)).toBe(
      `NLU_ANSWER_THRESHOLD=${DEFAULT_THRESHOLDS.answer} NLU_CLARIFY_THRESHOLD=${DEFAULT_THRESHOLDS.clarify} NLU_MIN_GAP=${DEFAULT_THRESHOLDS.gap} NLU_NOT_OURS_SHARE=${DEFAULT_THRESHOLDS.outOfScopeAlternatives} NLU_SURE_THRESHOLD=${DEFAULT_THRESHOLDS.sure} NLU_LETTER_ANSWER_THRESHOLD=${DEFAULT_THRESHOLDS.letter?.answer ?? 0}${DEFAULT_THRESHOLDS.letter ? ` NLU_LETTER_CHARS=${DEFAULT_THRESHOLDS.letter.chars}` : ''}`,
    );
    expect(thresholdEnv({ answer: 0.3, clarify: 0.1, gap: 0 })).toContain('NLU_LETTER_ANSWER_THRESHOLD=0');
    expect(thresholdEnv({ answer: 0.3, clarify: 0.1, gap: 0, letter: { chars: 150, answer: 0.4 } })).toContain('NLU_LETTER_ANSWER_THRESHOLD=0.4 NLU_LETTER_CHARS=150');
  });
});

describe('calibrating the shipped brain', () => {
  let brain: Brain;
  beforeAll(async () => {
    brain = await createShippedBrain();
  }, 600_000);

  const items: EvalItem[] = [
    { text: '占道经营罚多少钱', topic: 'street_vending' },
    { text: '楼下饭馆油烟直接排到我家窗户', topic: 'fumes_bbq' },
    { text: '明天股票会涨吗', topic: 'out_of_scope' },
    { text: '城管局电话是多少', topic: 'hotline_report' },
  ];
  // No score reaches 1.01: every bureau question is asked back.
  const strict: Thresholds = { answer: 1.01, clarify: 0.05, gap: 0.9, outOfScopeAlternatives: 1, offerNotOurs: false };

  it('decides with other thresholds on the same model', async () => {
    expect((await brain.ask('占道经营罚多少钱')).action).toBe('answer');
    const asking = brain.withThresholds(strict);
    expect((await asking.ask('占道经营罚多少钱')).action).toBe('clarify');
    expect(asking.thresholds).toEqual(strict);
    expect(brain.thresholds).toEqual(DEFAULT_THRESHOLDS);
  });

  it('scores every setting with the replies the brain gives under it, best first', async () => {
    const result = await calibrate(brain, items, { grid: [strict, DEFAULT_THRESHOLDS] });
    expect(result.messages).toBe(4);
    expect(result.rows).toHaveLength(2);
    // Each row's utility is that of the replies a brain with those thresholds gives (no remembered ranking changes them).
    for (const row of result.rows) {
      const { predictions } = await evaluate(brain.withThresholds(row.thresholds), items);
      expect(row.utility).toBeCloseTo(predictions.reduce((s, p) => s + utilityOf(p), 0), 9);
    }
    // The shipped rule answers these plain questions; asking back on all of them is worth less.
    expect(result.best.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(result.rows[0]?.utility).toBeGreaterThan(result.rows[1]?.utility ?? Infinity);
    expect(result.current.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(result.current.figures.total).toBe(4);
  });
});

describe('the letter rule', () => {
  let brain: Brain;
  beforeAll(async () => {
    brain = await createShippedBrain();
  }, 600_000);
  const letter =
    '尊敬的领导您好，我是邾城街某小区的住户，在这里住了六七年了。小区北门外那段人行道从今年开春起，每天下午四点以后就被卖水果、卖卤菜的三轮车围满了，有的还撑起大伞摆桌子，一直到晚上十点才散。我们进出小区要侧着身子挤，老人孩子很不安全。希望有关部门管一管占道经营的摊贩。';

  it('asks a letter back below its own threshold, and answers the same letter without the rule', async () => {
    const plain = { ...DEFAULT_THRESHOLDS, letter: undefined };
    const answered = await brain.withThresholds(plain).ask(letter);
    expect(answered.action).toBe('answer');
    expect(answered.topic).toBe('street_vending');
    const asked = await brain.withThresholds({ ...plain, letter: { chars: 100, answer: 0.99 } }).ask(letter);
    expect(asked.action).toBe('clarify');
    expect(asked.choices.map((c) => c.topic)).toContain('street_vending');
    // A short question is not a letter: the same rule leaves it answered.
    expect((await brain.withThresholds({ ...plain, letter: { chars: 100, answer: 0.99 } }).ask('占道经营罚多少钱')).action).toBe('answer');
  });

  it('is tried on the best setting of the grid; a rule that changes no reply is not recommended', async () => {
    const items: EvalItem[] = [
      { text: '占道经营罚多少钱', topic: 'street_vending' },
      { text: '明天股票会涨吗', topic: 'out_of_scope' },
    ];
    const result = await calibrate(brain, items, { grid: [DEFAULT_THRESHOLDS], letters: true });
    // The shipped letter rule is one of the letter grid's settings, so it is scored once.
    expect(letterGrid(DEFAULT_THRESHOLDS)).toContainEqual({ ...DEFAULT_THRESHOLDS, letter: SHIPPED_LETTER_RULE });
    expect(result.rows.length).toBe(letterGrid(DEFAULT_THRESHOLDS).length);
    expect(result.rows.some((r) => r.thresholds.letter?.chars === 200)).toBe(true);
    expect(result.rows.filter((r) => r.thresholds.letter === undefined)).toHaveLength(1);
    // No message is a letter: every row scores alike, and the brain's own setting stays.
    expect(new Set(result.rows.map((r) => r.utility)).size).toBe(1);
    expect(result.best.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(result.rows[0]?.thresholds).toEqual(DEFAULT_THRESHOLDS);
  });

  it('is set by NLU_LETTER_ANSWER_THRESHOLD and NLU_LETTER_CHARS, each defaulting to the shipped one', async () => {
    const { thresholdsFrom } = await import('../../src/nlu/brain.js');
    expect(thresholdsFrom(loadConfig({ NLU_LETTER_ANSWER_THRESHOLD: '0.5', NLU_LETTER_CHARS: '120' })).letter).toEqual({ chars: 120, answer: 0.5 });
    expect(thresholdsFrom(loadConfig({})).letter).toEqual(DEFAULT_THRESHOLDS.letter);
    expect(thresholdsFrom(loadConfig({ NLU_LETTER_ANSWER_THRESHOLD: '0.45' })).letter).toEqual({ chars: DEFAULT_THRESHOLDS.letter?.chars ?? DEFAULT_LETTER_CHARS, answer: 0.45 });
    expect(problemsOf(() => loadConfig({ NLU_LETTER_CHARS: 'long' })).some((p) => p.startsWith('NLU_LETTER_CHARS:'))).toBe(true);
  });
});

describe('NLU_NOT_OURS_SHARE', () => {
  it('sets the share of "not ours" that bureau topics need to be offered instead of a decline', async () => {
    const { thresholdsFrom } = await import('../../src/nlu/brain.js');
    expect(thresholdsFrom(loadConfig({ NLU_NOT_OURS_SHARE: '1' })).outOfScopeAlternatives).toBe(1);
    expect(thresholdsFrom(loadConfig({})).outOfScopeAlternatives).toBe(DEFAULT_THRESHOLDS.outOfScopeAlternatives);
    expect(problemsOf(() => loadConfig({ NLU_NOT_OURS_SHARE: '2' })).some((p) => p.startsWith('NLU_NOT_OURS_SHARE:'))).toBe(true);
  });
});
