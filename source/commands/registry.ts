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
      'launch <template> <name> [--size S | --type T] [--param k=v]... [--spot] [--hibernation] [--root-volume GB]',
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
      'userdata --template <slug> [--user <research user>] [--distro ubuntu|rocky|al2023] [--param k=v]...',
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
      '       [--discount ec2=10 --discount ebs=5 ...] [--cost-explorer] [--team-store TABLE]',
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
      'users link-globus <name> [--json]',
    ],
    load: async () => (await import('./usersCommand.js')).runUsersCommand,
  },
  {
    name: 'invite',
    summary: 'signed invitations that hand on a profile with the same or a narrower policy',
    usage: [
      'invite create <profile-name> [--aws-profile P] [--region R] [--user U] [--policy FILE]',
      '       [--budget USD] [--expires 7d] [--can-invite] [--uses N] [--require-globus [--idp-domain D]] [--json]',
      'invite accept <token> [--user U] [--profile NAME] [--full-name N] [--email E] [--team-store TABLE] [--json]',
      'invite list [--json]',
      'invite revoke <id> [--json]',
    ],
    load: async () => (await import('./inviteCommand.js')).runInviteCommand,
  },
  {
    name: 'globus',
    summary: 'Globus Auth: a verified research identity from your institution (InCommon/eduGAIN)',
    usage: ['globus login [--no-browser] [--json]', 'globus whoami [--json]', 'globus logout'],
    load: async () => (await import('./globusCommand.js')).runGlobusCommand,
  },
  {
    name: 'team',
    summary: "the lab's team store (DynamoDB): create it, see it, bring this machine's users in",
    usage: [
      'team init <table> [--region R] [--yes]',
      'team status [--json]',
      'team migrate [--yes]',
      'team budget <lab|project:NAME|user:NAME> <USD>',
      'team cap <lab|per-user|user:NAME> <N|none>',
    ],
    load: async () => (await import('./teamCommand.js')).runTeamCommand,
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
    usage: [
      'storage list [--json]',
      'storage create <name> [--region R] [--json]',
      'storage unmount <fs-id> <workstation> [--force] [--yes]',
      'storage delete <fs-id> [--region R] [--force] --yes',
    ],
    load: async () => (await import('./storageCommand.js')).runStorageCommand,
  },
  {
    name: 'network',
    summary: "where the profile's workstations go: VPCs and subnets, a recorded subnet, the SSH source",
    usage: [
      'network show [--region R] [--json]',
      'network use <subnet-id>|default [--security-group sg-...] [--ssh-cidr CIDR|none [--force]] [--region R]',
      "network use --laptop-host user@host[:port]|none   (where laptops reach this machine: connect's laptop command)",
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
    usage: ['iam policy --for user|admin [--team-store TABLE] [--json]'],
    load: async () => (await import('./iamCommand.js')).runIamCommand,
  },
  {
    name: 'exec',
    summary: 'run a command on workstations through SSM (as the research user; --root for admins)',
    usage: [
      'exec <name> [--root] [--timeout S] [--json] -- <command...>',
      'exec --all | --tag k=v [--concurrency N] [--yes] [--json] -- <command...>',
    ],
    load: async () => (await import('./execCommand.js')).runExecCommand,
  },
  {
    name: 'logs',
    summary: "a workstation's console (--boot), setup log (--setup, the default) or a service's journal",
    usage: ['logs <name> [--boot | --setup | --service S] [--lines N] [--follow] [--json]'],
    load: async () => (await import('./logsCommand.js')).runLogsCommand,
  },
  {
    name: 'resize',
    summary: "change a stopped workstation's instance type, checked by the policy and priced before -> after",
    usage: ['resize <name> --type T | --size S [--start] [--yes] [--json]'],
    load: async () => (await import('./resizeCommand.js')).runResizeCommand,
  },
  {
    name: 'ssh-config',
    summary: 'Host entries for ssh, scp, rsync and VS Code (--write: ~/.ssh/config.d/cws-tui, included once)',
    usage: ['ssh-config [--write] [--json]'],
    load: async () => (await import('./sshConfigCommand.js')).runSshConfigCommand,
  },
  {
    name: 'volumes',
    summary: 'EBS data volumes (gp3/io2): create next to a workstation, attach and mount, detach, delete',
    usage: [
      'volumes list [--json]',
      'volumes create <name> --size GB [--type gp3|io2] [--iops N] [--throughput MBps] (--to <workstation> [--mount DIR] | --zone AZ) [--yes]',
      'volumes attach <volume> <workstation> [--mount DIR] [--yes] | detach <volume> [--force] [--yes] | delete <volume> [--yes]',
    ],
    load: async () => (await import('./volumesCommand.js')).runVolumesCommand,
  },
  {
    name: 'snapshot',
    summary:
      "EBS snapshots of a workstation's volumes, with their cost per GB-month; restore as a volume or the root",
    usage: [
      'snapshot create <workstation | volume> [--yes] [--json] | snapshot list [--json]',
      'snapshot restore <snapshot> --to <workstation> [--root | --mount DIR] [--yes] | snapshot delete <snapshot> [--yes]',
    ],
    load: async () => (await import('./snapshotCommand.js')).runSnapshotCommand,
  },
  {
    name: 'image',
    summary: 'save a workstation as an AMI and a template (base: ami-based) that launches it',
    usage: ['image save <workstation> --as-template <slug> [--stop-first] [--yes] [--json]'],
    load: async () => (await import('./imageCommand.js')).runImageCommand,
  },
  {
    name: 'idle',
    summary:
      'idle policies applied through SSM, start/stop schedules (EventBridge Scheduler), and what idling saved',
    usage: [
      'idle list | show <policy> | status | savings [--json]',
      'idle apply <policy> <workstation...> [--yes]',
      'idle schedule <workstation> [--stop HH:MM] [--start HH:MM] [--days mon-fri] [--tz Europe/Berlin] [--yes] | idle unschedule <workstation> [--yes]',
    ],
    load: async () => (await import('./idleCommand.js')).runIdleCommand,
  },
  {
    name: 'rightsize',
    summary:
      'recommend smaller or larger types from 14 days of CloudWatch CPU (p95) and memory, with the monthly saving',
    usage: ['rightsize [<name>] [--json]'],
    load: async () => (await import('./rightsizeCommand.js')).runRightsizeCommand,
  },
  {
    name: 'project',
    summary:
      'projects: workstations grouped by the cws:project tag, with members, spend and a monthly budget',
    usage: [
      'project create <name> [--budget USD] [--user U] [--yes] | project list | project show <name> [--json]',
      'project members <name> [add|remove <user>] [--yes] | project budget <name> [--budget USD | --force] [--yes]',
      'project delete <name> [--force] [--yes]',
    ],
    load: async () => (await import('./projectCommand.js')).runProjectCommand,
  },
];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}
