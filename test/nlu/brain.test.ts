import { existsSync, readdirSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createBrain, parseChoice, warmUpTexts, type Brain } from '../../src/nlu/brain.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';

let dirs: FixtureDirs;
let brain: Brain;

const configFor = (d: FixtureDirs) =>
  loadConfig({ PUFA_INTENTS_DIR: d.intentsDir, PUFA_KNOWLEDGE_DIR: d.knowledgeDir, PUFA_CACHE_DIR: d.cacheDir, LOG_LEVEL: 'silent' });

beforeAll(async () => {
  dirs = writeFixtureKb();
  brain = await createBrain({ config: configFor(dirs) });
});
afterAll(() => rmSync(dirs.root, { recursive: true, force: true }));

describe('brain: the three outcomes', () => {
  it('answers a clear question with the law and article cited', async () => {
    const r = await brain.ask('占道经营罚多少钱', { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('street_vending.penalty');
    expect(r.reply).toContain('2万元以下罚款');
    expect(r.reply).toContain('依据：《城市道路管理条例》第四十二条；《武汉市市容环境卫生管理条例》');
    expect(r.reply).toContain('以上为普法参考');
    expect(r.reply).toContain('12319');
  });

  it('uses the short form in groups and the full form with next steps in private', async () => {
    const group = await brain.ask('占道经营罚多少钱', { channel: 'room' });
    const priv = await brain.ask('占道经营罚多少钱', { channel: 'private' });
    expect(group.reply).not.toContain('下一步');
    expect(priv.reply).toContain('下一步可以这样做：\n1. 向街道咨询疏导点');
  });

  it('clarifies an ambiguous question with numbered choices and answers the follow-up', async () => {
    // Strict thresholds make the outcome independent of the calibrated defaults.
    const strict = await createBrain({ config: configFor(dirs), thresholds: { answer: 0.99, clarify: 0.2, gap: 0.5 } });
    const r = await strict.ask('半夜摆摊', { channel: 'private' });
    expect(r.action).toBe('clarify');
    expect(r.choices.length).toBeGreaterThanOrEqual(1);
    expect(r.reply).toMatch(/1\. /);
    expect(r.reply).toContain('请回复');
    const follow = await strict.ask('回复 1', { channel: 'private', pending: { choices: r.choices, question: r.normalized } });
    expect(follow.action).toBe('answer');
    expect(follow.intent).toBe(r.choices[0]?.intent);
  });

  it('declines a question outside the domain, pointing to 12345', async () => {
    const r = await brain.ask('明天股票会涨吗', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.topic).toBe('out_of_scope');
    expect(r.reply).toContain('12345');
  });

  it('declines an out-of-scope intent with its redirect answer', async () => {
    const r = await brain.ask('交警贴条了怎么处理', { channel: 'private' });
    expect(r.action).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope.traffic');
    expect(r.reply).toContain('122');
  });

  it('puts the emergency steps first for a gas leak, even when worded unusually', async () => {
    for (const text of ['家里燃气泄漏了怎么办', '救命 厨房一股煤气味', '楼道煤气罐漏气啦']) {
      const r = await brain.ask(text, { channel: 'room' });
      expect(r.action, text).toBe('answer');
      expect(r.urgent).toBe(true);
      expect(r.reply.startsWith('【紧急】\n立即关闭燃气阀门')).toBe(true);
    }
  });

  it('answers empty, emoji-only and punctuation-only input with a hint, never a crash', async () => {
    for (const text of ['', '   ', '😀😀', '？？？', '[微笑]']) {
      const r = await brain.ask(text);
      expect(r.reply).toContain('请用文字描述');
    }
  });

  it('handles huge input', async () => {
    const r = await brain.ask(`${'我们小区环境很好。'.repeat(20000)}请问占道经营罚多少钱？`);
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('street_vending.penalty');
  });
});

describe('brain: model cache', () => {
  it('loads the cached model on restart with unchanged intents', async () => {
    expect(brain.modelInfo.source).toBe('trained');
    expect(readdirSync(dirs.cacheDir).filter((f) => f.startsWith('model-'))).toHaveLength(1);
    const again = await createBrain({ config: configFor(dirs) });
    expect(again.modelInfo.source).toBe('cache');
    expect(again.modelInfo.key).toBe(brain.modelInfo.key);
    expect((await again.ask('占道经营罚多少钱')).intent).toBe('street_vending.penalty');
  });

  it('scores exactly like the freshly trained model (nlp.js drops None on import; we restore it)', async () => {
    const cached = await createBrain({ config: configFor(dirs) });
    expect(cached.modelInfo.source).toBe('cache');
    for (const text of ['摆摊', '工地半夜施工', '你好', '燃气']) {
      expect(await cached.rank(text), text).toEqual(await brain.rank(text));
    }
  });

  it('a long-running brain (jieba\'s whole dictionary and the n-gram table loaded at start, warmed up on its own texts) ranks and answers as the one-shot brain', async () => {
    const records: { msg?: string; texts?: number; passes?: number; failed?: number }[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => { records.push(JSON.parse(chunk.toString()) as { msg?: string; texts?: number; passes?: number; failed?: number }); done(); } });
    const long = await createBrain({ config: configFor(dirs), longRunning: true, warmUp: true, logger: pino({ level: 'info' }, sink) });
    expect(long.modelInfo.source).toBe('cache');
    // It answered every intent's first utterance and 16 letters, eight times over (until V8 has
    // compiled the message's steps), before it was handed over.
    const warmed = records.find((r) => r.msg === 'brain warmed up');
    expect(warmed?.texts).toBe(long.kb.intents.length + 16);
    expect(warmed?.passes).toBe(8);
    expect(warmed?.failed).toBe(0);
    const texts = warmUpTexts(long.kb);
    for (const intent of long.kb.intents) expect(texts).toContain(intent.utterances[0]);
    expect(texts.filter((t) => t.split('。').length === 8)).toHaveLength(16);
    // The warm-up's own texts, asked again, get the one-shot brain's replies too.
    for (const text of texts.slice(-3)) expect(await long.ask(text, { channel: 'room' }), text).toEqual(await brain.ask(text, { channel: 'room' }));
    const letter = '尊敬的领导：我家楼下的饭馆油烟直接排到窗户，晚上还有人在门口露天烧烤喝酒划拳到凌晨，邻居们反映了好几次，请问这归谁管？另外小区绿化带被人毁了种菜。';
    for (const text of ['摆摊', '工地半夜施工', '你好', '燃气', '占道经营罚多少钱', letter, '鸳鸯蝴蝶派的琵琶声，龃龉', '12319怎么投诉']) {
      expect(await long.rank(text), text).toEqual(await brain.rank(text));
      expect(await long.ask(text), text).toEqual(await brain.ask(text));
    }
  });

  it('retrains when the intents change, and keeps only the current model', async () => {
    const changed = writeFixtureKb({ 'noise.night_construction': ['半夜搅拌车轰隆隆'] });
    const first = await createBrain({ config: configFor(changed) });
    expect(first.modelInfo.key).not.toBe(brain.modelInfo.key);
    expect(first.modelInfo.source).toBe('trained');
    rmSync(changed.root, { recursive: true, force: true });
  });

  it('retrains when the cache file is corrupt', async () => {
    const d = writeFixtureKb();
    const b1 = await createBrain({ config: configFor(d) });
    const file = readdirSync(d.cacheDir).find((f) => f.startsWith('model-'));
    expect(file).toBeDefined();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${d.cacheDir}/${file}`, '{not json');
    const b2 = await createBrain({ config: configFor(d) });
    expect(b2.modelInfo.source).toBe('trained');
    expect(b2.modelInfo.key).toBe(b1.modelInfo.key);
    expect(existsSync(`${d.cacheDir}/${file}`)).toBe(true);
    rmSync(d.root, { recursive: true, force: true });
  });
});

describe('parseChoice', () => {
  it('reads the ways people pick a numbered choice', () => {
    expect(parseChoice('1')).toBe(1);
    expect(parseChoice('回复 2')).toBe(2);
    expect(parseChoice('回复2')).toBe(2);
    expect(parseChoice('第三个')).toBe(3);
    expect(parseChoice('选1')).toBe(1);
    expect(parseChoice('2.')).toBe(2);
    expect(parseChoice('12319')).toBeUndefined();
    expect(parseChoice('1楼的烧烤')).toBeUndefined();
  });
});
