import { beforeAll, describe, expect, it } from 'vitest';
import { nextState } from '../../src/chat/session.js';
import type { BrainReply } from '../../src/core/types.js';
import type { Brain } from '../../src/nlu/brain.js';
import { asksOnlyProcedure } from '../../src/nlu/context.js';
import { conversation } from '../helpers/conversation.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Batch 36 (nineteenth session): hand-found faults from trying the bot as a citizen, with
 * messages of our own (none from ../shared/eval or our sets). Before:
 * - a question about the steps of some matter, the matter unnamed, as a first message was
 *   declined with a department guessed from its words: "要带什么材料" and "需要什么手续" as marriage
 *   matters, "在哪里交" as social security, "要多长时间" as a consumer matter; "要交钱吗" got the
 *   administrative-review answer, "周末可以办吗" was asked back with decoration noise;
 * - right after a redirect ("交警贴了我的条…" → traffic police), "在哪里交" was declined as a social
 *   security matter: a sure redirect ended the conversation and kept nothing.
 * - seized goods spoiled or broken, and the citizen asking who pays for it ("…菜都烂了，能不能要求
 *   赔偿"), got how to fetch the goods back, with nothing on the loss.
 * Now the first gets the hint to name the matter (`asksOnlyProcedure`, src/nlu/context.ts), the
 * second the same redirect again (`ConversationState.lastRedirect`), the third the answer on
 * damage and papers (`damageFirst`, src/nlu/acts.ts).
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

const LOST = '您是接着之前的问题问的吗';

describe('only the steps of an unnamed matter (asksOnlyProcedure)', () => {
  it.each(['要带什么材料', '需要什么手续', '要去哪里办', '要多长时间', '在哪里交', '需要准备哪些东西', '要本人去吗', '可以网上办吗', '周末可以办吗', '要交钱吗', '有没有期限', '那我么办'])(
    'is: %s',
    (text) => {
      expect(asksOnlyProcedure(text)).toBe(true);
    },
  );

  it.each([
    // a matter named
    '营业执照要带什么材料',
    '摆摊要办什么手续',
    '罚款在哪里交',
    '结婚证去哪里办',
    // words of a matter of their own: seized goods, the bureau's hours
    '多久能拿回来',
    '几点上班',
    // no question
    '我在办',
    '去办了',
  ])('is not: %s', (text) => {
    expect(asksOnlyProcedure(text)).toBe(false);
  });
});

describe('as a first message: the hint to name the matter, no department guessed', () => {
  it.each(['要带什么材料', '需要什么手续', '要去哪里办', '要多长时间', '在哪里交', '需要准备哪些东西', '可以网上办吗', '周末可以办吗', '要交钱吗', '有没有期限'])('%s', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r.reply).toContain(LOST);
    expect(r.intent).toBeNull();
    expect(r.choices).toEqual([]);
    expect(r.reply).not.toContain('不属于城管的职责');
  });

  it('a matter named is still answered on its own words', async () => {
    expect((await brain.ask('摆摊要办什么手续', { channel: 'private' })).intent).toBe('street_vending.permit');
    expect((await brain.ask('罚款在哪里交', { channel: 'private' })).intent).toBe('penalty_rights.payment');
    expect((await brain.ask('多久能拿回来', { channel: 'private' })).intent).toBe('seized_items.deadline');
    expect((await brain.ask('结婚证去哪里办', { channel: 'private' })).intent).toBe('out_of_scope.civil_affairs');
  });
});

describe("right after another department's matter: that redirect again", () => {
  it('交警贴了我的条 → 在哪里交: the traffic police, not social security', async () => {
    const [first, r] = await conversation(brain, '交警贴了我的条 罚两百 能找你们申诉不', '在哪里交');
    expect(first?.intent).toBe('out_of_scope.traffic');
    expect(r).toMatchObject({ action: 'out_of_scope', intent: 'out_of_scope.traffic', resolved: 'followup' });
    expect(r?.reply).toContain('公安机关交通管理部门');
  });

  it('老板拖了我三个月工资 → 要去哪里办: labour inspection', async () => {
    const [, r] = await conversation(brain, '老板拖了我三个月工资 能找你们吗', '要去哪里办');
    expect(r).toMatchObject({ action: 'out_of_scope', intent: 'out_of_scope.labor' });
    expect(r?.reply).toContain('劳动');
  });

  it('after our own answer the steps are still that answer\'s', async () => {
    const [first, r] = await conversation(brain, '城管把我三轮车拖走了', '要带什么材料');
    expect(first?.topic).toBe('seized_items');
    expect(r?.topic).toBe('seized_items');
    expect(r?.resolved).toBe('followup');
  });

  it('the department is leaned on for BOT_CONTEXT_TTL_SEC (300 s by default), then forgotten', async () => {
    const pending = { choices: [], question: '交警贴了我的条', lastRedirect: 'out_of_scope.traffic', lastAt: 0 };
    expect((await brain.ask('在哪里交', { channel: 'private', pending, now: 299_000 })).intent).toBe('out_of_scope.traffic');
    const late = await brain.ask('在哪里交', { channel: 'private', pending, now: 301_000 });
    expect(late.intent).toBeNull();
    expect(late.reply).toContain(LOST);
  });

  it('a question with its own matter after the redirect is read on its own words', async () => {
    const [, r] = await conversation(brain, '交警贴了我的条 罚两百 能找你们申诉不', '摆摊要办什么手续');
    expect(r?.intent).toBe('street_vending.permit');
  });
});

describe('the state a sure redirect leaves (nextState)', () => {
  const redirect: BrainReply = {
    action: 'out_of_scope',
    intent: 'out_of_scope.traffic',
    topic: 'out_of_scope',
    score: 0.9,
    reply: '',
    citations: [],
    choices: [],
    urgent: false,
    normalized: '交警贴了我的条',
  };
  const ttl = { clarifySec: 600, contextSec: 240 };

  it('keeps only the department, for as long as a topic is kept; no subject, no choices', () => {
    const prev = { choices: [], question: '占道经营罚多少', lastTopic: 'street_vending', lastIntent: 'street_vending.penalty', lastAt: 1, earlier: [{ topic: 'noise', intent: 'noise.decoration' }] };
    const change = nextState(prev, redirect, { question: '交警贴了我的条', consultationId: 'c1', at: 5_000 }, ttl);
    expect(change).toEqual({ kind: 'set', state: { choices: [], question: '交警贴了我的条', lastRedirect: 'out_of_scope.traffic', lastAt: 5_000 }, ttlSec: 240 });
  });

  it('an unsure redirect keeps the subject, as before', () => {
    const prev = { choices: [], question: '占道经营罚多少', lastTopic: 'street_vending', lastIntent: 'street_vending.penalty', lastAt: 1 };
    expect(nextState(prev, { ...redirect, score: 0.3 }, { question: 'x', consultationId: 'c1', at: 5_000 }, ttl).kind).toBe('keep');
  });
});

describe('seized goods harmed, and who makes good the loss (damageFirst)', () => {
  it.each([
    '城管扣了我的三轮车 拿回来的时候车子坏了 哪个赔',
    '被扣的水果放了十天全烂了 城管要不要赔',
    '我在菜场门口摆摊，秤和一筐菜都被城管收走了，菜放到现在肯定烂了，这个损失能不能要他们赔偿',
  ])('%s', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r).toMatchObject({ action: 'answer', intent: 'seized_items.list' });
    expect(r.reply).toContain('造成损失的，执法机关应当依法赔偿');
    expect(r.reply).toMatch(/依据：《中华人民共和国行政强制法》[^；\n]*第二十六条/u);
  });

  it.each(['城管把我三轮车拖走了 要交多少钱才能拿回来', '暂扣的东西怎么领'])('fetching the goods back stays the retrieval answer: %s', async (text) => {
    expect((await brain.ask(text, { channel: 'private' })).intent).toBe('seized_items.retrieve');
  });
});

describe('a gas fire: get out and call 119 first, then the leak steps', () => {
  it('煤气罐着火了', async () => {
    const r = await brain.ask('煤气罐着火了', { channel: 'private' });
    expect(r.intent).toBe('gas_safety.leak');
    expect(r.reply.startsWith('【紧急】人身安全第一，请先求助：\n1. 发生火情，请立即离开到安全的地方，拨打119报警')).toBe(true);
    expect(r.reply).toContain('关闭燃气表前阀门');
  });

  it('a leak without fire keeps its steps alone', async () => {
    const r = await brain.ask('厨房煤气泄漏了', { channel: 'private' });
    expect(r.reply.startsWith('【紧急】\n闻到燃气')).toBe(true);
    expect(r.reply).not.toContain('发生火情');
  });
});
