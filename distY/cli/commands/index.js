export const COMMANDS = [
    { name: 'ask', description: '回答一条咨询，显示群众会收到的回复 (answer one question)', load: async () => (await import('./ask.js')).registerAskCommand },
    { name: 'eval', description: '用带标签的问题集评估意图识别准确率 (evaluate on a labelled JSONL file)', load: async () => (await import('./eval.js')).registerEvalCommand },
    { name: 'chat', description: '在终端里和机器人对话 (interactive terminal chat; what npm start runs without WeChat)', load: async () => (await import('./chat.js')).registerChatCommand },
    { name: 'calibrate', description: '用带标签的真实风格留言选择答复/追问/婉拒阈值 (choose the decision thresholds on labelled messages)', load: async () => (await import('./calibrate.js')).registerCalibrateCommand },
    { name: 'kb', description: '检查问答数据 / check the intent and answer data (intents/, knowledge/)', load: async () => (await import('./kb.js')).registerKbCommands },
    { name: 'simulate', description: '把 JSONL 文件逐行当作群众消息处理并计入统计 (feed a JSONL file through the bot pipeline, recording included)', load: async () => (await import('./simulate.js')).registerSimulateCommand },
    { name: 'export', description: '导出普法咨询统计 (export consultation statistics for the year-end report)', load: async () => (await import('./export.js')).registerExportCommand },
    { name: 'stats', description: '在终端查看咨询统计 (quick statistics table in the terminal)', load: async () => (await import('./stats.js')).registerStatsCommand },
    { name: 'start', description: '启动微信机器人；未配置 WECHATY_PUPPET 时进入本地终端对话 (run the WeChat bot, or the terminal chat without a puppet)', load: async () => (await import('./start.js')).registerStartCommand },
    { name: 'console', description: '启动工作人员网页控制台 (serve the staff web console: dashboard, review, announcements, exports)', load: async () => (await import('./console.js')).registerConsoleCommand },
    { name: 'staff', description: '管理控制台账号 (staff logins of the web console)', load: async () => (await import('./staff.js')).registerStaffCommand },
];
/**
 * The command `argv` (user arguments, without `node` and the script) asks for, if any:
 * the first word that is not an option (`pufa ask …`), or the one after `help`.
 */
export function requestedCommand(args) {
    const words = args.filter((a) => !a.startsWith('-'));
    if (words[0] === 'help')
        return words[1];
    return words[0];
}
/**
 * Register every command on `program`: the requested one in full (its module imported),
 * the others as name and description only, for the help listing and the unknown-command
 * check. `requested: 'all'` imports every module (tests).
 */
export async function registerCommands(program, requested) {
    for (const entry of COMMANDS) {
        if (requested === 'all' || entry.name === requested) {
            const register = await entry.load();
            register(program);
        }
        else {
            program.command(entry.name).description(entry.description);
        }
    }
}
//# sourceMappingURL=index.js.map