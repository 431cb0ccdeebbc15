import type { Citation } from '../core/types.js';
import type { DangerKind } from './emergencies.js';
import type { AnswerEntry, KnowledgeBase } from './types.js';

/**
 * The legal review list (docs/legal-review.md): every claim a person must check before
 * release, generated from the data so it cannot fall behind it —
 * - `review:` notes on points, answers and matters of the authority table;
 * - the hotline line every reply carries (knowledge/_common.yaml);
 * - every telephone number an answer gives (hours and channels change locally);
 * - the lines danger to a person gets first (knowledge/_emergency.yaml);
 * - every Wuhan/Hubei rule we name but do not hold (name, version in force; no figures).
 */

/** The kinds of danger of knowledge/_emergency.yaml, as staff read them. */
const EMERGENCY_NAMES: Record<DangerKind, string> = {
  self_harm: '有人轻生',
  violence: '暴力、家庭暴力',
  traffic: '有人被车撞伤',
  medical: '有人晕倒、受伤',
  fire: '火情',
  water: '落水、被困',
};

/** Numbers a citizen is told to call, with what they are. */
const PHONE_NUMBERS: readonly [RegExp, string][] = [
  [/12319/, '12319 城管热线'],
  [/12345/, '12345 市民服务热线'],
  [/12369/, '12369 环保举报热线'],
  [/12315/, '12315 市场监管投诉'],
  [/12328/, '12328 交通运输服务监督'],
  [/12368/, '12368 诉讼服务热线'],
  [/12123/, '交管12123'],
  [/(?<!\d)122(?!\d)/, '122 交通事故报警'],
  [/(?<!\d)110(?!\d)/, '110 报警'],
  [/(?<!\d)119(?!\d)/, '119 火警'],
  [/燃气企业抢修电话|抢修电话/, '燃气企业抢修电话（本地号码）'],
];

export interface ReviewItem {
  /** What to check, in Chinese. */
  claim: string;
  /** Why, or what exactly to confirm. */
  check: string;
  /** Where: answer ids or files. */
  where: string[];
}

export interface ReviewList {
  sections: { title: string; items: ReviewItem[] }[];
}

function textsOf(a: AnswerEntry): string[] {
  return [...(a.points.length > 0 ? a.points.map((p) => p.text) : [a.short, a.full]), ...a.nextSteps];
}

export function buildReviewList(kb: KnowledgeBase): ReviewList {
  const answers = [...kb.answers.values()].sort((a, b) => (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : 0));

  const noted: ReviewItem[] = [];
  for (const a of answers) {
    for (const p of a.points) if (p.review) noted.push({ claim: p.text, check: p.review, where: [a.intent] });
    for (const r of a.review) noted.push({ claim: a.title, check: r, where: [a.intent] });
  }

  const authority: ReviewItem[] = [];
  for (const m of [...kb.authorities.matters.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (!m.review) continue;
    const name = kb.authorities.authorities.get(m.authority)?.name ?? m.authority;
    const users = [...new Set(answers.filter((a) => a.points.some((p) => p.matter === m.id) || textsOf(a).some((t) => m.keywords.some((k) => t.includes(k)))).map((a) => `knowledge/${a.topic}.yaml`))].sort();
    authority.push({ claim: `${m.name}：由${name}负责`, check: m.review, where: ['knowledge/_authorities.yaml', ...users] });
  }

  const phones: ReviewItem[] = [
    { claim: `每条回复末尾的热线：${kb.common.hotline}`, check: '确认号码、服务时段（是否24小时）和受理渠道（电话、网站、App、公众号）。', where: ['knowledge/_common.yaml'] },
  ];
  for (const [pattern, name] of PHONE_NUMBERS) {
    // By topic, not by answer: the list should change when a topic starts or stops giving
    // a number, not with every answer that repeats the hotline.
    const topics = [...new Set(answers.filter((a) => textsOf(a).some((t) => pattern.test(t))).map((a) => a.topic))].sort();
    if (topics.length === 0) continue;
    phones.push({ claim: name, check: '确认号码在武汉市新洲区有效，答案所说的受理范围、服务时段和渠道与实际一致。', where: topics.map((t) => `knowledge/${t}.yaml`) });
  }

  const locals = new Map<string, string[]>();
  const addLocal = (c: Citation, where: string) => {
    if (!c.local) return;
    const list = locals.get(c.law) ?? [];
    if (!list.includes(where)) list.push(where);
    locals.set(c.law, list);
  };
  for (const a of answers) for (const c of a.citations) addLocal(c, a.intent);
  const local: ReviewItem[] = [...locals.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([law, where]) => ({
      claim: `《${law}》`,
      check: '本项目未收录原文：确认名称准确、现行有效；答案只点名、不引用其中的罚款幅度和期限，本地罚款幅度请按现行文本向市民说明。',
      where,
    }));

  // What danger to a person is told first: every line names numbers and what to do.
  const emergency: ReviewItem[] = [...kb.emergencies.kinds.entries()].map(([kind, lines]) => ({
    claim: `${EMERGENCY_NAMES[kind]}：${lines.join(' ')}`,
    check: '确认号码在新洲区可拨通（110、120、119、122，全国统一的12356心理援助热线、12338妇女维权热线），做法与公安、急救、消防部门的公众指引一致。',
    where: ['knowledge/_emergency.yaml'],
  }));

  return {
    sections: [
      { title: '答案中标注需要核对的说法', items: noted },
      { title: '职责分工（knowledge/_authorities.yaml）', items: authority },
      { title: '电话号码、服务时段和渠道', items: phones },
      { title: '人身危险时先给的求助说明（knowledge/_emergency.yaml）', items: emergency },
      { title: '引用但未收录的武汉市、湖北省地方规定', items: local },
    ],
  };
}

/** The list as markdown, the content of docs/legal-review.md. */
export function renderReviewList(list: ReviewList): string {
  const out: string[] = [
    '# 发布前人工法律核对清单（legal review list）',
    '',
    '<!-- Generated by `npx pufa kb review-list --out docs/legal-review.md` from knowledge/. Do not edit by hand: a test fails when this file is out of date. -->',
    '',
    '以下每一项都需要法制部门或业务科室人工核对后才能对外发布。清单由 `knowledge/` 中的数据生成：',
    '答案要点上的 `review:`、职责分工表的 `review:`、答案中出现的电话号码、人身危险时的求助说明，以及引用但未收录原文的地方规定。',
    '核对并改好数据后，重新生成本文件。',
    '',
  ];
  for (const section of list.sections) {
    out.push(`## ${section.title}（${section.items.length} 项）`, '');
    if (section.items.length === 0) out.push('（无）', '');
    for (const item of section.items) {
      out.push(`- [ ] **${item.claim}**`, `  - 核对：${item.check}`, `  - 出处：${item.where.map((w) => `\`${w}\``).join('、')}`);
    }
    if (section.items.length > 0) out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
