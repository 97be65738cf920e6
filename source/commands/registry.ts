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
      'templates scan <file|slug> [--json]   (exit 3 on high findings)',
    ],
    load: async () => (await import('./templatesCommand.js')).runTemplatesCommand,
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
    load: async () => (await import('./marketplaceCommand.js')).runMarketplaceCommand,
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
    load: async () => (await import('./registryCommand.js')).runRegistryCommand,
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
      '       [--efs fs-... [--access-point fsap-...]] [--fsx fs-...] [--project P] [--tag k=v]... [--reason R] [--wait-ready] [--json]',
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
    name: 'bigdata',
    summary: 'Spark on EMR Serverless: applications from templates, job runs, logs, Spark UI and cost',
    usage: [
      'bigdata create <template> <name> [--region R] [--release emr-7.5.0] [--max-vcpu N] [--max-memory GB] [--bucket B]...',
      'bigdata list|show <app>|start <app>|stop <app>|delete <app> --yes [--json]',
      'bigdata submit <app> <entry.py|entry.jar|s3://...> [--args A]... [--conf k=v]... [--bucket B]... [--attempts N] [--follow]',
      'bigdata runs <app> | logs <app> <run> [--all] | cancel <app> <run> | ui <app> <run> [--json]',
      'bigdata cluster create <template> <name> [--nodes N] | list | show | resize <c> --nodes N | step <c> <script.py> | steps <c> | terminate <c> --yes',
    ],
    load: async () => (await import('./bigdataCommand.js')).runBigdataCommand,
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
      'storage delete <fs-id> [--region R] [--force [--confirm NAME]] --yes',
      'storage create <name> --type lustre [--deployment scratch2|persistent2] [--capacity GiB] [--throughput MB/s/TiB]',
      '       [--s3 s3://bucket/prefix [--import] [--export]]',
      'storage create <name> --type openzfs [--capacity GiB] [--throughput MB/s] [--compression zstd|lz4|none] [--quota user=GiB]...',
      'storage task <fs-id> import|export|release | storage tasks <fs-id>',
      'storage snapshot create <fs-id> <name> | list <fs-id> | restore <fs-id> <snapshot-id> | clone <fs-id> <snapshot-id> <name>',
      'storage recommend --capacity 20TiB --throughput 2GB/s --access shared|single --pattern hpc-scratch|ml-training|home|archive [--months N]',
      'storage findings [--json]',
      'storage bench <workstation> <fs-id|vol-id> [--pattern seq|random|metadata] [--size 1G] [--mount DIR] [--json]   (--pattern, as --profile is the launch profile)',
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
    usage: [
      'iam policy --for user|admin [--team-store TABLE] [--json]',
      'iam policy analytics --for user|admin [BUCKET...] [--json]',
    ],
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
  {
    name: 'hpc',
    summary: 'Slurm clusters on AWS ParallelCluster: create, scale, submit and watch jobs, job cost',
    usage: [
      'hpc list|templates [--json] | hpc config <template> [--efs fs-..] [--fsx fs-..]',
      'hpc create <name> --template T [--efs fs-..] [--fsx fs-..] [--engine cloudformation|pcluster] [--yes]',
      'hpc show|stop|start|connect|delete <name> | hpc update <name> --queue Q --max N [--min N] [--idle-minutes M] [--stop-first]',
      'hpc jobs <name> [--user U] [--state S] | hpc submit <name> <script> [--partition P] [--nodes N] [--time T] [-- sbatch args]',
      'hpc cancel <name> <jobid> | hpc history <name> [--since 2d] [--json]',
    ],
    load: async () => (await import('./hpcCommand.js')).runHpcCommand,
  },
  {
    name: 'athena',
    summary:
      "SQL over the lab's data in a workgroup that enforces the policy's scan limit; each query's bytes and cost",
    usage: [
      'athena query "<sql>" [--workgroup W] [--database D] [--output table|csv|json] [--project P]',
      'athena workgroup [--project P] [--json] | athena history [--workgroup W] [--json] | athena cancel <query-id>',
    ],
    load: async () => (await import('./athenaCommand.js')).runAthenaCommand,
  },
  {
    name: 'databrew',
    summary:
      'prepare data from S3 with Glue DataBrew: datasets, the shipped recipes, jobs with node-hours and cost',
    usage: [
      'databrew dataset create <name> s3://bucket/file.csv | databrew dataset list | databrew recipes',
      'databrew job run <dataset> <clean|dedupe|cast|profile> | databrew job list | databrew job show|logs <job> [run-id]',
      'databrew project create <name> <dataset> [recipe] | databrew project list | databrew project open <name>',
    ],
    load: async () => (await import('./databrewCommand.js')).runDatabrewCommand,
  },
  {
    name: 'quicksight',
    summary:
      "whether the account has QuickSight (edition, users, monthly cost), and a dashboard's embed or console link",
    usage: [
      'quicksight status [--json] | quicksight connect <dashboard-id> [--json]',
      'quicksight register <user-name|iam-arn> reader|author --email ADDRESS [--user SESSION] [--yes]',
      'quicksight create <template> [--yes]',
    ],
    load: async () => (await import('./quicksightCommand.js')).runQuicksightCommand,
  },
  {
    name: 'codecatalyst',
    summary:
      'existing CodeCatalyst spaces (closed to new customers since November 2025): dev environments, start/stop',
    usage: [
      'codecatalyst spaces | codecatalyst devenvs <space> <project> | codecatalyst start|stop <space> <project> <id>',
    ],
    load: async () => (await import('./codecatalystCommand.js')).runCodecatalystCommand,
  },
  {
    name: 'data',
    summary:
      'what the profile may read: the S3 buckets its policy names, Data Catalog tables with size and update',
    usage: [
      'data sources [--region R] [--json]',
      'data crawl s3://bucket/prefix/ [--database D] [--yes] [--json]',
    ],
    load: async () => (await import('./dataCommand.js')).runDataCommand,
  },
  {
    name: 'serve',
    summary:
      'the core over HTTP for notebooks, editors and dashboards: a Unix socket (0600), or a loopback port with a token',
    usage: [
      'serve [--listen 127.0.0.1:PORT] [--cors-origin URL] [--json]   (default: a Unix socket in the state dir)',
      'serve --listen HOST:PORT --tls-cert FILE --tls-key FILE --allow-remote   |   serve --rotate-token',
    ],
    load: async () => (await import('./serveCommand.js')).runServeCommand,
  },
];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}
