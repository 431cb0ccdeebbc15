import type { ChatContact, Sender } from '../../chat/platform.js';
/**
 * Staff are listed in BOT_STAFF by what the bureau controls: the contact id the puppet
 * reports, or the remark (备注 / alias) the bot account itself gave the contact. Never by
 * what the contact chose: a nickname or a self-chosen WeChat id (微信号) can be set by
 * anyone to any string, so it never makes anyone staff. A message's sender is compared
 * through its sealed peer (the raw id is not read).
 */
export declare function isStaff(contact: ChatContact | Sender, staff: readonly string[]): boolean;
/** The BOT_STAFF entry that identifies this contact (the remark or the id), or undefined. */
export declare function staffEntry(contact: ChatContact | Sender, staff: readonly string[]): string | undefined;
