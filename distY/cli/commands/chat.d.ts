import type { Command } from 'commander';
export type { ChatOptions } from '../../terminal/chat.js';
export declare function registerChatCommand(program: Command): void;
