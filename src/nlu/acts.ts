import { characters, sentences } from '../core/normalize.js';
import { PENALTY_TOPIC, type IntentScore, type SpeechAct } from '../core/types.js';
import { topicScores, type Decision } from './decide.js';

/**
 * What a message does, told from its wording alone (pure, no model): small talk (a whole
 * message that is only a greeting or thanks), a question about a complaint's progress
 * ("投诉了一个月没人回复"), a report of a problem ("门口摊贩一直没人管"), or a question.
 * The topic comes from the classifier; the act decides how the answer is framed.
 */

/** Optional address to the bot in front of small talk: "普法助手你好", "小助手，谢谢". */
const ADDRESSEE = '@?(?:普法)?(?:小)?(?:助手|帮手)|城管|机器人|老师|同志|师傅|领导|大家';
const ADDRESS = `(?:${ADDRESSEE})?[，,、 ]*`;
const END = '[呀啊哈哇嘛哦噢喔啦了的吧哈呢呗撒伢!！。.,，~]*';
/** The bot named after the greeting: "您好，普法助手". */
const TRAILING_NAME = '(?:[，,、 ]*@?(?:普法)?(?:小)?(?:助手|帮手)[!！。.~]*)?';

/** "在吗", and how Wuhan asks it: "有人冇", "在冇"; and a voice message's "听得到吗". */
const PRESENCE = '在吗|在不在|在冇|有人吗|有人在吗|有人冇|有冇得人|有没有人|听得到吗|听得见吗|听到了吗|能听到吗|听不听得到';

const GREETING = new RegExp(
  `^${ADDRESS}(?:你好|您好|你们好|大家好|早上好|早安|早|上午好|中午好|下午好|晚上好|晚安|${PRESENCE}|喂+|哈喽|嗨|hi|hello|hey)${END}(?:[，,、 ]*${ADDRESS}(?:${PRESENCE}|忙不忙|在忙吗)${END})?${TRAILING_NAME}$`,
  'iu',
);
/**
 * A closing after thanks or an acknowledgement: "再见", "先这样", "车来了", "我先走了" — the
 * conversation ends, nothing asked ("谢谢 车来了" was read as a gas leak, "晓得了 再见" as stall permits).
 * A compliment too ("你比我儿子还有耐心").
 */
const CLOSING = `(?:[，,、 ]*(?:再见|拜拜|bye|88|先这样吧?|就这样吧?|不说了|不聊了|我先走了|先走了|车来了|我去忙了|我先忙了|挂了|下次再问|有事再问|回头再问|你(?:比[^，。！？,!?]{1,6})?(?:真|蛮|好|太|还)?(?:有耐心|耐心|厉害|贴心|靠谱))${END})?`;

const THANKS = new RegExp(
  `^(?:好的|好吧|好|嗯|明白了?|知道了?|晓得了?|懂了|收到|了解了?|记下了|记住了|算了|那算了|(?:那就|那)?这样吧?|就这样吧?|那行|行吧|ok|okay)?[，,、 ]*${ADDRESS}(?:谢谢|谢啦|谢了|多谢|感谢|非常感谢|太感谢了?|十分感谢|谢谢你|谢谢您|谢谢你们|辛苦(?:你们|您|你)?了?|麻烦(?:你们|您|你)?了?|thanks|thank you|thx)${END}(?:${ADDRESS}(?:谢谢|辛苦了?|点赞|你真棒|帮大忙了?)${END})?${CLOSING}${TRAILING_NAME}$`,
  'iu',
);

/**
 * "好的", "晓得了", "收到", "好的 记下了", "好 我去打电话": an acknowledgement alone, or with what the
 * citizen will do next. Answered like thanks.
 */
const ACK = new RegExp(
  `^${ADDRESS}(?:(?:好的|好滴|好哒|好嘞|好吧|那好|那行|好|行|要得|嗯+|哦+|(?:我|我们)?(?:明白了?|知道了?|晓得了?|懂了|了解了?|记下了|记住了|认栽了?|认了)|收到|ok|okay)[，,、 ]*)+` +
    `(?:那?我(?:这就|马上|等下|等会儿?|回头|自己|现在|晚上|今晚|明天|后天|上午|下午|改天|有空)*(?:过去|去|再)(?:去)?(?:打(?:个)?电话|打一下|问问|问一下|试试|看看|找找|反映一下|联系一下?|蹲一下|蹲守|盯一下|盯着|拍一下|拍下来|录一下)(?:看)?` +
    // "好 我马上打", "好 我试试看", "那我等你们消息"
    `|那?我(?:这就|马上|等下|等会儿?|回头|现在)打(?:过去)?|那?我(?:去|再)?试(?:试|一下)(?:看)?|那?我等(?:你们|您)的?(?:消息|回复|通知)` +
    // "好 下回注意", "晓得了 以后不摆了": the citizen will not do it again
    `|(?:我)?(?:下回|下次|以后)(?:我)?(?:一定)?(?:注意点?|注意一下|不会了|不敢了|不(?:摆|停|放|乱停|乱放|烧|搞)了))?${END}${CLOSING}${TRAILING_NAME}$`,
  'iu',
);

/**
 * Waiting for the bureau to come back ("那我等你们消息", "好的 等你们处理", "我在家等你们回复"): the
 * citizen believes the message was passed on. It was not — the bot takes no report — so the
 * reply says so and where to report, instead of thanks that confirm the belief.
 */
const WAITING = new RegExp(
  `^${ADDRESS}(?:(?:好的|好吧|好|行|要得|嗯+|哦+|收到|谢谢|多谢|ok)[，,、 ]*)*(?:那|那就|那好)?[，,、 ]*(?:我|我们)?(?:就|先|在家)?等(?:着|待)?` +
    `(?:你们|您|你|城管|领导)(?:的|来)?(?:消息|回复|回音|通知|答复|电话|结果|好消息|处理|解决|来人|派人|上门)(?:了|哈|啊|哦|呀|吧)?(?:[，,、 ]*(?:谢谢|多谢|辛苦了?))?${END}${TRAILING_NAME}$`,
  'iu',
);

/** True when the whole message waits for the bureau's reply or visit (`WAITING`). */
export function awaitsReply(normalized: string): boolean {
  const t = normalized.trim();
  return characters(t) <= MAX_WAITING_CHARS && WAITING.test(t);
}

/** Longest message read as waiting (a longer one says more, and is read for it). */
const MAX_WAITING_CHARS = 20;

/** Longest message read as a mistake ("哦 你们是城管啊 我搞错了 不好意思"). */
const MAX_MISTAKE_CHARS = 24;

/** "不好意思 发错了": a message sent by mistake, or "算了不说了": no longer asking; answered with what the bot can answer (not thanks, nor the subject again). */
const MISTAKE = new RegExp(
  `^(?:不好意思|对不起|抱歉|sorry)?[，,、 ]*(?:按错了|点错了|发错了|打错了|发错人了|发错群了|发错地方了)${END}$` +
    // "哦 你们是城管啊 我搞错了 不好意思": found the wrong office
    `|^(?:哦+|噢|啊|原来)?[，,、 ]*(?:你们是城管啊?|这里是城管啊?|是城管啊)?[，,、 ]*(?:我)?(?:搞错了|弄错了|找错了|问错了|找错地方了|问错地方了)${END}(?:[，,、 ]*(?:不好意思|对不起|抱歉|打扰了)${END})?$` +
    // or no longer asking: "算了不说了", "没事了"
    `|^(?:算了|好吧|那算了)?[，,、 ]*(?:算了|不说了|不问了|没事了|没什么了|没得事了|冇得事了)${END}$`,
  'iu',
);

/**
 * What the bureau or the bot is for, as a whole message: "城管管什么", "城管是干嘛的", "你能做什么",
 * "城管管不管小区里的事".
 * A matter named in it ("城管管不管楼上加建") is a question of its own.
 */
const HELP = new RegExp(
  `^(?:请问|问下|问一下)?[，, ]*(?:城管局?|城管部门|城管执法局|你们?|这个助手|普法助手|助手)(?:平时|到底|都|主要|一般)*` +
    `(?:管什么|管啥|管么事|管些什么|管些啥|管哪些(?:事情?)?|管哪些方面|是干嘛的|是干什么的|是做什么的|是搞么事的|是干什么吃的|干什么吃的|是干嘛吃的|负责什么|负责哪些(?:事情?)?|能做什么|能干什么|能干嘛|会什么|能帮我做什么` +
    // "城管管不管小区里的事": a place, no matter named (it was declined).
    `|管不管(?:我们|咱们)?(?:小区|村里|农村|乡下|街上|路上|马路上|这里|这边)(?:里面?|上)?的?(?:事情?|问题))` +
    `(?:事情?|工作|东西)?(?:呢|呀|啊|嘛|哦)?[？?。.!！~]*$`,
  'u',
);

/**
 * Wanting to ask, the question still to come: "我想问个事", "我想咨询一下", "问一下", "请问", "能问个事不",
 * "我有个事想咨询", or only the bureau's name ("城管"). Answered with what the bot can answer (it was declined as a 婚姻 or 税务
 * question, and "城管" alone got the answer on officers' conduct).
 */
const ABOUT_TO_ASK = new RegExp(
  `^${ADDRESS}(?:你好|您好|在吗)?[，,、 ]*(?:我|我们)?(?:想|要|想要|能|可以)?(?:跟|给|和|向)?(?:你们?|您)?(?:(?:请)?(?:问|咨询|请教|打听|问问)(?:一?下|个事|个问题|件事|一件事|点事|一个问题|些事|几个问题)?|(?:说|讲|反映|反应)(?:一?个事|一?件事|点事|个情况|一?下情况))(?:可以吗|行吗|好吗|行不行|方便吗|不|吗|么)?(?:呢|呀|啊|哈|哦)?[？?。.!！~]*$` +
    // Having something to ask: "我有个事想咨询", "有个问题想问一下", "我这边有点事想反映".
    `|^${ADDRESS}(?:你好|您好|在吗)?[，,、 ]*(?:我|我们)?(?:这里|这边)?有(?:个|一个|件|一件|点|几个|些)?(?:事|事情|问题|情况)(?:想|要)?(?:跟|给|和|向)?(?:你们?|您)?(?:问|咨询|请教|打听|问问|反映|反应|说|讲)?(?:一?下)?(?:可以吗|行吗|好吗|行不行|方便吗|不|吗|么)?(?:呢|呀|啊|哈|哦)?[？?。.!！~]*$` +
    '|^(?:(?:城管|城管局|城管部门|城管执法局|普法助手|助手|机器人)[，,、 ]*)+[？?。.!！~]*$' +
    // Whether the bureau is here: "群里有没有城管的人", "有城管的人吗", "你是机器人吧".
    '|^(?:请问)?(?:群里|这里|这个群里?)?(?:有没有|有冇得?|有)(?:城管|城管局|城管部门)的?(?:人|工作人员|领导)(?:吗|在吗|在不在)?[？?。.!！~]*$' +
    '|^(?:你是|你们是|是)?(?:机器人|人工智能|AI|ai|真人)(?:吧|吗|么|嘛|啊)?[？?。.!！~]*$',
  'u',
);

/**
 * One clause of what the citizen thinks of the bot's reply: "说人话", "看不懂", "你答非所问", "你说的我
 * 听不懂", "你这个回答跟冇说一样", "说的都是官话", "等于白说", "我讲的你到底看懂了冇", "这个机器人蛮不智能".
 */
const FEEDBACK_CLAUSE =
  '(?:你|你们)?(?:这个|这)?(?:机器人|助手)?(?:说的|讲的|回答的?|答的|回的|的回答|这个回答|回答)?(?:我)?(?:也|真|太|都|根本|一点|完全|蛮|好|还是)?(?:都)?' +
  '(?:说人话|听不懂|看不懂|没看懂|没听懂|冇看懂|冇听懂|看不明白|听不明白|什么意思|啥意思|么意思|答非所问|牛头不对马嘴|没用|冇得?用|没得用|太笨了?|好笨|真笨|不智能|不聪明|是官话|官话|等于白说|等于没说|说了等于没说|(?:跟|和)(?:没|冇得?|没有)(?:说|回答?)一样)' +
  '|(?:我(?:说|讲|问|写)的)?(?:你|你们)(?:到底|究竟|有没有|有冇得?)?(?:看懂|听懂|看明白|听明白|看清楚)(?:了)?(?:冇|没|没有|吗|么|不)';

/**
 * The same, only where it can be nothing but a word about the bot's reply — next to a question
 * it is set aside (`withoutFeedback`); "没用" or "什么意思" there may be about the matter ("投诉了 没用").
 */
const FEEDBACK_ASIDE =
  '(?:你|你们)(?:这个|这)?(?:机器人|助手)?(?:说的|讲的|回答的?|的回答|这个回答)?(?:我)?(?:也|真|太|都|根本|完全|蛮|还是)?(?:都)?(?:听不懂|看不懂|没看懂|没听懂|冇看懂|冇听懂|答非所问|牛头不对马嘴|不智能|是官话|官话|等于白说|等于没说|(?:跟|和)(?:没|冇得?|没有)(?:说|回答?)一样)' +
  '|答非所问|牛头不对马嘴|说了等于没说' +
  '|(?:我(?:说|讲|问|写)的)?(?:你|你们)(?:到底|究竟)(?:看懂|听懂|看明白|听明白)(?:了)?(?:冇|没|没有|吗|么|不)';

/** Feedback that says the reply missed the question ("答非所问", "牛头不对马嘴"), not that it was hard to follow or of no use. */
const MISSED = /答非所问|牛头不对马嘴|不是我问的/u;

/** True when a word about the reply says it missed the question (`MISSED`): its other answers are what to offer. */
export function saysReplyMissed(normalized: string): boolean {
  return MISSED.test(normalized);
}

/** A complaint about the bot that may follow the feedback: "问么事都说找别人". */
const FEEDBACK_MORE = '(?:[，,、 ]*(?:问|说)(?:么事|什么|啥|哪样)都[^，。！？?!]{1,8})?';

/**
 * What the citizen thinks of the bot's reply, as a whole message: "说人话", "看不懂", "啥意思",
 * "答非所问", "你们这个机器人也冇得用". Answered with an apology and what the bot can answer; it
 * was read as more words about the subject just discussed.
 */
const FEEDBACK = new RegExp(`^${ADDRESS}(?:${FEEDBACK_CLAUSE})${END}(?:[，,、 ]*(?:${FEEDBACK_CLAUSE})${END})?${FEEDBACK_MORE}${END}$`, 'iu');
/** Longest message read as feedback alone (two clauses and a complaint: "你们这个机器人蛮不智能 问么事都说找别人"). */
const MAX_FEEDBACK_CHARS = 24;
const FEEDBACK_LEAD = new RegExp(`^${ADDRESS}(?:${FEEDBACK_ASIDE})${END}[，,、 ]+(.+)$`, 'iu');
const FEEDBACK_TAIL = new RegExp(`^(.+?)[，,、 ]+(?:${FEEDBACK_ASIDE})${END}$`, 'iu');
/** What was meant, said again: "我问的是…", "我是想问…". */
const RESTATED = /^(?:我|我们)?(?:问的是|是问|是想问|说的是|讲的是|想问的是|要问的是)[，,、 ]*/u;

/**
 * A question with a word about the bot's reply beside it: "你说的我听不懂 到底能不能停人行道", "我问的是
 * 能不能叫商场多搞点车位 你答非所问" — the question (what was meant said again, its "我问的是" left
 * out); undefined when there is no such word or nothing else of four characters or more.
 */
export function withoutFeedback(normalized: string): string | undefined {
  const t = normalized.trim();
  const m = FEEDBACK_LEAD.exec(t) ?? FEEDBACK_TAIL.exec(t);
  const rest = m?.[1]?.replace(RESTATED, '').trim();
  return rest !== undefined && characters(rest) >= 4 && smallTalkOf(rest) === undefined ? rest : undefined;
}

/**
 * Company asked of the bot, or a question about the bot itself, as a whole message: "陪我聊会天",
 * "好无聊", "你吃饭了冇", "你是男的还是女的", "几点了", "今天几号". Answered as small talk (`chitchat.smalltalk`).
 */
const COMPANY = new RegExp(
  `^${ADDRESS}(?:陪我|跟我)?(?:聊聊天?|聊会儿?天|聊一会儿?天?|说说话|玩一?会儿?)${END}$` +
    `|^(?:我)?(?:好|蛮|太|真)?(?:无聊|闷得慌)${END}$` +
    `|^${ADDRESS}(?:你|您)(?:吃饭了?(?:吗|冇|没|没有)|今天(?:开心|累)(?:吗|不)|是男的还是女的|是男是女|喜欢什么|有(?:男|女)朋友(?:吗|冇))${END}$` +
    // a laugh, alone or with a word of assent: "哈哈 不会啊", "呵呵 好吧"
    `|^(?:哈{2,}|呵{2,}|嘿{2,}|嘻{2,}|h{3,}|23{2,})(?:[，,、 ]*(?:不会|没有|冇得|是的|对的|对|好的|好吧|行|真的|有意思|笑死了?|可以|也是|确实))?${END}$` +
    // the time or the date asked of the bot: "几点了", "现在几点", "今天几号", "今天星期几" (几点 is a word of decoration hours)
    `|^${ADDRESS}(?:请问)?(?:现在|今天|今日|明天|昨天)?(?:是)?(?:几点(?:钟)?|几点几分|什么时候|什么时间|几号|几月几号|几月几日|星期几|礼拜几|周几)了?(?:啊|呀|哦|呢)?[？?。.!！~]*$`,
  'iu',
);

/**
 * Content asked of the bot as a whole message — a joke, a story, a song: "讲个笑话", "给我讲个笑话呗",
 * "唱首歌", "来个段子听听". Declined like a writing request (`out_of_scope.writing`, as
 * intents/ has "给我编一个睡前故事"); "讲个笑话" got the general redirect to 12345. A matter named
 * with the same verbs ("讲一下摆摊的规定") is not this.
 */
const CONTENT_REQUEST = new RegExp(
  `^${ADDRESS}(?:你|您)?(?:给我|跟我|帮我|为我|再)?(?:讲|说|来|唱|编)(?:一?个|一?首|一?段|一下|下)?(?:笑话|段子|故事|歌|儿歌|绕口令|脑筋急转弯)(?:听听?|听一?下|我听|给我听)?${END}$`,
  'iu',
);

/** True when the whole message asks the bot for a joke, a story or a song (`CONTENT_REQUEST`). */
export function asksForContent(normalized: string): boolean {
  const t = normalized.trim();
  return [...t].length <= 16 && CONTENT_REQUEST.test(t);
}

/** Testing the bot: "测试测试 收到请回复", "test", "试一下". Answered like a greeting (it says what the bot is for). */
const TESTING = new RegExp(
  `^(?:测试|test|试一?下|试试)(?:[，,、 ]*(?:测试|test|一下|下))*[，,、 ]*(?:收到(?:请|的话|了?就)?回(?:复|个话)|收到(?:了?吗|没|没有|冇)|能(?:收到|看到)(?:吗|不)|有(?:反应|回复)(?:吗|不|冇)|在吗)?${END}$`,
  'iu',
);

/**
 * A message made only of approval (👍, 🙏, WeChat's [强], [抱拳]), which the normaliser strips to
 * nothing: thanked, as "好的 谢谢" is, not shown what the bot can do.
 */
const APPROVAL_ONLY = /^(?:[\s!！。.~，,]|\[(?:强|赞|抱拳|握手|OK|胜利|玫瑰|爱心|鼓掌|合十|好的|谢谢)\]|[👍🙏👌🤝👏💪🌹❤✌🫡🙆][\uFE0F\u{1F3FB}-\u{1F3FF}]?)+$/iu;

/** True when `raw` (as written, before normalising) is approval only (`APPROVAL_ONLY`). */
export function approvalOnly(raw: string): boolean {
  return APPROVAL_ONLY.test(raw.trim());
}

/**
 * A link and nothing said of it ("https://… 你们看看这个", "看下这个链接"): the bot opens no link, so it is
 * asked, as for a picture, to say in words what the matter is. The words left were a greeting
 * ("你们看看这个") or a guess.
 */
const LINK = /https?:\/\/\S+|www\.\S+/iu;
const LINKS = new RegExp(LINK.source, 'giu');
const ABOUT_THE_LINK = /^(?:你们|大家|领导|麻烦|请|帮忙|帮我|给我)*(?:看看|看一下|看下|瞧瞧|点开|打开)?(?:这个|这条|这篇|这里|下面)?(?:链接|网址|网页|文章|新闻|帖子|视频)?(?:看看|看一下|看下)?(?:吧|啊|呀|哈|呢)?$/u;

/** True when the text is one or more links and at most a few words pointing at them (`ABOUT_THE_LINK`). */
export function linkOnly(text: string): boolean {
  if (!LINK.test(text)) return false;
  const rest = text.replace(LINKS, '').replace(/[\s\p{P}\p{S}]/gu, '');
  return ABOUT_THE_LINK.test(rest);
}

/** Only @mentions ("@普法助手"), as written: the bot called on with nothing asked yet. */
const MENTION_ONLY = /^(?:[\s\u2005\u2004\u00a0!！。.~，,?？]*@[^\s\u2005@]{1,32})+[\s\u2005\u2004\u00a0!！。.~，,?？]*$/u;

/** True when `raw` (as written, before normalising) is only @mentions (`MENTION_ONLY`): greeted, as "在吗" is. */
export function mentionOnly(raw: string): boolean {
  return MENTION_ONLY.test(raw);
}

export type SmallTalk = 'greeting' | 'thanks' | 'help' | 'feedback' | 'smalltalk';

/**
 * Wanting to complain or report, with no matter named, as a whole message: "我要投诉", "怎么举报",
 * "去哪里投诉". The hotline answer (how and where), whatever the model spreads over the
 * hotline topic's intents — 投诉 is every topic's word, so it is no evidence for any.
 */
const BARE_COMPLAINT = new RegExp(
  '^(?:你好|您好|请问|问下|问一下)?[，, ]*(?:我|我们)?(?:要|想|想要|准备|需要)?(?:怎么|怎样|如何|么样|去哪里?|在哪里?|到哪里?|找谁|找哪个)?' +
    '(?:投诉|举报|反映问题|反映情况|报告)(?:一下|下)?(?:怎么弄|怎么搞|找谁|找哪个部门|打什么电话|打哪个电话|去哪里?|在哪里?)?(?:呢|呀|啊|嘛|哦)?[？?。.!！~]*$',
  'u',
);

/** True when the whole message asks to complain or report, naming no matter (`BARE_COMPLAINT`). */
export function bareComplaint(normalized: string): boolean {
  return BARE_COMPLAINT.test(normalized.trim());
}

/** A whole message that is only a greeting or thanks (short, nothing else in it). */
export function smallTalkOf(normalized: string): SmallTalk | undefined {
  const t = normalized.trim();
  const length = [...t].length;
  if (length > MAX_FEEDBACK_CHARS) return undefined;
  if (length > 16) return FEEDBACK.test(t) ? 'feedback' : length <= MAX_MISTAKE_CHARS && MISTAKE.test(t) ? 'help' : undefined;
  if (THANKS.test(t) || ACK.test(t)) return 'thanks';
  if (GREETING.test(t) || TESTING.test(t)) return 'greeting';
  if (HELP.test(t) || ABOUT_TO_ASK.test(t) || MISTAKE.test(t)) return 'help';
  if (FEEDBACK.test(t)) return 'feedback';
  if (COMPANY.test(t)) return 'smalltalk';
  return undefined;
}

/** Something asked to be done ("麻烦把这一摊积水处理一下", "请把门口的垃圾清一下"): a request, whatever thanks come with it. */
const ACTION_ASKED = /把[^，。！？,!?]{1,12}?(?:处理|清理|清走|清掉|清一下|拆|修|弄走|搞走|拖走|管一管|管一下|解决)/u;

/** True when the message asks for something to be done (`ACTION_ASKED`). */
export function asksAction(normalized: string): boolean {
  return ACTION_ASKED.test(normalized);
}

/** Having complained before and nothing happened: the message is about a complaint's progress. */
const PROGRESS = new RegExp(
  [
    '(?:投诉|举报|反映|反应|打(?:了|过)?[^。！？!?，,]{0,4}?(?:12345|12319|热线|电话)|报了?警|留言)[^。！？!?]{0,14}?' +
      '(?:没人回复|没回复|没有回复|没人回|不回复|没人理|没人管|没有人管|冇得?人管|没用|没有用|不管用|没反应|没有反应|没下文|没有下文|没结果|没有结果|' +
      '冇得?用|没得用|(?:一直|还|都|也)?(?:不|没|没有)(?:人)?来(?:处理|管|看)|(?:冇得?|没得|没有?)人来|(?:冇得?|没得|没有?)(?:一个|半个|个)?人(?:回|理|管|来|问)|没处理|没有处理|没人处理|不处理|还没|也没|都没|石沉大海|不了了之|推诿|踢皮球|推来推去|不满意|敷衍|照样|依然|依旧|还是|' +
      '有没有人(?:在)?(?:跟进|处理|管)|没人跟进|没有跟进|跟进了吗|有进展吗|有没有进展|什么进展|啥进展|' +
      // "到现在一点动静都冇得", "没有任何动静"
      '(?:一点|半点)?动静(?:都|也)?(?:冇得?|没得|没有?)|(?:冇得?|没得|没有?)(?:一点|半点|任何)?动静)',
    '(?<!施)工单', // not 施工单位 (the builder)
    // Sent back or passed on ("收到短信说“该诉求不属于本部门职责，已退回”"): not 押金退回.
    '不属于本部门',
    '(?:诉求|投诉|举报|反映)[^。！？!?]{0,20}?(?:退回|转办|移送)',
    '办理进度',
    '处理进度',
    '有(?:进度|进展)(?:冇|没|吗|不|么)',
    '进度(?:怎么样|如何|咋样|么样)',
    // Asked to look it up ("能不能帮我查一下进度", "进度在哪查"), or its number lost ("留言的编号我找不到了").
    '查(?:一下|一哈|下)?(?:处理|办理)?进度|进度(?:在哪|去哪|怎么)(?:里|儿)?查',
    '(?:留言|投诉|举报|工单|受理)的?(?:编号|单号|号码|回执)[^。！？!?]{0,6}?(?:找不到|丢了|忘了|不见了|冇得了)',
    '回访',
    // Waited long for the bureau's reply ("我等你们消息等了一个月了"): chasing it.
    '等(?:你们|您|城管)的?(?:消息|回复|答复|通知|处理|电话)(?:都|也)?等了',
    '(?:多次|好几次|几次|无数次|反复|一再)(?:投诉|举报|反映|打电话|打热线)',
    '(?:投诉|举报|反映)(?:了|过)?(?:好几次|很多次|多次|几次|无数次|好多次|N次|n次)',
    // "反映了三回了": a count of complaints (more than one), in 回 or 遍 too; "上个月就反映过一回" tells a detail.
    '(?:投诉|举报|反映)(?:了|过)?(?:[两三四五六七八九十几好多2-9]|\\d{2,})(?:次|回|遍|趟)',
    // Their reply does not match what is there ("他们回复说的跟实际不一样").
    '(?:回复|答复|回访)[^。！？!?]{0,8}?(?:跟实际|与实际|和实际)?(?:不一样|不符|不对|是假的|糊弄|敷衍)',
  ].join('|'),
  'u',
);

/** A problem being reported: no one deals with it, it keeps happening, it disturbs. */
const REPORT = new RegExp(
  [
    '没人管|没有人管|冇得?人管|无人管|没得人管|没人处理|没有人处理|没人问|管管|管一管|管不管|管不了|不归.{0,4}管|谁来管|谁管|有没有人管|怎么没人|不管吗|能不能管',
    '(?<![今明昨前后每])天天|每天|每晚|每到晚上|整夜|通宵|一直|长期|长年|经常|总是|屡次|反复|又在|还在|越来越',
    '严重影响|影响(?:休息|睡觉|睡眠|生活|出行|通行|学习|孩子)|吵死|吵得|吵到|臭死|臭气熏天|熏得|熏死|熏到|扰民|受不了|忍无可忍',
    '投诉|举报|反映一下|反映个|曝光',
    '太(?:吵|臭|脏|乱|大声|响|呛)',
    '乱(?:摆|停|放|倒|扔|贴|搭|建|排|堆|挖|砍)',
    // Someone else seen doing it: "小区门口有人卖早点", "有人在绿化带里种菜" tell of a problem (not "有人说…").
    '有人(?!说|讲|告诉|问|管)在?[^，。！？,!?]{0,8}(?:卖|摆摊|摆地摊|摆了|烧烤|种菜|倒|扔|贴|搭|占)',
  ].join('|'),
  'u',
);

/** The wording of a legal question: the citizen asks what the rule is, not to have something dealt with. */
const QUESTION = new RegExp(
  [
    '罚多少|罚款多少|罚几多|怎么处罚|如何处罚|怎么罚|会不会被罚|会被罚|要罚款吗|会罚款吗|罚不罚|合法吗|违法吗|合不合法|违不违法|算不算|算违建吗|算不算违建',
    '要不要(?:审批|办|批|许可|申请)|需要(?:审批|许可|办证|申请|什么手续)|怎么申请|如何申请|怎么办理|如何办理|什么手续|在哪里办|去哪里办|去哪办|哪里申请',
    '可不可以|可以吗|允许吗|能不能(?:自己)?(?:摆|装|建|砍|挂|停|搭|改)',
    '怎么领|怎么交|在哪(?:里)?交|哪里领|怎么缴|多久不领',
    // A legal question about one's own case, as put to a lawyer: the standard, the basis, the power.
    '罚款的?标准|处罚的?标准|标准是多少|依据是什么|(?:有没有|有冇得|是否有)(?:这个)?(?:权力|权利|权限|权)|是否合法|是不是合法|(?:也|还|都)要罚吗',
    // When something recurring happens ("厨余垃圾每天几点收"): a timetable asked, not a nuisance told.
    '(?:每天|每周|每晚|每个星期|一般)[^，。！？,!?]{0,6}(?:几点|什么时候|什么时间|哪天|星期几)(?!了)',
    '(?:一天|一周|一个?星期|每天|每周)[^，。！？,!?]{0,4}几(?:次|回|趟)',
  ].join('|'),
  'u',
);

/** A statement of someone doing something: a report of its own ("楼下有人在烧垃圾"), not a detail of the subject (brain.ts), nor a broken road alone (scope.ts). */
export const SOMEONE_DOES = /有人|有个人|有家|有户|有辆|有几个人|有一帮人/u;

/** "没人管", "管管": a plea to have it dealt with outweighs question words in the same message. */
const PLEA = /没人管|没有人管|冇得?人管|无人管|没得人管|没人处理|管管|管一管|管不了|谁来管|有没有人管|怎么没人|能不能管/u;

/**
 * 城关 typed for 城管 (the same pinyin, chéngguān), read as 城管: "三轮车被城关收走了", "城关态度蛮差".
 * The homophone step keeps 城关, a word (a county's seat town); as a place it is followed by 镇,
 * 街, 村, 区 or one of its units (城关派出所, 城关中学, 城关医院), and is kept then.
 */
const OFFICERS_TYPED_AS_TOWN = /城关(?!镇|街|村|区|派出所|中学|小学|社区|医院|卫生院|法庭)/gu;

/** The text with 城关 meaning 城管 read as 城管 (`OFFICERS_TYPED_AS_TOWN`). */
export function readsOfficers(text: string): string {
  return text.includes('城关') ? text.replace(OFFICERS_TYPED_AS_TOWN, '城管') : text;
}

/**
 * 丢 said for 扔, littering ("路边有人乱丢垃圾", "有人往楼下丢东西"), read as 扔: the words our answers
 * and their utterances use (乱扔垃圾, 高空抛物 told as 往楼下扔). Alone, "路边有人乱丢垃圾" had no word
 * of any topic and was declined. Only litter thrown anyhow (乱, 随地, 随手, 随便 before litter) or out
 * of a window — not bikes left anyhow ("小黄车乱丢在小区门口"), rubbish put in a bin ("往桶里丢", "晚上
 * 丢垃圾"), nor "秤丢了" (lost).
 */
const THROWN = /(乱|随地|随手|随便)丢(?=垃圾|烟头|纸屑|果皮|瓜子壳|塑料袋|东西|杂物)|(往楼下|往窗外|从楼上|从窗户|从车窗|从窗口)丢/gu;

/** The text with 丢 meaning 扔 read as 扔 (`THROWN`). */
export function readsThrown(text: string): string {
  return text.includes('丢') ? text.replace(THROWN, (_, anyhow: string | undefined, from: string | undefined) => `${anyhow ?? from ?? ''}扔`) : text;
}

/**
 * Asking for a person or a call back: "能不能转人工", "我不会打字 能不能打电话给我", "算了 给我个人工 我跟人说".
 * The bot is neither: it says so, and gives the lines where a person answers (brain.ts).
 */
const PERSON_ASKED = /转人工|人工客服|人工服务|(?:给我|找|要|换)(?:个|一个)?(?:人工|真人|工作人员)|跟(?:真)?人说|(?:打|回)(?:个)?电话给我|给我(?:打|回)(?:个)?电话|(?:不会|不好|不方便)打字|打不来字/u;
/** Longest message read as asking for a person (a longer one tells its matter, which is answered). */
const MAX_PERSON_CHARS = 40;

/** True when a message asks for a person or a call back (`PERSON_ASKED`). */
export function asksForPerson(normalized: string): boolean {
  return characters(normalized) <= MAX_PERSON_CHARS && PERSON_ASKED.test(normalized);
}

/**
 * Service numbers said or typed in Chinese numerals, as voice input writes them: "一二三四五" (12345),
 * "一二三一九", "幺幺零", "一一九". Only these numbers: a run of numerals is otherwise an idiom or a count
 * ("一五一十").
 */
const SPOKEN_NUMBER = /[一二三四五六七八九零〇幺]{3,5}/gu;
const NUMERAL_DIGIT: Readonly<Record<string, string>> = { 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 零: '0', 〇: '0' };
const SERVICE_NUMBERS: ReadonlySet<string> = new Set(['12345', '12319', '12369', '12315', '12333', '110', '119', '120', '122']);

/** The text with service numbers in Chinese numerals read as digits (`SPOKEN_NUMBER`). */
export function readsSpokenNumbers(text: string): string {
  return text.replace(SPOKEN_NUMBER, (run) => {
    const digits = [...run].map((c) => NUMERAL_DIGIT[c] ?? '').join('');
    return SERVICE_NUMBERS.has(digits) ? digits : run;
  });
}

/** How often, asked ("一天来几次"): not "好几次" nor "说了几次了", which tell. */
export const HOW_OFTEN = '(?<!好|了)几(?:次|回|趟)(?!了)';

/**
 * Anything that asks: question marks and particles, question words, "I want to know", "I do
 * not know" ("厨余垃圾和其他垃圾分不清" asks how, it reports nothing), and so does
 * an alternative ("复议是找城管局还是找区政府" asks which), a size ("广告牌要多大才需要审批"),
 * Wuhan's 么 for 什么 before a noun ("扔到么桶里", "么时候"), and so does "A不A" (会不会, 是不是,
 * 安不安全). A message with none of these that describes something ("楼道里贴满了小广告，清了又贴")
 * is a statement of a problem, which to this bot is a report.
 */
const ASKING = new RegExp(String.raw`[?？]|吗|呢|么(?:桶|类|地方|时候|颜色|部门|单位)|多大|多高|多长|多宽|多远|多重|多深|多厚|(?:是|找|去|向|交给|打)[^，。！？,!?]{1,12}还是|么样|怎|如何|分不清|搞不清|搞不懂|弄不清|不会分|不懂怎么|不知道(?:怎么|该|要|是不是)|不晓得(?:么样|怎么|该|要)|能否|是否|可否|可以|能不能|可不可以|什么|啥|哪|谁|多少|几多|多久|几天|几点|${HOW_OFTEN}|要不要|算不算|有没有|了解|咨询|请问|想问|问一下|问下|规定|标准|政策|流程|条件|手续|申请|办理|(\p{Script=Han})不\1|(?:能|会|要|有|准|让|该|行)[^，。！？,!?]{0,6}(?:不|冇|没)[。.!！~]*$`, 'u');
/**
 * The citizen's own case: they were fined, ticketed, seized from or reported themselves
 * ("电动车停人行道被贴了单子", "楼顶加了个棚，邻居举报了会么样"). They ask what happens to them;
 * telling them how to report a problem would be beside the point.
 */
const OWN_CASE = new RegExp(
  [
    '被(?:城管|执法人员|执法队员|执法队|中队|协管员?)?(?:罚|处罚|扣|暂扣|扣押|没收|拆|强拆|贴了?(?:罚)?单|开了?(?:罚)?单|拖走|拖了|拉走|收走|拿走|搬走|查处|查封|认定|责令|限期|立案|举报|投诉)',
    '(?:罚|扣|拆|没收|拖|举报|投诉)了?我(?![们家])',
    // "店门口摆了几张桌子被城管说了": the citizen is the one told off.
    '被(?:城管|执法人员|执法队员?|协管员?|中队)(?:说|讲|批评|警告|教育|提醒)了?',
    // "我在菜市场门口卖水果 城管天天来赶": the citizen is the one moved on.
    '(?:城管|执法人员|执法队员?|协管员?|中队)[^，。！？,!?]{0,6}(?:赶|撵|驱赶|轰)(?:我|我们|人)?',
    // "我家院子里搭了个棚子": the citizen's own building (not "我家楼上搭了", a neighbour's).
    '(?:我家|我们家|自家|我自己)的?(?:院子|院里|房子|屋顶|房顶|楼顶|阳台|露台|门面|店铺|店|车库|老房子|自建房|宅基地)?(?:里|上|前|后|外|外面)?(?:自己)?(?:搭了|建了|盖了|加了|加盖了|扩了|扩建了|围了|封了)',
    // "城管把我电动车拖走了", "把我的三轮车收了": the citizen's own things taken.
    '把我(?:的|家的?)?[^，。！？,!?我]{0,6}(?:罚|扣|拆|没收|拖|拉|收|拿|搬|抄)(?:走|掉|了)',
    '(?:有人|邻居|别人)(?:把我|去)?(?:举报|投诉)了?',
    // "城管来检查说我没装净化器", "被城管查到": officers found the citizen at fault.
    '被(?:城管|执法人员|执法队员|中队)查到|(?:城管|执法人员|执法队员|中队)[^，。！？,!?]{0,8}说我',
    // "我收到一个责令改正通知书 说我违建": a paper served on the citizen.
    '(?:收到|接到|拿到|给了我|发了我|贴了)(?:一[个份张])?[^，。！？,!?]{0,8}(?:通知书|决定书|告知书|通知单|处罚单|罚单)',
    '(?:通知书?|决定书|告知书|单子)(?:上)?(?:说|写着?|讲)我',
    // "物业不让我们在自己阳台装防盗网", "城管不准我在店门口摆桌子": whether the citizen may do it.
    '(?:城管|执法人员|执法队员?|协管员?|中队|物业|社区|居委会|街道|管理处)[^，。！？,!?]{0,4}(?:不让|不准|不许|不给|禁止)(?:我|我们)(?:在)?[^，。！？,!?]{0,10}(?:装|搭|建|摆|停|挂|改|开|放|卖|晒|种|养|做|修)',
  ].join('|'),
  'u',
);
/** …unless what they report is how officers treated them ("被城管推了还被扣了东西"): that is a complaint. */
const CONDUCT = /打|骂|推|踢|抢|砸|掀|态度|粗暴|欺负|霸道|凶|吼|好处|吃拿|索要|亮证|冒充/u;

/**
 * What the citizen means to do themselves ("厨房改造燃气管要挪一下", "燃气热水器想移到卫生间"):
 * a question about the rule for it, though it is worded as a statement. Someone else's
 * wish ("其他住户想在那里散步都进不去") is not the citizen's.
 */
const INTENTION = /(?<![人户他她居主])(?:想(?!不到)|打算|准备|计划)|要(?:挪|移|改|装|拆|换|搭|建|加|办|申请)/u;

/** A statement shorter than this is more likely a terse query ("占道经营处罚") than a report. */
const MIN_STATEMENT_CHARS = 10;

/** True when the wording asks anything (`ASKING`: question marks and particles, question words). */
export function asks(normalized: string): boolean {
  return ASKING.test(normalized);
}

/**
 * Asking where a complaint stands — its progress, its work order, its closing ("有进度冇",
 * "工单显示办结了", "能不能督办"), its being sent back or on ("不属于本部门职责，已退回"), the time
 * it must be answered in ("有没有规定多少天内必须答复") — rather than only that nothing happened
 * ("举报了没用").
 */
const ASKS_PROGRESS = /进度|进展|(?<!施)工单|办结|督办|回访|跟进了吗|有没有人跟进|退回|转办|移送|不属于本部门|(?:多少|几)天(?:之|以)?内[^，。？?]{0,6}(?:答复|回复|办结|处理)|(?:答复|回复|办理)的?(?:时限|期限)/u;

/**
 * A sentence that puts a question (narrower than `ASKING`, which also reads a message's tone:
 * "但是这几天还是呛得开不了窗" tells, its 是…还是 asks nothing).
 */
const QUESTION_SENTENCE = new RegExp(`[?？]|请问|想问|吗|呢|怎么|怎样|如何|么样|能否|能不能|可不可以|是否|可否|有没有|要不要|哪|谁|什么|多少|几多|多久|几点|几时|${HOW_OFTEN}`, 'u');

/**
 * True when a progress message asks where the complaint stands (`ASKS_PROGRESS`): the progress
 * answer comes first. Only when no sentence asks something else: a letter that tells of its
 * 工单 ("工单都回复说已经责令整改") and asks about the problem ("请问要怎样才能让他把烤炉搬回店里？")
 * asks about the problem, which its answer comes first for.
 */
export function asksProgress(normalized: string): boolean {
  return ASKS_PROGRESS.test(normalized) && askedSentences(normalized).some((s) => ASKS_PROGRESS.test(s));
}

/** The sentences of a text that put a question (`QUESTION_SENTENCE`); none when it asks nothing. */
export function questionSentences(normalized: string): string[] {
  return sentences(normalized).filter((s) => QUESTION_SENTENCE.test(s));
}

/** The sentences of a text that put a question (`questionSentences`, found again unless given), or the whole text when none does: what it asks. */
export function askedSentences(normalized: string, questions: readonly string[] = questionSentences(normalized)): string[] {
  return questions.length > 0 ? [...questions] : [normalized];
}

/** The act of a message, from its wording (the topic is the classifier's business). */
export function detectAct(normalized: string): SpeechAct {
  if (smallTalkOf(normalized)) return 'smalltalk';
  if (PROGRESS.test(normalized)) return 'progress';
  if (OWN_CASE.test(normalized) && !CONDUCT.test(normalized) && !PLEA.test(normalized)) return 'question';
  if (REPORT.test(normalized) && (!QUESTION.test(normalized) || PLEA.test(normalized))) return 'report';
  if ([...normalized].length >= MIN_STATEMENT_CHARS && !ASKING.test(normalized) && !INTENTION.test(normalized)) return 'report';
  return 'question';
}

/**
 * How officers treated the citizen, named with the officers: struck, kicked, pushed, robbed, sworn at,
 * or took a red envelope, favours or money without a receipt ("我被城管打了想要赔偿", "城管人员收红包",
 * "城管收了钱不开票"), or asked for money or a transfer ("说是城管的 找我要钱", "让我微信转两百": real or
 * not, how to tell and where to report is the conduct topic's). jieba reads
 * 打 or 红包 as everyday words, so the text had no word of its own for enforcement conduct
 * and the complaint was declined as not the bureau's matter. 打 as in 打电话/打12345/打一个电话 is not a blow; 打一个摆摊的 is.
 * Goods taken without a word or a paper (没说什么就把东西搬走了) are 乱扣, the same complaint.
 */
/**
 * Officers (城关 typed for 城管 is read as 城管 first: `readsOfficers`). Written to the bureau's
 * own bot, "你们的人" and "你们的工作人员" are its officers too ("你们的人态度太差了 我要投诉").
 */
const OFFICERS = '(?:城管|执法人员|执法队员|队员|协管员?|执法的|你们(?:的|那边的|单位的|局里的|派来的)(?:人|工作人员|执法人员|队员))';
const MISCONDUCT = '(?:打(?![电听算招扫包开车卡折印理工造击球0-9个下哪几啥什]|一[个下通]?(?:电话|热线|12)|一下)|殴打|动手|踢|踹|扇|推(?:了|倒|搡|我|人)|拉扯|撕扯|拽(?:了|倒|我|人)|[划弄打摔]伤|抢(?:走|了|我)|骂|辱骂|红包|好处费?|收礼|吃拿卡要|索要|索贿|受贿|勒索|收了?(?:我们?的?)?钱不(?:开|给)(?:发?票|收据|单子)|乱收费|收(?:了|我们?|摊位)?好处|收了?[^，,。！!？?；;]{0,8}(?:摊位费|管理费|保护费)|要钱|转账|微信转|转到个人|私人(?:微信|账户|卡))';
/** Goods taken without a word or a paper ("城管来了没说什么就把东西搬走了"): 乱扣, a complaint too. */
const UNEXPLAINED = '(?:没说|没有说|二话不说|一句话不说|一句话都不说|什么都没说|什么也没说|什么都不说|不说|不讲|没讲|不听|没有?(?:任何)?(?:手续|单子|清单|通知|告知|理由|说明|解释))';
const TAKEN = '(?:搬|拿|拉|收|抢|扣|拖|抬)走';
/**
 * How officers spoke to the citizen, said of the officers themselves ("城管态度太差了", "你们的人
 * 态度恶劣"): a conduct complaint when they are named just before it, not anywhere in the text
 * (a courier's or a shop's manner is not the bureau's: "快递员态度太差 城管也不管").
 */
const RUDE = '(?:态度(?:也|真的?|太|很|好|特别|非常|极其|实在|蛮|这么|那么)*(?:差|恶劣|蛮横|凶|不好|粗暴|傲慢|嚣张)|凶神恶煞|吼(?:我|人|了我))';
/** Officers' misconduct itself: a blow, abuse, a bribe, or their manner (`RUDE`). */
const NAMED_MISCONDUCT = `${OFFICERS}[^，,。！!？?；;]{0,8}?(?:${MISCONDUCT}|${RUDE})`;
/** Goods taken by officers without a word or a paper. */
const UNEXPLAINED_TAKING = `${OFFICERS}[^，,。！!？?；;]{0,8}?${UNEXPLAINED}[^。！!？?；;]{0,16}?${TAKEN}`;
const CONDUCT_COMPLAINT = new RegExp(`${NAMED_MISCONDUCT}|${UNEXPLAINED_TAKING}`, 'u');
/** Misconduct told anywhere in the text, the officers named anywhere ("城管把我的秤拿走了 还推了我一把"). */
const MISCONDUCT_ANYWHERE = new RegExp(MISCONDUCT, 'u');
const OFFICERS_ANYWHERE = new RegExp(OFFICERS, 'u');

/** True when the text names officers and, anywhere in it, misconduct (`MISCONDUCT`): looser than `complainsOfConduct`. */
export function tellsOfMisconduct(normalized: string): boolean {
  return OFFICERS_ANYWHERE.test(normalized) && MISCONDUCT_ANYWHERE.test(normalized);
}
/** `CONDUCT_COMPLAINT` without the goods taken without a word. */
const MISCONDUCT_NAMED = new RegExp(NAMED_MISCONDUCT, 'u');
/**
 * Whether they are officers at all is the question ("自称城管的人来收管理费", "穿便衣的说是城管"):
 * the identity answer (亮证) comes first; or what auxiliary staff may do ("协管员能动手推人吗"):
 * the auxiliary staff's answer.
 */
const OFFICERS_DOUBTED = /自称|说是城管|说他们?是|冒充|假(?:冒|的|城管)|骗子|真的假的|便衣|(?:没|不)穿制服|证件|执法证|协管|辅助人员|临时工/u;

/** The topic a complaint about officers' conduct belongs to. */
export const CONDUCT_TOPIC = 'enforcement_conduct';

/** True when the text complains of how officers treated someone (`CONDUCT_COMPLAINT`). */
export function complainsOfConduct(normalized: string): boolean {
  return CONDUCT_COMPLAINT.test(normalized);
}

/**
 * The ranking with the conduct topic marked as having evidence in the text when the wording
 * names officers' misconduct: the model's scores are unchanged, so the conduct topic is
 * answered only when the model ranks it first, as with any word of the topic.
 */
export function withConductEvidence(ranking: IntentScore[], normalized: string): IntentScore[] {
  if (!complainsOfConduct(normalized)) return ranking;
  return withEvidenceFor(ranking, CONDUCT_TOPIC);
}

/**
 * Building work heard by its sound ("半夜还在打桩 搞么事咯", "工地凌晨还在电焊"): words our
 * utterances use too seldom to be evidence for the noise topic (打桩 once there, once for
 * construction waste), so such a message was declined though the model ranked noise first.
 */
export const BUILDING_SOUND = /打桩|电焊|钻孔|破碎锤|风炮|电锤|切割机/u;
export const NOISE_TOPIC = 'noise';

/** The ranking with the noise topic marked as having evidence when the text names building work by its sound; scores unchanged. */
export function withBuildingSoundEvidence(ranking: IntentScore[], normalized: string): IntentScore[] {
  return BUILDING_SOUND.test(normalized) ? withEvidenceFor(ranking, NOISE_TOPIC) : ranking;
}

/** The ranking with `topic`'s entries marked as having evidence in the text; scores unchanged. */
export function withEvidenceFor(ranking: IntentScore[], topic: string): IntentScore[] {
  return ranking.map((s) => (s.topic === topic && s.evidence === false ? { ...s, evidence: true } : s));
}

/**
 * A complaint of officers' misconduct asked back about: answered on conduct when the conduct
 * topic leads at a score the brain answers from but too close to the runner-up ("卖菜的老人被
 * 城管推倒了，太过分了": conduct 0.29, the vendor's own matter next), or when it is among the
 * choices at all (a letter that tells at length of the stall and then of the blow, ninth
 * session): the wording names the misconduct. So is an answer on another matter when conduct is
 * among the three leading topics ("菜场门口卖鱼的大爷被城管打了，就为了几个筐子摆在路边": the stall
 * 0.47, answered with how to report it), and a decline ("城管收东西的时候拉扯，把他的手划伤了…能要求
 * 城管赔医药费吗": 医药费 read as a medical matter). A question back or an answer offering
 * "举报摊贩占道经营" to someone who saw an officer strike a vendor reads as taking sides. Any other
 * decision is returned as it is.
 */
export function conductFirst(decision: Decision, ranking: readonly IntentScore[], normalized: string, answer: number): Decision {
  // Answered on another matter, or declined (a hurt hand's 医药费 read as a medical matter, tenth
  // session): officers' misconduct is the bureau's, when conduct is among the three leading topics.
  const otherMatter = decision.action === 'answer' && decision.top !== undefined && decision.top.topic !== CONDUCT_TOPIC;
  if ((otherMatter || decision.action === 'out_of_scope') && complainsOfConduct(normalized)) {
    const conduct = topicScores(ranking).slice(0, 3).find((t) => t.topic === CONDUCT_TOPIC);
    return conduct ? answeredOn(decision, conduct.best) : decision;
  }
  if (decision.action !== 'clarify' || !complainsOfConduct(normalized)) return decision;
  const lead = topicScores(ranking)[0];
  if (lead?.topic === CONDUCT_TOPIC && decision.confidence >= answer) return answeredOn(decision, lead.best);
  const offered = decision.candidates.find((c) => c.topic === CONDUCT_TOPIC);
  return offered ? answeredOn(decision, offered) : decision;
}

/** The conduct topic's answer on misconduct: how to complain, one's rights, who makes good a harm. */
const CONDUCT_COMPLAINT_INTENT = `${CONDUCT_TOPIC}.complain`;

/**
 * An answer on the conduct topic to a text naming officers' misconduct itself — a blow, abuse,
 * a bribe (`MISCONDUCT_NAMED`) — is its complaint answer. Within the topic the model chose on
 * the words the intents share: "城管可以打人吗" was answered on who may enforce (its 可以…吗 is
 * the auxiliary staff's "协管员可以…吗"), with nothing on what to do when hit. Goods taken
 * without a word (`UNEXPLAINED_TAKING`), and a text that doubts they are
 * officers at all or names auxiliary staff (`OFFICERS_DOUBTED`), keep the model's choice:
 * showing one's papers is the identity answer's, what auxiliaries may do the auxiliary one's.
 */
export function complaintFirst(decision: Decision, normalized: string, hasAnswer: (intent: string) => boolean): Decision {
  return answeredWithin(decision, CONDUCT_TOPIC, CONDUCT_COMPLAINT_INTENT, () => MISCONDUCT_NAMED.test(normalized) && !OFFICERS_DOUBTED.test(normalized), hasAnswer);
}

/**
 * A report asked back with only one matter's answers to choose from ("菜场门口有人卖活鸡": 占道经营会受到
 * 什么处罚 or 举报摊贩占道经营): the matter is known, and what a citizen reporting it needs is how to
 * report it — that matter's report answer, when it is among the choices. Asking which of the two
 * answers to read made the citizen choose between the fine and the report of the one thing they told.
 */
export function reportOfOneMatterFirst(decision: Decision, act: SpeechAct): Decision {
  if (decision.action !== 'clarify' || act !== 'report' || decision.candidates.length < 2) return decision;
  const topic = decision.candidates[0]?.topic;
  if (!topic || decision.candidates.some((c) => c.topic !== topic)) return decision;
  const report = decision.candidates.find((c) => c.intent === `${topic}.report`);
  return report ? answeredOn(decision, report) : decision;
}

/**
 * In a complaint of officers' misconduct answered on conduct, the stall is whom they acted
 * against ("卖菜的老人被城管推倒了"), not a second matter: "您还提到：举报摊贩占道经营" would read
 * as siding with the officers. True for such a secondary topic.
 */
export function victimsTrade(primary: string, secondary: string, normalized: string): boolean {
  return primary === CONDUCT_TOPIC && secondary === 'street_vending' && complainsOfConduct(normalized);
}


/**
 * A fine the citizen was given ("城管罚了我500块", "被罚了两千", "开了罚单") …
 * (罚了 is the past: "会罚多少" asks about a fine to come).
 */
const FINED = /罚了(?:我|俺|我们|我家)?|罚我|被罚|被(?:城管|执法人员|执法队)?开了?罚单|给我开了?罚单/u;
/** … that they hold wrong or too heavy: "太重了", "不合理", "冤枉", "凭什么", "有没有搞错". */
const DISPUTED = /太重|太狠|太多了|太高了|罚多了|罚重了|不合理|不公平|冤枉|冤屈|不服|凭么|凭什么|有没有搞错|搞错了|罚错|乱罚|过分/u;

/** Paying later or in parts: the payment answer says how to ask for it (行政处罚法 第六十六条). */
const INSTALMENTS = /分期|分几次|分几回|分批|缓交|暂缓|晚点交|迟点交|交不起|没钱交|冇得钱交/u;
/** … or cannot pay it all, or not now: asks for less, for instalments or for time ("能不能少罚一点或者分几次交"). */
const PLEADED = new RegExp(`少罚|减免|减轻|从轻|少交|${INSTALMENTS.source}`, 'u');
const PAYMENT_INTENT = `${PENALTY_TOPIC}.payment`;

/**
 * Saying one will take the bureau to court: "我要告城管", "我想告你们城管局", "城管局可以告吗",
 * "你们等着 我要告你们". 告 after 报/公/广/警/转/通/预/控/宣/被/劝 is another word (报告, 广告,
 * 警告 …); 告他们 only when the text names the bureau (neighbours one sues are no matter of ours).
 */
const SUES_US = /(?<![报公广警转通忠预控宣布被劝])告(?:你们|城管|执法)|(?:城管|执法)[局队]?(?:可以|能|能不能|可不可以)告/u;
const SUES_THEM = /(?<![报公广警转通忠预控宣布被劝])告(?:他们|他)/u;
const NAMES_BUREAU = /城管|执法/u;

/** True when the text says the citizen will sue the bureau, or asks whether one may (`SUES_US`). */
export function suesBureau(normalized: string): boolean {
  return SUES_US.test(normalized) || (SUES_THEM.test(normalized) && NAMES_BUREAU.test(normalized));
}

/**
 * True when the text disputes a fine the citizen was given ("我在店门口摆了两个花盆，城管罚了
 * 我500块，这也太重了吧", "罚了我三千块 我不服"), or pleads against it ("摆摊被罚了两百，屋里实在
 * 困难…能不能申请少罚一点或者分几次交"): a question of their rights against the fine (陈述申辩,
 * 复议, 诉讼, 不予或从轻处罚, paying later or in parts), whatever matter it was given for.
 */
export function contestsOwnFine(normalized: string): boolean {
  return FINED.test(normalized) && (DISPUTED.test(normalized) || PLEADED.test(normalized));
}

/**
 * A dispute of the citizen's own fine (`contestsOwnFine`) asked back with the penalty-rights
 * topic among the choices ("城管罚了我500块，这也太重了吧": the stall's penalty 0.14, then
 * 当场罚款的金额限制): answered on that topic's best intent — the payment answer when it asks to
 * pay later or in parts (`ranking` is where that intent's entry is found). The matter the fine was for is
 * named after it as another topic when the letter has a sentence clearly about it, as any
 * answer's. Any other decision is returned as it is.
 */
export function contestFirst(decision: Decision, normalized: string, ranking: readonly IntentScore[] = []): Decision {
  if (decision.action !== 'clarify' || !contestsOwnFine(normalized)) return decision;
  const best = decision.candidates.find((c) => c.topic === PENALTY_TOPIC);
  if (!best) return decision;
  // Asked to pay later or in parts: the payment answer, which says how to apply for it.
  const payment = INSTALMENTS.test(normalized) ? ranking.find((s) => s.intent === PAYMENT_INTENT) : undefined;
  return answeredOn(decision, payment ? { ...payment, score: best.score } : best);
}

/**
 * Whether one needs a permit or a procedure ("店门口放个广告牌要不要办手续", "摆摊要去哪里申请"),
 * asked without asking about a fine: the topic's permit answer, not its penalty — the model
 * chose between the two on the words they share (广告牌, 店门口).
 */
const ASKS_PERMIT = /要不要(?:办|去|先)?(?:手续|审批|批准|许可|报批|申请)|需不需要(?:办)?(?:手续|审批|批准|许可|报批)|需要(?:办)?(?:什么|哪些)?(?:手续|审批|批准|许可)|(?:审批|报批|许可|手续)(?:吗|不|么|没有)|怎么(?:申请|审批|报批|办手续)|去哪(?:里|儿)?(?:申请|审批|报批|办手续)/u;
const ASKS_ABOUT_FINE = /罚|违法|拆/u;
/**
 * Where one may do it without a fine ("我卖烤红薯的 在哪里摆摊不会被罚", "摆在哪儿才不算违法"): a
 * fine named only as what to avoid, so the place that is allowed (the permit answer: 疏导点、夜市),
 * not the fines — the model read 罚 as the penalty question.
 */
const ASKS_WHERE_ALLOWED = /(?:哪里|哪儿|哪块|哪个地方|哪些地方|什么地方|哪)[^，,。！!？?；;]{0,8}?(?:才?(?:不会|不得|不用|不)(?:被|挨)?罚|才?不(?:算|是)?违[法规]|才?(?:算|是)?合[法规]|才?(?:能|可以|允许|准)(?:摆|卖|经营))/u;

/** True when the text asks whether a permit or procedure is needed, and nothing of a fine (`ASKS_PERMIT`), or where it is allowed (`ASKS_WHERE_ALLOWED`). */
export function asksPermit(normalized: string): boolean {
  return (ASKS_PERMIT.test(normalized) && !ASKS_ABOUT_FINE.test(normalized)) || ASKS_WHERE_ALLOWED.test(normalized);
}

/** An answer on a topic's penalty for a text that asks about its permit (`asksPermit`): the topic's permit answer, when it has one. */
export function permitFirst(decision: Decision, normalized: string, hasAnswer: (intent: string) => boolean): Decision {
  const top = decision.top;
  if (decision.action !== 'answer' || !top || top.intent !== `${top.topic}.penalty` || !asksPermit(normalized)) return decision;
  const permit = `${top.topic}.permit`;
  return hasAnswer(permit) ? answeredOn(decision, { ...top, intent: permit }) : decision;
}

/**
 * Goods seized and spoiled, broken or lost, and the citizen asking who makes good the loss: "菜都烂了，
 * 能不能要求赔偿", "车子被他们弄坏了 哪个赔", "东西少了几样 要他们赔". The harm is named next to the
 * claim, or the claim names the loss (赔偿损失).
 */
const HARMED = '烂|坏|损坏|弄坏|摔坏|丢|丢失|少了|不见|变质|死了|臭了|化了';
const CLAIM = '赔|索赔|补偿';
const SEIZED_GOODS_HARMED = new RegExp(`(?:${HARMED})[^。！？!?]{0,14}?(?:${CLAIM})|(?:${CLAIM})[^。！？!?]{0,6}?损失`, 'u');
const SEIZED_TOPIC = 'seized_items';
/** The seized-goods answer on damage and what a citizen should have been given (清单, 决定书): who makes good a loss (行政强制法 第二十六条). */
const SEIZED_DAMAGE_INTENT = `${SEIZED_TOPIC}.list`;

/**
 * An answer on seized goods to a text that asks for a loss to be made good (`SEIZED_GOODS_HARMED`)
 * is the answer on damage and papers: "菜场门口摆摊被城管把秤和菜都收走了…菜都烂了，能不能要求赔偿"
 * got how to fetch the goods back, with nothing on the spoiled vegetables.
 */
export function damageFirst(decision: Decision, normalized: string, hasAnswer: (intent: string) => boolean): Decision {
  return answeredWithin(decision, SEIZED_TOPIC, SEIZED_DAMAGE_INTENT, () => SEIZED_GOODS_HARMED.test(normalized), hasAnswer);
}

/**
 * An answer on `topic` turned into an answer on its `intent`, when the wording calls for it
 * (`applies`, read only for such an answer) and the knowledge base has it; any other decision as it is.
 */
function answeredWithin(decision: Decision, topic: string, intent: string, applies: () => boolean, hasAnswer: (intent: string) => boolean): Decision {
  const top = decision.top;
  if (decision.action !== 'answer' || top?.topic !== topic || top.intent === intent) return decision;
  return applies() && hasAnswer(intent) ? answeredOn(decision, { ...top, intent }) : decision;
}

/** `decision` turned into an answer on `top`, at the confidence it was taken on. */
function answeredOn(decision: Decision, top: IntentScore): Decision {
  return { action: 'answer', top, candidates: [], confidence: decision.confidence };
}
