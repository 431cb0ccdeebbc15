import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { normalizeText } from '../../src/core/normalize.js';
import { loadKnowledgeBaseCached } from '../../src/knowledge/compiled.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { foldSyllable, loadHomophones, type Homophones } from '../../src/nlu/homophones.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * Homophone slips of domain terms (src/nlu/homophones.ts), with the real parts: the shipped
 * intents' terms, pinyin-pro's readings (through the cached table) and jieba's dictionary;
 * then the real brain answering slipped messages on the right topic, with its citations.
 */
const CACHE = path.join(REPO_ROOT, '.cache');
let kb: KnowledgeBase;
let h: Homophones;
beforeAll(async () => {
  kb = await loadKnowledgeBaseCached({ intentsDir: path.join(REPO_ROOT, 'intents'), knowledgeDir: path.join(REPO_ROOT, 'knowledge'), cacheDir: CACHE });
  h = await loadHomophones(kb, { cacheDir: CACHE });
});

const read = (text: string): string => h.correct(text).text;

describe('homophone slips of domain terms', () => {
  it.each([
    ['楼下有人搞违见', '楼下有人搞违建'],
    ['门口占到经营罚款多少', '门口占道经营罚款多少'],
    ['饭店油咽太大', '饭店油烟太大'],
    ['被暂口的三轮车怎么拿回来', '被暂扣的三轮车怎么拿回来'],
    ['罚宽交到哪里', '罚款交到哪里'],
    ['协官员能罚款吗', '协管员能罚款吗'],
    ['楼下烧考摊吵到半夜', '楼下烧烤摊吵到半夜'],
    ['举保违见', '举报违建'],
    ['燃汽泄露了么样搞', '燃气泄漏了么样搞'],
    // A confusion of Wuhan speech (guan/guang), at a higher cost.
    ['阳关房算违建吗', '阳光房算违建吗'],
    // 射 is read yi only in 无射: 射保 is 社保, not 医保.
    ['要有居住证和射保才能入学', '要有居住证和社保才能入学'],
  ])('reads %s as %s', (written, understood) => {
    expect(read(written)).toBe(understood);
  });

  it('says what it changed, where; the text keeps its length', () => {
    const r = h.correct('对面搞违见，我要举保');
    expect(r.corrections).toEqual([
      { at: 3, from: '违见', to: '违建' },
      { at: 8, from: '举保', to: '举报' },
    ]);
    expect(r.text).toBe('对面搞违建，我要举报');
  });

  it.each([
    // Words of their own, however rare in jieba's dictionary: 城关 (a town seat), 占到 (罚款占到收入一半), 电化.
    '城关镇的城管来了',
    '城关来了',
    '车子被占到了',
    '罚款占到收入一半',
    '电化教育',
    '打电话给城管',
    // 电话 is not a domain term: nothing to read 电化 as.
    '城管局电化是几多',
    // A changed character that makes a word with its neighbours is meant.
    '我在路边卖菜被城管罚款',
    '设置封闭式垃圾通道',
    '报废机动车回收',
    '到期自行撤除',
    '摩托车停在人行道上',
    '家里有天然气味',
    '大家停车图方便',
    '种菜犯法吗',
    // A character of another slip is not changed into a third term: 违 of 违见 stays (not 油烟味见).
    '油烟违见天然气',
    // Function words are not slips: 是垃圾 is not 湿垃圾, 有烟 is not 油烟.
    '这是垃圾',
    '楼下有烟',
    // A changed character followed by 得 is a verb with its complement: 广告拍得 is not 广告牌.
    '这个广告拍得真好看',
    '那个广告派得到处都是',
    // Real words that sound like terms.
    '东西很便宜',
    '路口没有红绿灯',
    '音箱声音太大',
  ])('leaves %s as written', (text) => {
    expect(h.correct(text)).toEqual({ text, corrections: [] });
  });

  it('matches the confusions of Wuhan speech only when asked to', async () => {
    const exact = await loadHomophones(kb, { cacheDir: CACHE, fuzzy: false });
    expect(exact.correct('阳关房算违建吗').text).toBe('阳关房算违建吗');
    expect(exact.correct('楼下有人搞违见').text).toBe('楼下有人搞违建');
    expect(foldSyllable('zhuang')).toBe('zuan');
    expect(foldSyllable('nong')).toBe('long');
    expect(foldSyllable('ming')).toBe('min');
    expect(foldSyllable('ng')).toBe('ng');
  });

  it('changes none of our own answers (clean text written by us)', () => {
    const changed: string[] = [];
    for (const answer of kb.answers.values()) {
      // The Chinese of every field of the answer, as one text per run between ASCII.
      for (const run of JSON.stringify(answer).split(/[\x20-\x7e]+/u)) {
        const text = normalizeText(run, { maxChars: 100_000 }).text;
        for (const c of h.correct(text).corrections) changed.push(`${answer.intent}: ${c.from}→${c.to} in ${text}`);
      }
    }
    expect(changed).toEqual([]);
  });

  /**
   * The slips written into intents/ on purpose (as citizens write). Any other change of an
   * utterance is a clean text changed: a false reading to fix in homophones.ts — or, if the
   * utterance does hold a slip, one more line here.
   */
  const SLIPS_IN_INTENTS = [
    '乱仍垃圾→乱扔垃圾', '乱认垃圾→乱扔垃圾', '人行到→人行道', '协官员→协管员', '占到经营→占道经营', '听正→听证', '听症→听证',
    '垃圾分内→垃圾分类', '复意→复议', '夜间施公→夜间施工', '大件拉圾→大件垃圾', '广场午→广场舞', '燃气官道→燃气管道',
    '燃气泄露→燃气泄漏', '燃汽泄露→燃气泄漏', '装修燥音→装修噪音', '阳关房→阳光房',
  ];

  it('changes an utterance of intents/ only where it holds a slip written on purpose', () => {
    const unexpected: string[] = [];
    let utterances = 0;
    for (const intent of kb.intents) {
      for (const u of intent.utterances) {
        utterances += 1;
        const text = normalizeText(u, { maxChars: 100_000 }).text;
        for (const c of h.correct(text).corrections) if (!SLIPS_IN_INTENTS.includes(`${c.from}→${c.to}`)) unexpected.push(`${intent.id}: ${c.from}→${c.to} in ${text}`);
      }
    }
    expect(utterances).toBeGreaterThan(1000);
    expect(unexpected).toEqual([]);
  });

  it('reads any text into one that it leaves as it is, of the same length, changing only into terms', () => {
    // Texts mixing domain terms, their homophones, function words and punctuation.
    const pieces = ['违建', '违见', '占道经营', '占到', '油烟', '油咽', '暂扣', '暂口', '罚款', '罚宽', '举报', '举保', '城管', '城关', '天然气', '然气', '是', '的', '有', '了', '路边', '卖菜', '，', '？', ' ', '楼下', '燃汽', '泄露', '摊', '烧考'];
    const terms = new Set(kb.terms);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const once = h.correct(text);
        expect(once.text.length).toBe(text.length);
        for (const c of once.corrections) {
          expect(terms.has(c.to)).toBe(true);
          expect(text.slice(c.at, c.at + c.from.length)).toBe(c.from);
          expect(once.text.slice(c.at, c.at + c.to.length)).toBe(c.to);
        }
        expect(h.correct(once.text).text).toBe(once.text);
      }),
      { numRuns: 300 },
    );
  });
});

/** The windows `candidates` finds, as first written: term objects and strings compared character by character. */
interface Internals {
  matched: { text: string }[];
  candidates(text: string): { at: number; term: { text: string }; changed: number; fuzzy: boolean; rare: boolean }[];
  soundsLike(code: number, term: unknown, k: number): 'exact' | 'rare' | 'fuzzy' | 'no';
}
function referenceCandidates(x: Internals, text: string): ReturnType<Internals['candidates']> {
  const out: ReturnType<Internals['candidates']> = [];
  for (let i = 0; i < text.length; i += 1) {
    for (const term of x.matched) {
      for (let place = 0; place < term.text.length; place += 1) {
        if (term.text.charCodeAt(place) !== text.charCodeAt(i)) continue;
        const at = i - place;
        const n = term.text.length;
        if (at < 0 || at + n > text.length) continue;
        let changed = 0;
        let fuzzy = false;
        let rare = false;
        let ok = true;
        for (let k = 0; k < n && ok; k += 1) {
          const code = text.charCodeAt(at + k);
          if (code === term.text.charCodeAt(k)) {
            if (k < place) ok = false;
            continue;
          }
          changed += 1;
          const like = changed <= (n >= 4 ? 2 : 1) ? x.soundsLike(code, term, k) : 'no';
          ok = like !== 'no';
          fuzzy ||= like === 'fuzzy';
          rare ||= like === 'rare';
        }
        if (ok && changed > 0) out.push({ at, term, changed, fuzzy, rare });
      }
    }
  }
  return out;
}

describe('homophone windows found the fast way', () => {
  it('are those of the plain search over every term, at every place (property)', () => {
    const x = h as unknown as Internals;
    const key = (c: ReturnType<Internals['candidates']>[number]): string => `${c.at}:${c.term.text}:${c.changed}:${c.fuzzy}:${c.rare}`;
    const pieces = ['违建', '违见', '占道经营', '占到经营', '站道经营', '油烟', '油咽', '暂扣', '暂口', '罚款', '罚宽', '城管', '程管', '燃汽泄露', '渣土车', '扎土车', '的', '了', '，', ' ', '楼下'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 2 })), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        expect(x.candidates(text).map(key).sort()).toEqual(referenceCandidates(x, text).map(key).sort());
      }),
      { numRuns: 300 },
    );
    // Found at all: the property is about something.
    expect(x.candidates('楼下有人搞违见，占到经营').length).toBeGreaterThan(1);
  });
});

describe('the brain on slipped messages', () => {
  let brain: Brain;
  beforeAll(async () => {
    // The repository's own model cache (keyed by the content of intents/): trained once, shared.
    const config = loadConfig({ PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents'), PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'), PUFA_CACHE_DIR: CACHE });
    brain = await createBrain({ config });
  });

  // Each of these was answered on another topic, declined or asked back before the correction.
  it.each([
    ['illegal_construction', '对面搞违见 我要举报'],
    ['illegal_construction', '隔壁加盖违见找哪个'],
    ['enforcement_conduct', '协官员能罚款吗'],
    ['fumes_bbq', '楼下烧考摊到半夜'],
  ])('answers on %s: %s', async (topic, question) => {
    const r = await brain.ask(question, { channel: 'private' });
    expect(r.action, r.reply).toBe('answer');
    expect(r.topic).toBe(topic);
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.reply).toContain('依据：《');
    expect(r.reply).toContain('12319');
  });

  it('answers with the intent the term names: 罚宽交到哪里 is about paying a fine', async () => {
    const r = await brain.ask('罚宽交到哪里', { channel: 'private' });
    expect(r.action).toBe('answer');
    expect(r.intent).toBe('penalty_rights.payment');
  });

  it('keeps what the citizen wrote as the question, and says how it was understood', async () => {
    const r = await brain.ask('對面搞违见 我要举报', { channel: 'room' });
    expect(r.normalized).toBe('对面搞违见 我要举报');
    expect(r.understood).toBe('对面搞违建 我要举报');
    const clean = await brain.ask('对面搞违建 我要举报', { channel: 'room' });
    expect(clean.understood).toBeUndefined();
    expect({ ...r, normalized: clean.normalized, understood: undefined }).toEqual({ ...clean, understood: undefined });
  });

  it('a slipped gas leak still gets the emergency steps first', async () => {
    const r = await brain.ask('燃汽泄露了么样搞', { channel: 'room' });
    expect(r.urgent).toBe(true);
    expect(r.reply.startsWith('【紧急】')).toBe(true);
    expect(r.reply).toContain('119');
  });
});
