import type { CommonTexts } from '../knowledge/types.js';
import type { Channel, Citation, SecondaryTopic } from '../core/types.js';
import { footer, formatCitations } from './render.js';

/**
 * The conversation's own lines around an answer (render.ts renders the answers
 * themselves): the other topics a letter raised, how to report a problem, and the hint for
 * a stray "1". Pure; every string is simplified Chinese because citizens read it.
 */

/** "您还提到：夜间施工扰民怎么办（回复 2 查看）", one line per secondary topic; `n` is the reply number. */
export function renderSecondary(secondary: readonly (SecondaryTopic & { n: number })[]): string {
  return secondary.map((s) => `您还提到：${s.label}（回复 ${s.n} 查看）`).join('\n');
}

export interface ReportLines {
  intro: string;
  include: readonly string[];
  where: string;
}

/** How to report the problem so it is acted on: what to include, and where (the hotline from _common.yaml). */
export function renderReportGuide(guide: ReportLines, common: CommonTexts, channel: Channel): string {
  const lines: string[] = [];
  if (channel === 'room') {
    lines.push(`${guide.intro}${guide.include.join('；')}。`);
  } else {
    lines.push(guide.intro);
    guide.include.forEach((item, i) => lines.push(`${i + 1}. ${item}`));
  }
  lines.push(`反映渠道：${common.hotline}${guide.where ? `；${guide.where}` : ''}`);
  return lines.join('\n');
}

/**
 * Details added to a problem just discussed ("晚上也有", "拍了照片 发给谁"): the bot takes no
 * report and passes nothing on, so it says so and tells what to include and where to report,
 * the details just given among them.
 */
export function renderReportDetail(guide: ReportLines, common: CommonTexts, channel: Channel, disclaimer: string = common.disclaimer): string {
  const intro = '收到。我是普法助手，不受理投诉，也不会把消息转交给任何部门；您补充的情况（时间、地点、照片视频等）请在反映时一并说明。';
  return [intro, renderReportGuide(guide, common, channel), footer(common, disclaimer)].join('\n');
}

/**
 * The citizen waits for the bureau to come back ("那我等你们消息"): nothing was passed on, so no
 * one will; where to report so that someone does.
 */
export function renderWaiting(common: CommonTexts): string {
  return [
    '提醒您：我是普法助手，不受理投诉，也不会把消息转交给任何部门，所以这里不会有人回复处理结果或上门。',
    `需要处理的问题，请拨打${common.hotline}反映，讲清地点、时间，有照片或视频一并提供；受理后可凭工单号查询进度。`,
  ].join('\n');
}

/** A person or a call back asked for: the bot can do neither; where a person answers, and how to write without typing. */
export function renderNoPerson(common: CommonTexts): string {
  return [
    '我是普法助手（自动回复），不能打电话，也不能转人工。',
    `找工作人员请拨打${common.hotline}。不方便打字的，可以用手机输入法的语音输入，把话说出来转成文字发给我。`,
  ].join('\n');
}

/** Heading between the report guidance and the rule (the answer). */
export const RULE_HEADING = '相关规定：';

/**
 * A number sent when nothing is waiting for one. `valid` lists the numbers that would work now, if
 * any; `subject` is the title of the answer just given, if any (a "1" right after it is no time-out:
 * the citizen is told to ask on about it in words).
 */
export function renderStrayChoice(n: number, valid: readonly number[], common: CommonTexts, subject?: string): string {
  if (valid.length > 0) {
    const list = valid.length === 1 ? `${valid[0]}` : `${valid.slice(0, -1).join('、')} 或 ${valid[valid.length - 1]}`;
    return `没有第 ${n} 项，请回复 ${list}；也可以直接用文字描述您的问题。`;
  }
  if (subject) return `您回复了“${n}”。刚才关于“${subject}”的回答里没有待选的问题；想接着问，请直接用文字说，例如“罚多少”“去哪里办”“要带什么”。\n☎ ${common.hotline}`;
  return `您回复了“${n}”，但现在没有待选的问题（可能已超时）。请直接用文字描述您想咨询的问题，例如“占道经营怎么处罚”。\n☎ ${common.hotline}`;
}

/** A follow-up with nothing to follow ("那罚多少钱？" first, or long after the answer): ask for the matter, no guess. */
export function renderLostFollowup(common: CommonTexts): string {
  return `您是接着之前的问题问的吗？我这里没有找到您最近咨询过的事项（可能已超时）。请把事情说完整一些，例如“路边摆摊罚多少钱”“被暂扣的三轮车去哪里领”，我再为您解答。\n☎ ${common.hotline}`;
}

/** What a focused follow-up asks about: the fines ("那罚多少钱？"), the time limits ("多久之内"), where to go ("去哪里办"), what to bring ("要带什么"), or when it is dealt with ("多久能处理"). */
export type FollowupFocus = 'fines' | 'deadline' | 'where' | 'bring' | 'progress';

const FOCUS_HEADING: Record<FollowupFocus, string> = { fines: '罚款是这样规定的', deadline: '期限是这样规定的', where: '去哪里办、找谁', bring: '要带什么、准备什么', progress: '多久处理、怎么查进度' };

/**
 * The answer just given, asked about again with nothing new to choose ("是不是超过期限了" right
 * after the seizure's time limits): its gist (the group form's sentences) under a line saying it
 * was just answered, the topic's other answers named to ask about, the articles, the footer — not
 * the whole answer word for word again.
 */
export function renderAskedAgain(title: string, sentences: readonly string[], others: readonly string[], citations: readonly Citation[], common: CommonTexts, disclaimer: string): string {
  const lines = [`关于“${title}”，刚才已经回答过，要点是：`, ...sentences.map((s) => s.trim())];
  if (others.length > 0) lines.push(`还想了解别的方面，可以直接问：${others.map((t) => `“${t}”`).join('、')}。`);
  if (citations.length > 0) lines.push(`依据：${formatCitations(citations)}`);
  lines.push(footer(common, disclaimer));
  return lines.join('\n');
}

/** Part of the answer just given ("那罚多少钱？", "多久之内"): its sentences on that, their articles, the footer. */
export function renderFocused(focus: FollowupFocus, title: string, sentences: readonly string[], citations: readonly Citation[], common: CommonTexts, disclaimer: string): string {
  const lines = [`关于“${title}”，${FOCUS_HEADING[focus]}：`, ...sentences.map((s) => s.trim())];
  if (citations.length > 0) lines.push(`依据：${formatCitations(citations)}`);
  lines.push(footer(common, disclaimer));
  return lines.join('\n');
}

/**
 * Danger to a person told in a message (knowledge/_emergency.yaml): 【紧急】 and the intro, then
 * what to do, numbered. `alone`: the whole reply (not the bureau's matter) — with the outro and
 * the footer; otherwise the lines that come before the bureau's answer.
 */
export function renderEmergency(intro: string, lines: readonly string[], outro: string, common: CommonTexts, alone: boolean): string {
  const head = [`【紧急】${intro}`, ...lines.map((l, i) => `${i + 1}. ${l}`)];
  return (alone ? [...head, outro, footer(common)] : head).join('\n');
}
