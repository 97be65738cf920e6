import type { Command } from '../Command.js';

/** Workstation commands: launching, the lifecycle, connecting and operating one. */
export const workstationCommands: Command[] = [
  {
    name: 'list',
    summary: 'the workstations and services of the profile, rebuilt from the cloud',
    usage: ['list [--json]'],
    load: async () => (await import('../listCommand.js')).runListCommand,
  },
  {
    name: 'launch',
    summary: 'launch a workstation from a template, through the policy and the price check',
    usage: [
      'launch <template> <name> [--size S | --type T] [--param k=v]... [--spot] [--hibernation] [--root-volume GB]',
      '       [--efs fs-... [--access-point fsap-...]] [--fsx fs-...] [--project P] [--tag k=v]... [--reason R] [--wait-ready] [--json]',
      '       [--abandon-unfinished]   (set aside an unfinished launch of the name asked with other arguments)',
    ],
    load: async () => (await import('../launchCommand.js')).runLaunchCommand,
  },
  {
    name: 'start',
    summary: 'start a stopped workstation and wait until it runs',
    usage: ['start <name> [--json]'],
    load: async () => (await import('../lifecycleCommand.js')).lifecycleCommand('start'),
  },
  {
    name: 'stop',
    summary: 'stop a workstation (storage still accrues) and wait until it stops',
    usage: ['stop <name> [--json]'],
    load: async () => (await import('../lifecycleCommand.js')).lifecycleCommand('stop'),
  },
  {
    name: 'hibernate',
    summary: 'hibernate a workstation launched with --hibernation (RAM kept on disk)',
    usage: ['hibernate <name> [--json]'],
    load: async () => (await import('../lifecycleCommand.js')).lifecycleCommand('hibernate'),
  },
  {
    name: 'terminate',
    summary: 'terminate a workstation and delete its root volume (asks unless --yes)',
    usage: ['terminate <name> [--yes] [--json]'],
    load: async () => (await import('../lifecycleCommand.js')).lifecycleCommand('terminate'),
  },
  {
    name: 'connect',
    summary:
      'SSH or SSM into a workstation, or open a web service (tunnel, URL, token); --print only shows how',
    usage: ['connect <name> [--print] [--ssm] [--local-port N] [--json]'],
    load: async () => (await import('../connectCommand.js')).runConnectCommand,
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
    load: async () => (await import('../servicesCommand.js')).runServicesCommand,
  },
  {
    name: 'exec',
    summary: 'run a command on workstations through SSM (as the research user; --root for admins)',
    usage: [
      'exec <name> [--root] [--timeout S] [--json] -- <command...>',
      'exec --all | --tag k=v [--concurrency N] [--yes] [--json] -- <command...>',
    ],
    load: async () => (await import('../execCommand.js')).runExecCommand,
  },
  {
    name: 'logs',
    summary: "a workstation's console (--boot), setup log (--setup, the default) or a service's journal",
    usage: ['logs <name> [--boot | --setup | --service S] [--lines N] [--follow] [--json]'],
    load: async () => (await import('../logsCommand.js')).runLogsCommand,
  },
  {
    name: 'resize',
    summary: "change a stopped workstation's instance type, checked by the policy and priced before -> after",
    usage: ['resize <name> --type T | --size S [--start] [--yes] [--json]'],
    load: async () => (await import('../resizeCommand.js')).runResizeCommand,
  },
  {
    name: 'ssh-config',
    summary: 'Host entries for ssh, scp, rsync and VS Code (--write: ~/.ssh/config.d/cws-tui, included once)',
    usage: ['ssh-config [--write] [--json]'],
    load: async () => (await import('../sshConfigCommand.js')).runSshConfigCommand,
  },
  {
    name: 'volumes',
    summary: 'EBS data volumes (gp3/io2): create next to a workstation, attach and mount, detach, delete',
    usage: [
      'volumes list [--json]',
      'volumes create <name> --size GB [--type gp3|io2] [--iops N] [--throughput MBps] (--to <workstation> [--mount DIR] | --zone AZ) [--yes]',
      'volumes attach <volume> <workstation> [--mount DIR] [--yes] | detach <volume> [--force] [--yes] | delete <volume> [--yes]',
    ],
    load: async () => (await import('../volumesCommand.js')).runVolumesCommand,
  },
  {
    name: 'snapshot',
    summary:
      "EBS snapshots of a workstation's volumes, with their cost per GB-month; restore as a volume or the root",
    usage: [
      'snapshot create <workstation | volume> [--yes] [--json] | snapshot list [--json]',
      'snapshot restore <snapshot> --to <workstation> [--root | --mount DIR] [--yes] | snapshot delete <snapshot> [--yes]',
    ],
    load: async () => (await import('../snapshotCommand.js')).runSnapshotCommand,
  },
  {
    name: 'image',
    summary: 'save a workstation as an AMI and a template (base: ami-based) that launches it',
    usage: ['image save <workstation> --as-template <slug> [--stop-first] [--yes] [--json]'],
    load: async () => (await import('../imageCommand.js')).runImageCommand,
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
    load: async () => (await import('../idleCommand.js')).runIdleCommand,
  },
  {
    name: 'rightsize',
    summary:
      'recommend smaller or larger types from 14 days of CloudWatch CPU (p95) and memory, with the monthly saving',
    usage: ['rightsize [<name>] [--json]'],
    load: async () => (await import('../rightsizeCommand.js')).runRightsizeCommand,
  },
  {
    name: 'userdata',
    summary: 'print the boot script a launch would send (and its size), for inspection',
    usage: [
      'userdata --template <slug> [--user <research user>] [--distro ubuntu|rocky|al2023] [--param k=v]...',
      '         [--efs fs-... [--access-point fsap-...]] [--region R] [--json]',
    ],
    load: async () => (await import('../userdataCommand.js')).runUserdataCommand,
  },
];
