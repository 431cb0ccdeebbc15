import type { Counts } from '../definitions.js';

/**
 * Column headers of every export, in Chinese as staff use them. The same four outcome
 * columns follow each view's label columns.
 */
export const HEADERS = {
  period: '时间段',
  topic: '话题',
  channel: '渠道',
  room: '群',
  hour: '时段',
  from: '开始日期',
  to: '结束日期',
  answered: '解答',
  clarified: '追问澄清',
  outOfScope: '非城管事项',
  total: '合计',
  citizens: '咨询群众数',
  secondary: '兼涉',
  answeredShare: '解答率',
  pushes: '公告推送',
  groupsReached: '送达群次',
  intent: '意图',
  helpful: '有帮助',
  notHelpful: '没帮助',
  weekday: '星期',
} as const;

/** Label of the totals row. */
export const TOTAL_LABEL = '合计';

export const COUNT_HEADERS = [HEADERS.answered, HEADERS.clarified, HEADERS.outOfScope, HEADERS.total] as const;

export function countCells(c: Counts): number[] {
  return [c.answered, c.clarified, c.outOfScope, c.total];
}

/** Sheet names, in workbook order. */
export const SHEETS = {
  summary: '汇总',
  charts: '图表',
  topic: '按话题',
  channel: '按渠道',
  room: '按群',
  detail: '明细',
  hour: '按时段',
  heatmap: '星期×时段',
  feedback: '群众反馈',
  notes: '说明',
} as const;

