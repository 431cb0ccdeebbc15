import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serviceNotices } from '../../src/render/notices.js';

/**
 * A small but complete knowledge base written to a temp dir, for tests of the brain's
 * mechanics (outcomes, cache, follow-ups) that must not depend on the real data's wording.
 */
export interface FixtureDirs {
  root: string;
  intentsDir: string;
  knowledgeDir: string;
  cacheDir: string;
}

/** The fixture's `_common.yaml` hotline, and the service notices built from it (what citizens see in tests on this knowledge base). */
export const FIXTURE_HOTLINE = '城管热线 12319';
export const FIXTURE_NOTICES = serviceNotices({ hotline: FIXTURE_HOTLINE });

const vary = (stems: string[], tails: string[]): string[] => stems.flatMap((s) => tails.map((t) => `${s}${t}`));

export const FIXTURE_INTENTS: Record<string, { topic: string; utterances: string[] }> = {
  'street_vending.penalty': {
    topic: 'street_vending',
    utterances: vary(['占道经营', '路边摆摊', '摆地摊', '流动摊贩占道', '人行道上卖菜'], ['罚多少钱', '会被罚款吗', '怎么处罚']),
  },
  'street_vending.permit': {
    topic: 'street_vending',
    utterances: vary(['夜市摊位', '临时摊点', '便民疏导点', '早市摊位', '合法摆摊的地方'], ['怎么申请', '在哪里办', '需要什么手续']),
  },
  'noise.night_construction': {
    topic: 'noise',
    utterances: vary(['工地半夜施工', '夜间施工太吵', '晚上十二点还在打桩', '深夜工地噪音', '凌晨施工扰民'], ['找谁投诉', '有人管吗', '怎么办']),
  },
  'gas_safety.leak': {
    topic: 'gas_safety',
    utterances: vary(['家里闻到煤气味', '燃气泄漏了', '天然气漏气', '厨房有燃气味', '楼道里煤气味很重'], ['怎么办', '怎么处理', '要打什么电话']),
  },
  'out_of_scope.traffic': {
    topic: 'out_of_scope',
    utterances: vary(['交警贴条', '机动车违停罚单', '驾照扣分', '汽车违章', '电子眼拍了违停'], ['怎么处理', '去哪交罚款', '能撤销吗']),
  },
  'chitchat.greeting': {
    topic: 'chitchat',
    utterances: ['你好', '您好', '在吗', '在不在', '早上好', '下午好', '晚上好', '哈喽', 'hello', 'hi', '你好呀', '有人吗', '嗨', '您好在吗', '早'],
  },
};

const ANSWERS: Record<string, string> = {
  'street_vending.penalty': `    title: 占道经营的处罚
    short: 未经批准占用城市道路摆摊，可以责令限期改正，并处2万元以下罚款。
    full: 未经批准占用城市道路摆摊，可以责令限期改正，并处2万元以下罚款。详细说明。
    next_steps: [向街道咨询疏导点]
    citations:
      - { law: 城市道路管理条例, article: 42 }
      - { law: 武汉市市容环境卫生管理条例, local: true }`,
  'street_vending.permit': `    title: 怎样申请临时摊位
    short: 请向所在街道或城管部门咨询临时疏导点和夜市摊位。
    full: 请向所在街道或城管部门咨询临时疏导点和夜市摊位，带上身份证明。
    next_steps: [向街道咨询]
    citations:
      - { law: 城市市容和环境卫生管理条例, article: 14 }`,
  'noise.night_construction': `    title: 夜间施工噪声
    short: 夜间施工一般需要证明，扰民可以投诉。
    full: 夜间施工一般需要证明，扰民可以投诉。详细说明。
    next_steps: [拨打12319]
    citations:
      - { law: 中华人民共和国噪声污染防治法, article: 43 }`,
  'gas_safety.leak': `    title: 燃气泄漏怎么办
    urgent: true
    short: 立即关闭燃气阀门，开窗通风，不要开关电器、不要用明火，到室外拨打119和燃气公司抢修电话。
    full: 立即关闭燃气阀门，开窗通风，不要开关电器、不要用明火，到室外拨打119和燃气公司抢修电话。
    next_steps: [到室外安全处报警]
    citations:
      - { law: 城镇燃气管理条例, article: 28 }`,
  'out_of_scope.traffic': `    title: 交通违法不归城管
    short: 机动车违停、贴条属于交警管理，请联系交警或拨打122。
    full: 机动车违停、贴条属于交警管理，请联系交警或拨打122。
    next_steps: [拨打122]
    citations: []`,
  'chitchat.greeting': `    title: 问候
    short: 您好，我是城管普法助手，请问有什么可以帮您？
    full: 您好，我是城管普法助手，请问有什么可以帮您？
    citations: []`,
};

/** The fixture's `_emergency.yaml` (self-harm only). */
export const FIXTURE_EMERGENCY = { intro: '人身安全第一，请先求助：', selfHarm: '有人想轻生，请马上拨打110或120。' };

export function writeFixtureKb(extra: Partial<Record<string, string[]>> = {}): FixtureDirs {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pufa-fixture-'));
  const intentsDir = path.join(root, 'intents');
  const knowledgeDir = path.join(root, 'knowledge');
  mkdirSync(intentsDir);
  mkdirSync(knowledgeDir);
  const topics = [...new Set(Object.values(FIXTURE_INTENTS).map((i) => i.topic))];
  writeFileSync(
    path.join(knowledgeDir, 'topics.yaml'),
    `topics:\n${topics.map((t) => `  - { id: ${t}, name: ${t}名${t === 'chitchat' ? ', chitchat: true' : ''} }`).join('\n')}\n`,
  );
  writeFileSync(path.join(knowledgeDir, '_common.yaml'), `bureau: 测试城管局\nhotline: ${FIXTURE_HOTLINE}\nother_matters: 12345 市民服务热线\ndisclaimer: 以上为普法参考。\n`);
  // Danger to a person: the lines it gets first (knowledge/_emergency.yaml), one kind.
  writeFileSync(path.join(knowledgeDir, '_emergency.yaml'), `intro: ${FIXTURE_EMERGENCY.intro}\nkinds:\n  self_harm:\n    - ${FIXTURE_EMERGENCY.selfHarm}\noutro: 请直接拨打110、120、119求助。\n`);
  for (const topic of topics) {
    const ids = Object.keys(FIXTURE_INTENTS).filter((id) => FIXTURE_INTENTS[id]?.topic === topic);
    const intents = ids
      .map((id) => `  - id: ${id}\n    utterances:\n${[...(FIXTURE_INTENTS[id]?.utterances ?? []), ...(extra[id] ?? [])].map((u) => `      - ${u}`).join('\n')}`)
      .join('\n');
    writeFileSync(path.join(intentsDir, `${topic}.yaml`), `topic: ${topic}\nterms: [占道经营, 夜间施工, 燃气泄漏]\nintents:\n${intents}\n`);
    const answers = ids.map((id) => `  - intent: ${id}\n${ANSWERS[id]}`).join('\n');
    writeFileSync(path.join(knowledgeDir, `${topic}.yaml`), `topic: ${topic}\nanswers:\n${answers}\n`);
  }
  return { root, intentsDir, knowledgeDir, cacheDir: path.join(root, 'cache') };
}
