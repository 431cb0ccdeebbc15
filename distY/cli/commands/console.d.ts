import type { Command } from 'commander';
/**
 * `pufa console`: the staff web console alone, on the same Redis as the bot (which may run
 * on another machine). Figures, review queue, exports and announcements work here; retrain
 * needs the bot's own process (its console, CONSOLE_PORT).
 */
export declare function registerConsoleCommand(program: Command): void;
