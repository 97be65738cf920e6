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
    name: 'list',
    summary: 'the workstations and services of the profile, rebuilt from the cloud',
    usage: ['list [--json]'],
    load: async () => (await import('./listCommand.js')).runListCommand,
  },
  {
    name: 'launch',
    summary: 'launch a workstation from a template, through the policy and the price check',
    usage: [
      'launch <template> <name> [--size S | --type T] [--spot] [--hibernation] [--root-volume GB]',
      '       [--efs fs-... [--access-point fsap-...]] [--project P] [--tag k=v]... [--reason R] [--wait-ready] [--json]',
    ],
    load: async () => (await import('./launchCommand.js')).runLaunchCommand,
  },
  {
    name: 'start',
    summary: 'start a stopped workstation and wait until it runs',
    usage: ['start <name> [--json]'],
    load: async () => (await import('./lifecycleCommand.js')).lifecycleCommand('start'),
  },
  {
    name: 'stop',
    summary: 'stop a workstation (storage still accrues) and wait until it stops',
    usage: ['stop <name> [--json]'],
    load: async () => (await import('./lifecycleCommand.js')).lifecycleCommand('stop'),
  },
  {
    name: 'hibernate',
    summary: 'hibernate a workstation launched with --hibernation (RAM kept on disk)',
    usage: ['hibernate <name> [--json]'],
    load: async () => (await import('./lifecycleCommand.js')).lifecycleCommand('hibernate'),
  },
  {
    name: 'terminate',
    summary: 'terminate a workstation and delete its root volume (asks unless --yes)',
    usage: ['terminate <name> [--yes] [--json]'],
    load: async () => (await import('./lifecycleCommand.js')).lifecycleCommand('terminate'),
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
