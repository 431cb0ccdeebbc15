#!/usr/bin/env node
import { Command } from 'commander';
/**
 * `pufa` — the command-line tool. Each command lives in `src/cli/commands/<name>.ts` and
 * is also usable as a library function. Errors print a clear message and exit non-zero.
 * Only the module of the command being run is imported (see commands/index.ts), so
 * `pufa --help` and `pufa --version` load no model, node-nlp, wechaty or Redis client.
 */
export declare function buildProgram(argv?: readonly string[]): Promise<Command>;
export declare function main(argv?: string[]): Promise<number>;
