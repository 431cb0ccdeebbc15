import { expect } from 'vitest';
import type { BrainReply, ConversationState } from '../../src/core/types.js';
import { nextState } from '../../src/chat/session.js';
import type { Brain } from '../../src/nlu/brain.js';

/**
 * Ask `texts` in turn as one citizen, one second apart, with the state the chat keeps between
 * messages (src/chat/session.ts nextState); the replies, in order.
 */
export async function conversation(brain: Brain, ...texts: string[]): Promise<BrainReply[]> {
  let state: ConversationState | undefined;
  const replies: BrainReply[] = [];
  for (const [i, text] of texts.entries()) {
    const at = 1_000 * (i + 1);
    const r = await brain.ask(text, { channel: 'private', pending: state, now: at });
    replies.push(r);
    const change = nextState(state, r, { question: r.normalized, consultationId: `c${i}`, at }, { clarifySec: 600, contextSec: 240 });
    state = change.kind === 'set' ? change.state : change.kind === 'delete' ? undefined : state;
  }
  return replies;
}

/** After `first`, `text` is answered (not asked back or declined) on the topic `first` was answered on. */
export async function staysOnTopic(brain: Brain, first: string, text: string): Promise<void> {
  const [a, r] = await conversation(brain, first, text);
  expect(r?.action, r?.reply).toBe('answer');
  expect(r?.topic).toBe(a?.topic);
}
