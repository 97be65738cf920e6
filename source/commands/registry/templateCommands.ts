import type { Command } from '../Command.js';

/** Template and marketplace commands: what can be launched and who vouches for it. */
export const templateCommands: Command[] = [
  {
    name: 'templates',
    summary: 'list, show and validate workstation templates',
    usage: [
      'templates list [--json] [--profile-filtered]',
      'templates show <slug> [--json]',
      'templates validate [PATH...]',
      'templates scan <file|slug> [--json]   (exit 3 on high findings)',
    ],
    load: async () => (await import('../templatesCommand.js')).runTemplatesCommand,
  },
  {
    name: 'marketplace',
    summary: 'signed community templates: search, inspect, install, publish, approve and rate',
    usage: [
      'marketplace search [WORDS...] [--category C] [--tag T] [--compliance X] [--sort rating|downloads|updated|name] [--json]',
      'marketplace show|install <slug>[@version]   (install pins when a version is given)',
      'marketplace update [--yes]   (shows versions, changelog and diff, then asks)',
      'marketplace publish <file> --version X.Y.Z --changelog "..." [--registry R] [--key FILE] [--override --reason R]',
      'marketplace review <slug>@<version> approve|reject --reason R [--override] [--key FILE]',
      'marketplace queue | key [--json]',
      'marketplace rate <slug>@<version> --stars 1-5 [--text "..."]',
    ],
    load: async () => (await import('../marketplaceCommand.js')).runMarketplaceCommand,
  },
  {
    name: 'registry',
    summary: 'template registries (S3 or a directory) and the publisher and approver keys trusted in each',
    usage: [
      'registry add <name> <s3://bucket/prefix | path> [--publisher-key NAME=KEY]... [--approver-key NAME=KEY]...',
      'registry trust <name> [--publisher-key NAME=KEY]... [--approver-key NAME=KEY]... [--revoke-key KEY]...',
      'registry list [--json]',
      'registry remove <name>',
    ],
    load: async () => (await import('../registryCommand.js')).runRegistryCommand,
  },
];
