import type { Command } from 'commander';
import { registerAskCommand } from './ask.js';
import { registerCalibrateCommand } from './calibrate.js';
import { registerChatCommand } from './chat.js';
import { registerConsoleCommand } from './console.js';
import { registerEvalCommand } from './eval.js';
import { registerKbCommands } from './kb.js';
import { registerExportCommand } from './export.js';
import { registerSimulateCommand } from './simulate.js';
import { registerStatsCommand } from './stats.js';
import { registerStaffCommand } from './staff.js';
import { registerStartCommand } from './start.js';

/** Every command module registers itself here; one line per module. */
export function registerCommands(program: Command): void {
  registerAskCommand(program);
  registerEvalCommand(program);
  registerChatCommand(program);
  registerCalibrateCommand(program);
  registerKbCommands(program);
  registerSimulateCommand(program);
  registerExportCommand(program);
  registerStatsCommand(program);
  registerStartCommand(program);
  registerConsoleCommand(program);
  registerStaffCommand(program);
}
