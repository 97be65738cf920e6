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
      '       [--abandon-unfinished]   (set aside an unfinished launch of the name asked with other arguments)',
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
  {
    name: 'userdata',
    summary: 'print the boot script a launch would send (and its size), for inspection',
    usage: [
      'userdata --template <slug> [--user <research user>] [--distro ubuntu|rocky|al2023]',
      '         [--efs fs-... [--access-point fsap-...]] [--region R] [--json]',
    ],
    load: async () => (await import('./userdataCommand.js')).runUserdataCommand,
  },
  {
    name: 'profiles',
    summary: 'cws-tui profiles: AWS profile, region, research user, policy and budget',
    usage: [
      'profiles list|current [--json]',
      'profiles use <name>',
      'profiles create <name> --aws-profile P --region R [--policy FILE] [--admin] [--user U] [--budget USD]',
      '       [--discount ec2=10 --discount ebs=5 ...] [--cost-explorer]',
      'profiles delete <name>',
    ],
    load: async () => (await import('./profilesCommand.js')).runProfilesCommand,
  },
  {
    name: 'users',
    summary: 'research users: POSIX name, UID/GID shared by every workstation, SSH keys',
    usage: [
      'users list [--json]',
      'users show|delete <name> [--json]',
      'users create <name> [--full-name N] [--email E] [--ssh-public-key FILE] [--group G]... [--json]',
    ],
    load: async () => (await import('./usersCommand.js')).runUsersCommand,
  },
  {
    name: 'invite',
    summary: 'signed invitations that hand on a profile with the same or a narrower policy',
    usage: [
      'invite create <profile-name> [--aws-profile P] [--region R] [--user U] [--policy FILE]',
      '       [--budget USD] [--expires 7d] [--can-invite] [--json]',
      'invite accept <token> [--user U] [--profile NAME] [--full-name N] [--email E] [--json]',
    ],
    load: async () => (await import('./inviteCommand.js')).runInviteCommand,
  },
  {
    name: 'policy',
    summary: "show the profile's policy and its chain, or test a launch against it (exit 3 if denied)",
    usage: [
      'policy show [--policy FILE] [--json]',
      'policy test --template <slug> --type <instance-type> [--region R] [--spot] [--tag k=v]... [--policy FILE] [--json]',
    ],
    load: async () => (await import('./policyCommand.js')).runPolicyCommand,
  },
  {
    name: 'connect',
    summary:
      'SSH or SSM into a workstation, or open a web service (tunnel, URL, token); --print only shows how',
    usage: ['connect <name> [--print] [--ssm] [--local-port N] [--json]'],
    load: async () => (await import('./connectCommand.js')).runConnectCommand,
  },
  {
    name: 'services',
    summary: 'managed web services: SageMaker Studio and Canvas, Studio Lab (launch, list, health, cleanup)',
    usage: [
      'services list [--json]',
      'services launch <template> <name> [--size S | --type T] [--notebook URL] [--project P] [--tag k=v]... [--reason R] [--json]',
      'services health <name> [--json]',
      'services cleanup [--delete-domain] --yes [--json]',
    ],
    load: async () => (await import('./servicesCommand.js')).runServicesCommand,
  },
  {
    name: 'storage',
    summary: 'EFS file systems with their access points, and root volumes; create a file system',
    usage: ['storage list [--json]', 'storage create <name> [--region R] [--json]'],
    load: async () => (await import('./storageCommand.js')).runStorageCommand,
  },
  {
    name: 'network',
    summary: "where the profile's workstations go: VPCs and subnets, a recorded subnet, the SSH source",
    usage: [
      'network show [--region R] [--json]',
      'network use <subnet-id>|default [--security-group sg-...] [--ssh-cidr CIDR|none [--force]] [--region R]',
      'network create [--region R] [--yes] [--json]',
    ],
    load: async () => (await import('./networkCommand.js')).runNetworkCommand,
  },
  {
    name: 'doctor',
    summary: 'check credentials, region, permissions, network, tools, quotas and prices, each with its fix',
    usage: ['doctor [--region R] [--json]'],
    load: async () => (await import('./doctorCommand.js')).runDoctorCommand,
  },
  {
    name: 'iam',
    summary: 'the least-privilege IAM policy a lab member or admin needs, as JSON to attach',
    usage: ['iam policy --for user|admin [--json]'],
    load: async () => (await import('./iamCommand.js')).runIamCommand,
  },
];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}
