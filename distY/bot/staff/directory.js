import { hashId } from '../../core/privacy.js';
import { isStaff } from './identity.js';
/**
 * The staff list (BOT_STAFF) and how to reach them: login notices go to all of them,
 * an announcement report to the one who confirmed it (known only by salted hash).
 */
export class StaffDirectory {
    o;
    constructor(o) {
        this.o = o;
    }
    isStaff(contact) {
        return isStaff(contact, this.o.staff);
    }
    /** The staff members the account can reach (each BOT_STAFF entry resolved to a contact). */
    async contacts() {
        const out = new Map();
        for (const key of this.o.staff) {
            const c = await this.o.platform.findContact(key).catch(() => undefined);
            if (c)
                out.set(c.id, c);
            else
                this.o.logger.warn({ entry: hashId(this.o.salt, key) }, 'a BOT_STAFF entry matches no contact of this account');
        }
        return [...out.values()];
    }
    /** Private message to every staff member. */
    async notifyAll(text) {
        const list = await this.contacts();
        await Promise.all(list.map((c) => this.o.sender.send({ kind: 'contact', id: c.id }, { text })));
        return list.length;
    }
    /** Private message to the staff member with this salted hash; false when not found. */
    async notify(staffHash, text) {
        const c = (await this.contacts()).find((x) => hashId(this.o.salt, x.id) === staffHash);
        if (!c)
            return false;
        await this.o.sender.send({ kind: 'contact', id: c.id }, { text });
        return true;
    }
}
//# sourceMappingURL=directory.js.map