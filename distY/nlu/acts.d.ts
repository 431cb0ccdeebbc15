import { type IntentScore, type SpeechAct } from '../core/types.js';
import { type Decision } from './decide.js';
/** True when a word about the reply says it missed the question (`MISSED`): its other answers are what to offer. */
export declare function saysReplyMissed(normalized: string): boolean;
/**
 * A question with a word about the bot's reply beside it: "你说的我听不懂 到底能不能停人行道", "我问的是
 * 能不能叫商场多搞点车位 你答非所问" — the question (what was meant said again, its "我问的是" left
 * out); undefined when there is no such word or nothing else of four characters or more.
 */
export declare function withoutFeedback(normalized: string): string | undefined;
/** True when the whole message asks the bot for a joke, a story or a song (`CONTENT_REQUEST`). */
export declare function asksForContent(normalized: string): boolean;
/** True when `raw` (as written, before normalising) is approval only (`APPROVAL_ONLY`). */
export declare function approvalOnly(raw: string): boolean;
export type SmallTalk = 'greeting' | 'thanks' | 'help' | 'feedback' | 'smalltalk';
/** True when the whole message asks to complain or report, naming no matter (`BARE_COMPLAINT`). */
export declare function bareComplaint(normalized: string): boolean;
/** A whole message that is only a greeting or thanks (short, nothing else in it). */
export declare function smallTalkOf(normalized: string): SmallTalk | undefined;
/** True when the message asks for something to be done (`ACTION_ASKED`). */
export declare function asksAction(normalized: string): boolean;
/** The text with 城关 meaning 城管 read as 城管 (`OFFICERS_TYPED_AS_TOWN`). */
export declare function readsOfficers(text: string): string;
/** How often, asked ("一天来几次"): not "好几次" nor "说了几次了", which tell. */
export declare const HOW_OFTEN = "(?<!\u597D|\u4E86)\u51E0(?:\u6B21|\u56DE|\u8D9F)(?!\u4E86)";
/** True when the wording asks anything (`ASKING`: question marks and particles, question words). */
export declare function asks(normalized: string): boolean;
/**
 * True when a progress message asks where the complaint stands (`ASKS_PROGRESS`): the progress
 * answer comes first. Only when no sentence asks something else: a letter that tells of its
 * 工单 ("工单都回复说已经责令整改") and asks about the problem ("请问要怎样才能让他把烤炉搬回店里？")
 * asks about the problem, which its answer comes first for.
 */
export declare function asksProgress(normalized: string): boolean;
/** The sentences of a text that put a question (`QUESTION_SENTENCE`); none when it asks nothing. */
export declare function questionSentences(normalized: string): string[];
/** The sentences of a text that put a question (`questionSentences`, found again unless given), or the whole text when none does: what it asks. */
export declare function askedSentences(normalized: string, questions?: readonly string[]): string[];
/** The act of a message, from its wording (the topic is the classifier's business). */
export declare function detectAct(normalized: string): SpeechAct;
/** The topic a complaint about officers' conduct belongs to. */
export declare const CONDUCT_TOPIC = "enforcement_conduct";
/** True when the text complains of how officers treated someone (`CONDUCT_COMPLAINT`). */
export declare function complainsOfConduct(normalized: string): boolean;
/**
 * The ranking with the conduct topic marked as having evidence in the text when the wording
 * names officers' misconduct: the model's scores are unchanged, so the conduct topic is
 * answered only when the model ranks it first, as with any word of the topic.
 */
export declare function withConductEvidence(ranking: IntentScore[], normalized: string): IntentScore[];
/**
 * Building work heard by its sound ("半夜还在打桩 搞么事咯", "工地凌晨还在电焊"): words our
 * utterances use too seldom to be evidence for the noise topic (打桩 once there, once for
 * construction waste), so such a message was declined though the model ranked noise first.
 */
export declare const BUILDING_SOUND: RegExp;
export declare const NOISE_TOPIC = "noise";
/** The ranking with the noise topic marked as having evidence when the text names building work by its sound; scores unchanged. */
export declare function withBuildingSoundEvidence(ranking: IntentScore[], normalized: string): IntentScore[];
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
export declare function conductFirst(decision: Decision, ranking: readonly IntentScore[], normalized: string, answer: number): Decision;
/**
 * In a complaint of officers' misconduct answered on conduct, the stall is whom they acted
 * against ("卖菜的老人被城管推倒了"), not a second matter: "您还提到：举报摊贩占道经营" would read
 * as siding with the officers. True for such a secondary topic.
 */
export declare function victimsTrade(primary: string, secondary: string, normalized: string): boolean;
/**
 * True when the text disputes a fine the citizen was given ("我在店门口摆了两个花盆，城管罚了
 * 我500块，这也太重了吧", "罚了我三千块 我不服"), or pleads against it ("摆摊被罚了两百，屋里实在
 * 困难…能不能申请少罚一点或者分几次交"): a question of their rights against the fine (陈述申辩,
 * 复议, 诉讼, 不予或从轻处罚, paying later or in parts), whatever matter it was given for.
 */
export declare function contestsOwnFine(normalized: string): boolean;
/**
 * A dispute of the citizen's own fine (`contestsOwnFine`) asked back with the penalty-rights
 * topic among the choices ("城管罚了我500块，这也太重了吧": the stall's penalty 0.14, then
 * 当场罚款的金额限制): answered on that topic's best intent — the payment answer when it asks to
 * pay later or in parts (`ranking` is where that intent's entry is found). The matter the fine was for is
 * named after it as another topic when the letter has a sentence clearly about it, as any
 * answer's. Any other decision is returned as it is.
 */
export declare function contestFirst(decision: Decision, normalized: string, ranking?: readonly IntentScore[]): Decision;
/** True when the text asks whether a permit or procedure is needed, and nothing of a fine (`ASKS_PERMIT`). */
export declare function asksPermit(normalized: string): boolean;
/** An answer on a topic's penalty for a text that asks about its permit (`asksPermit`): the topic's permit answer, when it has one. */
export declare function permitFirst(decision: Decision, normalized: string, hasAnswer: (intent: string) => boolean): Decision;
