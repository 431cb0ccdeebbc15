import type { Command } from 'commander';
export declare function registerSimulateCommand(program: Command): void;
