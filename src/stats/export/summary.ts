import { OUT_OF_SCOPE_TOPIC } from '../../core/types.js';
import type { StatsReport } from '../query.js';
import { chineseRange } from '../time.js';

/**
 * A short Chinese paragraph in the style of the bureau's year-end 普法 report, with the
 * exact figures of the report, e.g.
 *
 * 2026年，普法助手累计解答群众咨询1234人次，涉及567名群众；其中占道经营300人次、…。
 * 直接解答1000人次，追问澄清150人次，对84人次非城管事项告知了办理渠道。私聊咨询800人次，
 * 群聊咨询434人次（覆盖12个群）。咨询最集中的时段为9时至10时（123人次）。
 *
 * A range that is not a whole year is named by its dates: 2026年1月1日至2026年3月31日，…
 */
export function reportToSummary(report: StatsReport): string {
  const when = chineseRange(report.from, report.to);
  const t = report.totals;
  if (t.total === 0) {
    const lost = report.dropped > 0 ? `（另有${report.dropped}人次因统计服务中断未能计入）` : '';
    return `${when}，普法助手暂无群众咨询记录${lost}。\n`;
  }
  const parts: string[] = [];
  parts.push(`${when}，普法助手累计解答群众咨询${t.total}人次，涉及${t.citizens}名群众`);

  const topics = report.topicTotals
    .filter((r) => r.total > 0 && r.topic !== OUT_OF_SCOPE_TOPIC)
    .sort((a, b) => b.total - a.total)
    .map((r) => `${r.topicName}${r.total}人次`);
  let first = parts.join('');
  if (topics.length > 0) first += `；其中${topics.join('、')}`;
  const sentences = [`${first}。`];

  const outcome = [`直接解答${t.answered}人次`];
  if (t.clarified > 0) outcome.push(`追问澄清${t.clarified}人次`);
  if (t.outOfScope > 0) outcome.push(`对${t.outOfScope}人次非城管事项告知了办理渠道`);
  sentences.push(`${outcome.join('，')}。`);

  const channels = report.channelTotals.filter((c) => c.total > 0);
  if (channels.length > 0) {
    const roomCount = report.roomTotals.filter((r) => r.total > 0).length;
    const bits = channels.map((c) => {
      const base = `${c.channelName}咨询${c.total}人次`;
      return c.channel === 'room' && roomCount > 0 ? `${base}（覆盖${roomCount}个群）` : base;
    });
    sentences.push(`${bits.join('，')}。`);
  }

  const peak = [...report.byHour].sort((a, b) => b.total - a.total || a.hour - b.hour)[0];
  if (peak && peak.total > 0) sentences.push(`咨询最集中的时段为${peak.hour}时至${peak.hour + 1}时（${peak.total}人次）。`);
  if (report.dropped > 0) sentences.push(`另有${report.dropped}人次咨询因统计服务中断未能计入。`);
  return `${sentences.join('')}\n`;
}
