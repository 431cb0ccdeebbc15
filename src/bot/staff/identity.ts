import type { ChatContact } from '../../wechat/platform.js';

/** Staff are listed in BOT_STAFF by WeChat id (raw id or 微信号) or by the alias (remark) the bot account gave them. */
export function isStaff(contact: ChatContact, staff: readonly string[]): boolean {
  return staff.some((s) => s === contact.id || (contact.alias !== undefined && s === contact.alias) || (contact.weixin !== undefined && s === contact.weixin));
}
