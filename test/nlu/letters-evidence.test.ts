import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/normalize.js';
import type { Brain } from '../../src/nlu/brain.js';
import { topicScores } from '../../src/nlu/decide.js';
import { analyseLetter, type SentenceRanker } from '../../src/nlu/letters.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * A letter's sentence without a word for another bureau topic is not ranked (letters.ts,
 * `evidentTopics`): the shortcut must name exactly what ranking every sentence names.
 */
let brain: Brain;
let utterances: string[];
beforeAll(async () => {
  brain = await createShippedBrain();
  utterances = brain.kb.intents.flatMap((i) => i.utterances);
}, 600_000);

describe('letters: sentences without evidence for another topic', () => {
  it('the shipped ranker offers the evidence shortcut', () => {
    expect(typeof brain.ranker.evidentTopics).toBe('function');
  });

  it('names the same topics as ranking every sentence, whichever topic the reply answers (property)', async () => {
    const ranker = brain.ranker;
    // The same ranker without the shortcut: every sentence is ranked.
    const plain: SentenceRanker = { rank: (t) => ranker.rank(t), rankTopics: (t) => ranker.rankTopics(t) };
    const topics = [...new Set(brain.kb.intents.map((i) => i.topic))];
    // Not vacuous: some letters name a topic, and some sentences take the shortcut.
    let named = 0;
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(utterances.length - 1), { minLength: 2, maxLength: 6 }),
        fc.constantFrom<string | undefined>(undefined, 'first', ...topics),
        fc.constantFrom('。', '，', '！'),
        async (picks, answeredPick, joiner) => {
          const text = normalizeText(picks.map((i) => utterances[i]).join(joiner), { maxChars: 2000 }).text;
          ranker.forget?.();
          const whole = topicScores(await ranker.rank(text));
          const answered = answeredPick === 'first' ? whole[0]?.topic : answeredPick;
          const fast = await analyseLetter(text, ranker, whole, answered);
          ranker.forget?.();
          const slow = await analyseLetter(text, plain, whole, answered);
          expect(fast).toEqual(slow);
          if (fast.topics.length > 0) named += 1;
          for (const sentence of fast.sentences) {
            const evident = [...(ranker.evidentTopics?.(sentence) ?? [])];
            if (!evident.some((t) => t !== answered && t !== 'out_of_scope' && t !== 'chitchat')) skipped += 1;
          }
        },
      ),
      { numRuns: 150, seed: 20261202 },
    );
    expect(named).toBeGreaterThan(10);
    expect(skipped).toBeGreaterThan(10);
  }, 600_000);
});
