import { USER_SECRET_DIR } from '../provisioning/renderServiceSecrets.js';
import { shellQuote } from '../provisioning/shellQuote.js';
import type { ServiceEndpoint } from '../services/Service.js';
import { isManagedServiceKind, type ServiceKind } from '../services/ServiceKind.js';
import type { Workstation } from '../workstations/Workstation.js';
import { browserAvailability } from './browserAvailability.js';
import type { ConnectionPlan, PlannedCommand, PlannedTunnel } from './ConnectionPlan.js';
import { laptopSshTarget } from './laptopSshTarget.js';

export interface ConnectionInput {
  workstation: Workstation;
  kind: ServiceKind;
  /** The web service's port on the instance (EC2 web kinds and desktops). */
  web_port?: number;
  user: { username: string; private_key_path?: string };
  /** SSH_CONNECTION, SSH_TTY, DISPLAY, WAYLAND_DISPLAY and USER decide where the browser is. */
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** A jump host, `user@host` or `host` (CWS_SSH_BASTION): SSH goes through it to the private address. */
  bastion?: string;
  /** The address a laptop reaches this machine at (CWS_LAPTOP_SSH_HOST or the profile's), and where it was set. */
  laptop_host?: { value: string; source: string };
  /** The network the profile allows SSH from (`network use --ssh-cidr`); without it, no inbound SSH. */
  ssh_cidr?: string;
  /** The demo account: its security group is simulated, so SSH is open without a recorded CIDR. */
  demo?: boolean;
  /** Whether SSM Session Manager can run here: the AWS CLI and the session-manager-plugin. */
  ssm: { aws_cli: boolean; plugin: boolean };
  aws_profile?: string;
  prefer?: 'ssh' | 'ssm';
  /** The web services' secrets, by name (jupyter, code-server, rstudio, desktop). */
  tokens?: Record<string, string>;
  /** Why the secret could not be read from Parameter Store, when it could not. */
  secret_error?: string;
  /** A managed service's address, made at the moment of connecting. */
  endpoint?: ServiceEndpoint;
  local_port?: number;
}

const SSM_PLUGIN_HELP =
  'Install the AWS CLI and the session-manager-plugin (https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html)';
const SSM_AGENT_NOTE =
  'If the session does not open, the instance has no SSM agent online: it needs an instance profile with AmazonSSMManagedInstanceCore.';

/**
 * Decides how to connect, without running anything: SSH (with the research user's key, through the
 * bastion when one is configured) or SSM; a tunnel and a localhost URL with its token for a web
 * service on EC2; the service's own URL for a managed service. Where no browser can open (over SSH,
 * or without a display) the URL is shown instead, with the port forward to run on the laptop.
 */
export function planConnection(input: ConnectionInput): ConnectionPlan {
  const { workstation } = input;
  const browser = browserAvailability(input.env, input.platform);
  const open = browser.local ? 'browser' : 'show';

  if (isManagedServiceKind(input.kind)) {
    if (input.kind !== 'studio-lab' && workstation.state !== 'running') {
      return { kind: 'unavailable', reason: notRunning(workstation) };
    }
    if (!input.endpoint) return { kind: 'unavailable', reason: `${workstation.name} has no address yet` };
    return {
      kind: 'url',
      url: input.endpoint.url,
      open,
      ...(input.endpoint.note ? { note: input.endpoint.note } : {}),
      ...(input.endpoint.expires_at ? { expires_at: input.endpoint.expires_at } : {}),
    };
  }

  if (workstation.state !== 'running') return { kind: 'unavailable', reason: notRunning(workstation) };
  const route = chooseRoute(input);
  if ('reason' in route) return { kind: 'unavailable', reason: route.reason };

  if (input.kind === 'ec2-ssh') {
    const argv = route.via === 'ssh' ? sshArgv(input, route.host, []) : ssmArgv(input, []);
    return {
      kind: 'terminal',
      via: route.via,
      why: route.why,
      ...command(argv),
      ...(route.via === 'ssm' ? { note: SSM_AGENT_NOTE } : {}),
    };
  }

  const remotePort = input.web_port;
  if (remotePort === undefined) {
    return { kind: 'unavailable', reason: `${workstation.template} names no port for its web service` };
  }
  const localPort = input.local_port ?? remotePort;
  const tunnel: PlannedTunnel = {
    via: route.via,
    why: route.why,
    local_port: localPort,
    remote_port: remotePort,
    ...command(
      route.via === 'ssh'
        ? sshArgv(input, route.host, [
            '-N',
            '-o',
            'ExitOnForwardFailure=yes',
            '-L',
            `${localPort}:localhost:${remotePort}`,
          ])
        : ssmArgv(input, [
            '--document-name',
            'AWS-StartPortForwardingSession',
            '--parameters',
            `portNumber=${remotePort},localPortNumber=${localPort}`,
          ]),
    ),
  };
  const { url, note } = webAddress(input, localPort);
  const plan: ConnectionPlan = { kind: 'url', url, open, tunnel };
  if (note) plan.note = note;
  const laptop =
    !browser.local && browser.reason === 'ssh'
      ? laptopSshTarget({
          ...(input.laptop_host ? { configured: input.laptop_host } : {}),
          ...(input.env.USER ? { user: input.env.USER } : {}),
          ssh_connection: {
            ...(browser.ssh_host ? { host: browser.ssh_host } : {}),
            ...(browser.ssh_port ? { port: browser.ssh_port } : {}),
          },
        })
      : undefined;
  if (laptop) {
    plan.laptop_command = command([
      'ssh',
      ...(laptop.port ? ['-p', String(laptop.port)] : []),
      '-N',
      '-L',
      `${localPort}:localhost:${localPort}`,
      laptop.login,
    ]).command;
    if (laptop.note) plan.laptop_note = laptop.note;
  }
  return plan;
}

type Route = { via: 'ssh'; host: string; why: string } | { via: 'ssm'; why: string } | { reason: string };

const SSH_CIDR_HELP =
  'allow SSH from the network you connect from with `cws-tui network use --ssh-cidr <cidr>`, or set CWS_SSH_BASTION to a jump host';

/**
 * SSM Session Manager first: it needs no inbound rule and works in private subnets. SSH only
 * through a bastion (CWS_SSH_BASTION) or from the CIDR the profile opened: the app's security
 * group allows no SSH otherwise, so an SSH attempt would only hang.
 */
function chooseRoute(input: ConnectionInput): Route {
  const instance = input.workstation.instance;
  const ssmReady = input.ssm.aws_cli && input.ssm.plugin;
  const missing = input.ssm.aws_cli ? 'the session-manager-plugin' : 'the AWS CLI';
  const ssm: Route = {
    via: 'ssm',
    why: `Session Manager: ${input.prefer === 'ssm' ? 'asked for with --ssm' : 'the AWS CLI and the session-manager-plugin are installed'}, and it needs no inbound rule`,
  };
  const bastionHost = instance?.private_ip ?? instance?.public_ip;
  const ssh: Route | undefined =
    input.bastion && bastionHost
      ? { via: 'ssh', host: bastionHost, why: `SSH through the bastion ${input.bastion} (CWS_SSH_BASTION)` }
      : input.ssh_cidr && instance?.public_ip
        ? {
            via: 'ssh',
            host: instance.public_ip,
            why: `SSH to the public address: the profile allows SSH from ${input.ssh_cidr}`,
          }
        : input.demo && instance?.public_ip
          ? {
              via: 'ssh',
              host: instance.public_ip,
              why: 'SSH to the public address, simulated by the demo account (on AWS: Session Manager, or `cws-tui network use --ssh-cidr`)',
            }
          : undefined;
  if (input.prefer === 'ssm') {
    if (ssmReady) return ssm;
    return {
      reason: `SSM Session Manager needs ${missing}, which is not installed here. ${SSM_PLUGIN_HELP}, or connect with SSH.`,
    };
  }
  if (input.prefer === 'ssh') {
    if (ssh) return ssh;
    return { reason: `SSH to ${input.workstation.name} is not open: ${SSH_CIDR_HELP}.` };
  }
  if (ssmReady) return ssm;
  if (ssh) return { ...ssh, why: `${ssh.why}; Session Manager would need ${missing}` };
  // Without a public address an SSH CIDR cannot help: only a bastion inside the VPC can.
  const [address, sshHelp] = instance?.public_ip
    ? ['and SSH is not allowed from any network', SSH_CIDR_HELP]
    : [
        'and it has no public IP address for SSH',
        'set CWS_SSH_BASTION to a jump host in its VPC (a private subnet needs a NAT or SSM endpoints for Session Manager)',
      ];
  return {
    reason: `No way into ${input.workstation.name} from here: Session Manager needs ${missing}, ${address}. ${SSM_PLUGIN_HELP}; or ${sshHelp}.`,
  };
}

function sshArgv(input: ConnectionInput, host: string, extra: string[]): string[] {
  const key = input.user.private_key_path
    ? ['-i', input.user.private_key_path, '-o', 'IdentitiesOnly=yes']
    : [];
  const jump = input.bastion ? ['-J', input.bastion] : [];
  // A new instance's host key is unknown: accept it the first time, refuse a changed one after.
  return [
    'ssh',
    ...key,
    ...jump,
    '-o',
    'StrictHostKeyChecking=accept-new',
    ...extra,
    `${input.user.username}@${host}`,
  ];
}

function ssmArgv(input: ConnectionInput, extra: string[]): string[] {
  const instanceId = input.workstation.instance?.id ?? input.workstation.id;
  const profile = input.aws_profile ? ['--profile', input.aws_profile] : [];
  return [
    'aws',
    'ssm',
    'start-session',
    '--target',
    instanceId,
    '--region',
    input.workstation.region,
    ...profile,
    ...extra,
  ];
}

function command(argv: string[]): PlannedCommand {
  return {
    argv,
    command: argv.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : shellQuote(word))).join(' '),
  };
}

function webAddress(input: ConnectionInput, localPort: number): { url: string; note?: string } {
  const tokens = input.tokens ?? {};
  const missing = (name: string) =>
    `${
      input.secret_error
        ? `it could not be read from Parameter Store (${input.secret_error})`
        : 'the workstation has not stored it yet (it does when its services start)'
    }; on the instance it is in ~/${USER_SECRET_DIR}/${name}.secret`;
  switch (input.kind) {
    case 'jupyterlab': {
      const token = tokens.jupyter;
      return token
        ? { url: `http://localhost:${localPort}/lab?token=${encodeURIComponent(token)}` }
        : {
            url: `http://localhost:${localPort}/lab`,
            note: `Jupyter asks for its token: ${missing('jupyter')}`,
          };
    }
    case 'code-server': {
      const password = tokens['code-server'];
      return {
        url: `http://localhost:${localPort}/`,
        note: password
          ? `code-server password: ${password}`
          : `code-server asks for its password: ${missing('code-server')}`,
      };
    }
    case 'rstudio': {
      const password = tokens.rstudio;
      return {
        url: `http://localhost:${localPort}/`,
        note: password
          ? `Sign in to RStudio as ${input.user.username} with password ${password} (RStudio's own, not your Linux password)`
          : `Sign in to RStudio as ${input.user.username}: ${missing('rstudio')}`,
      };
    }
    default: {
      const password = tokens.desktop;
      return {
        url: `https://localhost:${localPort}/`,
        note: password
          ? `Sign in to the desktop as ${input.user.username} with password ${password} (the desktop's own, not your Linux password)`
          : `Sign in to the desktop as ${input.user.username}: ${missing('desktop')}`,
      };
    }
  }
}

function notRunning(workstation: Workstation): string {
  const state = workstation.hibernated && workstation.state === 'stopped' ? 'hibernated' : workstation.state;
  return state === 'terminated' || state === 'shutting-down'
    ? `${workstation.name} is ${state}`
    : `${workstation.name} is ${state}: start it first, then connect`;
}
