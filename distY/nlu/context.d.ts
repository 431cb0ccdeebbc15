import { type ConversationState, type IntentScore, type SpeechAct } from '../core/types.js';
/**
 * Conversation context: a short follow-up without a topic of its own ("那罚多少钱？",
 * "要去哪里办？", "多久能拿回来？") is understood in the topic of the previous answer, for
 * `BOT_CONTEXT_TTL_SEC` after it. Pure: the state comes from the session store.
 */
/** Longest follow-up, in characters (`followupChars`): a longer message carries its own subject. */
export declare const MAX_FOLLOWUP_CHARS = 16;
/**
 * A message's length for `MAX_FOLLOWUP_CHARS`: its characters without spaces and punctuation,
 * which chat messages use where a letter has commas ("他们说装了净化的 但是味道还是蛮大" is 16).
 */
export declare function followupChars(text: string): number;
/** True when a follow-up asks whether what was just told of is genuine (`ASKS_GENUINE`): that subject's, whatever 骗子 reads as. */
export declare function asksGenuine(normalized: string): boolean;
/** True when `t` holds a domain term of two or more characters (种菜, 油烟, 占道 …). */
export declare function namesDomainTerm(t: string, domainTerms: ReadonlySet<string>): boolean;
/**
 * True when `t` names a matter of its own for the topics whose answers hold for every subject
 * (处罚与救济): a domain term of two or more characters (罚款, 复议, 起诉 …), 处罚/不服, or leniency asked
 * ("第一次能不能不罚", "能不能从轻"). "对处罚不服怎么办" does; "要申请吗" (申请 → 复议 for the model) does not,
 * and after the shop-sign answer it is about the sign.
 */
export declare function namesAcrossTopicsMatter(t: string, domainTerms: ReadonlySet<string>): boolean;
/** True when a short message asks the legal basis of the answer just given (`LEGAL_BASIS`), naming no subject of its own. */
export declare function asksLegalBasis(t: string, domainTerms: ReadonlySet<string>): boolean;
/** True when a message asks whether someone else may go or do it (`PROXY`), naming no subject of its own. */
export declare function asksProxy(t: string, domainTerms: ReadonlySet<string>): boolean;
/** True when a message asks where to complain (`COMPLAIN_WHERE`) and names no matter. */
export declare function asksWhereToComplain(t: string, domainTerms: ReadonlySet<string>): boolean;
/** True when the message asks about the bureau itself (`BUREAU_ITSELF`); "城管局会罚吗" is still the subject's fine. */
export declare function asksAboutBureau(t: string): boolean;
/** The matter of a message that only names one (`ABOUT_MATTER`): its words, or undefined. */
export declare function vagueMatter(t: string): string | undefined;
/**
 * The text without the clauses that only say what the matter is not: their terms are not its
 * matter (a letter about a fire lane saying "不是电动车和单车" is not about parking bikes). A clause
 * that asks ("不是说可以摆吗") is kept; so is a text that is nothing else.
 */
export declare function withoutDenials(text: string): string;
/**
 * The text the model ranks: without its denials (`withoutDenials`), and, when the citizen says
 * what they only want to ask, that question alone ("…占着人行道摆摊 我只想问缺斤少两找谁" is
 * about 缺斤少两, not the stall).
 */
export declare function rankedText(text: string): string;
/** The words to place among the subjects talked about before, when the message goes back to one (`REFERS_BACK`, `BACK_TO`); else undefined. */
export declare function referredBack(t: string): string | undefined;
/** A correction of the answer just given, or a return to an earlier matter: what follows it ('' when nothing), or undefined. */
export declare function correctionOf(t: string): string | undefined;
/**
 * "你们办公地点在哪", "你们单位电话多少", "你们几点上班", "城管局地址", "新洲区城管执法局在哪个位置",
 * "怎么联系城管": how to reach the bureau (the hotline answer, which names the bureau's own office
 * too). Short messages only: a letter that names 城管局 is about its matter; nor when a matter
 * is named beside a plain 城管 (`domainTerms`: "城管上班时间能来处理噪音吗").
 */
export declare function asksHowToReachBureau(t: string, domainTerms?: ReadonlySet<string>): boolean;
/** True when a short message asks where to send photos or a video (`SEND_EVIDENCE`) and names no matter. */
export declare function asksWhereToSendEvidence(t: string, domainTerms?: ReadonlySet<string>): boolean;
/** True when `normalized` reads as a follow-up: short, leaning on before, and naming no subject of its own. */
export declare function looksLikeFollowup(normalized: string, domainTerms: ReadonlySet<string>): boolean;
/**
 * A follow-up that plainly leans on what came before: it opens with 那/还有/如果… or asks
 * about the fine ("罚多少钱"), with no subject of its own, or asks where the answer comes from
 * ("这是哪条法律规定的"), or whether someone else may go ("叫我儿子去帮我拿行不行"). ("结婚证补办去哪里" asks
 * too, but about its own subject.)
 */
export declare function leansOnPrevious(normalized: string, domainTerms: ReadonlySet<string>): boolean;
export type OwnCaseStatement = 'corrected' | 'explains';
/** What the citizen says of their own case, if the whole message is such a statement (asking nothing, naming no subject). */
export declare function ownCaseStatement(normalized: string, domainTerms: ReadonlySet<string>, asking: boolean): OwnCaseStatement | undefined;
/** True when the whole message says a problem is still not dealt with (`STILL_NOT`), naming no subject of its own. */
export declare function saysStillNotDealtWith(normalized: string, domainTerms: ReadonlySet<string>): boolean;
/**
 * True when `t` names a matter of its own besides the others a citizen asks about a problem
 * (物业, 社区 …: "物业能随便剪不" after trees is about the trees; "你们几点下班" names 下班).
 */
export declare function namesMatterBesidesOthers(t: string, domainTerms: ReadonlySet<string>): boolean;
/**
 * What details the whole message adds to a problem (`REPORT_DETAIL`), if it does, naming no
 * subject of its own and asking nothing of the fine or of paying it ("罚款交给谁" is paying a fine).
 */
export declare function addsReportDetail(normalized: string, domainTerms: ReadonlySet<string>): DetailKind | undefined;
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
export declare function recentTopic(state: ConversationState | undefined, now: number, ttlSec: number): RecentTopic | undefined;
/** True when the text asks whether there is a fine, or how much (`ASKS_FINE_AMOUNT`). */
export declare function asksFineAmount(normalized: string): boolean;
/** True when a follow-up asks about the fine itself ("会罚款吗"): about the previous subject's fine even when the fines topic would answer it confidently. */
export declare function asksFine(normalized: string): boolean;
/** True when `normalized` asks only whether, or how much, a fine there is (`ONLY_THE_FINE`). */
export declare function asksOnlyTheFine(normalized: string): boolean;
/** The general fines answer (罚款标准与缴纳), for a topic whose own answers state no fine. */
export declare const GENERAL_FINES_INTENT = "penalty_rights.payment";
/** True when a follow-up disputes a fine or decision (`CONTESTS`): the rights against it, whatever it was for. */
export declare function contestsDecision(normalized: string): boolean;
/** True when `text` states a fine with its amount (罚款 and a figure). */
export declare function statesFine(text: string): boolean;
/** True when `text` is about a fine (罚款), with or without its amount. */
export declare function mentionsFine(text: string): boolean;
/**
 * Per topic, the topic's own `<topic>.penalty` answer first, then the intents whose answers
 * state a fine with its amount. Computed once from the knowledge base.
 */
export declare function fineIntentsByTopic(answers: Iterable<{
    intent: string;
    topic: string;
    points: readonly {
        text: string;
    }[];
}>): Map<string, string[]>;
/** True when `normalized` asks only how long or by when (`ONLY_THE_TIME`). */
export declare function asksOnlyTheTime(normalized: string): boolean;
/** True when `text` states a time limit (`DEADLINE`). */
export declare function statesDeadline(text: string): boolean;
/** What the knowledge base says, per answer, that a follow-up can ask about: fines and time limits. */
export interface FollowupFacts {
    /** Per topic, its penalty answer first, then the answers stating a fine with its amount (`fineIntentsByTopic`). */
    fineIntents: ReadonlyMap<string, readonly string[]>;
    /** Intents with a sentence about fines (罚款), with or without its amount (a Wuhan rule we do not hold names none). */
    mentionFines: ReadonlySet<string>;
    /** Intents with a sentence stating a time limit. */
    statesDeadlines: ReadonlySet<string>;
}
/** True when a follow-up asks where to go or whom to ask (`ASKS_WHERE`), not where to pay a fine. */
export declare function asksWhere(normalized: string): boolean;
/** True when an answer's sentence names where to go or whom to ask (`NAMES_WHERE`). */
export declare function namesWhere(text: string): boolean;
/** True when a follow-up asks what to bring or prepare (`ASKS_BRING`). */
export declare function asksBring(normalized: string): boolean;
/** True when a message asks which number to call (`ASKS_PHONE`). */
export declare function asksPhone(normalized: string): boolean;
/** True when a follow-up asks whether a fee is due (`ASKS_FEE`). */
export declare function asksFee(normalized: string): boolean;
/** True when an answer's sentence names what to bring or prepare (`NAMES_BRING`). */
export declare function namesBring(text: string): boolean;
/** True when a follow-up asks when the matter will be dealt with (`ASKS_WHEN_HANDLED`). */
export declare function asksWhenHandled(normalized: string): boolean;
/** True when an answer's sentence tells how a reported matter goes on (`NAMES_PROGRESS`). */
export declare function namesProgress(text: string): boolean;
/** The follow-up facts of a knowledge base's answers, computed once. */
export declare function followupFacts(answers: Iterable<{
    intent: string;
    topic: string;
    points: readonly {
        text: string;
    }[];
}>): FollowupFacts;
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
export declare function followupIntent(facts: FollowupFacts, ranking: readonly IntentScore[], recent: {
    topic: string;
    intent?: string;
}, normalized: string): FollowupTarget | undefined;
/**
 * Whether the follow-up's own words choose among the topic's intents: false when its ranking
 * gives them all the same share (node-nlp had nothing for the topic: "要带什么去领",
 * "要去哪里办？"), or none. Then the best of equals is arbitrary, and the previous question
 * joined to the follow-up chooses (src/nlu/brain.ts).
 */
export declare function choosesWithinTopic(ranking: readonly IntentScore[], topic: string): boolean;
/** A follow-up stays on the previous intent when its own ranking gives the topic less than this (intentInTopic). */
export declare const KEEP_PREVIOUS_BELOW = 0.2;
/** The best intent of `topic` for a follow-up, from the follow-up's own ranking — the previous intent when that ranking gives the topic little (KEEP_PREVIOUS_BELOW) or none of it. */
export declare function intentInTopic(ranking: readonly IntentScore[], topic: string, previous: string | undefined): IntentScore | undefined;
/** Reply numbers of the secondary topics named after an answer: 2, 3 … (1 is the answer itself). */
export declare function numberedSecondary<T>(secondary: readonly T[]): (T & {
    n: number;
})[];
