import type { Command } from './Command.js';

/** Every non-interactive command, in the order `--help` lists them. */
export const commands: Command[] = [
  {
    name: 'templates',
    summary: 'list, show and validate workstation templates',
    usage: [
      'templates list [--json] [--profile-filtered]',
      'templates show <slug> [--json]',
      'templates validate [PATH...]',
    ],
    load: async () => (await import('./templatesCommand.js')).runTemplatesCommand,
  },
  {
    name: 'cost',
    summary: 'burn rate, today, month to date, projection and budget, per resource (estimates)',
    usage: ['cost [--json] [--since T [--until T]] [--budget USD]'],
    load: async () => (await import('./costCommand.js')).runCostCommand,
  },
];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}
