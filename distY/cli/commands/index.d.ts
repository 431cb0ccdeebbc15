import type { Command } from 'commander';
/**
 * Every `pufa` command, one entry each. A command's module (and with it the model,
 * node-nlp, wechaty, Redis …) is imported only when that command runs, so `pufa --help`
 * and `pufa --version` start in a fraction of a second. To add a command: write
 * `src/cli/commands/<name>.ts` exporting `register<Name>Command(program)`, and add one
 * line here. `description` is what `pufa --help` lists without loading the module; keep it
 * equal to the command's own `.description(…)` (test/cli/lazy-commands.test.ts checks).
 */
export interface CommandEntry {
    /** The top-level command name as typed (`pufa <name> …`). */
    name: string;
    description: string;
    /** Import the module and return its register function (adds the command to `program`). */
    load: () => Promise<(program: Command) => void>;
}
export declare const COMMANDS: readonly CommandEntry[];
/**
 * The command `argv` (user arguments, without `node` and the script) asks for, if any:
 * the first word that is not an option (`pufa ask …`), or the one after `help`.
 */
export declare function requestedCommand(args: readonly string[]): string | undefined;
/**
 * Register every command on `program`: the requested one in full (its module imported),
 * the others as name and description only, for the help listing and the unknown-command
 * check. `requested: 'all'` imports every module (tests).
 */
export declare function registerCommands(program: Command, requested: string | undefined | 'all'): Promise<void>;
