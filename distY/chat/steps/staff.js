import { isPufaError } from '../../core/errors.js';
import { staffErrorText } from '../../redis/health.js';
export const STAFF_REFUSAL = '抱歉，这是城管局工作人员使用的管理命令，您没有使用权限。如需咨询城管方面的问题，请直接发送您的问题，我会尽力解答。';
/**
 * `#命令` in a private chat. Staff (BOT_STAFF) run it; anyone else gets a polite refusal
 * and the attempt is logged with the hashed id only. In groups, commands are ignored
 * (statistics and announcements are not for a citizens' group). Other text goes on, and so
 * does everything on an edge without staff commands (the terminal chat).
 */
export const staffCommands = async (ctx, next) => {
    const { commands, logger, health } = ctx.services;
    const parsed = commands && ctx.message.kind === 'text' ? commands.parse(ctx.text) : undefined;
    if (!commands || !parsed) {
        await next();
        return;
    }
    if (ctx.room) {
        logger.info({ user: ctx.user, room: ctx.room, command: parsed.name }, 'staff command in a group ignored');
        return;
    }
    const entry = commands.staffEntry(ctx.message.from);
    ctx.staff = entry !== undefined;
    if (!ctx.staff) {
        logger.warn({ user: ctx.user, command: parsed.name }, 'staff command refused: not on BOT_STAFF');
        ctx.replies.push({ text: STAFF_REFUSAL });
        return;
    }
    logger.info({ staff: ctx.user, command: parsed.name }, 'staff command');
    // The remark the bureau gave them (a raw-id entry is not a name: it is never logged).
    const staffName = entry !== undefined && entry === ctx.message.from.alias ? entry : undefined;
    try {
        ctx.replies.push(...(await parsed.run({ staff: ctx.user, args: parsed.args, ...(staffName ? { staffName } : {}) })));
    }
    catch (err) {
        if (isPufaError(err) && err.code === 'PUFA_ERR_INPUT') {
            ctx.replies.push({ text: `${err.message}\n用法：${parsed.usage}` });
            return;
        }
        // Redis trouble: a sentence staff understand (never a raw "OOM command not allowed…"), one warning via the health object.
        const redisText = staffErrorText(err);
        if (redisText) {
            health?.observe(err);
            ctx.replies.push({ text: `命令“#${parsed.name}”未能执行：${redisText}` });
            return;
        }
        logger.error({ err, command: parsed.name }, 'staff command failed');
        ctx.replies.push({ text: `命令“#${parsed.name}”执行失败，请稍后再试；如果一再出现，请联系技术人员查看日志。` });
    }
};
//# sourceMappingURL=staff.js.map