import { isPufaError } from '../../core/errors.js';
import { renderReport } from '../../stats/export/index.js';
import { statsOverview } from '../../stats/overview.js';
import { readReview } from '../../stats/query.js';
import { statsReport } from '../../stats/report.js';
import { chineseRange, formatLocal } from '../../stats/time.js';
import { loadTopics } from '../../stats/topics.js';
import { parseSchedule } from '../announce/schedule.js';
import { servedRooms } from '../../chat/rooms.js';
import { staffEntry } from './identity.js';
import { parseStaffRange } from './range.js';
import { redactPii, stripFormatControls } from '../../core/privacy.js';
import { redisStateText } from '../../redis/health.js';
const text = (t) => [{ text: t }];
/** Leading `@群名关键词` words of an announcement; the rest is the text, line breaks kept. */
export function splitTargets(args) {
    const m = /^((?:[@＠]\S+\s+)*)([\s\S]*)$/u.exec(args.trim());
    const keywords = (m?.[1] ?? '')
        .split(/\s+/)
        .filter((w) => w.length > 1)
        .map((w) => w.slice(1));
    return { keywords, body: (m?.[2] ?? '').trim() };
}
/** Redis trouble and unwritten consultations, for the top of #统计 (empty when all is well). */
export function redisTroubleLines(bot) {
    const lines = [];
    const state = bot.health.state;
    if (state !== 'up')
        lines.push(`⚠ ${redisStateText(state)}`);
    const status = bot.recorder.status?.();
    if (status && status.pending > 0)
        lines.push(`⚠ 还有 ${status.pending} 次咨询暂存在内存中、尚未写入统计库，下面的数字暂不包括它们。`);
    if (status && status.dropped > 0)
        lines.push(`⚠ 本次运行以来有 ${status.dropped} 次咨询因统计库长时间不可用未能记录。`);
    return lines;
}
/** `含测试` among the words: add test data (terminal chat, simulate) to the figures. */
function wantsTest(rest) {
    return rest.some((w) => w === '含测试' || w === '测试');
}
async function statsText(c) {
    const { config, logger, redis, recorder } = c.bot;
    const range = parseStaffRange(c.args, config.STATS_TIMEZONE);
    // Consultations are written in small batches: make sure the latest are counted.
    await recorder.flush();
    let body;
    try {
        // The same figures and tables as `pufa stats` (announcements included).
        const overview = await statsOverview({ config, logger, redis, from: range.from, to: range.to, review: 0, includeTest: wantsTest(range.rest) });
        body = overview.text.trimEnd();
    }
    catch (err) {
        if (!c.bot.health.observe(err))
            throw err;
        body = '统计库暂时读不出数据。';
    }
    const trouble = redisTroubleLines(c.bot);
    if (trouble.length > 0)
        logger.warn({ redis: c.bot.health.state, pending: c.bot.recorder.status?.().pending }, '#统计 answered while Redis is in trouble; staff were told');
    return text(`【咨询统计】${trouble.length > 0 ? `\n${trouble.join('\n')}\n` : ''}${body}`);
}
async function exportFile(c) {
    const { config, redis, recorder } = c.bot;
    const range = parseStaffRange(c.args, config.STATS_TIMEZONE);
    const wanted = range.rest.map((w) => w.toLowerCase()).find((w) => ['csv', 'xlsx', 'excel', 'json', 'summary', '摘要', 'docx', 'word', '报告'].includes(w));
    const format = wanted === 'csv' ? 'csv' : wanted === 'json' ? 'json' : wanted === 'summary' || wanted === '摘要' ? 'summary' : wanted === 'docx' || wanted === 'word' || wanted === '报告' ? 'docx' : 'xlsx';
    await recorder.flush();
    const report = await statsReport({ config, logger: c.bot.logger, redis, from: range.from, to: range.to, by: range.by, includeTest: wantsTest(range.rest) });
    const body = await renderReport(report, format);
    // The year-end-report paragraph is text to paste, not a file.
    if (format === 'summary')
        return text(String(body).trim());
    const name = `普法咨询统计_${range.from}_${range.to}.${format}`;
    // Plain bytes and a name: the platform adapter turns them into its own file form.
    const file = { name, data: typeof body === 'string' ? Buffer.from(body, 'utf8') : body };
    return [{ text: `${chineseRange(range.from, range.to)}的统计（${format.toUpperCase()}，按${range.by === 'day' ? '日' : '月'}${report.includeTest ? '，含测试数据' : ''}）见下方文件：${name}` }, { file }];
}
async function unanswered(c) {
    await c.bot.recorder.flush();
    const { config } = c.bot;
    const items = await readReview(c.bot.redis, { prefix: config.REDIS_PREFIX, count: 15, timezone: config.STATS_TIMEZONE, topics: loadTopics(config.PUFA_KNOWLEDGE_DIR), merge: true });
    if (items.length === 0)
        return text('暂无待答问题。');
    // Shown to staff: no bidi override may reverse a line, no personal data (older entries too).
    const safe = (t) => redactPii(stripFormatControls(t)).replace(/\s*\n\s*/gu, ' ');
    return text([
        '最近需要改进的问题（最新在前，相同问题合并；已去除个人信息）：',
        ...items.map((it, i) => `${i + 1}. [${it.reasonName}${it.topicName ? `·${it.topicName}` : ''}] ${safe(it.text)}${it.count > 1 ? ` ×${it.count}` : ''}（${formatLocal(new Date(it.at), config.STATS_TIMEZONE)}）${it.choices.length > 0 ? `\n   选项：${it.choices.map(safe).join(' / ')}` : ''}`),
    ].join('\n'));
}
async function reload(c) {
    try {
        const { brain, ms } = await c.bot.brain.reload();
        c.bot.logger.info({ staff: c.staff, intents: brain.kb.intents.length, source: brain.modelInfo.source }, 'knowledge reloaded by staff');
        return text(`已重新加载：${brain.kb.intents.length} 个意图、${brain.kb.answers.size} 条解答，模型${brain.modelInfo.source === 'cache' ? '未变（用缓存）' : '已重新训练'}，用时 ${ms} 毫秒。`);
    }
    catch (err) {
        c.bot.logger.error({ err }, 'reload failed; the previous knowledge base stays in use');
        const why = isPufaError(err) ? err.describe() : err instanceof Error ? err.message : String(err);
        return text(`重载失败，仍在使用原来的知识库。\n${why}`);
    }
}
async function roomList(c) {
    const all = await c.bot.platform.rooms();
    const served = servedRooms(all, c.bot.config.BOT_ROOMS);
    if (served.length === 0)
        return text(`当前没有服务群（机器人在 ${all.length} 个群里；服务哪些群由 BOT_ROOMS 配置）。`);
    return text([`服务群 ${served.length} 个（机器人共在 ${all.length} 个群里）：`, ...served.map((r, i) => `${i + 1}. ${r.topic}`)].join('\n'));
}
export const STAFF_COMMANDS = [
    { name: '帮助', usage: '#帮助', help: '显示本说明', run: async () => text(helpText()) },
    { name: '统计', usage: '#统计 [今天|昨天|本周|本月|上月|今年|YYYY-MM-DD YYYY-MM-DD] [含测试]', help: '咨询统计（默认今天；测试数据默认不计入）', run: statsText },
    { name: '导出', usage: '#导出 [范围] [xlsx|csv|json|摘要|报告] [含测试]', help: '统计表文件（默认今天、xlsx）；“摘要”为年终报告式的一段文字，“报告”为 Word 文档', run: exportFile },
    { name: '待答', usage: '#待答', help: '最近未能直接解答的问题', run: unanswered },
    { name: '重载', usage: '#重载', help: '重新加载意图和知识库（必要时重新训练），不用重启', run: reload },
    { name: '群列表', usage: '#群列表', help: '机器人服务的群', run: roomList },
    {
        name: '公告',
        usage: '#公告 [@群名关键词…] 内容',
        help: '预览公告，#确认 后发送到全部服务群或名称含关键词的群',
        run: async (c) => {
            const { keywords, body } = splitTargets(c.args);
            return text(await c.bot.announcements.draft(c.staff, body, keywords, undefined, c.staffName));
        },
    },
    {
        name: '定时',
        usage: '#定时 YYYY-MM-DD HH:mm [@群名关键词…] 内容',
        help: '预览定时公告，#确认 后到点发送',
        run: async (c) => {
            const { at, rest } = parseSchedule(c.args, c.bot.config.STATS_TIMEZONE);
            const { keywords, body } = splitTargets(rest);
            return text(await c.bot.announcements.draft(c.staff, body, keywords, at, c.staffName));
        },
    },
    { name: '确认', usage: '#确认', help: '发送刚才预览的公告', run: async (c) => text(await c.bot.announcements.confirm(c.staff)) },
    { name: '取消', usage: '#取消', help: '放弃刚才预览的公告', run: async (c) => text(await c.bot.announcements.cancelDraft(c.staff)) },
    { name: '公告列表', usage: '#公告列表', help: '排队、定时、发送中和最近发送的公告', run: async (c) => text(await c.bot.announcements.list()) },
    {
        name: '撤销',
        usage: '#撤销 <编号> [确认]',
        help: '撤销排队或定时的公告；发送中的停止发送其余的群。撤销别人提交的公告需加“确认”，并记入日志',
        run: async (c) => text(await c.bot.announcements.revoke(c.args, { staff: c.staff, ...(c.staffName ? { name: c.staffName } : {}) })),
    },
];
export function helpText() {
    return ['工作人员命令（仅私聊可用）：', ...STAFF_COMMANDS.map((c) => `${c.usage}\n  ${c.help}`)].join('\n');
}
/** `#统计 本月` → the command and its arguments; undefined when the text is not a known command. */
export function parseStaffCommand(input) {
    const t = input.trim();
    if (!/^[#＃]/u.test(t))
        return undefined;
    const body = t.slice(1).trimStart();
    // Longest name first: 公告列表 before 公告.
    const byLength = [...STAFF_COMMANDS].sort((a, b) => b.name.length - a.name.length);
    const command = byLength.find((c) => body.startsWith(c.name));
    if (!command)
        return undefined;
    return { command, args: body.slice(command.name.length).trim() };
}
/** The staff commands as the chat steps see them: who is staff (BOT_STAFF), and the command table run with the bot's services. */
export function botStaffCommands(bot) {
    return {
        staffEntry: (from) => staffEntry(from, bot.config.BOT_STAFF),
        parse(input) {
            const parsed = parseStaffCommand(input);
            if (!parsed)
                return undefined;
            const { command, args } = parsed;
            return { name: command.name, usage: command.usage, args, run: (c) => command.run({ bot, ...c }) };
        },
    };
}
//# sourceMappingURL=commands.js.map