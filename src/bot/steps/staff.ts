import { isPufaError } from '../../core/errors.js';
import type { BotStep } from '../context.js';
import { staffErrorText } from '../../redis/health.js';
import { parseStaffCommand } from '../staff/commands.js';
import { staffEntry } from '../staff/identity.js';

export const STAFF_REFUSAL = '抱歉，这是城管局工作人员使用的管理命令，您没有使用权限。如需咨询城管方面的问题，请直接发送您的问题，我会尽力解答。';

/**
 * `#命令` in a private chat. Staff (BOT_STAFF) run it; anyone else gets a polite refusal
 * and the attempt is logged with the hashed id only. In groups, commands are ignored
 * (statistics and announcements are not for a citizens' group). Other text goes on.
 */
export const staffCommands: BotStep = async (ctx, next) => {
  const parsed = ctx.msg.kind === 'text' ? parseStaffCommand(ctx.text) : undefined;
  if (!parsed) {
    await next();
    return;
  }
  const { bot } = ctx;
  if (ctx.msg.room) {
    bot.logger.info({ user: ctx.user, room: ctx.room, command: parsed.command.name }, 'staff command in a group ignored');
    return;
  }
  ctx.staff = bot.staff.isStaff(ctx.msg.talker);
  if (!ctx.staff) {
    bot.logger.warn({ user: ctx.user, command: parsed.command.name }, 'staff command refused: not on BOT_STAFF');
    ctx.replies.push({ text: STAFF_REFUSAL });
    return;
  }
  bot.logger.info({ staff: ctx.user, command: parsed.command.name }, 'staff command');
  // The remark the bureau gave them (a raw-id entry is not a name: it is never logged).
  const entry = staffEntry(ctx.msg.talker, bot.config.BOT_STAFF);
  const staffName = entry !== undefined && entry === ctx.msg.talker.alias ? entry : undefined;
  try {
    ctx.replies.push(...(await parsed.command.run({ bot, staff: ctx.user, args: parsed.args, ...(staffName ? { staffName } : {}) })));
  } catch (err) {
    if (isPufaError(err) && err.code === 'PUFA_ERR_INPUT') {
      ctx.replies.push({ text: `${err.message}\n用法：${parsed.command.usage}` });
      return;
    }
    // Redis trouble: a sentence staff understand (never a raw "OOM command not allowed…"), one warning via the health object.
    const redisText = staffErrorText(err);
    if (redisText) {
      bot.health.observe(err);
      ctx.replies.push({ text: `命令“#${parsed.command.name}”未能执行：${redisText}` });
      return;
    }
    bot.logger.error({ err, command: parsed.command.name }, 'staff command failed');
    ctx.replies.push({ text: `命令“#${parsed.command.name}”执行失败，请稍后再试；如果一再出现，请联系技术人员查看日志。` });
  }
};
