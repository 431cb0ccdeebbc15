import type { Command } from 'commander';
export declare function registerAskCommand(program: Command): void;
