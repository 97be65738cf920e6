import { createInterface } from 'node:readline/promises';
import type { Session } from '../app/session/Session.js';
import { CloudError } from '../core/CloudError.js';
import { LAPTOP_SSH_HOST_ENV, parseLaptopSshHost } from '../core/connect/laptopSshTarget.js';
import type { NetworkChoice } from '../core/network/NetworkChoice.js';
import {
  CREATED_SUBNET_CIDRS,
  CREATED_VPC_CIDR,
  type NetworkOverview,
} from '../core/network/NetworkOverview.js';
import { NetworkSettingsStore, type ProfileNetwork } from '../core/network/NetworkSettingsStore.js';
import { sshCidrProblem } from '../core/network/sshCidrProblem.js';
import { resolveAppPaths } from '../core/paths.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { openCommandSession } from './openCommandSession.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE = [
  'usage: cws-tui network show [--region R] [--json]',
  '       cws-tui network use <subnet-id>|default [--security-group sg-...] [--ssh-cidr CIDR|none [--force]] [--region R]',
  '       cws-tui network use --laptop-host user@host[:port]|none   (where laptops reach this machine)',
  '       cws-tui network create [--region R] [--yes] [--json]',
].join('\n');

const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;
const GROUP_ID = /^sg-[0-9a-f]{8,17}$/;

/**
 * `cws-tui network`: where the profile's workstations go in a region. `show` lists the VPCs and
 * subnets and how a workstation in each is reached; `use` records a subnet (and the SSH source
 * CIDR); `create` makes a small public VPC for an account without a default one.
 */
export const runNetworkCommand: CommandRun = async (context) => {
  const [sub, ...rest] = context.args;
  if (sub === 'show' && rest.length === 0) return showNetwork(context);
  if (sub === 'use' && rest.length <= 1) return recordNetwork(context, rest[0]);
  if (sub === 'create' && rest.length === 0) return createNetwork(context);
  throw usageError(USAGE);
};

function settingsStore(context: CommandContext): NetworkSettingsStore {
  return new NetworkSettingsStore(resolveAppPaths(context.env).configDir);
}

async function showNetwork(context: CommandContext): Promise<number> {
  const session = await openCommandSession(context);
  const region = context.flags.region ?? session.info.region;
  const store = settingsStore(context);
  const [overview, settings] = await Promise.all([
    session.account.network.describeNetworks(region),
    store.profile(session.profile.name),
  ]);
  if (store.problem) context.stderr(`cws-tui: ${store.problem}\n`);
  const recorded = settings.regions[region];
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify({ profile: session.profile.name, ...overview, recorded: recorded ?? null, ssh_cidr: settings.ssh_cidr ?? null }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  context.stdout(describeOverview(overview, settings, region, session.profile.name));
  return EXIT.ok;
}

function describeOverview(
  overview: NetworkOverview,
  settings: ProfileNetwork,
  region: string,
  profile: string,
): string {
  const recorded = settings.regions[region];
  const lines: string[] = [];
  if (overview.vpcs.length === 0) lines.push(`${region} has no VPC.`);
  for (const vpc of overview.vpcs) {
    const traits = [
      vpc.is_default ? 'default' : undefined,
      vpc.managed ? 'made by cws-tui' : undefined,
      vpc.internet_gateway ? 'internet gateway' : 'no internet gateway',
      vpc.ssm_endpoints ? 'SSM endpoints' : undefined,
      vpc.ec2_endpoint ? 'EC2 endpoint' : undefined,
    ].filter(Boolean);
    lines.push(`VPC ${vpc.id} ${vpc.cidr}${vpc.name ? ` "${vpc.name}"` : ''} (${traits.join(', ')})`);
    if (vpc.subnets.length === 0) {
      lines.push('  no subnets');
      continue;
    }
    const table = renderTextTable(vpc.subnets, [
      { header: '  ', value: (subnet) => (subnet.id === recorded?.subnet_id ? '  *' : '') },
      { header: 'SUBNET', value: (subnet) => subnet.id },
      { header: 'ZONE', value: (subnet) => subnet.availability_zone },
      { header: 'CIDR', value: (subnet) => subnet.cidr },
      {
        header: 'KIND',
        value: (subnet) => (subnet.public ? 'public' : subnet.nat ? 'private, NAT' : 'private, no internet'),
      },
      { header: 'PUBLIC IP', value: (subnet) => (subnet.auto_public_ip ? 'on launch' : 'no') },
      { header: 'WAY IN', value: (subnet) => wayIn(subnet, vpc.ssm_endpoints) },
    ]);
    lines.push(
      ...table
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`),
    );
  }
  lines.push('');
  const defaultVpc = overview.vpcs.find((vpc) => vpc.is_default);
  if (recorded)
    lines.push(`Profile '${profile}' launches into ${recorded.subnet_id} (marked *) in ${region}.`);
  else if (defaultVpc)
    lines.push(`Profile '${profile}' launches into the default VPC ${defaultVpc.id} in ${region}.`);
  else {
    lines.push(
      `Profile '${profile}' cannot launch in ${region} yet: there is no default VPC and no subnet recorded.`,
      `Record one with \`cws-tui network use <subnet-id> --region ${region}\`, or make one with \`cws-tui network create --region ${region}\`.`,
    );
  }
  lines.push(
    settings.ssh_cidr
      ? `SSH is allowed from ${settings.ssh_cidr} only.`
      : 'SSH is not opened to any network (Session Manager needs no inbound rule); allow it with `cws-tui network use --ssh-cidr <your network>`.',
  );
  return `${lines.join('\n')}\n`;
}

function wayIn(subnet: NetworkOverview['vpcs'][number]['subnets'][number], ssmEndpoints: boolean): string {
  if (subnet.public) return subnet.auto_public_ip ? 'SSM or SSH' : 'SSM (no public IP)';
  if (subnet.nat || ssmEndpoints) return 'SSM';
  return 'none (needs NAT or SSM endpoints)';
}

async function recordNetwork(context: CommandContext, target: string | undefined): Promise<number> {
  const { flags } = context;
  if (target === undefined && flags.sshCidr === undefined && flags.laptopHost === undefined)
    throw usageError(USAGE);
  const laptopHost = flags.laptopHost === 'none' ? undefined : flags.laptopHost;
  if (laptopHost !== undefined) {
    const parsed = parseLaptopSshHost(laptopHost);
    if ('problem' in parsed) throw usageError(`--laptop-host: ${parsed.problem}`);
  }
  if (target !== undefined && target !== 'default' && !SUBNET_ID.test(target)) {
    throw usageError(`'${target}' is not a subnet id (subnet-0123abcd...); see cws-tui network show`);
  }
  if (flags.securityGroup !== undefined && !GROUP_ID.test(flags.securityGroup)) {
    throw usageError(`'${flags.securityGroup}' is not a security group id (sg-0123abcd...)`);
  }
  if (flags.securityGroup !== undefined && (target === undefined || target === 'default')) {
    throw usageError(
      '--security-group goes with a subnet: cws-tui network use <subnet-id> --security-group sg-...',
    );
  }
  const cidr = flags.sshCidr === 'none' ? undefined : flags.sshCidr;
  if (cidr !== undefined) {
    const problem = sshCidrProblem(cidr, { force: flags.force });
    if (problem) throw usageError(`--ssh-cidr: ${problem}`);
  }
  const session = await openCommandSession(context);
  const region = flags.region ?? session.info.region;
  const profile = session.profile.name;
  const store = settingsStore(context);
  const said: string[] = [];
  if (target === 'default') {
    const forgotten = await store.forgetRegion(profile, region);
    said.push(
      forgotten
        ? `profile '${profile}' launches into the default VPC of ${region} again`
        : `profile '${profile}' had no subnet recorded in ${region}`,
    );
  } else if (target !== undefined) {
    const overview = await session.account.network.describeNetworks(region);
    const vpc = overview.vpcs.find((candidate) => candidate.subnets.some((subnet) => subnet.id === target));
    const subnet = vpc?.subnets.find((candidate) => candidate.id === target);
    if (!vpc || !subnet) {
      throw new CliError(
        `the subnet ${target} does not exist in ${region}; see the subnets with: cws-tui network show --region ${region}`,
      );
    }
    await store.recordRegion(profile, region, {
      subnet_id: subnet.id,
      vpc_id: vpc.id,
      ...(flags.securityGroup ? { security_group_id: flags.securityGroup } : {}),
      recorded_at: new Date().toISOString(),
    });
    said.push(
      `profile '${profile}' launches into ${subnet.id} (${subnet.availability_zone}, ${vpc.id}) in ${region}` +
        (flags.securityGroup ? ` with the security group ${flags.securityGroup}` : ''),
    );
    if (!subnet.public && !subnet.nat && !vpc.ssm_endpoints) {
      context.stderr(
        `cws-tui: warning: ${subnet.id} has no route to the internet and its VPC has no SSM endpoints: workstations there cannot be reached or install packages\n`,
      );
    }
  }
  if (flags.sshCidr !== undefined) {
    await store.setSshCidr(profile, cidr, { force: flags.force });
    const applied = await applyToGroup(session, region, await store.choice(profile, region));
    said.push(
      `${cidr ? `SSH is allowed from ${cidr}` : 'SSH is no longer opened (Session Manager still works)'}; ${applied}`,
    );
  }
  if (flags.laptopHost !== undefined) {
    await store.setLaptopHost(profile, laptopHost);
    said.push(
      laptopHost
        ? `the laptop command of connect goes to ${laptopHost}`
        : `the laptop command of connect goes to the address SSH_CONNECTION gives (${LAPTOP_SSH_HOST_ENV} still wins)`,
    );
  }
  if (flags.json)
    context.stdout(`${JSON.stringify({ profile, region, ...(await store.profile(profile)) }, null, 2)}\n`);
  else context.stdout(`${said.join('\n')}\n`);
  return EXIT.ok;
}

/** Brings the region's security group in line now, so that connect works without a new launch. */
async function applyToGroup(session: Session, region: string, choice: NetworkChoice): Promise<string> {
  try {
    const group = await session.account.network.ensureSecurityGroup(region, choice);
    return choice.security_group_id
      ? `the security group ${group} is an admin's own: its rules are left as they are`
      : `the app's rule in ${group} (${region}) is updated; rules added by hand are left alone`;
  } catch (error) {
    if (error instanceof CloudError && error.code === 'NoDefaultVpc') {
      return `the rule is added at the first launch in ${region}`;
    }
    throw error;
  }
}

async function createNetwork(context: CommandContext): Promise<number> {
  const session = await openCommandSession(context);
  const region = context.flags.region ?? session.info.region;
  const plan = [
    `In ${region} this creates, tagged cws:managed=true and Name=cws-tui:`,
    `  a VPC ${CREATED_VPC_CIDR} with DNS hostnames,`,
    `  a public subnet in each of two zones (${CREATED_SUBNET_CIDRS.join(', ')}) giving instances a public IP,`,
    '  an internet gateway and a default route to it; no NAT gateway.',
    'Cost: nothing for the network itself (VPCs, subnets, internet gateways and routes are free);',
    'each running workstation pays for its public IPv4 address ($0.005 an hour) as anywhere else.',
  ].join('\n');
  if (!context.flags.yes) await confirm(context, plan, session);
  const created = await session.account.network.createNetwork(region);
  const [first] = created.subnet_ids;
  if (first) {
    await settingsStore(context).recordRegion(session.profile.name, region, {
      subnet_id: first,
      vpc_id: created.vpc_id,
      recorded_at: new Date().toISOString(),
    });
  }
  if (context.flags.json) {
    context.stdout(`${JSON.stringify({ ...created, recorded_subnet: first ?? null }, null, 2)}\n`);
    return EXIT.ok;
  }
  const headline = {
    created: `created the network ${created.vpc_id} in ${region}`,
    finished: `finished the network ${created.vpc_id} that an earlier run left half-made in ${region}`,
    existing: `the network ${created.vpc_id} already exists in ${region}; nothing was created`,
  }[created.outcome];
  const settings = await settingsStore(context).profile(session.profile.name);
  context.stdout(
    `${headline}\n${created.made.map((line) => `  made ${line}\n`).join('')}` +
      `profile '${session.profile.name}' launches into ${first} (change with cws-tui network use <subnet-id>)\n` +
      nextSteps(settings.ssh_cidr),
  );
  return EXIT.ok;
}

/** What a new user does after making the network: launch, then a way in that works. */
function nextSteps(sshCidr: string | undefined): string {
  return (
    'Next: launch a workstation with `cws-tui launch <template> <name>` (`cws-tui templates list` shows them).\n' +
    (sshCidr
      ? `Connect with \`cws-tui connect <name>\`: SSH is allowed from ${sshCidr}, or Session Manager when its plugin is installed.\n`
      : 'Connect with `cws-tui connect <name>` through Session Manager (install the AWS CLI and the session-manager-plugin), ' +
        'or allow SSH from your network with `cws-tui network use --ssh-cidr <cidr>`.\n')
  );
}

async function confirm(context: CommandContext, plan: string, session: Session): Promise<void> {
  context.stderr(`${plan}\n`);
  if (!process.stdin.isTTY) {
    throw usageError('network create makes AWS resources: add --yes to confirm when not in a terminal');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`Create it for profile '${session.profile.name}'? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('not confirmed: nothing was created');
  } finally {
    prompt.close();
  }
}
