import type { Command } from './Command.js';
import { accountCommands } from './registry/accountCommands.js';
import { capabilityCommands } from './registry/capabilityCommands.js';
import { templateCommands } from './registry/templateCommands.js';
import { workstationCommands } from './registry/workstationCommands.js';

/** Every non-interactive command, in the order `--help` lists them: one file per group. */
export const commands: Command[] = [
  ...templateCommands,
  ...workstationCommands,
  ...accountCommands,
  ...capabilityCommands,
];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}
