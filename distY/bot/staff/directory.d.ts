import type { Logger } from 'pino';
import type { AccountPlatform, ChatContact } from '../../chat/platform.js';
import type { PacedSender } from '../sender.js';
/**
 * The staff list (BOT_STAFF) and how to reach them: login notices go to all of them,
 * an announcement report to the one who confirmed it (known only by salted hash).
 */
export declare class StaffDirectory {
    private readonly o;
    constructor(o: {
        staff: readonly string[];
        salt: string;
        platform: Pick<AccountPlatform, 'findContact'>;
        sender: PacedSender;
        logger: Logger;
    });
    isStaff(contact: ChatContact): boolean;
    /** The staff members the account can reach (each BOT_STAFF entry resolved to a contact). */
    contacts(): Promise<ChatContact[]>;
    /** Private message to every staff member. */
    notifyAll(text: string): Promise<number>;
    /** Private message to the staff member with this salted hash; false when not found. */
    notify(staffHash: string, text: string): Promise<boolean>;
}
