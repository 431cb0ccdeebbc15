import type { DangerKind } from '../knowledge/emergencies.js';
/**
 * Safety net for emergencies. A gas leak must get the emergency steps at once, never a
 * "which of these did you mean?" question, even when the classifier is unsure — so a
 * message that plainly reports a leak is routed to the urgent answer by these patterns.
 * "打不着火" (a stove that will not light) is a repair question, not a fire: 着火 after 不 is not an emergency;
 * nor is an explosion or a fire feared ("担心会爆炸", "会不会起火"): that question gets its topic's answer.
 */
const GAS = '(?:燃气|煤气|天然气|液化气|液化石油气|气罐|煤气罐)';
/** A fear of what might happen ("放了好几个液化气罐，担心会爆炸") is a safety question, not an emergency being reported. */
const WORRY = '担心|担心会|害怕|怕|怕会|会不会|万一|容易|可能|可能会|防止|以免|小心';
/**
 * 漏气 denied or checked for ("师傅上门查了也没有漏气", "燃气公司让我自己查漏气", "有没有漏气") tells of
 * no leak: a gas-bill letter that rules a leak out is not an emergency. A leak reported
 * ("燃气好像漏气了", "漏气了怎么办") or a smell is still caught.
 */
const NOT_A_LEAK = '(?<![查没不无冇]|没有|没得)';
export const URGENT_PATTERNS: ReadonlyArray<{ topic: string; pattern: RegExp }> = [
  {
    topic: 'gas_safety',
    pattern: new RegExp(
      `${GAS}.{0,10}(?:泄漏|泄露|${NOT_A_LEAK}漏气|漏了|在漏|味道?很?(?:大|重|浓)|(?:有一?股|有点|有些|一股)(?:怪|臭|异|刺鼻的?)?味|(?<!${WORRY})爆炸|(?<!不|${WORRY})着火|(?<!${WORRY})起火)|(?:闻到|有一?股|好大|很大).{0,6}${GAS}.{0,2}味|${NOT_A_LEAK}漏气`,
      'u',
    ),
  },
  {
    // Gas smelt without its name: the odorant's rotten-egg smell indoors ("楼道里有股臭鸡蛋味 越来越浓").
    // A drain or a cesspit smells the same: a text naming one is not an emergency.
    topic: 'gas_safety',
    pattern: /^(?![^]*(?:下水道?|化粪池|厕所|粪|污水|垃圾|水沟|臭水|河|沟渠|排水))[^]*(?:臭鸡蛋|烂鸡蛋|坏鸡蛋)的?(?:气味|味道?|气)/u,
  },
];

/** The topic of an emergency this text reports, if any. */
export function urgentTopic(text: string): string | undefined {
  return URGENT_PATTERNS.find((u) => u.pattern.test(text))?.topic;
}

/**
 * Danger to a person told in a message — someone about to take their life, violence, a person
 * collapsed or injured, a fire, someone in the water or trapped. Not the bureau's matters, but
 * the emergency numbers must come first, before any answer or "which of these did you mean?"
 * (a person on a roof was once asked back whether they smelt gas). Patterns of plain wording;
 * the texts the citizen gets are staff-edited (knowledge/_emergency.yaml).
 * Figures of speech are left out: 跳楼价 (a sale), 杀鸡 (a market stall), 砍树 (greenery), 气得我想死,
 * 让人不活了, 像着火了一样.
 */
export const DANGER_PATTERNS: ReadonlyArray<{ kind: DangerKind; pattern: RegExp }> = [
  {
    kind: 'self_harm',
    pattern: /不想活了?|(?<!让人)不活了|活着没意思|想自杀|要自杀|去自杀|自杀了|轻生|寻短见|寻死|想不开(?:了|要)|(?<!得)我想死|(?<!得)真想死|不如死了算了|跳楼(?!价|甩卖|大甩卖|清仓|亏本)|要跳(?:河|江|湖|桥)|割腕|(?:要|想|去)上吊|上吊自杀|喝(?:了)?农药|喝药自杀|吞安眠药|吃了?(?:好多|很多|一?整?瓶|一?大把)安眠药/u,
  },
  {
    kind: 'violence',
    pattern: /家暴|家庭暴力|(?:老公|丈夫|男人|老婆|妻子|男朋友|男友|前夫|他|她|他们|有人)(?:又|天天|经常|一直|总是|动手|喝醉了?|喝了酒)?(?:打我|打了我|把我打)|拿(?:着|了)?刀|持刀|动刀|砍人|砍我|要砍(?:我|人|死)|捅(?:人|我|了人)|(?:有人|我|他|她|孩子|小孩|老人)被(?:人)?(?:砍|捅)|掐(?:着|住)(?:我|脖子)|杀人|杀了我|要杀(?:我|人|了我)/u,
  },
  {
    kind: 'traffic',
    pattern: /(?:人|孩子?|小孩|老人|学生|我|他|她)[^，。,!?！？]{0,3}(?:被|让)(?:车|汽车|小车|渣土车|货车|卡车|电动车|摩托车?|三轮车?)撞(?:了|倒|伤|飞)|撞(?:倒|伤|死)了人|有人被撞/u,
  },
  {
    kind: 'medical',
    pattern: /晕倒|昏倒|昏迷|不省人事|休克|没(?:有)?了?呼吸|心脏骤停|心脏病(?:犯了|发作)|抽搐|口吐白沫|大出血|流了(?:好|很)?多血|(?:头|脸|手|腿|身上)?在流血|流血不止|头破血流|触电|被电(?:到|击)|倒在地上(?:起不来|不动|没反应)|倒地不起|(?:有人|有个人|工人|老人|孩子|小孩)[^，。,!?！？]{0,6}从(?:楼上|楼顶|高处|脚手架上?)(?:摔|掉|跌)下来|坠楼/u,
  },
  {
    kind: 'fire',
    // A fire feared is a question, as a gas explosion feared is (`WORRY`), and 打不着火 no fire at all.
    pattern: new RegExp(`(?<!不|${WORRY})(?:着火|起火|失火)了|烧起来了|火烧起来|冒(?:出)?浓烟|火势|(?:电动车|电瓶车?|电池|电线|插座|充电器|配电箱|房子|屋里|楼道)[^，。,!?！？]{0,6}冒烟了`, 'u'),
  },
  {
    kind: 'water',
    pattern: /(?:有人|人|孩子|小孩|儿子|女儿|老人|学生|我)[^，。,!?！？]{0,4}(?:掉|落|跌|摔)(?:进|到|入|下)了?[^，。,!?！？]{0,3}(?:河|湖|江|塘|水库|水里|井|下水道|窨井|粪坑)|溺水|落水(?!管)|被(?:洪水|大水)冲走|(?:河|湖|江|塘|水)里有人[^，。,!?！？]{0,4}(?:救命|呼救)|困在电梯|电梯.{0,6}(?:被困|困住|关在里面)|(?:孩子|小孩|宝宝|老人)[^，。,!?！？]{0,4}(?:关|锁|困)在车里/u,
  },
];

/**
 * A clause that tells of the danger as past, feared or supposed ("上个月我母亲在这里被电动车撞了",
 * "万一有人被困在电梯里", "真要是着火了消防车进不来", "差点被车撞了"): a complaint or a question about
 * it, not an emergency now.
 */
const NOT_NOW = /去年|前年|几年前|上个?月|上个?(?:星期|礼拜|周)|前几天|前些天|前天|昨天|以前|之前|曾经|那次|那天|当时|差点|险些|万一|如果|要是|假如|担心|怕(?:会|有人|孩子|小孩|老人)|会不会|容易|可能|以免|防止/u;

/** A simile ("像着火了一样"): the whole clause. */
const SIMILE = /像[^，。]{0,6}(?:一样|似的)/u;

/** Clause breaks: the danger and what says it is not now must be in one clause. */
const CLAUSE_BREAK = /[，。！？；,.!?; \n]/u;

/**
 * Whether the match at `at` is told as happening now: its clause up to the match's end has no
 * word of the past, a fear or a supposition (they come first: "差点被车撞了", "万一有人被困"; a cause
 * guessed after it is not one: "老人晕倒了可能是中暑"), and the clause is no simile.
 */
function toldAsNow(text: string, at: number, length: number): boolean {
  let start = at;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1] as string)) start -= 1;
  let end = at + length;
  while (end < text.length && !CLAUSE_BREAK.test(text[end] as string)) end += 1;
  return !NOT_NOW.test(text.slice(start, at + length)) && !SIMILE.test(text.slice(start, end));
}

/** An explosion happening, read only in a gas text ("液化气罐爆炸了"; "气得我要爆炸了" is no fire). */
const GAS_BLAST = new RegExp(`(?<!${WORRY})爆炸了`, 'gu');

/** Each pattern, global: every match of it is tried ("上个月被车撞过 今天又有人被车撞了"). */
const EVERY_DANGER = DANGER_PATTERNS.map(({ kind, pattern }) => ({ kind, pattern: new RegExp(pattern.source, 'gu') }));
/** The dangers read in a gas text: an explosion or a fire happening. */
const GAS_DANGERS = [{ kind: 'fire' as const, pattern: GAS_BLAST }, ...EVERY_DANGER.filter((d) => d.kind === 'fire')];

/**
 * The kind of danger to a person this text tells of as happening now, if any. A gas leak is
 * `urgentTopic`'s (its answer has the steps), except a fire or an explosion happening ("煤气罐着火了",
 * "液化气罐爆炸了"): the fire lines (119, get out) come before the leak's steps, which say to open
 * the windows and call from outside.
 */
export function dangerOf(text: string): DangerKind | undefined {
  for (const { kind, pattern } of urgentTopic(text) === undefined ? EVERY_DANGER : GAS_DANGERS) {
    for (const m of text.matchAll(pattern)) if (toldAsNow(text, m.index, m[0].length)) return kind;
  }
  return undefined;
}

/** A message that must not wait: a gas leak, or danger to a person (the rate limit lets it through). */
export function isEmergency(text: string): boolean {
  return urgentTopic(text) !== undefined || dangerOf(text) !== undefined;
}
