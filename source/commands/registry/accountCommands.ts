import type { Command } from '../Command.js';

/** Account, team and governance commands: who may do what, at what cost. */
export const accountCommands: Command[] = [
  {
    name: 'cost',
    summary: 'burn rate, today, month to date, projection and budget, per resource (estimates)',
    usage: ['cost [--json] [--since T [--until T]] [--budget USD]', 'cost findings [--json]'],
    load: async () => (await import('../costCommand.js')).runCostCommand,
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
    load: async () => (await import('../projectCommand.js')).runProjectCommand,
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
    load: async () => (await import('../profilesCommand.js')).runProfilesCommand,
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
    load: async () => (await import('../usersCommand.js')).runUsersCommand,
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
    load: async () => (await import('../inviteCommand.js')).runInviteCommand,
  },
  {
    name: 'globus',
    summary: 'Globus Auth: a verified research identity from your institution (InCommon/eduGAIN)',
    usage: ['globus login [--no-browser] [--json]', 'globus whoami [--json]', 'globus logout'],
    load: async () => (await import('../globusCommand.js')).runGlobusCommand,
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
    load: async () => (await import('../teamCommand.js')).runTeamCommand,
  },
  {
    name: 'policy',
    summary: "show the profile's policy and its chain, or test a launch against it (exit 3 if denied)",
    usage: [
      'policy show [--policy FILE] [--json]',
      'policy test --template <slug> --type <instance-type> [--region R] [--spot] [--tag k=v]... [--policy FILE] [--json]',
    ],
    load: async () => (await import('../policyCommand.js')).runPolicyCommand,
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
    load: async () => (await import('../networkCommand.js')).runNetworkCommand,
  },
  {
    name: 'doctor',
    summary: 'check credentials, region, permissions, network, tools, quotas and prices, each with its fix',
    usage: ['doctor [--region R] [--json]'],
    load: async () => (await import('../doctorCommand.js')).runDoctorCommand,
  },
  {
    name: 'iam',
    summary: 'the least-privilege IAM policy a lab member or admin needs, as JSON to attach',
    usage: [
      'iam policy --for user|admin [--team-store TABLE] [--json]',
      'iam policy analytics --for user|admin [BUCKET...] [--json]',
    ],
    load: async () => (await import('../iamCommand.js')).runIamCommand,
  },
  {
    name: 'serve',
    summary:
      'the core over HTTP for notebooks, editors and dashboards: a Unix socket (0600), or a loopback port with a token',
    usage: [
      'serve [--listen 127.0.0.1:PORT] [--cors-origin URL] [--json]   (default: a Unix socket in the state dir)',
      'serve --listen HOST:PORT --tls-cert FILE --tls-key FILE --allow-remote   |   serve --rotate-token',
    ],
    load: async () => (await import('../serveCommand.js')).runServeCommand,
  },
];
