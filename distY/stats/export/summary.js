import { OUT_OF_SCOPE_TOPIC } from '../../core/types.js';
import { formatShare } from '../definitions.js';
import { chineseRange } from '../time.js';
/** How a period label reads in the report: `3月5日`, `第9周`, `2026年3月`, `2026年`. */
export function periodName(period) {
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
    if (m)
        return `${Number(m[2])}月${Number(m[3])}日`;
    m = /^(\d{4})-W(\d{2})$/.exec(period);
    if (m)
        return `${m[1]}年第${Number(m[2])}周`;
    m = /^(\d{4})-(\d{2})$/.exec(period);
    if (m)
        return `${m[1]}年${Number(m[2])}月`;
    return /^\d{4}$/.test(period) ? `${period}年` : period;
}
function percent(rel) {
    return `${Math.abs(rel * 100).toFixed(1)}%`;
}
/** 上升 / 下降 / 平稳: the least-squares slope over the periods, relative to their mean. */
export function trendWord(values) {
    const n = values.length;
    if (n < 3)
        return undefined;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    if (mean === 0)
        return undefined;
    const xm = (n - 1) / 2;
    let num = 0;
    let den = 0;
    values.forEach((v, i) => {
        num += (i - xm) * (v - mean);
        den += (i - xm) ** 2;
    });
    const rel = ((num / den) * (n - 1)) / mean;
    return rel > 0.1 ? '上升' : rel < -0.1 ? '下降' : '平稳';
}
/**
 * The paragraph(s) for the bureau's year-end 普法 report, with the exact figures of the
 * report (statsReport): totals with the answered share, topics, channels, the trend, the
 * comparison with the previous period of the same length, the busiest hour, announcements,
 * citizens' feedback and a few example questions (redacted). For example:
 *
 * 2026年，普法助手共受理群众咨询1234人次，涉及约567名群众。其中直接解答1000人次（解答率81.0%），
 * 追问澄清150人次，对84人次非城管事项告知了办理渠道。……
 */
export function reportToSummary(report) {
    const when = chineseRange(report.from, report.to);
    const t = report.totals;
    const testNote = report.includeTest ? '（含测试数据）' : '';
    if (t.total === 0) {
        const lost = report.dropped > 0 ? `（另有${report.dropped}人次因统计服务中断未能计入）` : '';
        const ann = report.announcements.pushes > 0 ? `通过群公告推送普法信息${report.announcements.pushes}次，送达${report.announcements.groupsReached}个群次。` : '';
        return `${when}，普法助手暂无群众咨询记录${lost}${testNote}。${ann}\n`;
    }
    const sentences = [];
    sentences.push(`${when}，普法助手共受理群众咨询${t.total}人次${testNote}，涉及约${t.citizens}名群众。`);
    const outcome = [`其中直接解答${t.answered}人次（解答率${formatShare(report.answeredShare)}）`];
    if (t.clarified > 0)
        outcome.push(`追问澄清后未再回复的${t.clarified}人次`);
    if (t.outOfScope > 0)
        outcome.push(`对${t.outOfScope}人次非城管事项告知了办理渠道`);
    sentences.push(`${outcome.join('，')}。`);
    const topics = report.topicTotals
        .filter((r) => r.total > 0 && r.topic !== OUT_OF_SCOPE_TOPIC)
        .sort((a, b) => b.total - a.total)
        .map((r) => `${r.topicName}${r.total}人次`);
    if (topics.length > 0)
        sentences.push(`按话题看，${topics.join('、')}。`);
    const channels = report.channelTotals.filter((c) => c.total > 0);
    if (channels.length > 0) {
        const roomCount = report.roomTotals.filter((r) => r.total > 0).length;
        const bits = channels.map((c) => {
            const b = `${c.channelName}咨询${c.total}人次`;
            return c.channel === 'room' && roomCount > 0 ? `${b}（覆盖${roomCount}个群）` : b;
        });
        sentences.push(`${bits.join('，')}。`);
    }
    const busy = report.periods;
    if (busy.length > 1) {
        const sorted = [...busy].sort((a, b) => b.total - a.total || a.period.localeCompare(b.period));
        const top = sorted[0];
        const low = sorted[sorted.length - 1];
        const word = trendWord(busy.map((p) => p.total));
        const shape = word ? `，总体呈${word}态势` : '';
        sentences.push(`从趋势看，咨询量最多的是${periodName(top.period)}（${top.total}人次），最少的是${periodName(low.period)}（${low.total}人次）${shape}。`);
    }
    const prev = report.previous;
    if (prev) {
        const prevName = chineseRange(prev.from, prev.to);
        if (prev.totals.total === 0) {
            sentences.push(`上一同期（${prevName}）无咨询记录。`);
        }
        else {
            const rel = prev.change.total ?? 0;
            const dir = rel > 0 ? `增长${percent(rel)}` : rel < 0 ? `下降${percent(rel)}` : '持平';
            let s = `与上一同期（${prevName}，${prev.totals.total}人次）相比，咨询人次${dir}`;
            if (prev.answeredShareChange !== null) {
                const pts = prev.answeredShareChange;
                s += pts > 0 ? `，解答率提高${pts.toFixed(1)}个百分点` : pts < 0 ? `，解答率下降${Math.abs(pts).toFixed(1)}个百分点` : '，解答率持平';
            }
            sentences.push(`${s}。`);
        }
    }
    const peak = [...report.byHour].sort((a, b) => b.total - a.total || a.hour - b.hour)[0];
    if (peak && peak.total > 0)
        sentences.push(`咨询最集中的时段为${peak.hour}时至${peak.hour + 1}时（${peak.total}人次）。`);
    if (report.announcements.pushes > 0)
        sentences.push(`通过群公告推送普法信息${report.announcements.pushes}次，送达${report.announcements.groupsReached}个群次。`);
    const fb = report.feedback;
    if (fb.helpful + fb.notHelpful > 0)
        sentences.push(`群众对解答反馈“有帮助”${fb.helpful}次、“没帮助”${fb.notHelpful}次。`);
    if (report.examples.length > 0)
        sentences.push(`群众常问的问题如：${report.examples.map((e) => `“${e.text}”（${e.topicName}）`).join('、')}。`);
    if (report.dropped > 0)
        sentences.push(`另有${report.dropped}人次咨询因统计服务中断未能计入。`);
    return `${sentences.join('')}\n`;
}
//# sourceMappingURL=summary.js.map