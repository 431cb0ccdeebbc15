import type { BotServices, Reply } from '../context.js';
import type { StaffCommands } from '../../chat/context.js';
/**
 * Staff commands (private chat, BOT_STAFF only). One table: name, usage, what it does.
 * Each returns the replies to send; errors a staff member can fix come back as text.
 */
export interface CommandContext {
    bot: BotServices;
    /** Salted hash of the staff member. */
    staff: string;
    /** How the bureau names them: the BOT_STAFF remark that identified them (absent when listed by raw id). */
    staffName?: string;
    args: string;
}
export interface StaffCommand {
    name: string;
    usage: string;
    help: string;
    run(c: CommandContext): Promise<Reply[]>;
}
/** Leading `@群名关键词` words of an announcement; the rest is the text, line breaks kept. */
export declare function splitTargets(args: string): {
    keywords: string[];
    body: string;
};
/** Redis trouble and unwritten consultations, for the top of #统计 (empty when all is well). */
export declare function redisTroubleLines(bot: Pick<BotServices, 'health' | 'recorder'>): string[];
export declare const STAFF_COMMANDS: readonly StaffCommand[];
export declare function helpText(): string;
/** `#统计 本月` → the command and its arguments; undefined when the text is not a known command. */
export declare function parseStaffCommand(input: string): {
    command: StaffCommand;
    args: string;
} | undefined;
/** The staff commands as the chat steps see them: who is staff (BOT_STAFF), and the command table run with the bot's services. */
export declare function botStaffCommands(bot: BotServices): StaffCommands;
