import type { Command } from 'commander';
export declare function registerStaffCommand(program: Command): void;
