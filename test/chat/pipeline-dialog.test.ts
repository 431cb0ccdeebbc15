import path from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { botKeys } from '../../src/redis/bot-keys.js';
import { RedisSessionStore } from '../../src/bot/session-store.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import type { IncomingMessage } from '../../src/chat/context.js';
import { createPipeline, type Pipeline } from '../../src/chat/pipeline.js';
import { MemoryRecorder } from '../../src/stats/types.js';
import { useTestRedis } from '../helpers/redis.js';
import { captureLogger } from '../stats/helpers.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * The message pipeline holding a conversation, with its state in the test run's real
 * redis-server (as the WeChat bot keeps it): "回复 2" after a letter, follow-ups, a stray "1",
 * the reply to a clarification counted as the same consultation, small talk.
 */
const prefix = `t-dialog-${process.pid}-${Date.now().toString(36)}:`;
const redis = useTestRedis(prefix);

let config: Config;
let brain: Brain;
let strict: Brain;
beforeAll(async () => {
  config = loadConfig({
    PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents'),
    PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'),
    PUFA_CACHE_DIR: path.join(REPO_ROOT, '.cache'),
    LOG_LEVEL: 'silent',
    BOT_CONTEXT_TTL_SEC: '240',
    BOT_CLARIFY_TTL_SEC: '600',
  });
  brain = await createBrain({ config });
  // Asks back on nearly everything: for the clarification flow, whatever the model's confidence.
  strict = await createBrain({ config, thresholds: { answer: 0.999, clarify: 0.01, gap: 0.99 } });
});

function setup(b: Brain = brain): { pipeline: Pipeline; recorder: MemoryRecorder } {
  const recorder = new MemoryRecorder();
  const pipeline = createPipeline(b, { config, logger: pino({ level: 'silent' }), recorder, sessions: new RedisSessionStore(redis(), botKeys(prefix)), salt: 'dialog-test-salt-0123456789' });
  return { pipeline, recorder };
}

let n = 0;
/** A citizen in a private chat (or a group), sending at a given time. */
function citizen(room?: string) {
  const userId = `wxid_dialog_${(n += 1)}`;
  return (text: string, at = new Date()): IncomingMessage => ({ text, kind: 'text', channel: room ? 'room' : 'private', userId, ...(room ? { roomId: room, roomName: room } : {}), at });
}

async function sessionStates(): Promise<{ key: string; ttl: number; state: Record<string, unknown> }[]> {
  const keys = await redis().keys(`${prefix}*session:*`);
  return Promise.all(keys.map(async (key) => ({ key, ttl: await redis().ttl(key), state: JSON.parse((await redis().get(key)) ?? '{}') as Record<string, unknown> })));
}

describe('pipeline: a conversation kept in Redis', () => {
  it('names both topics of a two-topic letter, answers "回复 2" with the second, and counts the letter once', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    const letter = await pipeline.handle(say('小区门口那家烧烤摊，油烟直往楼上窜，晚上一帮人喝酒划拳吵到一两点，还天天开到凌晨，能不能管管'));
    const second = letter.answer?.secondary?.[0];
    expect(second).toBeDefined();
    expect(letter.replies[0]).toContain('（回复 2 查看）');
    expect([letter.answer?.topic, second?.topic].sort()).toEqual(['fumes_bbq', 'noise']);
    expect(letter.consultation?.secondaryTopics).toEqual([second!.topic]);
    expect(letter.consultation?.topic).toBe(letter.answer?.topic);

    const stored = (await sessionStates()).find((s) => s.state.choicesFor === 'secondary');
    expect(stored?.state.lastTopic).toBe(letter.answer?.topic);
    expect(stored!.ttl).toBeGreaterThan(240);
    expect(stored!.ttl).toBeLessThanOrEqual(600);

    const two = await pipeline.handle(say('回复 2'));
    expect(two.answer?.intent).toBe(second!.intent);
    expect(two.replies[0]).toContain('依据：《');
    // Already counted as the letter's secondary topic: not a second consultation.
    expect(two.consultation).toBeUndefined();
    expect(recorder.items).toHaveLength(1);
  });

  it('understands a follow-up in the previous topic, within BOT_CONTEXT_TTL_SEC', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    const t0 = new Date();
    const first = await pipeline.handle(say('被城管扣的三轮车怎么领回来', t0));
    expect(first.answer?.topic).toBe('seized_items');
    const state = (await sessionStates()).find((s) => s.state.lastAt === t0.getTime());
    expect(state?.state.lastTopic).toBe('seized_items');
    expect(state!.ttl).toBeGreaterThan(200);
    expect(state!.ttl).toBeLessThanOrEqual(240);

    // ("那罚多少钱？" after a 暂扣 answer goes to the fines answer: test/nlu/dialog.test.ts.)
    const follow = await pipeline.handle(say('多久能拿回来？', new Date(t0.getTime() + 30_000)));
    expect(follow.answer?.resolved).toBe('followup');
    expect(follow.answer?.topic).toBe('seized_items');
    expect(follow.consultation?.topic).toBe('seized_items');
    const late = await pipeline.handle(say('要去哪里办？', new Date(t0.getTime() + 30_000 + 241_000)));
    expect(late.answer?.resolved).toBeUndefined();
    expect(recorder.items).toHaveLength(3);
  });

  it('keeps the subject after a follow-up answered in another topic: 暂扣 → 罚多少 → 多久能拿回来', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    const t0 = new Date();
    const first = await pipeline.handle(say('城管把我的三轮车扣了', t0));
    expect(first.answer?.topic).toBe('seized_items');
    // 暂扣物品 states no fine of its own: the general fines answer (处罚与救济).
    const fine = await pipeline.handle(say('那罚多少钱？', new Date(t0.getTime() + 20_000)));
    expect(fine.answer?.resolved).toBe('followup');
    expect(fine.answer?.topic).toBe('penalty_rights');
    const state = (await sessionStates()).find((s) => s.state.lastAt === t0.getTime() + 20_000);
    expect(state?.state.lastTopic).toBe('seized_items');
    // The next follow-up is still about the tricycle, not about fines (it got 行政诉讼's 起诉期限).
    const back = await pipeline.handle(say('多久能拿回来？', new Date(t0.getTime() + 40_000)));
    expect(back.answer?.resolved).toBe('followup');
    expect(back.answer?.topic).toBe('seized_items');
    expect(back.replies[0]).not.toContain('起诉期限');
    expect(recorder.items.map((c) => c.topic)).toEqual(['seized_items', 'penalty_rights', 'seized_items']);
  });

  it('keeps the previous answer\'s topic through a question back: "那要去哪里交？" after the choices is still about its fine', async () => {
    const { pipeline } = setup();
    const say = citizen();
    const t0 = new Date();
    const first = await pipeline.handle(say('占道经营怎么处罚', t0));
    expect(first.answer?.topic).toBe('street_vending');
    // A new report the model asks back about (the which-bin question used here before is answered since the ninth
    // session; "楼下有人在烧垃圾，烟很大", used until the twenty-second, since open burning got its answer).
    const asked = await pipeline.handle(say('小区门口有人烤东西 烟很大 还很吵', new Date(t0.getTime() + 10_000)));
    expect(asked.answer?.action).toBe('clarify');
    const state = (await sessionStates()).find((s) => s.state.choicesFor === 'clarify' && String(s.state.question ?? '').startsWith('小区门口有人烤东西'));
    expect(state?.state.lastTopic).toBe('street_vending');
    const fine = await pipeline.handle(say('那要去哪里交？', new Date(t0.getTime() + 20_000)));
    expect(fine.answer?.resolved).toBe('followup');
    expect(fine.answer?.intent).toBe('penalty_rights.payment');
  });

  it('keeps the subject through a message it could not place and through what the citizen thinks of the reply, and drops it after another department\'s matter', async () => {
    const { pipeline } = setup();
    const say = citizen();
    const t0 = new Date();
    const first = await pipeline.handle(say('摆摊被城管罚了500', t0));
    expect(first.answer?.topic).toBe('street_vending');
    // Not understood at all (a message too long to go on with the subject, with no word of any topic, no redirect): the conversation stays as it was.
    const lost = await pipeline.handle(say('这这这那那那嗯嗯嗯啊啊啊哦哦哦呃呃呃额额额唔唔唔噢噢噢', new Date(t0.getTime() + 5_000)));
    expect(lost.answer?.action).toBe('out_of_scope');
    expect(lost.answer?.intent).toBeNull();
    expect((await sessionStates()).some((s) => s.state.lastTopic === 'street_vending')).toBe(true);
    // "说人话" is what the citizen thinks of the reply (small talk: an apology and what the bot answers), not more about the stall.
    const feedback = await pipeline.handle(say('说人话', new Date(t0.getTime() + 10_000)));
    expect(feedback.answer?.intent).toBe('chitchat.feedback');
    expect(feedback.replies[0]).toContain('抱歉');
    expect((await sessionStates()).some((s) => s.state.lastTopic === 'street_vending')).toBe(true);
    // "去哪里交" is declined as a 社保 question on its own; here it is about the fine just answered.
    const pay = await pipeline.handle(say('去哪里交', new Date(t0.getTime() + 20_000)));
    expect(pay.answer?.resolved).toBe('followup');
    expect(pay.answer?.intent).toBe('penalty_rights.payment');
    // Another department's matter ends the subject: "去哪里办" next is about the ID card — that redirect
    // again (alone, "去哪里办" was declined as a marriage-registration question).
    const card = await pipeline.handle(say('身份证丢了怎么补办', new Date(t0.getTime() + 30_000)));
    expect(card.answer?.intent).toBe('out_of_scope.police');
    // Kept in Redis: only the department sent to (no topic, no earlier subjects).
    const redirected = (await sessionStates()).find((s) => s.state.lastRedirect === 'out_of_scope.police');
    expect(redirected?.state.lastTopic).toBeUndefined();
    expect(redirected?.state.earlier).toBeUndefined();
    const where = await pipeline.handle(say('去哪里办', new Date(t0.getTime() + 40_000)));
    expect(where.answer?.resolved).toBe('followup');
    expect(where.answer?.intent).toBe('out_of_scope.police');
    expect(where.replies[0]).toContain('公安');
  });

  it('follows the subject when a follow-up\'s own words move it: 被扣的电动车 (parking) → 多久不领会被处理 (暂扣) → 要带啥 (still 暂扣)', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    const t0 = new Date();
    const first = await pipeline.handle(say('被扣的电动车', t0));
    expect(first.answer?.topic).toBe('parking');
    // Alone it is declined (领 and 处理 are everyday words); after the parking answer it got parking again.
    const deadline = await pipeline.handle(say('多久不领会被处理', new Date(t0.getTime() + 10_000)));
    expect(deadline.answer?.resolved).toBe('followup');
    expect(deadline.answer?.intent).toBe('seized_items.deadline');
    expect(deadline.replies[0]).toContain('行政强制法');
    // The subject is now the seized vehicle: what to bring is the retrieval answer, not parking's (it got the shared-bike answer).
    const bring = await pipeline.handle(say('要带啥', new Date(t0.getTime() + 20_000)));
    expect(bring.answer?.resolved).toBe('followup');
    expect(bring.answer?.topic).toBe('seized_items');
    expect(recorder.items.map((c) => c.topic)).toEqual(['parking', 'seized_items', 'seized_items']);
  });

  it('keeps context per citizen: someone else\'s follow-up is not read in my topic', async () => {
    const { pipeline } = setup();
    const me = citizen();
    const other = citizen();
    await pipeline.handle(me('门口招牌要审批吗'));
    const theirs = await pipeline.handle(other('要去哪里办？'));
    expect(theirs.answer?.resolved).toBeUndefined();
    const mine = await pipeline.handle(me('要去哪里办？'));
    expect(mine.answer?.resolved).toBe('followup');
    expect(mine.answer?.topic).toBe('outdoor_ads');
  });

  it('answers a stray "1" with a hint, counted as small talk, and keeps the context', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen('阳逻街居民群');
    const hint = await pipeline.handle(say('1'));
    expect(hint.replies[0]).toContain('没有待选的问题');
    expect(hint.consultation?.topic).toBe('chitchat');
    expect(hint.consultation?.intent).toBeNull();
    await pipeline.handle(say('夜间施工扰民怎么办'));
    await pipeline.handle(say('1'));
    const follow = await pipeline.handle(say('那找谁投诉？'));
    expect(follow.answer?.resolved).toBe('followup');
    expect(follow.answer?.topic).toBe('noise');
    expect(recorder.items.map((c) => c.topic)).toEqual(['chitchat', 'noise', 'chitchat', 'noise']);
  });

  it('counts a clarification and its "1" reply as one consultation (replaces), resolved to the chosen topic', async () => {
    const { pipeline, recorder } = setup(strict);
    const say = citizen();
    // Strict thresholds make the bot ask back on any question it has candidates for.
    let ask = await pipeline.handle(say('占道经营怎么处罚'));
    for (const text of ['半夜摆摊', '楼下烧烤油烟太大找谁', '渣土车撒漏了怎么举报']) {
      if (ask.answer?.action === 'clarify') break;
      ask = await pipeline.handle(say(text));
    }
    expect(ask.answer?.action).toBe('clarify');
    recorder.items.splice(0, recorder.items.length - 1);
    const clarifyId = ask.consultation?.id;
    expect(clarifyId).toBeTruthy();
    const pending = (await sessionStates()).find((s) => s.state.consultationId === clarifyId);
    expect(pending?.state.choicesFor).toBe('clarify');
    const chosen = ask.answer!.choices[0]!;
    const reply = await pipeline.handle(say('1'));
    expect(reply.answer?.resolved).toBe('choice');
    expect(reply.answer?.intent).toBe(chosen.intent);
    expect(reply.consultation?.replaces).toBe(clarifyId);
    expect(reply.consultation?.topic).toBe(chosen.topic);
    expect(reply.consultation?.id).not.toBe(clarifyId);
    expect(recorder.items).toHaveLength(2);
  });

  it('settles a question back by the citizen\'s next words instead of a number, counted as its reply (found in the chat)', async () => {
    const { pipeline } = setup();
    const say = citizen();
    const ask = await pipeline.handle(say('烤红薯的炉子被城管弄走了'));
    expect(ask.answer?.action).toBe('clarify');
    expect(ask.answer?.choices.map((c) => c.topic)).toContain('seized_items');
    const clarifyId = ask.consultation?.id;
    const reply = await pipeline.handle(say('单子上写的十五天'));
    expect(reply.answer?.action).toBe('answer');
    expect(reply.answer?.topic).toBe('seized_items');
    expect(reply.answer?.resolved).toBe('choice');
    expect(reply.replies[0]).toContain('依据：《中华人民共和国行政强制法》');
    // One consultation: the answer replaces the question back.
    expect(reply.consultation?.replaces).toBe(clarifyId);
    expect(reply.consultation?.topic).toBe('seized_items');
    // A question of its own after a question back is answered on its own words.
    const other = citizen();
    const again = await pipeline.handle(other('烤红薯的炉子被城管弄走了'));
    expect(again.answer?.action).toBe('clarify');
    const weather = await pipeline.handle(other('明天武汉下不下雨'));
    expect(weather.answer?.action).toBe('out_of_scope');
    expect(weather.consultation?.replaces).toBeUndefined();
  });

  it('keeps a question back open through words added to it, offering its choices again, and counts the question once (found on our diagnostic letters)', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    const ask = await pipeline.handle(say('烤红薯的炉子被城管弄走了'));
    expect(ask.answer?.action).toBe('clarify');
    const clarifyId = ask.consultation?.id;
    const offered = ask.answer!.choices.map((c) => c.intent);
    const before = recorder.items.length;
    // Before: read alone ("今天下午的事" was declined, and the choices were lost: "1" next got the hint).
    const detail = await pipeline.handle(say('今天下午的事'));
    expect(detail.answer?.action).toBe('clarify');
    expect(detail.answer?.resolved).toBe('detail');
    expect(detail.replies[0]).toMatch(/^收到您补充的情况。/u);
    expect(detail.answer?.choices.map((c) => c.intent)).toEqual(offered);
    // Not one more consultation: the open question's record and state stand.
    expect(detail.consultation).toBeUndefined();
    expect(recorder.items).toHaveLength(before);
    expect((await sessionStates()).some((s) => s.state.consultationId === clarifyId && s.state.choicesFor === 'clarify')).toBe(true);
    const reply = await pipeline.handle(say('1'));
    expect(reply.answer?.resolved).toBe('choice');
    expect(reply.answer?.intent).toBe(offered[0]);
    expect(reply.consultation?.replaces).toBe(clarifyId);
  });

  it('asks back when "not ours" wins narrowly, and counts the pick of its redirect as one out-of-scope consultation', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    const ask = await pipeline.handle(say('在工地干活受伤了工头不管'));
    expect(ask.answer?.action).toBe('clarify');
    const last = ask.answer!.choices.at(-1)!;
    expect(last.topic).toBe('out_of_scope');
    expect(ask.replies.join('\n')).toContain(`${last.n}. ${last.label}`);
    const clarifyId = ask.consultation?.id;
    expect(clarifyId).toBeTruthy();
    recorder.items.splice(0, recorder.items.length - 1);
    const reply = await pipeline.handle(say(String(last.n)));
    expect(reply.answer?.action).toBe('out_of_scope');
    expect(reply.replies.join('\n')).toMatch(/劳动/);
    expect(reply.consultation?.replaces).toBe(clarifyId);
    expect(reply.consultation?.topic).toBe('out_of_scope');
    expect(reply.consultation?.action).toBe('out_of_scope');
    expect(recorder.items).toHaveLength(2);
  });

  it('answers greetings and thanks as small talk, never counted on a legal topic, without losing the context', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    await pipeline.handle(say('被城管扣的三轮车怎么领回来'));
    for (const text of ['谢谢', '早上好']) {
      const r = await pipeline.handle(say(text));
      expect(r.answer?.act).toBe('smalltalk');
      expect(r.consultation?.topic).toBe('chitchat');
    }
    const follow = await pipeline.handle(say('多久能拿回来？'));
    expect(follow.answer?.resolved).toBe('followup');
    expect(recorder.items.map((c) => c.topic)).toEqual(['seized_items', 'chitchat', 'chitchat', 'seized_items']);
  });

  it('puts the report guidance in the reply of a report and records the topic', async () => {
    const { pipeline, recorder } = setup();
    const r = await pipeline.handle(citizen()('渣土车半夜从我们路上过，一路撒泥巴，早上全是灰'));
    expect(r.answer?.act).toBe('report');
    expect(r.replies[0]).toContain('反映渠道：');
    expect(recorder.items[0]?.topic).toBe('construction_waste');
  });

  it('keeps the subject through follow-ups in it: 城管把我电动车拖走了 → 在哪里领 → 要带什么 is still the towed e-bike (found in the chat)', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    const towed = await pipeline.handle(say('城管把我电动车拖走了'));
    expect(towed.answer?.intent).toBe('parking.penalty');
    // The citizen's own vehicle: no "how to report it" framing (it was framed as a report).
    expect(towed.answer?.act ?? 'question').toBe('question');
    expect(towed.replies[0]).not.toContain('反映时请讲清');
    await pipeline.handle(say('在哪里领'));
    // Read with "在哪里领" alone (the stored question before), "要带什么" got the shared-bike answer.
    const bring = await pipeline.handle(say('要带什么'));
    expect(bring.answer?.intent).toBe('parking.penalty');
    expect(bring.replies[0]).toContain('身份证');
    expect(recorder.items.map((c) => c.topic)).toEqual(['parking', 'parking', 'parking']);
  });

  it('answers details added to a reported problem with how to report them, on its topic (found in the chat)', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    await pipeline.handle(say('小区门口卖菜的天天占道'));
    // Each was declined before: 邻里 (晚上也有), 消费 (拍了照片), the general decline (发给谁).
    for (const text of ['晚上也有', '拍了照片', '发给谁']) {
      const r = await pipeline.handle(say(text));
      expect(r.answer?.action, text).toBe('answer');
      expect(r.answer?.topic, text).toBe('street_vending');
      expect(r.replies[0]).toContain('不受理投诉');
      expect(r.replies[0]).toContain('摊点的具体位置');
      expect(r.replies[0]).toContain('反映渠道：');
    }
    expect(recorder.items.map((c) => c.topic)).toEqual(['street_vending', 'street_vending', 'street_vending', 'street_vending']);
  });

  it('takes a short message that names no other matter as more about the problem just reported, and keeps the subject for what follows', async () => {
    const { pipeline } = setup();
    const say = citizen();
    await pipeline.handle(say('共享单车堆在我家店门口'));
    // Alone it gets the general redirect (12345), and before batch 19 that was the reply here too.
    const more = await pipeline.handle(say('哪个公司的都有'));
    expect(more.answer?.resolved).toBe('followup');
    expect(more.answer?.topic).toBe('parking');
    expect(more.replies[0]).toContain('非机动车');
    // It used to end the conversation's subject: "能不能让他们拖走" was asked back with 12345.
    const tow = await pipeline.handle(say('能不能让他们拖走'));
    expect(tow.answer?.resolved).toBe('followup');
    expect(tow.answer?.topic).toBe('parking');
  });

  it('keeps the subjects answered earlier in Redis, topics and intents only, and goes back to one named again (batch 30)', async () => {
    const { pipeline, recorder } = setup();
    const say = citizen();
    await pipeline.handle(say('广场上跳舞的音箱开得好大 每天晚上搞到十点'));
    await pipeline.handle(say('她们还把草坪踩秃了 有的还在绿化带里种菜'));
    const stored = (await sessionStates()).find((s) => s.state.lastTopic === 'greenery' && Array.isArray(s.state.earlier));
    expect(stored?.state.earlier).toEqual([{ topic: 'noise', intent: expect.stringMatching(/^noise\./u) as unknown as string }]);
    // Only topic and intent ids: nothing the citizen wrote is kept for it.
    expect(JSON.stringify(stored?.state.earlier)).not.toMatch(/跳舞|草坪/u);
    const back = await pipeline.handle(say('那个唱歌的事呢 能不能叫她们小点声'));
    expect(back.answer?.topic).toBe('noise');
    expect(back.replies[0]).toContain('噪声污染防治法');
    // Now the lawn is the earlier subject, and each message counted once on its own topic.
    const after = (await sessionStates()).find((s) => s.state.lastTopic === 'noise' && Array.isArray(s.state.earlier));
    expect((after?.state.earlier as { topic: string }[] | undefined)?.map((e) => e.topic)).toEqual(['greenery']);
    expect(recorder.items.map((c) => c.topic)).toEqual(['noise', 'greenery', 'noise']);
  });

  it('answers without conversation state while Redis is unreachable, warning once', async () => {
    // A real client on a port nothing listens on, failing fast instead of queueing.
    const down = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    down.on('error', () => undefined);
    const { logger, lines } = captureLogger(config, 'info');
    const recorder = new MemoryRecorder();
    const pipeline = createPipeline(brain, { config, logger, recorder, sessions: new RedisSessionStore(down, botKeys(prefix)), salt: 'dialog-test-salt-0123456789' });
    const say = citizen();
    const first = await pipeline.handle(say('被城管扣的三轮车怎么领回来'));
    expect(first.replies[0]).toContain('依据：《');
    const second = await pipeline.handle(say('多久能拿回来？'));
    expect(second.replies[0]).toBeTruthy();
    const third = await pipeline.handle(say('1'));
    expect(third.replies[0]).toContain('没有待选的问题');
    expect(recorder.items).toHaveLength(3);
    expect(lines.filter((l) => l.includes('conversation state unavailable'))).toHaveLength(1);
    down.disconnect();
  });
});
