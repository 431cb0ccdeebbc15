/**
 * Staff are listed in BOT_STAFF by what the bureau controls: the contact id the puppet
 * reports, or the remark (备注 / alias) the bot account itself gave the contact. Never by
 * what the contact chose: a nickname or a self-chosen WeChat id (微信号) can be set by
 * anyone to any string, so it never makes anyone staff. A message's sender is compared
 * through its sealed peer (the raw id is not read).
 */
export function isStaff(contact, staff) {
    return staffEntry(contact, staff) !== undefined;
}
function idIs(contact, entry) {
    return 'peer' in contact ? contact.peer.is(entry) : contact.id === entry;
}
/** The BOT_STAFF entry that identifies this contact (the remark or the id), or undefined. */
export function staffEntry(contact, staff) {
    return staff.find((s) => s.length > 0 && (idIs(contact, s) || (contact.alias !== undefined && contact.alias.length > 0 && s === contact.alias)));
}
//# sourceMappingURL=identity.js.map