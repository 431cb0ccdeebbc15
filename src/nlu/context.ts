import { PENALTY_TOPIC, type ConversationState, type IntentScore, type SpeechAct } from '../core/types.js';
import { asksPermit } from './acts.js';

/**
 * Conversation context: a short follow-up without a topic of its own ("那罚多少钱？",
 * "要去哪里办？", "多久能拿回来？") is understood in the topic of the previous answer, for
 * `BOT_CONTEXT_TTL_SEC` after it. Pure: the state comes from the session store.
 */

/** Longest follow-up, in characters (`followupChars`): a longer message carries its own subject. */
export const MAX_FOLLOWUP_CHARS = 16;

/**
 * A message's length for `MAX_FOLLOWUP_CHARS`: its characters without spaces and punctuation,
 * which chat messages use where a letter has commas ("他们说装了净化的 但是味道还是蛮大" is 16).
 */
export function followupChars(text: string): number {
  return [...text.replace(/[\s\p{P}]/gu, '')].length;
}

/** Openers that lean on what was said before. */
const OPENER = /^(?:那|那么|那要|那我|那如果|那个|还有|另外|然后|如果|要是|请问那|再问一下|再问下|顺便问下|对了)/u;

/** Not able to pay a fine: "没钱交", "交不起", "分期", or "我没钱" as the whole message — a follow-up (ASKS) about paying (ASKS_PAY). */
const CANNOT_PAY = '没钱交|交不起|交不上|分期|暂缓|缓交|^我?(?:没钱|没有钱|冇得?钱|没得钱)(?:啊|呀|了)?[。.!！~…]*$';

/** Whether what was just told of is genuine: "这个是真的还是骗子", "真的假的", "靠不靠谱". */
const ASKS_GENUINE = /(?:是真的还是|是不是)(?:骗子|骗人的?|假的|诈骗)|真的假的|靠不靠谱|可不可信|可信吗|(?:是不是|是否)(?:被骗|上当)了?|被骗了(?:吗|么|冇|没)/u;

/** True when a follow-up asks whether what was just told of is genuine (`ASKS_GENUINE`): that subject's, whatever 骗子 reads as. */
export function asksGenuine(normalized: string): boolean {
  return ASKS_GENUINE.test(normalized);
}

/** Whether money paid comes back: "后面赢了退不退", "会不会退", "能退给我吗". */
const ASKS_REFUND = /退不退|会不会退|能不能退|退得回|(?:能|会|还)?退(?:给我|回来)?(?:吗|不|么|冇)/u;

/** Whose the matter is, ours or another body's: "这个是找派出所还是找你们", "你们还是交警" (in `ASKS` and `ASKS_OURS`). */
const WHOSE_MATTER = '(?:找|归)[^，。！？,!?]{1,6}?还是(?:找|归)?(?:你们|城管)|(?:你们|城管)(?:管)?还是(?:找|归)?[^，。！？,!?]{1,6}?(?:管|负责)?(?:[？?。.!！~]|$)';

/** The bureau coming to the matter: "(能不能)来收", "派人过来拆" (in `ASKS` and `ASKS_OURS`). */
const COME_TO = '(?:派人)?(?:来|过来)(?:收|清|清理|拉|拖|处理|看|管|拆|查|搬)';

/** A place or a way that charges nothing: "有没有不收钱的地方" (in `ASKS` and `ASKS_FEE`). */
const FREE_OF_CHARGE = '(?:不|免)收(?:钱|费)的';

/** Questions that need a subject from before to make sense. */
const ASKS = new RegExp(
  [
    '罚多少|罚款多少|罚几多|多少钱|几多钱|要多少|要交多少|收费吗|要钱吗|交钱吗|要交钱|收钱吗|收不收钱|收不收费|要不要钱|花钱吗|(?:自己)?(?:出钱|掏钱|付钱|出费用)|自费',
    '去哪|在哪|哪里办|哪里交|哪里领|哪里查|怎么查|查得到|能查到|哪个部门|找谁|找么人|找哪个|找哪里|找哪家|归谁管|归哪个|谁来管|谁管|哪个管|谁负责|打什么电话|打么事电话|么事电话|打哪个电话|什么电话|哪个电话|电话多少|电话是多少|几号电话',
    '多久|多长时间|几天|多少天|几多天|好久|几个月|什么时候|么时候|啥时候|几时|几点|期限',
    '要带|带什么|(?:什么|啥|么|么子|哪些)(?:材料|手续|证件|资料)|怎么交|怎么办理|怎么办|怎么领|怎么申请|怎么弄|怎么搞|么样搞|么样办',
    '拿回来|领回来|能领|能不能领|领得到|领得回|拿得回|能拿回|要回来|要得回|能退|退回|有用吗|(?:合法|违法|合理|正常|允许|准许)(?:吗|不|么|冇|没)|允不允许|准不准|让不让|合不合理|算不算|算吗|怎么算|多大|多高|多宽|多长|多少米|几米|多少平|几平|会罚吗|要罚吗|会被罚|怎么处罚|罚不罚|能不能|可以吗|可不可以|要不要|需不需要|行不行',
    '审批吗|要批吗|批得下来|许可吗|办证吗|(?:要|得|需要|能|可以)(?:申请|审批|报批)(?:吗|不|么|冇)|(?:要|办|需要)(?:什么|啥|么|么子)证',
    // a yes-or-no question of a few words, its subject left out: "还能用不", "可以摆吗", "能退么"
    '^(?:那|那么|请问)?(?:还|也|都)?(?:能|可以|会|要|行|准|让)[^，。！？,!?]{0,4}(?:不|吗|么|没有?|冇)[？?。.!！~]*$',
    '然后呢|然后怎么|然后要|接下来|下一步|之后呢|还要做什么|还要干什么|还要干嘛|还需要做什么|还要么样',
    // what the citizen must or may do, at the end: "来测的时候我要在场吗", "我需要签字不"
    '(?:我|我们)(?:明天|今天|后天|以后|下次|下回|晚上|白天|现在)?(?:也|还|就)?(?:要|需要|得|必须|能|可以|用)[^，。！？,!?]{0,6}(?:吗|不|么|冇)[？?。.!！~]*$',
    '会怎样|会怎么样|会么样|会咋样|咋办|怎么处理|如何处理',
    // whether the bureau deals with it: "这个归你们管不", "唱歌那个你们管吧", "城管管不管"
    '(?:归|是)?(?:你们|城管)(?:也|到底|都)?(?:管不管|管吗|管不|管吧|管么|管啊|管的|负责吗|负不负责)',
    // or comes to it: "这个你们会来清吗", "城管能来拆不", "这个找你们吧", "是找你们吗"
    '(?:你们|城管)(?:会|能|要|什么时候|么时候|啥时候|几时)?(?:来|过来)?(?:清|清理|处理|拆|查|收|拖|管)(?:一下|下)?(?:吗|不|么|吧|冇|没)',
    '找(?:你们|城管)(?:就行了?|就可以了?)?(?:吧|吗|么|对吧|是吧|对不对|没错吧)',
    // whether what was just told of is genuine: "这个是真的还是骗子", "真的假的", "靠不靠谱"
    ASKS_GENUINE.source,
    // a fee asked: "要交摊位费吗", "还要出保管费不", "要交几多钱管理费"
    '(?:要|得|需要|还要|还得)(?:交|给|出|付)[^，。！？,!?]{0,4}?费(?:吗|不|么|冇|没)|(?:几多|多少)钱?[^，。！？,!?]{0,3}?费',
    // whether money paid comes back: "后面赢了退不退"
    ASKS_REFUND.source,
    // whether it is ours, or we come: "这个是找派出所还是找你们", "今天能不能来收"
    `${WHOSE_MATTER}|(?:能不能|可不可以|可以|会不会)${COME_TO}|(?:能|会)${COME_TO}[^，。！？,!?]{0,3}(?:吗|不|么|冇)`,
    // a place that charges nothing: "有没有不收钱的地方"
    FREE_OF_CHARGE,
    // given back: "求求你们还给我吧"
    '还给我|还我(?:吧|啊|呀)?$',
    // who pays for a loss: "菜烂了哪个赔", "坏了谁负责"
    '(?:哪个|谁|哪家|哪个部门)(?:来)?(?:赔|负责赔|赔偿|出钱|买单|承担)',
    `${CANNOT_PAY}|拿不出`,
  ].join('|'),
  'u',
);

/**
 * The citizen's own case stated as a whole message, needing the subject as much as a question
 * does: "单子丢了" after 暂扣 (declined as a 结婚证 question), "过期了", "我在外地来不了".
 * Whole message only: "身份证丢了怎么补办" names its own subject.
 */
const OWN_STATEMENT = new RegExp(
  '^(?:我|我的|那|那个|这个|可是|但是|但|他们|城管|执法人员|执法队)?[，, ]*(?:单子|通知书|清单|收据|票据|决定书|凭证|罚单|告知单|条子)?(?:也|都|已经|早就|根本|就|都)?' +
    '(?:丢了|弄丢了|搞丢了|搞掉了|不见了|找不到了|没给(?:我)?(?:开)?单子|没开单子|没有单子|没签字|不在家|在外地|来不了|没空去|过期了|超过期限了?|超期了|过了期限|过了时间)' +
    '(?:怎么办|咋办|么样搞|么样办|怎么搞)?(?:的|了|啊|呀|哦|呢|嘛)*[。.!！~…？?]*$',
  'u',
);

/** "放阳台呢", "白天呢": a few words and 呢 — the same question about something else of the subject. */
const WHAT_ABOUT = /^[^，。！？,!?]{1,6}呢[？?。.!！~]*$/u;

/** What happens if not: "不办会怎样", "没批会怎么样", "不交有什么后果" — the previous subject's penalty. */
const CONSEQUENCE = /(?:不|没|没有|冇)[^，。,？?]{0,4}(?:会|又)?(?:怎样|怎么样|么样|咋样|有什么后果|什么后果)/u;

/** Words of the follow-up questions themselves, not a subject (domain terms that are fine in a follow-up). */
const GENERIC_TERMS = new Set(['罚款', '处罚', '投诉', '举报', '12319', '12345', '城管热线', '市民热线', '热线', '清理', '领回', '返还', '工单', '复议', '起诉', '听证', '保管费', '骗子']);

/** True when `t` has a domain term of two or more characters that is not a follow-up's own word (GENERIC_TERMS): a subject of its own. */
function namesOwnSubject(t: string, domainTerms: ReadonlySet<string>): boolean {
  return namesTerm(t, domainTerms, GENERIC_TERMS);
}

/** True when `t` holds a domain term of two or more characters, other than those in `except`. */
function namesTerm(t: string, domainTerms: ReadonlySet<string>, except: ReadonlySet<string> = new Set()): boolean {
  for (const term of domainTerms) if (!except.has(term) && [...term].length >= 2 && t.includes(term)) return true;
  return false;
}

/** True when `t` holds a domain term of two or more characters (种菜, 油烟, 占道 …). */
export function namesDomainTerm(t: string, domainTerms: ReadonlySet<string>): boolean {
  return namesTerm(t, domainTerms);
}

/**
 * True when `t` names a matter of its own for the topics whose answers hold for every subject
 * (处罚与救济): a domain term of two or more characters (罚款, 复议, 起诉 …), 处罚/不服, or leniency asked
 * ("第一次能不能不罚", "能不能从轻"). "对处罚不服怎么办" does; "要申请吗" (申请 → 复议 for the model) does not,
 * and after the shop-sign answer it is about the sign.
 */
export function namesAcrossTopicsMatter(t: string, domainTerms: ReadonlySet<string>): boolean {
  return /处罚|不服|罚单|不罚|免罚|从轻|减轻/u.test(t) || namesTerm(t, domainTerms);
}

/**
 * Where the answer just given comes from ("这是哪条法律规定的", "有依据吗", "根据什么", "谁规定的"):
 * asked of that answer, when the message names no matter of its own ("违建是哪条法律规定的" is
 * ranked as a question about illegal building).
 */
const LEGAL_BASIS = /(?:哪|哪一|什么|哪个|啥|么)(?:条|部|个)?(?:法律|法规|规定|条例|法条|条款|文件)|依据|有(?:没有|冇得?)?(?:法律)?根据|根据(?:什么|哪|啥|么)|(?:哪里|哪儿|谁|哪个)(?:规定|定)的|出处|法律上(?:怎么|是么样|咋)说/u;

/** True when a short message asks the legal basis of the answer just given (`LEGAL_BASIS`), naming no subject of its own. */
export function asksLegalBasis(t: string, domainTerms: ReadonlySet<string>): boolean {
  return followupChars(t) <= MAX_FOLLOWUP_CHARS && LEGAL_BASIS.test(t) && !namesOwnSubject(t, domainTerms);
}

/**
 * Someone else to go or do it for the citizen: "叫我儿子去帮我拿行不行", "可以找做广告的师傅帮我代办不",
 * "能不能叫屋里老人帮我代办", "我孙女可以在网上帮我留言不" — a question about the subject just
 * answered (its steps say what a proxy brings), after a clause of the citizen's circumstances
 * ("我在外地打工"). The model read 帮我 as a writing request, 老人 as a health matter.
 */
const PROXY = /(?:叫|让|找|请|托|派)[^，。！？!?]{0,8}?(?:帮我|替我|代我|帮忙)?(?:去)?(?:拿|领|取|办|代办|代领|办理|留言|交|反映|跑一趟)|(?:帮|替|代)(?:我|她|他|她们|他们|老人|家里人|我(?:妈|爸|老婆|老公|老伴|儿子|女儿|舅舅|姑姑|奶奶|爷爷))(?:去)?(?:拿|领|取|办|代办|代领|办理|留言|反映)|代办|代领|代为|代理人|委托/u;
/** Papers one brings for someone else ("要带她身份证吗"): no subject of their own in a proxy's question. */
const PROXY_PAPERS = /身份证|户口本|证件|委托书|授权书|暂扣单|收据/gu;
const PROXY_ASKS = /行不行|可以吗|可不可以|能不能|行吗|可以不|能不|[不吗么冇没][？?。.!！~]*$|没有[？?。.!！~]*$/u;
/** Longest message read as asking for a proxy (`PROXY`): the circumstance before it makes it longer than a follow-up. */
const MAX_PROXY_CHARS = 28;

/** True when a message asks whether someone else may go or do it (`PROXY`), naming no subject of its own. */
export function asksProxy(t: string, domainTerms: ReadonlySet<string>): boolean {
  return PROXY.test(t) && PROXY_ASKS.test(t) && followupChars(t) <= MAX_PROXY_CHARS && !namesOwnSubject(t.replace(PROXY_PAPERS, ''), domainTerms);
}

/**
 * When one may go and collect what was seized ("我下午要上班 能不能晚上去拿 他们几点下班", "周末能去领吗",
 * "去拿要几点之前"): asked right after the seized-goods answer, the hours and the job are when the
 * citizen is free, not a matter of their own (下班 is the hotline's word, 晚上 a noise's).
 */
const COLLECT_WHEN =
  /(?:什么时候|么时候|啥时候|几点|晚上|早上|中午|下午|周末|星期[六天日]|礼拜[六天日]|节假日|今天|明天|后天|下班后?)[^，。！？!?]{0,4}?(?:去|来|过来|过去)?(?:拿|领|取)|(?:去|来)(?:拿|领|取)[^，。！？!?]{0,4}?(?:几点|什么时候|么时候|下班|上班|开门|关门)/u;
const COLLECT_ASKS = /行不行|可以吗|可不可以|能不能|行吗|可以不|能不|几点|什么时候|么时候|啥时候|[吗么冇没][？?。.!！~]*$|[？?]/u;
/** Longest message read as asking when to collect (the citizen's hours make it longer than a follow-up). */
const MAX_COLLECT_CHARS = 28;

/** True when a short message asks when one may go and collect something (`COLLECT_WHEN`). */
export function asksWhenToCollect(t: string): boolean {
  return followupChars(t) <= MAX_COLLECT_CHARS && COLLECT_WHEN.test(t) && COLLECT_ASKS.test(t);
}

/**
 * Where to complain, the matter left unnamed: "我今年快七十了 不会用手机 想反映我门口的事 打哪个电话",
 * "想投诉个事找哪个". The hotline answer (or, right after an answer, how to report that subject).
 */
const COMPLAIN_WHERE = /(?:反映|投诉|举报)[^，。！？!?]{0,10}?(?:打哪个电话|打什么电话|打么事电话|哪个电话|什么电话|电话多少|号码多少|找谁|找哪个|找哪里|去哪里?|到哪里?)/u;
/** Longest message read as asking where to complain (`COMPLAIN_WHERE`): a clause about the citizen may come first. */
const MAX_COMPLAIN_WHERE_CHARS = 32;

/** True when a message asks where to complain (`COMPLAIN_WHERE`) and names no matter. */
export function asksWhereToComplain(t: string, domainTerms: ReadonlySet<string>): boolean {
  return COMPLAIN_WHERE.test(t) && followupChars(t) <= MAX_COMPLAIN_WHERE_CHARS && !namesOwnSubject(t, domainTerms);
}

/** The bureau itself named: "城管局在哪里", "你们单位几点上班" ask about it (the hotline answer), not about the subject. */
const BUREAU_ITSELF = /城管局|执法局|城管大队|城管中队|执法大队|执法中队|你们单位|你们局|你们办公/u;

/** True when the message asks about the bureau itself (`BUREAU_ITSELF`); "城管局会罚吗" is still the subject's fine. */
export function asksAboutBureau(t: string): boolean {
  return BUREAU_ITSELF.test(t) && !ASKS_FINE.test(t);
}

/**
 * A matter named with no question about it: the words around it only say there is one
 * ("我想问下违建的事", "咨询一下占道经营", "关于共享单车的问题", "油烟的事想问一下").
 */
const ABOUT_MATTER = [
  /^(?:你好|您好)?[，, ]*(?:请问|我|我们)?(?:想|要)?(?:问|咨询|了解|请教)(?:一下|下|问)?(?:关于)?(.{2,8}?)(?:的|方面的?|相关的?)?(?:事|事情|问题|规定|政策|情况)?[。.!！?？~]*$/u,
  /^(?:你好|您好)?[，, ]*(?:请问|我想问|想问)?(?:一下|下)?关于(.{2,8}?)(?:的|方面的?|相关的?)?(?:事|事情|问题|规定|政策)[。.!！?？~]*$/u,
  /^(?:你好|您好)?[，, ]*请问(?:一下|下)?(.{2,8}?)(?:的|方面的?)(?:事|事情|问题)[。.!！?？~]*$/u,
  /^(?:你好|您好)?[，, ]*(.{2,8}?)(?:的|方面的?)(?:事|事情|问题)(?:想问一下|想问下|问一下|咨询一下)[。.!！?？~]*$/u,
];

/** The matter of a message that only names one (`ABOUT_MATTER`): its words, or undefined. */
export function vagueMatter(t: string): string | undefined {
  const text = t.trim();
  if (followupChars(text) > MAX_FOLLOWUP_CHARS) return undefined;
  for (const re of ABOUT_MATTER) {
    const m = re.exec(text);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** A clause that only says what the matter is not ("这些都是汽车，不是电动车和单车", "这个不是违建举报"). */
const DENIAL_CLAUSE = /^(?:这|这个|这些|那|那个|那些|它|它们|他们|我们|我)?(?:都|也|并|可|真的)?(?:不是|并不是|并非|不属于|不算|不涉及)[^，,。！？!?；;]*$/u;
const CLAUSE = /[^，,。！？!?；;\n]+[，,。！？!?；;\n]*/gu;

/**
 * The text without the clauses that only say what the matter is not: their terms are not its
 * matter (a letter about a fire lane saying "不是电动车和单车" is not about parking bikes). A clause
 * that asks ("不是说可以摆吗") is kept; so is a text that is nothing else.
 */
export function withoutDenials(text: string): string {
  const clauses = text.match(CLAUSE);
  if (!clauses || clauses.length < 2) return text;
  // "开始以为是倒建筑垃圾…后来才知道是化工废液": what was first believed, corrected later, is a denial too.
  const corrected = CORRECTED_BELIEF.test(text);
  const denies = (c: string): boolean => {
    const bare = c.replace(/[，,。！？!?；;\n]+$/u, '').trim();
    return DENIAL_CLAUSE.test(bare) || (corrected && MISTAKEN_BELIEF.test(bare));
  };
  const kept = clauses.filter((c) => !denies(c) || /[?？]|吗|呢/u.test(c));
  if (kept.length === clauses.length || kept.length === 0) return text;
  return kept.join('');
}

/** A belief the letter corrects later ("我还以为是哪家烧烤店的油烟", then "后来才晓得是对面厂里的烟囱"). */
const MISTAKEN_BELIEF = /^(?:我|我们|大家)?(?:开始|一开始|起初|本来|原来|刚开始)?(?:还|都|一直)?以为/u;
const CORRECTED_BELIEF = /后来才|才发现|才知道|才晓得|原来是|其实是|结果是|没想到是/u;

/** What the citizen says they only want to ask ("…我只想问缺斤少两找谁"): the words after it. */
const STATED_FOCUS = /(?:我|我们)?(?:只|就|主要|只是)(?:想|是想|是)(?:问|问问|问一下|咨询|咨询一下|反映|了解)(?:一下)?[，, ：:]*([^。！？!?；;\n]{4,})/u;

/**
 * The text the model ranks: without a greeting to the bureau before it (`withoutSalutation`) and
 * its denials (`withoutDenials`), and, when the citizen says
 * what they only want to ask, that question alone ("…占着人行道摆摊 我只想问缺斤少两找谁" is
 * about 缺斤少两, not the stall).
 */
export function rankedText(text: string): string {
  const focus = STATED_FOCUS.exec(text)?.[1]?.trim();
  return focus ?? withoutDenials(withoutSalutation(text));
}

/**
 * The bureau greeted before the matter ("城管局你好 小区里有人搭鸽子棚", "城管你好，楼下有人摆摊"):
 * the greeting names the bureau, which the model reads as a question about its lines (the
 * hotline first among the choices); the matter is what follows it.
 */
const SALUTATION = /^(?:新洲区?)?(?:城管局?|城管部门|城管执法局|执法局|城管执法大队)的?(?:领导|同志|工作人员)?(?:你们?好|您好)[，,。.！!、~ ]*/u;

/** The text without a greeting to the bureau before it (`SALUTATION`), when a matter follows. */
function withoutSalutation(text: string): string {
  const rest = text.replace(SALUTATION, '');
  return rest !== text && followupChars(rest) >= 4 ? rest : text;
}

/** The citizen saying the answer just given was not what they asked ("不是这个", "不对 我是问要不要审批"). */
const CORRECTION = /^(?:不是这个|不是这样的?|不对|错了|你说错了|你理解错了|理解错了|不是这个意思|我不是问这个|我问的不是这个|不是我问的|不是我要问的|不是我想问的)(?:啊|哦|呀|吧|的)?(?:[，,。.!！~ ]+(.*))?$/u;

/** A slip owned up to before the correction: "哦 说错了", "搞错了" (`OWNED_SLIP`), or maybe one (`SLIP`). */
const INTERJECTION = '(?:(?:哦|噢|啊|唉|哎)[，,、 ]*)?';
const SLIP_WORDS = '(?:说错了|搞错了|打错了|弄错了|讲错了)';
const OWNED_SLIP = `${INTERJECTION}${SLIP_WORDS}[，,、 ]*`;
const SLIP = `${INTERJECTION}${SLIP_WORDS}?[，,、 ]*`;
/**
 * "Not X, but Y": what the citizen meant instead, after the answer just given. Y is the question;
 * X is at most 14 characters with no break in it. Only with a frame that says the bot or the
 * citizen got it wrong — "不是我家的 是隔壁的" is a detail, not a correction:
 * - what was asked or said: "我问的不是罚不罚款 是车子么样拿回来", "我不是说他占道 我说的是他那个油锅的烟";
 * - "不是" alone, then what was said: "不是 我说的是楼下烧烤的油烟";
 * - a slip owned up to: "说错了 不是砍 就是修一下枝子".
 */
const SAID = '(?:说的|问的|要问的|想问的|讲的|反映的)';
const BUT_IS = `[，,。 ]+(?:我|我们)?${SAID}?(?:是|就是)[，,：: ]*(.{2,})$`;
const NOT_BUT: readonly RegExp[] = [
  new RegExp(`^${SLIP}(?:我|我们)?${SAID}(?:不是|并不是)[^，,。！？!?]{0,14}?${BUT_IS}`, 'u'),
  new RegExp(`^${SLIP}(?:我|我们)?(?:不是|并不是)(?:说|问)[^，,。！？!?]{0,14}?${BUT_IS}`, 'u'),
  new RegExp(`^${SLIP}(?:不是|并不是)[，, ]+(?:我|我们)?${SAID}(?:是|就是)[，,：: ]*(.{2,})$`, 'u'),
  new RegExp(`^${OWNED_SLIP}(?:不是|并不是)[^，,。！？!?]{0,14}?${BUT_IS}`, 'u'),
];
/** "搞错了 是电动车不是汽车": Y named first after the slip; what follows 不是 is dropped. */
const SLIP_THEN_RIGHT = new RegExp(`^${OWNED_SLIP}(?:是|应该是|其实是)(.{2,}?)(?:[，, ]*(?:不是|而不是|并不是).*)?$`, 'u');
/**
 * What was asked named first, then what was not: "我是问东西在哪里 不是问罚款", "搞错了 我想问的是充电宝
 * 不是电池 用坏了的那种" — Y is the question, what follows 不是 is dropped. Without a slip owned up to,
 * only with the 不是 part ("我是问要不要办证" alone is a question like any other).
 */
const ASKED_AS = '(?:我|我们)?(?:是问|是说|是想问|问的是|说的是|想问的是|要问的是)[，,：: ]*';
const ASKED_THEN_NOT: readonly RegExp[] = [
  new RegExp(`^${SLIP}${ASKED_AS}(.{2,}?)[，, ]+(?:不是|而不是|并不是)(?:问|说)?.*$`, 'u'),
  new RegExp(`^${OWNED_SLIP}${ASKED_AS}(.{2,}?)(?:[，, ]+(?:不是|而不是|并不是).*)?$`, 'u'),
];
/**
 * The matter just answered set aside, then the question: "算了那个不管 我秤么时候能拿回来" — what follows
 * is read without holding to that answer (an earlier subject it names is gone back to).
 */
const SET_ASIDE = /^(?:算了|好吧|好|那|行)?[，,、 ]*(?:那个|这个|那件事|这件事|那事|这事|它)?(?:先|就|暂时)?(?:不管了?|不说了|不提了|放一边|先放着|不问了)[，,。 ]+(.{2,})$/u;
/**
 * Going back to a matter asked before, or saying which one: "还是说回那个棚子 举报了多久会来拆",
 * "那回到刚才的 停车那个事 超市自己不管吗", "算了 就说晒被子的事 这个到底罚不罚". What follows is the
 * question; it names its own matter (a message that names none is a follow-up of the last answer).
 */
const BACK_TO = /^(?:算了|好吧|好|那|那么|哦)?[，,、 ]*(?:还是|那|再|我们)?(?:说回|回到|讲回|问回|绕回|就说|只说|单说)(?:到)?(?:刚才|之前|前面|上面|开始)?(?:的|那个|说的|问的)?[，,、 ]*(.{2,})$/u;

/**
 * A subject named as one already talked about: "那个唱歌的事呢", "那几个罐子的事你们会派人去查吧",
 * "停车那个事". With the frame of going back (`BACK_TO`), what follows it; a subject named first and then
 * asked about (`NAMED_FIRST`), the name.
 */
const REFERS_BACK = /(?:那个|那些|那几个|那两个|那件|那)[^，,。！？!?]{1,8}?(?:的事|的事情|那个事|那件事|那回事)|^[^，,。！？!?]{1,8}?(?:那个事|那件事)/u;
/** A subject named first, then what is asked of it: "水果摊那个 你们下午能来吗", "横幅的事你们么时候来弄" — the name. */
const NAMED_FIRST = /^([^，,。！？!?\s]{1,6}?)(?:那个|的事)(?:[\s，,]|(?=你们|有人|怎么|么样|到底|还|呢))/u;

/** The words to place among the subjects talked about before, when the message goes back to one (`REFERS_BACK`, `BACK_TO`); else undefined. */
export function referredBack(t: string): string | undefined {
  const text = t.trim();
  const back = BACK_TO.exec(text)?.[1]?.trim();
  if (back) return back;
  if (REFERS_BACK.test(text)) return text;
  return NAMED_FIRST.exec(text)?.[1];
}

/** A correction of the answer just given, or a return to an earlier matter: what follows it ('' when nothing), or undefined. */
export function correctionOf(t: string): string | undefined {
  const text = t.trim();
  const first = (rs: readonly RegExp[]): RegExpExecArray | null => rs.reduce<RegExpExecArray | null>((found, r) => found ?? r.exec(text), null);
  const m = CORRECTION.exec(text) ?? first(NOT_BUT) ?? SLIP_THEN_RIGHT.exec(text) ?? first(ASKED_THEN_NOT) ?? BACK_TO.exec(text) ?? SET_ASIDE.exec(text);
  return m ? (m[1] ?? '').trim() : undefined;
}

/** "你们" said to the bot is the bureau; with how to reach it: where, when, which number. */
const BUREAU_YOU = /^(?:请问|那|那么|问一下)?你们(?!小区|家)/u;
const REACH = /在哪|哪里|地址|地点|位置|怎么去|电话|号码|几点|上班|下班|办公时间|联系/u;
/** How to get hold of "you", said last: "怎么联系你们", "去哪里找你们" (the bot is the bureau's). */
const REACH_YOU = /(?:怎么|如何|怎样|咋|么样|到哪|去哪|在哪)(?:里|儿)?(?:才能|可以|能)?(?:联系|联系上|找到?|找得到)你们/u;

/**
 * Longest message read as asking how to reach the bureau: "请问一下新洲区城管执法局在哪个位置" (17
 * characters) was declined when the follow-up limit (16) applied.
 */
const MAX_REACH_CHARS = 24;

/**
 * Whether a phone line is answered: "晚上打有人接不", "周末打得通吗", "一直占线". With no other body's
 * line named (`OTHER_LINE`: "打燃气公司电话一直占线" is the gas company's), the bureau's lines are
 * meant: the hotline answer (12345 answers day and night). It was declined as another matter.
 */
const LINE_ANSWERED = /有(?:冇得?|没有?)?人接|接不接|打得通|打不通|能(?:不能)?打通|打通了?(?:吗|冇|没)|占线/u;
const OTHER_LINE = /公司|物业|交警|派出所|医院|银行|客服|110|120|119|社区|居委会|村委会|街道办/u;
/** The bureau's own lines by what they are for: "投诉电话", "监督电话是多少", "举报热线". */
const BUREAU_LINE = /(?:投诉|监督|举报)(?:电话|热线)/u;
/** Longest message read as asking for the bureau's line or whether a line is answered. */
const MAX_LINE_CHARS = 16;

/**
 * "你们办公地点在哪", "你们单位电话多少", "你们几点上班", "城管局地址", "新洲区城管执法局在哪个位置",
 * "怎么联系城管": how to reach the bureau (the hotline answer, which names the bureau's own office
 * too). Short messages only: a letter that names 城管局 is about its matter; nor when a matter
 * is named beside a plain 城管 (`domainTerms`: "城管上班时间能来处理噪音吗").
 */
export function asksHowToReachBureau(t: string, domainTerms: ReadonlySet<string> = new Set()): boolean {
  const text = t.trim();
  if ([...text].length > MAX_REACH_CHARS || ASKS_FINE.test(text)) return false;
  if (((BUREAU_ITSELF.test(text) || BUREAU_YOU.test(text)) && REACH.test(text)) || REACH_YOU.test(text)) return true;
  // The bureau's complaint or supervision line ("我要投诉，你们监督电话是多少"), or whether the line is answered
  // ("晚上打有人接不", "周末打得通吗"), naming no matter and no other body's line.
  if ([...text].length <= MAX_LINE_CHARS && (BUREAU_LINE.test(text) || LINE_ANSWERED.test(text)) && !OTHER_LINE.test(text) && !namesTerm(text, domainTerms, GENERIC_TERMS)) return true;
  // 城管 alone with a number, an office or hours, and no matter named: "怎么联系城管",
  // "晚上打哪个电话能找到城管", "城管在哪里办公" (where alone is a matter's: "被城管扣的车在哪里领").
  return /城管/u.test(text) && REACH_BY_NAME.test(text) && !namesTerm(text.replaceAll('城管', ''), domainTerms, GENERIC_TERMS);
}

/**
 * Where to send photos or a video of a problem ("手机上有没有地方可以直接拍照发给你们", "拍的视频发到
 * 哪里"): the channels (the hotline answer). Short, with no matter named; right after a report the
 * same words add to it (brain.ts reportDetailStep), so the brain asks this only without one.
 */
const SEND_EVIDENCE = /(?:照片|相片|视频|录像|录音|拍照|拍的|拍了)[^，。！？,!?]{0,8}(?:发给|发到|传给|传到|交给|寄给|上传)(?:你们|哪|谁|什么)|(?:拍照|照片|视频)(?:发|传)给你们/u;

/** True when a short message asks where to send photos or a video (`SEND_EVIDENCE`) and names no matter. */
export function asksWhereToSendEvidence(t: string, domainTerms: ReadonlySet<string> = new Set()): boolean {
  const text = t.trim();
  return [...text].length <= MAX_REACH_CHARS && SEND_EVIDENCE.test(text) && !namesTerm(text, domainTerms, GENERIC_TERMS);
}

/** How to reach the bureau when it is named only as 城管: a number, an office, its hours. */
const REACH_BY_NAME = /电话|号码|联系|办公|地址|上班|下班|几点/u;

/** True when `normalized` reads as a follow-up: short, leaning on before, and naming no subject of its own. */
export function looksLikeFollowup(normalized: string, domainTerms: ReadonlySet<string>): boolean {
  const t = normalized.trim();
  if (t === '' || followupChars(t) > MAX_FOLLOWUP_CHARS) return false;
  if (asksAboutBureau(t)) return false;
  if (!OPENER.test(t) && !ASKS.test(t) && !ASKS_FINE.test(t) && !CONSEQUENCE.test(t) && !OWN_STATEMENT.test(t) && !WHAT_ABOUT.test(t)) return false;
  // The other body in "找派出所还是找你们" is the question, not a subject of the message's own.
  return !namesOwnSubject(t.replace(ASKS_OURS, ''), domainTerms);
}

/**
 * The words of a question about the steps of some matter, and nothing else: what to bring, where
 * to go, how long, whether in person, online or at the weekend, whether it costs — "要带什么材料",
 * "需要什么手续", "要去哪里办", "要多长时间", "要本人去吗", "可以网上办吗", "有没有期限", "要交钱吗".
 * Such a message means nothing without the matter it is about. Words that name a matter of their own
 * are not in it: 拿回来 / 领 (seized goods), 上班 (the bureau's hours), 罚 (ASKS_FINE).
 */
const PROCEDURE_WORD = [
  '请问|问一下|问下|想问|我想|我们|我|那|还|也|就|都|一般|大概|具体',
  '需不需要|要不要|可不可以|能不能|有没有|需要|要|得|应该|必须|可以|能|用|没有|有',
  '带上|带|准备|提供|交|办理|办|弄|去|到|在|跑',
  '哪里|哪儿|哪个地方|什么地方|哪|什么|哪些|啥|么子|么',
  '材料|手续|证件|资料|东西|流程|程序',
  '多久|多长时间|长时间|时间|几天|多少天|期限|本人|亲自|网上|线上|周末|节假日|钱|多少',
  '吗|不|呢|啊|呀|的|了|吧|些|一下|下|个',
].join('|');
const PROCEDURE_ONLY = new RegExp(`^(?:${PROCEDURE_WORD})+$`, 'u');

/** The question in such a message (a statement of the same words, "我在办", asks nothing). */
const PROCEDURE_ASKS = /什么|哪|啥|么|多久|多长|多少|几天|吗|呢|有没有|要不要|需不需要|能不能|可不可以|[^不]不$/u;

/**
 * The words of a noise complaint and nothing else: when, "still" or "also", how bad — "晚上还很吵",
 * "还很吵", "晚上也很吵", "吵得睡不着", "而且噪音很大". Right after an answer on another matter it
 * is that subject's noise (brain.ts `addedNoiseReply`): the barbecue stall's diners, the building works at night.
 * A source of its own (装修, 广场舞, 喇叭, 工地) is no word of it, so "隔壁装修也很吵" is read by its words.
 */
const NOISE_ONLY_WORD = [
  '晚上|夜里|夜间|半夜|深夜|凌晨|早上|一早|大清早|白天|中午|天天|每天|每晚|一直|整晚|整夜|通宵|到半夜|到凌晨',
  '而且|另外|并且|同时|还有|还|也|又|更|就是|都|在',
  '他们|他|她|它|那边|这边|那里|这里',
  '很|太|好|蛮|特别|非常|超级|超|真的|真|实在|有点|几|得|死了|要命|不得了|受不了|厉害',
  '吵闹|吵死|吵|闹|噪音|噪声|声音|响|喧哗|大|睡不着觉|睡不着|没法睡|冇法睡|睡不好|不能睡|休息不好',
  '了|的|啊|呀|哦|吧|嘛|哈|咯|呢',
].join('|');
const NOISE_ONLY = new RegExp(`^(?:${NOISE_ONLY_WORD})+$`, 'u');
/** The complaint itself: a word of noise, not only "also" and "at night". */
const NOISE_CORE = /吵|闹|噪音|噪声|声音|响|喧哗|睡不/u;

/** True when a short message says only that there is noise too (`NOISE_ONLY`). */
export function addsOnlyNoise(normalized: string): boolean {
  const t = normalized.replace(/[\s\p{P}]/gu, '');
  return t !== '' && followupChars(t) <= MAX_FOLLOWUP_CHARS && NOISE_CORE.test(t) && NOISE_ONLY.test(t);
}

/**
 * The noise answer for the subject just answered, when the citizen adds that it is loud too: a
 * building being put up is building work (night work's rules); a barbecue stall's, a restaurant's,
 * a night market's or tables out on the pavement is a place of eating and entertainment (its
 * manager's duty); a shop's sign or promotion is a loudspeaker's; anything else — muck trucks on
 * the road among them, whose noise is the traffic police's — how to report noise, which says who
 * deals with which.
 */
const NOISE_OF_SUBJECT: Readonly<Record<string, string>> = {
  illegal_construction: 'noise.night_construction',
  fumes_bbq: 'noise.entertainment',
  street_vending: 'noise.entertainment',
  outdoor_ads: 'noise.shop_speaker',
};
export const GENERAL_NOISE_INTENT = 'noise.report';

export function noiseOfSubject(topic: string): string {
  return NOISE_OF_SUBJECT[topic] ?? GENERAL_NOISE_INTENT;
}

/**
 * Compensation asked, in a few words: "我要赔偿", "能要求赔偿吗", "谁来赔", "有没有补偿". Right after
 * the citizen told of the bureau acting on them (`BUREAU_ACTED`: goods seized, a sign or a building
 * pulled down) it is compensation from the bureau (brain.ts `compensationFollowup`); 赔偿 alone was read as
 * a labour matter (work-injury compensation) and declined.
 */
const ASKS_COMPENSATION = /赔偿|索赔|赔(?:钱|我|不赔|吗|么|不)|谁(?:来)?赔|补偿/u;
/** The bureau acting on the citizen, in the question that named the subject. */
const BUREAU_ACTED = /(?:城管|执法)[^。！？!?]{0,10}?(?:拆|扣|收|拖|没收|罚|砸|搬)|被(?:强拆|拆|扣|收|拖|没收|罚|砸)|强拆/u;

/** True when a short message asks for compensation (`ASKS_COMPENSATION`) and the previous question told of the bureau acting on the citizen (`BUREAU_ACTED`). */
export function asksCompensationFromBureau(normalized: string, previousQuestion: string | undefined): boolean {
  return previousQuestion !== undefined && followupChars(normalized) <= MAX_FOLLOWUP_CHARS && ASKS_COMPENSATION.test(normalized) && BUREAU_ACTED.test(previousQuestion);
}

/**
 * The answer that says when the bureau makes good a loss, for the subject just answered: goods
 * seized (a stall's goods, a towed e-bike) — the seized goods' answer on damage (行政强制法 第二十六条);
 * a building pulled down — the demolition answer (第八条); anything else — the rights against
 * officers' acts, among them compensation for unlawful enforcement (行政处罚法 第八十一条).
 */
const COMPENSATION_OF_SUBJECT: Readonly<Record<string, string>> = {
  seized_items: 'seized_items.list',
  parking: 'seized_items.list',
  street_vending: 'seized_items.list',
  illegal_construction: 'illegal_construction.demolition',
};
export const GENERAL_COMPENSATION_INTENT = 'enforcement_conduct.complain';

export function compensationOfSubject(topic: string): string {
  return COMPENSATION_OF_SUBJECT[topic] ?? GENERAL_COMPENSATION_INTENT;
}

/** True when a short message is nothing but a question about the steps of an unnamed matter (`PROCEDURE_ONLY`). */
export function asksOnlyProcedure(normalized: string): boolean {
  const t = normalized.replace(/[\s\p{P}]/gu, '');
  return t !== '' && followupChars(t) <= MAX_FOLLOWUP_CHARS && PROCEDURE_ASKS.test(t) && PROCEDURE_ONLY.test(t);
}

/**
 * A follow-up that plainly leans on what came before: it opens with 那/还有/如果… or asks
 * about the fine ("罚多少钱"), with no subject of its own, or is only a question about the
 * steps ("要带什么材料", `asksOnlyProcedure`), or asks where the answer comes from
 * ("这是哪条法律规定的"), or whether someone else may go ("叫我儿子去帮我拿行不行"). ("结婚证补办去哪里" asks
 * too, but about its own subject.)
 */
export function leansOnPrevious(normalized: string, domainTerms: ReadonlySet<string>): boolean {
  const t = normalized.trim();
  return (looksLikeFollowup(t, domainTerms) && (OPENER.test(t) || ASKS_FINE.test(t))) || asksOnlyProcedure(t) || asksLegalBasis(t, domainTerms) || asksProxy(t, domainTerms);
}

/** Others a citizen has asked in vain before the bureau, named in a detail ("物业不管"). */
const OTHER_PARTIES = '物业公司|物业|居委会|社区|街道|业委会|房东|开发商|派出所|他们|老板|店主|店家|商家|工地|施工方|那家店|那个店';
const ANY_OTHER_PARTY = new RegExp(OTHER_PARTIES, 'gu');

/** Details that are about reporting it: evidence and where to send it, that no one (else) deals with it, how officers behaved. */
const REPORTING_CLAUSE = [
  // evidence, and where to send it
  '(?:已经)?(?:拍了|拍过|拍下了?|录了|录过|录下了?|截了|有|留了|保存了)(?:些|几张|一段|好多)?(?:照片|相片|图片|视频|录像|录音|截图|证据)',
  '(?:已经|都)?(?:录了音|录了像|拍了照|照了相|拍下来了?|录下来了?|截了图)',
  '(?:车牌|车牌号|门牌|门牌号|店名|地址|位置)(?:码)?(?:我)?(?:已经|都)?(?:记下来了?|记下了?|记了|抄了|拍了|拍下来了?|知道)',
  // "拍的视频发到哪里": what was taken, named by its taking
  '(?:(?:拍|录|截)(?:好|下)?的)?(?:照片|相片|图片|视频|录像|录音|截图|证据)?(?:要|可以|能|怎么|么样|如何)?(?:发给|交给|寄给|传给|给)(?:谁|哪个部门|哪个|你们|你)(?:可以吗|行吗|行不行|可不可以|好吗)?',
  '(?:(?:拍|录|截)(?:好|下)?的)?(?:照片|相片|图片|视频|录像|录音|截图|证据)?(?:要|可以|能)?(?:发|交|传|寄)(?:到)?(?:哪里|哪儿|哪|在哪)',
  '(?:(?:拍|录|截)(?:好|下)?的)?(?:照片|相片|图片|视频|录像|录音|截图|证据)(?:怎么|么样|如何)(?:发|交|传|给)',
  // no one deals with it
  '(?:一直|都|还是|从来|根本|就是)?(?:没人管|没有人管|冇得?人管|无人管|没得人管|没人处理|没人来|不来管|不管)',
  // someone else will not deal with it ("物业不管", "居委会也不管"): a reason to report it to the bureau
  `(?:${OTHER_PARTIES})(?:也|都|根本|从来|就是|还是)?(?:不管|不理|不听|不处理|没人管|管不了|不愿意管|推给我们|说不归他们管|让我们找城管)`,
  // asking the bureau to come ("城管什么时候来", "能不能快点", "快点派人来处理"): the bot sends no one
  '(?:城管|你们|执法人员|执法队员|有人|人)?(?:什么时候|么时候|啥时候|几时|哪天)(?:能|会|才|可以)?(?:来|过来|派人来?|来人|来管|来处理|来看)(?:一下)?(?:吗)?',
  '(?:能不能|可不可以|可以|麻烦|请|求求你们|求你们)?(?:你们|城管)?(?:快点|快些|尽快|马上|赶紧|早点)(?:派人)?(?:(?:来|过来)(?:处理|管管|管一下|看看|看一下)?)?(?:吗|不)?',
  '(?:能不能|可不可以|麻烦|请)?(?:你们|城管)?(?:派人|派个人|来个人)(?:来|过来)?(?:处理|管管|看看|看一下)?(?:吗|不)?',
  // whom the citizen has called already ("打了110 派出所说找你们": what they said is a circumstance below)
  '(?:也|已经|都)?(?:打了?|拨了?|报了?)(?:110|12345|12319|热线|电话|警)(?:电话)?',
  '(?:也|已经|都)?(?:打了?|拨了?)[^，。！？,!? ]{1,6}的电话',
  // what they said they would do, and that no one came ("说会来挪 结果冇人来")
  '(?:他们|对方|那边)?说(?:会|要|马上)?(?:来|派人)[^，。！？,!? ]{0,4}',
  '(?:结果|可是|但是?|到现在)?(?:还是|一直|都)?(?:冇得?人|没得人|没有?人)(?:来|管|理)(?:过)?',
  // what the citizen saw of who did it, or missed ("车牌号冇看清 是黄颜色的大车 往那个 汪集方向开的"), and its name
  // ("店名叫么斯 叫个刘记土菜馆"), as a report needs them
  '(?:车牌|车牌号|门牌|门牌号|编号|工号)(?:码)?(?:我)?(?:冇|没|没有|冇得)(?:看清楚?|看到|看见|记住|记下|拍到)',
  '是?(?:黄|白|红|蓝|绿|黑|灰)(?:颜色|色)的[^，。！？,!? ]{0,4}(?:车|大车|货车|卡车|三轮车?)',
  '往(?:那个|那边)?[ ，,]*[^，。！？,!? ]{1,8}方向(?:开|走|跑)(?:的|了|去了|过去了)?',
  '店名(?:叫|是)(?:么斯|么事|什么|啥)?',
  '叫(?:个|做)?[^，。！？,!? ]{2,8}(?:店|馆|菜馆|餐馆|饭店|酒楼|酒店|超市|公司|厂)',
  // where, by the street or a landmark ("在新洲大街上", "在阳逻平江路那边"), or by the place's name
  // ("位置在齐安大道和新洲大街路口往东一百米左右", "叫什么府的在建楼盘")
  '在[^，。！？,!? ]{2,10}(?:(?:街|路|大道|巷|小区|村|镇|广场|市场)(?:上|里|边|口)?|那边|这边|附近|旁边|对面)',
  '(?:位置|地点|地方|具体位置)(?:在|是)[^，。！？,!? ]{2,24}',
  '叫(?:什么|么斯|啥)?[^，。！？,!? ]{0,6}的?(?:楼盘|小区|工地|花园|广场|市场)',
  // how big ("发光字的 大概三米长 一米高", "就几个平方", "二三十公分")
  '(?:大概|大约|差不多|就|才|有)?(?:[0-9０-９一二三四五六七八九十两几半百]+)(?:多)?(?:个)?(?:米|公分|厘米|平方|平米|层|楼)(?:长|高|宽|深|多|左右)?',
  // what it has done already ("已经有个骑电瓶车的摔了")
  '(?:已经|都)?有(?:个|人|好几个人|几个人)[^，。！？,!? ]{0,8}(?:摔了|摔倒了|受伤了|出事了|滑倒了|被砸了|被撞了)',
  // told them again and again, and they are back ("说了好几次了 他们摆回去第二天又拿出来")
  '(?:说了|讲了|劝了)(?:好几次|几次|多次|无数次|好多次|n次|N次)',
  '(?:他们|他)?(?:摆|搬|收|拿)回去(?:了)?',
  '(?:第二天|过两天|没两天|转身|一转身|一走)(?:就)?又(?:摆|拿|搬|放|开|出|摆出来|拿出来|搬出来)(?:回来|出来|上)?(?:了)?',
  // the evidence shows who ("车牌号都看得到")
  '(?:车牌|车牌号|脸|人|店名|门牌)(?:都|也)?(?:看得到|看得清|拍到了|拍得到|拍清楚了|拍得清楚)',
  // asking the bureau to come and deal with it ("能不能你们来清")
  '(?:能不能|可不可以|麻烦|请)?(?:你们|城管)(?:来|过来)(?:清|清理|处理|管|看)(?:一下|下)?(?:吗|不)?',
  // whether anyone will deal with it ("你们到底管不管", "到底有没有人管")
  '(?:你们|城管)?(?:到底|究竟|还)?(?:管不管|管不了|能不能管|有没有人管|有冇得人管)(?:啊|呀|嘛)?',
  // how officers treated the citizen, added to a complaint about them ("还推了我")
  '(?:还|又|而且|并且|当时)?(?:动手|推|打|骂|踢|抢|砸|掀|吼|凶|拽|扯)(?:了)?(?:我|人|我们|我老婆|我老公|我妈|我爸)(?:一下|几下|一把)?',
].join('|');

/** Details of the circumstances: when, how long, where, what it does to the citizen. */
const CIRCUMSTANCE_CLAUSE = [
  // when, how often, how long
  '(?:晚上|夜里|夜间|半夜|深夜|凌晨|早上|早晨|白天|中午|下午|周末|节假日|天天|每天|每晚|一直|经常|总是|平时)(?:[0-9０-９一二三四五六七八九十两]+点(?:多|半|钟)?(?:以后|之后|过后)?)?(?:也|都|还|更|最)?(?:有|在|是|这样|那样|吵|闹|来|出来|出摊|摆|开工|施工|放|冒烟|厉害|严重|多)[^，。！？,!? 吗么]{0,4}',
  '(?:已经|都|快|差不多|前后)?(?:有|持续|搞了|闹了|吵了|弄了)?(?:好几|好多|很多|蛮多|好|几|十几|一两|两三|[0-9０-９一二三四五六七八九十两半]+)(?:个)?(?:天|日|周|星期|礼拜|月|年)(?:多)?了',
  '(?:已经|都)?(?:好长时间|很长时间|很久|好久|蛮久|老久|几年|多年)了',
  // what it does to the citizen ("熏得我屋里都是味", "吵得孩子睡不着", "影响休息")
  '(?:熏得|吵得|臭得|呛得|闹得|搞得|弄得|震得|堵得)[^，。！？,!?]{1,10}',
  '(?:严重)?影响(?:到)?(?:我们|我|大家|老人|孩子|小孩|周边|居民)?(?:的)?(?:休息|睡觉|睡眠|生活|出行|通行|学习|做生意|开窗)',
  // how the citizen feels about it ("天天这样 烦死了", "实在受不了了", "一听那个咚咚咚的就难受", "蛮危险")
  '(?:真的|实在|简直|快|都快|要|蛮|好|太|很)?(?:烦死|气死|吵死|臭死|熏死|烦得很|受不了|忍不了|崩溃|头疼|头痛|难受|没法过|没法活|过分|危险)(?:了|得很)?(?:人)?',
  '一(?:听|闻|看)[^，。！？,!? ]{0,8}就(?:难受|头疼|头痛|心慌|睡不着|烦)',
  // who suffers it ("我家老人腿脚不好", "家里有高考的伢", "我老公残疾", "我妈一个人在屋里", "也不敢开门")
  '(?:我家|我们家|家里|屋里|我屋里)?(?:的)?(?:老人|老的|老人家|伢|伢们|孩子|小孩|小伢|娃|老婆|老公|我妈|我爸|老母亲|老父亲|我)?(?:也|都|还|又)?(?:身体不好|腿脚不好|腿脚不方便|心脏不好|心脏不舒服|有心脏病|高血压|残疾|生病|住院|怀孕了?|在?坐月子|要高考|要中考|要考试|上夜班|是夜班|睡眠不好|一个人在(?:屋里|家)|不敢开门|不敢出门)',
  // what they live on ("一家人就靠这个摊子过日子")
  '(?:一家人|全家|一家|我们)(?:都|就|全)?靠[^，。！？,!? ]{1,8}(?:过日子|生活|吃饭|养家|糊口)',
  // who is at home ("家里有高考的伢", "屋里有老人")
  '(?:家里|屋里|我家)?有(?:要)?(?:高考|中考|考试)的(?:伢|孩子|小孩|学生)|(?:家里|屋里|我家)有(?:老人|病人|孕妇|小孩|小伢|婴儿|坐月子的)',
  // what it makes them do ("每天要绕到马路上走")
  '(?:每天|天天|只能|只好)?(?:要)?绕(?:到|着|路|道)[^，。！？,!? ]{0,8}',
  // what those reported do when officers come ("城管来了他们就跑 走了又回来")
  '(?:城管|你们|执法的)来了?(?:他们|他)?就(?:跑|收|走|躲)(?:了)?',
  '(?:走了|跑了|收了)(?:就)?又(?:回来|来了|摆|出来)(?:了)?',
  // what the citizen fears and where they live ("我怕他报复 我就住他对门")
  '(?:我)?(?:怕|担心)(?:他|他们|对方|被)?(?:报复|打击报复|找麻烦|知道是我)',
  '(?:我)?(?:就)?住(?:在)?(?:他|他们|他家|对方)?(?:家)?(?:对门|隔壁|楼上|楼下|旁边|对面)',
  // it has started again, the same ones again ("还是那家 上次说了两天又开始了", "今天又在放", "还是上回那几家")
  '(?:今天|今晚|昨天|昨晚|前天|这两天|最近|现在|上次|上回)?(?:说了|管了|停了|好了)?[^，。！？,!? 吗么]{0,3}(?:又|还在|又在|照样|继续)(?:开始|来|在|放|摆|吵|开|干|搞|施工|冒烟|出来|出摊)(?:了)?',
  '还是(?:那家|那个|那几家|那些|那帮|他们|老地方|上回那几家|上次那家|上回那家|上回那个|上次那个)',
  // from when, the worst hours ("一到晚上八点就开始", "每天早上七点到九点最狠", "早上七点到九点最挤")
  '一到(?:晚上|早上|中午|下午|周末|半夜|天黑)[^，。！？,!? 吗么]{0,6}(?:就)?(?:开始|来|吵|放|摆|出来|冒烟)',
  '(?:每天|天天)?(?:早上|晚上|中午|下午|凌晨)?[0-9０-９一二三四五六七八九十两]+点(?:到|至)[0-9０-９一二三四五六七八九十两]+点(?:最[^，。！？,!? 吗么]{1,2})?',
  // from when until when, and when it is worst ("一般晚上八点多出来搞到一两点钟", "周末人更多")
  '(?:一般|平时|通常|基本上?)?(?:每天|天天)?(?:早上|晚上|中午|下午|凌晨|半夜|夜里)?[0-9０-９一二三四五六七八九十两]+点(?:多|半|钟)?(?:就)?(?:出来|来|开始|开门|出摊)?(?:搞|弄|吵|烤|摆|卖|营业|干|做|放|唱|跳)?(?:到|至)(?:凌晨|半夜|晚上|夜里|早上)?[0-9０-９一二三四五六七八九十两]+点(?:多|半|钟)?(?:才(?:收|走|停|散)(?:摊)?)?',
  '(?:周末|节假日|晚上|夜里|放假)(?:的时候)?(?:人|车|摊子)?(?:更|最|特别|还)(?:多|吵|厉害|严重)',
  // "他家一般晚上七点开始烤", "烤到十二点多", "烟最大是九点前后"
  '(?:他家|他们|那家|他)?(?:一般|平时|通常|每天|天天)?(?:早上|晚上|中午|下午|凌晨|半夜|夜里)?[0-9０-９一二三四五六七八九十两]+点(?:多|半|钟)?(?:就)?(?:开始|出来|出摊|开门)(?:烤|摆|卖|吵|放|营业|干|做|施工)?',
  '(?:搞|弄|吵|烤|摆|卖|营业|干|做|放|唱|跳)(?:到|至)(?:凌晨|半夜|晚上|夜里|早上)?[0-9０-９一二三四五六七八九十两]+点(?:多|半|钟)?(?:才(?:收|走|停|散)(?:摊)?)?',
  '(?:烟|声音|噪音|味道|人|车)?最(?:大|多|吵|厉害|严重|浓)(?:的时候)?是?(?:早上|晚上|中午|下午|凌晨|半夜|夜里)?[0-9０-９一二三四五六七八九十两]+点(?:多|半|钟)?(?:前后|左右)?',
  // where
  '就在[^，。！？,!? ]{1,10}',
  // what someone said of it ("公司说办了", "物业说没钱"), and money asked or paid ("要两百", "收了我五十")
  `(?:${OTHER_PARTIES}|公司|单位|城管|执法人员|队员|师傅|对方)(?:跟我|和我|对我)?(?:说|讲)(?:是|要|已经|没|不)?[^，。！？,!? 吗呢]{1,8}`,
  '(?:要|收|收了|收我|罚了|罚我|花了|交了)(?:我)?[0-9０-９一二三四五六七八九十两百千万几]+(?:块|元|块钱)?(?:钱)?',
  // whose it is and what it cost ("树是我家种的", "秤是新买的 好几百"): the citizen's own thing
  '[^，。！？,!? ]{0,4}是(?:我们家|我家|我们自己|我自己|我们|我|自己)(?:的|种的|栽的|买的|养的|盖的|建的|搭的|装的|花钱买的|出钱买的)',
  '[^，。！？,!? ]{0,4}是?(?:新买的|刚买的|才买的)',
  '(?:值|花了|买成|买的时候)?(?:好几|几|上|[0-9０-９一二三四五六七八九十两]+)[百千万](?:多)?(?:块)?(?:钱)?',
  // whose it is ("是旁边那个洗车店", "是对面那家饭馆")
  '是(?:旁边|隔壁|对面|楼下|楼上|门口|路口)?(?:那个|那家|这个|这家)?[^，。！？,!? 吗么]{0,6}(?:店|店子|馆|饭馆|厂|公司|工地|摊|摊子)',
  // who did it ("是物业砍的", "是隔壁饭店倒的")
  `是(?:${OTHER_PARTIES}|邻居|楼上|楼下|隔壁|对面|施工队|装修队|[^，。！？,!? ]{1,6}(?:店|馆|厂|公司|工地))[^，。！？,!? ]{0,4}(?:干|弄|搞|砍|挖|搭|建|倒|扔|贴|摆|放|堆|排|装|拆)的`,
].join('|');

const DETAIL_CLAUSE = `${REPORTING_CLAUSE}|${CIRCUMSTANCE_CLAUSE}`;
const REPORTING = new RegExp(REPORTING_CLAUSE, 'u');
const DETAIL_END = '(?:的|了|啊|呀|哦|呢|嘛|哈|啦|咯)*[。.!！~…？?]*';
/**
 * Details the citizen adds to a problem just discussed, in a message of its own: when it
 * happens ("晚上也有", "天天都这样", "好几个月了"), that they have evidence ("拍了照片",
 * "我录了视频"), where to send it ("发给谁", "照片发哪里"), that no one deals with it ("一直没人管"),
 * where it is ("就在我家楼下"), who did it, who suffers it and how the citizen feels
 * ("我家老人腿脚不好 每天要绕到马路上走 蛮危险"), whom they called ("打了110 派出所说找你们"); one to four such
 * clauses. Alone, such words were declined as another department's matter (邻里, 消费, 网络, 派出所).
 * Whole message only.
 */
const REPORT_DETAIL = new RegExp(
  `^(?:嗯|对|是的|是啊|而且|并且|还有|另外|我|我们|我家|我这边|这边)?[，, ]*(?:${DETAIL_CLAUSE})${DETAIL_END}(?:[，, ]*(?:我|我们)?(?:${DETAIL_CLAUSE})${DETAIL_END}){0,3}$`,
  'u',
);
/** A detail message is longer than other follow-ups (`MAX_FOLLOWUP_CHARS`) when every clause of it is a detail: up to four, this many characters. */
const MAX_DETAIL_CHARS = 32;

/** "但是没开", "可是他们不听": a short "but" about the problem just discussed (asking nothing: see `addsReportDetail`). */
const BUT_DETAIL = /^(?:但是?|可是|不过|就是)[，, ]*[^，。！？,!?吗呢]{1,6}[。.!！~…]*$/u;

/**
 * The citizen answering for their own case, asking nothing: that they put it right ("我已经清理了",
 * "马上就拆") — the rule on not fining a first minor offence promptly corrected — or what happened,
 * in words of a defence ("我平时都开的", "就那天坏了", "第一次", "不知道有这个规定") — stating one's
 * case (陈述申辩). Whole message.
 */
const CORRECTED = /^(?:我|我们)?(?:已经|早就|马上|当场|立刻|当时就|都)?(?:就)?(?:清理|清走|清掉|收拾|整改|改正|改好|拆除|拆掉|拆了|撤掉|撤了|搬走|搬了|收了|收掉|装好|装上|修好|补办|去办)(?:了|好了|干净了|完了)?(?:的|啊|呀|哦)?[。.!！~…]*$/u;
const EXPLAINS = /平时|一直都|每次都|那天|那次|只是|临时|一会儿|几分钟|刚好|刚刚才|不是故意|不知道|不晓得|没人告诉|第一次|头一回|没看到|没看见|误会|冤枉/u;

export type OwnCaseStatement = 'corrected' | 'explains';

/** What the citizen says of their own case, if the whole message is such a statement (asking nothing, naming no subject). */
export function ownCaseStatement(normalized: string, domainTerms: ReadonlySet<string>, asking: boolean): OwnCaseStatement | undefined {
  const t = normalized.trim();
  if (t === '' || asking || followupChars(t) > MAX_FOLLOWUP_CHARS || namesOwnSubject(t, domainTerms)) return undefined;
  // Asking about the fine or paying it ("我没钱"), or a statement that needs the subject ("单子丢了"): a follow-up.
  if (ASKS.test(t) || ASKS_FINE.test(t) || paysMoney(t) || CONSEQUENCE.test(t) || OWN_STATEMENT.test(t)) return undefined;
  if (CORRECTED.test(t)) return 'corrected';
  if (EXPLAINS.test(t)) return 'explains';
  return undefined;
}

/**
 * That a problem reported before is still not dealt with, as a message of its own after the
 * answer on it: "半个月了还没拆", "到现在都没人来", "还是老样子". A complaint's progress.
 */
const STILL_NOT = new RegExp(
  '^(?:但是?|可是|结果|现在|问题是)?[，, ]*(?:都|已经)?(?:(?:好几|好|几|十几|一两|两三|[0-9０-９一二三四五六七八九十两半]+)(?:个)?(?:天|日|周|星期|礼拜|月|年)(?:多)?了?)?[，, ]*' +
    '(?:(?:还|还是|也|都|到现在|到现在都|到现在还|至今|迟迟)(?:没|没有|冇|不见|未)(?:人|有人)?(?:拆|处理|管|来|动|动静|解决|清理|清|整改|回复|回音|下文|结果|反应|查|来人|人来|改)' +
    '|还是老样子|还是那样|照样(?:摆|开|吵|干|在|排|倒)|一点用都没有|一点用也没有|屁用没有)' +
    '(?:的|了|啊|呀|哦|呢|嘛|哈|啦|咯)*[。.!！~…？?]*$',
  'u',
);

/** What to do if it is not dealt with, asked after the answer on reporting it: "没人处理怎么办", "要是举报了没人管咋办". */
const UNHANDLED_WHAT_THEN = /^(?:那|那么)?(?:如果|要是|万一|假如)?(?:举报|反映|投诉)?了?(?:以后|之后)?(?:还是|一直|也|都)?(?:没|没有|冇得?)(?:人)?(?:处理|管|来|理|回复|解决)(?:的话)?(?:怎么办|么办|咋办|怎么搞|么样搞|找谁|找哪个)(?:呢|啊|呀)?[？?。.!！~]*$/u;

/** True when the whole message says a problem is still not dealt with (`STILL_NOT`), or asks what then (`UNHANDLED_WHAT_THEN`), naming no subject of its own. */
export function saysStillNotDealtWith(normalized: string, domainTerms: ReadonlySet<string>): boolean {
  const t = normalized.trim();
  if (t === '' || followupChars(t) > MAX_FOLLOWUP_CHARS || !(STILL_NOT.test(t) || UNHANDLED_WHAT_THEN.test(t))) return false;
  return !namesOwnSubject(t, domainTerms);
}

/**
 * True when `t` names a matter of its own besides the others a citizen asks about a problem
 * (物业, 社区 …: "物业能随便剪不" after trees is about the trees; "你们几点下班" names 下班).
 */
export function namesMatterBesidesOthers(t: string, domainTerms: ReadonlySet<string>): boolean {
  return namesOwnSubject(t.replace(ANY_OTHER_PARTY, ''), domainTerms);
}

/**
 * What details the whole message adds to a problem (`REPORT_DETAIL`), if it does, naming no
 * subject of its own and asking nothing of the fine or of paying it ("罚款交给谁" is paying a fine).
 */
export function addsReportDetail(normalized: string, domainTerms: ReadonlySet<string>): DetailKind | undefined {
  const t = normalized.trim();
  if (t === '' || followupChars(t) > MAX_DETAIL_CHARS) return undefined;
  // "但是没开" after "他们装了净化器": a "but" that asks nothing is a detail too.
  const detail = REPORT_DETAIL.test(t);
  const but = !detail && followupChars(t) <= MAX_FOLLOWUP_CHARS && BUT_DETAIL.test(t) && !ASKS.test(t) && !CONSEQUENCE.test(t);
  if (!detail && !but) return undefined;
  if (ASKS_FINE.test(t) || paysMoney(t)) return undefined;
  // The others named in "居委会也不管" are no subject of the message.
  if (namesMatterBesidesOthers(t, domainTerms)) return undefined;
  return detail && REPORTING.test(t) ? 'reporting' : 'circumstance';
}

/**
 * What details are: about reporting the problem (evidence, where to send it, no one deals with
 * it), whatever the subject was; or about its circumstances (when, how long, where), which add
 * to a report as much as to the citizen's own case.
 */
export type DetailKind = 'reporting' | 'circumstance';

/** The previous answer's topic and intent, and the act of the message that named the subject. */
export interface RecentTopic {
  topic: string;
  intent?: string;
  act?: SpeechAct;
}

/** The state's previous topic, if it is recent enough to lean on. */
export function recentTopic(state: ConversationState | undefined, now: number, ttlSec: number): RecentTopic | undefined {
  if (!state?.lastTopic || !lastAtWithin(state, now, ttlSec)) return undefined;
  return { topic: state.lastTopic, ...(state.lastIntent ? { intent: state.lastIntent } : {}), ...(state.lastAct ? { act: state.lastAct } : {}) };
}

/** The other department the last reply sent the citizen to (`ConversationState.lastRedirect`), if recent enough to lean on. */
export function recentRedirect(state: ConversationState | undefined, now: number, ttlSec: number): string | undefined {
  return state?.lastRedirect && lastAtWithin(state, now, ttlSec) ? state.lastRedirect : undefined;
}

/** True when the state's last reply (`lastAt`) is at most `ttlSec` old (and not in the future). */
function lastAtWithin(state: ConversationState, now: number, ttlSec: number): boolean {
  if (state.lastAt === undefined) return false;
  const age = now - state.lastAt;
  return age >= 0 && age <= ttlSec * 1000;
}

/** A follow-up about the fine itself: "那罚多少钱？", "会不会罚款", "罚不罚". */
const ASKS_FINE = /罚多少|罚款多少|罚几多|罚好多|罚款是多少|罚不罚|会不会罚|会罚|要罚|被罚|罚了|罚我|怎么罚|怎么处罚|如何处罚|什么处罚|么样处罚|么样罚|咋处罚|咋罚|怎样处罚|罚款标准|罚款吗/u;

/** Whether there is a fine, or how much: "要罚款", "罚多少", "会不会罚" (not "罚了我两百", which tells of one). */
const ASKS_FINE_AMOUNT = /罚多少|罚款多少|罚几多|罚好多|罚款是多少|罚不罚|会不会罚|会罚|要罚|罚款标准|罚款吗/u;

/** True when the text asks whether there is a fine, or how much (`ASKS_FINE_AMOUNT`). */
export function asksFineAmount(normalized: string): boolean {
  return ASKS_FINE_AMOUNT.test(normalized);
}

/** True when a follow-up asks about the fine itself ("会罚款吗"): about the previous subject's fine even when the fines topic would answer it confidently. */
export function asksFine(normalized: string): boolean {
  return ASKS_FINE.test(normalized);
}

/**
 * A message that asks only whether there is a fine, or how much ("会罚款吗", "这样会不会被罚",
 * "罚款标准是多少"), with nothing else in it: about the fine of a subject it does not name,
 * never about fines in general. A question with more in it ("罚款多少才能申请听证", "改了还
 * 要罚吗", "城管能当场收罚款吗") has a subject of its own for the fines topic (处罚与救济).
 */
const ONLY_THE_FINE = new RegExp(
  '^(?:那|那么|请问|问下|问一下)?[，, ]*(?:我|我们|他|这|那)?(?:这样|这样子|这个|这种情况|这种|那样)?(?:的话)?[，, ]*' +
    '(?:会|要|会不会|要不要|是不是要|是不是会|是否会?|还会|还要|也会|也要)?(?:被)?(?:罚款?|处罚)(?:吗|么|嘛|不)?' +
    '(?:多少钱?|几多钱?|好多钱?|标准|金额|数额)?(?:是|有)?(?:多少钱?|几多钱?|好多钱?)?(?:吗|么|嘛|呢|啊|呀)?[？?。.!！~]*$',
  'u',
);

/** True when `normalized` asks only whether, or how much, a fine there is (`ONLY_THE_FINE`). */
export function asksOnlyTheFine(normalized: string): boolean {
  return ONLY_THE_FINE.test(normalized.trim());
}

/**
 * What happens to a fine not paid: "不交会怎样", "不交罚款会怎么样", "拖着不交" — the general fines
 * answer's late-payment surcharge, not the subject's answer again (its fine was just told).
 */
const NOT_PAYING = '(?:不|没|冇)(?:交|缴)(?:罚款|罚金|钱)?(?:的话)?(?:会|又|能)?(?:怎样|怎么样|怎么办|么样|咋样|咋办|如何|有什么后果|有么后果|什么后果|后果)|(?:拖着|逾期|到期|过期|一直)(?:不|没|冇)(?:交|缴)';

/** Paying online: "能不能手机上交", "微信可以缴吗", "网上能交不" — paying only when a fine is named (`asksToPay`): after a permit's answer, "网上能交吗" hands in an application. */
const PAY_ONLINE = /(?:手机|网上|微信|支付宝|线上|app|APP)上?(?:能|可以|能不能|可不可以)?(?:交|缴|支付)/u;

/** A follow-up about paying: "那要去哪里交", "罚款怎么交", "在哪缴纳", "没钱交怎么办" (暂缓、分期), "不交会怎样" (`paysMoney`). */
const ASKS_PAY = new RegExp(`(?:去|在|到)哪(?:里|儿|个地方)?(?:交|缴)|哪(?:里|儿|个地方)(?:交|缴)|(?:怎么|如何|么样)(?:交|缴)|交到哪|缴纳|交罚款|缴罚款|罚款.{0,3}(?:交|缴)|${CANNOT_PAY}|拿不出钱|${NOT_PAYING}`, 'u');
/** Papers handed in, not money paid: "材料哪里交", "申请表交到哪" after a permit's answer. */
const PAPERS = /材料|资料|申请|表格|证明|照片|视频|证据|手续|图纸/u;

/** True when a follow-up asks about paying (`ASKS_PAY`), not about handing in papers (`PAPERS`). */
function paysMoney(t: string): boolean {
  return ASKS_PAY.test(t) && !PAPERS.test(t);
}

/** True when the text asks whether it can pay online (`PAY_ONLINE`), not hand in papers: paying only where a fine is the matter. */
function paysOnline(t: string): boolean {
  return PAY_ONLINE.test(t) && !PAPERS.test(t);
}

/** True when the text asks how, where or whether to pay, online too (with a fine named: src/nlu/scope.ts `asksToPayFine`). */
export function asksToPay(normalized: string): boolean {
  return paysMoney(normalized) || paysOnline(normalized);
}

/** The general fines answer (罚款标准与缴纳), for a topic whose own answers state no fine. */
export const GENERAL_FINES_INTENT = 'penalty_rights.payment';
/** Disputing a fine or decision, in a follow-up: 不服, 申辩, 申诉, 复议, 起诉, 不合理, 冤枉. */
const CONTESTS = /不服|申诉|申辩|复议|起诉|告(?:他们|城管|你们)|不合理|不公平|冤枉|讨(?:个)?说法|太重|太狠|罚多了|罚重了|罚得太/u;
/**
 * A fine only held too heavy ("我觉得太重了", "罚得太狠了吧"), no appeal or suit named: when a fine
 * may be lighter or waived (从轻、减轻、不予处罚) — it got the fine's answer again, or suing.
 */
const TOO_HEAVY = /太重|太狠|罚多了|罚重了|罚得太/u;
const APPEALED = /不服|申诉|申辩|复议|起诉|告|打官司/u;
const LIGHTER_INTENT = 'penalty_rights.no_penalty';
const SUES = /告|起诉|打官司/u;
/** The answer on suing the bureau (行政诉讼). */
export const LITIGATION_INTENT = 'penalty_rights.litigation';
const RECONSIDERATION_INTENT = 'penalty_rights.reconsideration';
/** True when a follow-up disputes a fine or decision (`CONTESTS`): the rights against it, whatever it was for. */
export function contestsDecision(normalized: string): boolean {
  return CONTESTS.test(normalized);
}
/** Asking how much, not whether or where: "罚多少", "罚几多". */
const ASKS_HOW_MUCH = /罚多少|罚款多少|罚几多|罚好多|罚款是多少|多少钱/u;

/** A sentence about a fine (罚款); with a figure (元, 百分之, 倍, digits) it states the amount. */
const FINE_WORD = /罚款/u;
const HAS_FIGURE = /[0-9０-９]|元|百分之|倍/u;

/** True when `text` states a fine with its amount (罚款 and a figure). */
export function statesFine(text: string): boolean {
  return FINE_WORD.test(text) && HAS_FIGURE.test(text);
}

/** True when `text` is about a fine (罚款), with or without its amount. */
export function mentionsFine(text: string): boolean {
  return FINE_WORD.test(text);
}

/** The intents with a sentence for which `says` holds (about fines: `mentionsFine`; a time limit: `statesDeadline`). */
function intentsSaying(answers: readonly { intent: string; points: readonly { text: string }[] }[], says: (text: string) => boolean): Set<string> {
  return new Set(answers.filter((a) => a.points.some((pt) => says(pt.text))).map((a) => a.intent));
}

/**
 * Per topic, the topic's own `<topic>.penalty` answer first, then the intents whose answers
 * state a fine with its amount. Computed once from the knowledge base.
 */
export function fineIntentsByTopic(answers: Iterable<{ intent: string; topic: string; points: readonly { text: string }[] }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of answers) {
    const own = a.intent === `${a.topic}.penalty`;
    if (!own && !a.points.some((pt) => statesFine(pt.text))) continue;
    const list = out.get(a.topic) ?? [];
    if (own) list.unshift(a.intent);
    else list.push(a.intent);
    out.set(a.topic, list);
  }
  return out;
}

/**
 * A follow-up that asks only "how long" or "by when" ("多久之内", "要多长时间", "期限是几天"):
 * nothing in it chooses a matter, so it asks about the deadline of what was just answered.
 */
const ONLY_THE_TIME = new RegExp(
  '^(?:那|那么|请问|问下|问一下)?[，, ]*(?:这个|这|那个)?(?:期限|时限)?(?:是|要|得|需要|必须|能|可以|有)?(?:在)?' +
    '(?:(?:给|留|有)(?:我)?)?(?:多久|多长时间|多长|多少天|几天|几个月|几多天|好久|什么时候|啥时候|么时候)(?:的)?(?:时间)?(?:之内|以内|内|之前|前|为止)?' +
    '(?:要|得|必须|能|可以)?(?:办|交|去|申请|提|弄|搞|办完|提出)?(?:啊|呢|吗|呀|哦|嘞)?[？?。.!！~]*$',
  'u',
);

/** True when `normalized` asks only how long or by when (`ONLY_THE_TIME`). */
export function asksOnlyTheTime(normalized: string): boolean {
  return ONLY_THE_TIME.test(normalized.trim());
}

/** A sentence that states a time limit: a number of days, months or hours, or "之日起". */
const DEADLINE = /[0-9０-９一二三四五六七八九十两]+\s*(?:个)?(?:日|天|个月|月内|小时|年内)|之日起/u;

/** True when `text` states a time limit (`DEADLINE`). */
export function statesDeadline(text: string): boolean {
  return DEADLINE.test(text);
}

/** What the knowledge base says, per answer, that a follow-up can ask about: fines and time limits. */
export interface FollowupFacts {
  /** Per topic, its penalty answer first, then the answers stating a fine with its amount (`fineIntentsByTopic`). */
  fineIntents: ReadonlyMap<string, readonly string[]>;
  /** Intents with a sentence about fines (罚款), with or without its amount (a Wuhan rule we do not hold names none). */
  mentionFines: ReadonlySet<string>;
  /** Intents with a sentence stating a time limit. */
  statesDeadlines: ReadonlySet<string>;
  /** Each topic's permit answer (`<topic>.permit`), for the topics that have one. */
  permitIntents: ReadonlySet<string>;
}

/** Asking where to go or whom to ask: "去哪里办", "在哪里申请", "找哪个部门", "打什么电话" (paying a fine is `ASKS_PAY`). */
const ASKS_WHERE = /去哪|在哪(?:里|儿)?(?:办|申请|批|审批|领|反映|投诉|咨询|问)|哪里(?:办|申请|批|审批|领|反映|投诉|咨询)|找谁|找么人|找哪个|找哪里|找哪家|哪个部门|什么部门|么部门|向谁|打什么电话|打么事电话|打哪个电话|什么电话|哪个电话/u;

/** True when a follow-up asks where to go or whom to ask (`ASKS_WHERE`), not where to pay a fine. */
export function asksWhere(normalized: string): boolean {
  return ASKS_WHERE.test(normalized) && !paysMoney(normalized);
}

/** A sentence of an answer that names where to go or whom to ask: an office, a window, a hotline. */
const NAMES_WHERE = /窗口|服务中心|部门|执法局|城管局|街道|社区|派出所|公司|热线|12319|12345|110|119|电话|(?:向|到|找)[^，。；]{1,16}(?:办|申请|领|反映|投诉|咨询|确认|报)/u;

/** True when an answer's sentence names where to go or whom to ask (`NAMES_WHERE`). */
export function namesWhere(text: string): boolean {
  return NAMES_WHERE.test(text);
}

/** Asking what to bring or prepare: "要带什么", "需要什么材料", "带哪些证件", "要准备什么". */
const ASKS_BRING = /带(?:什么|啥|么事|么|哪些|些什么)|(?:什么|啥|哪些|么事|么)(?:材料|资料|证件|证明|东西)|准备(?:什么|啥|么|哪些|些什么)/u;

/** True when a follow-up asks what to bring or prepare (`ASKS_BRING`). */
export function asksBring(normalized: string): boolean {
  return ASKS_BRING.test(normalized);
}

/** Which number to call: "打哪个电话", "那我现在打哪个电话最快", "电话多少". */
const ASKS_PHONE = /打(?:哪个|什么|么事|么|啥)(?:的)?电话|(?:哪个|什么|啥|么事)电话|电话(?:是)?多少|(?:哪个|什么)号码|打(?:12345|12319)(?:吧|吗|对吧|是吧|对不对|就行)/u;

/** True when a message asks which number to call (`ASKS_PHONE`). */
export function asksPhone(normalized: string): boolean {
  return ASKS_PHONE.test(normalized);
}

/** A fee asked for the subject: "还要交保管费吗", "要交管理费不", "要交么费吗". */
const ASKS_FEE = new RegExp(`(?:要|得|需要|还要|还得)?(?:交|给|出|付|收)[^，。！？,!?]{0,4}?费(?:用)?(?:吗|不|么|冇|没|呢)|${FREE_OF_CHARGE}|(?:几多|多少)钱?[^，。！？,!?]{0,3}?费|费(?:用)?[^，。！？,!?]{0,3}?(?:几多|多少)`, 'u');

/** How long it takes: "办下来要几多天", "要多久" — not how long it has been ("停了好几天了"). */
const ASKS_HOW_LONG = /(?<![好十])(?:几多|多少|几)天(?!了|前|之前)|多久(?!了)|多长时间(?!了)/u;

/** True when a follow-up asks how long it takes (`ASKS_HOW_LONG`): the subject's time, not another department's. */
export function asksHowLong(normalized: string): boolean {
  return ASKS_HOW_LONG.test(normalized);
}

/** True when a follow-up asks whether money paid comes back (`ASKS_REFUND`): the subject's money, not a deposit of another matter. */
export function asksRefund(normalized: string): boolean {
  return ASKS_REFUND.test(normalized);
}

/**
 * Whether the matter just told of is the bureau's, or the bureau will come to it: "这个是找派出所还是找
 * 你们", "你们还是交警", "今天能不能来收". Read alone, the other body's name or a day's word (明天赶集
 * 人多: the weather redirect) took such follow-ups elsewhere; they are about the subject.
 */
const ASKS_OURS = new RegExp(`${WHOSE_MATTER}|(?:今天|明天|现在|马上|尽快|么时候|什么时候|几时)?(?:能不能|能|可不可以|可以|会不会|会)${COME_TO}`, 'u');

/** True when a follow-up asks whether its matter is the bureau's, or whether the bureau will come (`ASKS_OURS`). */
export function asksOurs(normalized: string): boolean {
  return ASKS_OURS.test(normalized);
}

/** True when a follow-up asks whether a fee is due (`ASKS_FEE`). */
export function asksFee(normalized: string): boolean {
  return ASKS_FEE.test(normalized);
}

/** A sentence of an answer that names what to bring: papers, ID, proofs. */
const NAMES_BRING = /带上|携带|带好|带齐|材料|证件|身份证|委托书|凭证|决定书|清单|告知单|通知书|证明|复印件|申请书/u;

/** True when an answer's sentence names what to bring or prepare (`NAMES_BRING`). */
export function namesBring(text: string): boolean {
  return NAMES_BRING.test(text);
}

/** Asking when the matter will be dealt with: "多久能处理", "什么时候来拆", "几天有结果" (not "几天能批下来", "挂几天就拿下来": 下来 is no coming). */
const ASKS_WHEN_HANDLED = /(?:多久|多长时间|什么时候|啥时候|么时候|几天|好久)[^，。！？,!?]{0,4}(?:处理|(?<!下)来|拆|解决|办好|办完|有结果|有回复|回复|答复|管)/u;

/** True when a follow-up asks when the matter will be dealt with (`ASKS_WHEN_HANDLED`). */
export function asksWhenHandled(normalized: string): boolean {
  return ASKS_WHEN_HANDLED.test(normalized);
}

/**
 * A sentence of an answer on how a reported matter goes on: its work order, its progress and
 * result, where to turn when it stalls. Not any time limit it states: "20日内" for a permit is
 * not when a complaint is dealt with.
 */
const NAMES_PROGRESS = /(?<!施)工单|进度|处理结果|办理情况|办结|回访|反馈|答复|上级/u;

/** True when an answer's sentence tells how a reported matter goes on (`NAMES_PROGRESS`). */
export function namesProgress(text: string): boolean {
  return NAMES_PROGRESS.test(text);
}

/** The follow-up facts of a knowledge base's answers, computed once. */
export function followupFacts(answers: Iterable<{ intent: string; topic: string; points: readonly { text: string }[] }>): FollowupFacts {
  const list = [...answers];
  return {
    fineIntents: fineIntentsByTopic(list),
    mentionFines: intentsSaying(list, mentionsFine),
    statesDeadlines: intentsSaying(list, statesDeadline),
    permitIntents: new Set(list.filter((a) => a.intent === `${a.topic}.permit`).map((a) => a.intent)),
  };
}

/** How a follow-up is answered: the whole answer of `intent`, or only its sentences on the fines or on time limits. */
export interface FollowupTarget {
  best: IntentScore;
  /** `fines`: the sentences of the answer that state its fines; `deadline`: those that state its time limits (the previous answer's own). */
  focus?: 'fines' | 'deadline';
  /** Chosen by the follow-up's own ranking within the topic (not by the fines or paying rules). */
  byRanking?: true;
}

/**
 * The intent that answers a follow-up in the previous topic. What happens if one does not
 * ("不办会怎样") goes to the topic's own penalty answer when it has one. A question about the fine goes to
 * the topic's own fines answer (占道经营 → street_vending.penalty); without one, to what the
 * previous answer itself says of fines (商家喇叭 → the fines of that answer, not another noise
 * source's), else to the answer of the topic that states fines and that the follow-up ranks
 * highest; a topic whose answers state none (暂扣物品: the fine belongs to the matter the goods
 * were held for) gets the general fines answer — never the answer the citizen just read again
 * whole. A question only of how long ("多久之内") gets the time limits the previous answer states.
 * Otherwise the best intent of the topic in the follow-up's own ranking, or the previous
 * intent when the ranking has none of the topic.
 */
export function followupIntent(facts: FollowupFacts, ranking: readonly IntentScore[], recent: { topic: string; intent?: string }, normalized: string): FollowupTarget | undefined {
  const { fineIntents, mentionFines } = facts;
  const scoreOf = (intent: string): number => ranking.find((r) => r.intent === intent)?.score ?? 0;
  const target = (intent: string, focus?: 'fines' | 'deadline'): FollowupTarget => ({ best: { intent, topic: intent.split('.')[0] as string, score: scoreOf(intent) }, ...(focus ? { focus } : {}) });
  const own = fineIntents.get(recent.topic) ?? [];
  // The topic's own penalty answer, unless it is the answer just given.
  const penalty = own.find((i) => i === `${recent.topic}.penalty` && i !== recent.intent);
  // Whether it needs a permit ("要审批吗" after "我家楼顶想搭个阳光房", answered on what counts as illegal
  // building): the topic's permit answer, unless it is the answer just given — as `permitFirst` gives
  // a message that names its matter.
  const permit = `${recent.topic}.permit`;
  if (permit !== recent.intent && facts.permitIntents.has(permit) && asksPermit(normalized)) return target(permit);
  // Disputing the fine ("罚了不服么办", "我觉得不合理 想申辩"): the rights against it, whatever
  // it was for — the best of that topic in the follow-up's own ranking (复议, 申辩 …).
  if (CONTESTS.test(normalized)) {
    if (TOO_HEAVY.test(normalized) && !APPEALED.test(normalized)) return target(LIGHTER_INTENT);
    const rights = intentInTopic(ranking, PENALTY_TOPIC, undefined);
    // A ranking with nothing of the topic (its words are no topic's: "我要告他们"): suing is 诉讼, any other dispute 复议.
    return rights ? { best: rights } : target(SUES.test(normalized) ? LITIGATION_INTENT : RECONSIDERATION_INTENT);
  }
  // "开了个单子说要罚款 在哪里交": paying it, though the message names the fine (not how much it is);
  // "能不能在手机上交" right after the fines topic's answer: paying online.
  if ((paysMoney(normalized) || (recent.topic === PENALTY_TOPIC && paysOnline(normalized))) && !ASKS_HOW_MUCH.test(normalized)) return target(GENERAL_FINES_INTENT);
  const asksTheFine = ASKS_FINE.test(normalized);
  // What happens if one does not ("不办会怎样" after the shop-sign answer): that penalty answer. A
  // topic without one ("不让进会怎样" after officers' ID) is answered by the ranking below: the
  // fines an answer happens to mention are not what happens to someone who refuses.
  if (!asksTheFine && penalty && CONSEQUENCE.test(normalized)) return target(penalty);
  if (asksTheFine) {
    if (penalty) return target(penalty);
    if (recent.intent && mentionFines.has(recent.intent)) return target(recent.intent, 'fines');
    const best = [...own].sort((a, b) => scoreOf(b) - scoreOf(a))[0];
    return target(best ?? GENERAL_FINES_INTENT);
  }
  // "多久之内" after the 复议 answer: the time limits that answer states, not the ranking's best
  // matter of the topic for "how long" (the 15 days to pay a fine).
  if (recent.intent && facts.statesDeadlines.has(recent.intent) && asksOnlyTheTime(normalized)) return target(recent.intent, 'deadline');
  // "那要去哪里交？" after a fine: paying a fine works the same for every subject.
  if (paysMoney(normalized)) return target(GENERAL_FINES_INTENT);
  const best = intentInTopic(ranking, recent.topic, recent.intent);
  return best ? { best, byRanking: true } : undefined;
}

/**
 * Whether the follow-up's own words choose among the topic's intents: false when its ranking
 * gives them all the same share (node-nlp had nothing for the topic: "要带什么去领",
 * "要去哪里办？"), or none. Then the best of equals is arbitrary, and the previous question
 * joined to the follow-up chooses (src/nlu/brain.ts).
 */
export function choosesWithinTopic(ranking: readonly IntentScore[], topic: string): boolean {
  const scores = ranking.filter((r) => r.topic === topic).map((r) => r.score);
  if (scores.length <= 1) return scores.length === 1;
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  return max - min > max * 1e-9;
}

/** A follow-up stays on the previous intent when its own ranking gives the topic less than this (intentInTopic). */
export const KEEP_PREVIOUS_BELOW = 0.2;

/** The best intent of `topic` for a follow-up, from the follow-up's own ranking — the previous intent when that ranking gives the topic little (KEEP_PREVIOUS_BELOW) or none of it. */
export function intentInTopic(ranking: readonly IntentScore[], topic: string, previous: string | undefined): IntentScore | undefined {
  const within = ranking.filter((r) => r.topic === topic).sort((a, b) => b.score - a.score);
  const best = within[0];
  // The answer just given goes on when the follow-up's own words say little of the topic: their
  // choice within it is noise. "要带什么材料" after the 复议 answer (the topic 0.08 of its ranking)
  // is about 复议, not paying a fine (0.026 against 0.022); "多久能拿回来" after retrieving goods
  // (0.82) is the deadline, its words' choice.
  const kept = previous === undefined ? undefined : within.find((r) => r.intent === previous);
  if (kept && within.reduce((sum, r) => sum + r.score, 0) < KEEP_PREVIOUS_BELOW) return kept;
  if (best) return best;
  return previous ? { intent: previous, topic, score: 0 } : undefined;
}

/** Reply numbers of the secondary topics named after an answer: 2, 3 … (1 is the answer itself). */
export function numberedSecondary<T>(secondary: readonly T[]): (T & { n: number })[] {
  return secondary.map((s, i) => ({ ...s, n: i + 2 }));
}
