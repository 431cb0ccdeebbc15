import type { Command } from 'commander';
export declare function registerCalibrateCommand(program: Command): void;
