import { runInTerminal } from '../app/terminalHandOver.js';
import type { ConnectionPlan } from '../core/connect/ConnectionPlan.js';
import { renderConnectionPlan } from '../core/connect/renderConnectionPlan.js';
import { freeLocalPort, type OpenTunnel, startTunnel } from '../core/connect/startTunnel.js';
import { probeWebService } from '../core/services/probeWebService.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { openCommandSession } from './openCommandSession.js';

/**
 * `cws-tui connect <name>`: SSH or SSM into a workstation in this terminal, or open a web service
 * (through a tunnel when it listens on the instance), or show its link where no browser can open.
 * `--print` (and `--json`) only say what would run.
 */
export const runConnectCommand: CommandRun = async (context) => {
  const { args, flags, stdout, stderr, env } = context;
  const [name, ...extra] = args;
  if (!name || extra.length > 0)
    throw usageError('usage: cws-tui connect <name> [--print] [--ssm] [--local-port N]');
  if (
    flags.localPort !== undefined &&
    !(Number.isInteger(flags.localPort) && flags.localPort > 0 && flags.localPort < 65536)
  ) {
    throw usageError(`--local-port is a port number from 1 to 65535 (got ${flags.localPort})`);
  }
  const session = await openCommandSession(context);
  const workstation = await findWorkstationByName(session, name);
  const prefer = flags.ssm ? ({ prefer: 'ssm' } as const) : {};
  let plan = await session.connectionPlan(workstation, {
    ...prefer,
    ...(flags.localPort !== undefined ? { local_port: flags.localPort } : {}),
  });
  const printOnly = flags.print || flags.json;
  // Connecting for real: the tunnel's local port must be free, or another one is taken.
  if (!printOnly && plan.kind === 'url' && plan.tunnel && flags.localPort === undefined) {
    const port = await freeLocalPort(plan.tunnel.local_port);
    if (port !== plan.tunnel.local_port)
      plan = await session.connectionPlan(workstation, { ...prefer, local_port: port });
  }
  if (flags.json) {
    stdout(
      `${JSON.stringify({ name: workstation.name, workstation_kind: workstation.kind, plan }, null, 2)}\n`,
    );
    return plan.kind === 'unavailable' ? EXIT.error : EXIT.ok;
  }
  if (plan.kind === 'unavailable') throw new CliError(plan.reason);
  const terminal = process.stdout.isTTY === true;
  if (printOnly) {
    stdout(renderConnectionPlan(plan, { terminal, env }));
    return EXIT.ok;
  }
  return connectNow(plan, { terminal, env, stdout, stderr });
};

interface ConnectIo {
  terminal: boolean;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

async function connectNow(
  plan: Exclude<ConnectionPlan, { kind: 'unavailable' }>,
  io: ConnectIo,
): Promise<number> {
  if (plan.kind === 'terminal') {
    io.stderr(`Connecting: ${plan.command}\n`);
    try {
      return await runInTerminal(plan.argv, io.env);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  }
  if (!plan.tunnel) {
    await showOrOpen(plan, io);
    return EXIT.ok;
  }
  io.stderr(`Opening a tunnel to port ${plan.tunnel.remote_port}: ${plan.tunnel.command}\n`);
  let tunnel: OpenTunnel;
  try {
    tunnel = await startTunnel(plan.tunnel, 'inherit', io.env);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const health = await probeWebService(plan.url);
  io.stderr(
    health.status === 'healthy'
      ? `The service ${health.detail}.\n`
      : `The tunnel is open, but the service ${health.detail}: its setup may still be running (see cws-tui list).\n`,
  );
  await showOrOpen(plan, io);
  io.stderr('The tunnel stays open until you press Ctrl-C.\n');
  process.once('SIGINT', tunnel.close);
  try {
    await tunnel.exited;
    return EXIT.ok;
  } finally {
    process.off('SIGINT', tunnel.close);
  }
}

async function showOrOpen(plan: Extract<ConnectionPlan, { kind: 'url' }>, io: ConnectIo): Promise<void> {
  io.stdout(renderConnectionPlan(plan, { terminal: io.terminal, env: io.env, tunnelRunning: true }));
  if (plan.open === 'browser') {
    const { default: open } = await import('open');
    const cannotOpen = (reason: string) =>
      io.stderr(`cws-tui: no browser could be opened (${reason}); open the link above yourself.\n`);
    try {
      const opener = await open(plan.url);
      opener.once('error', (error) => cannotOpen(error.message));
    } catch (error) {
      cannotOpen((error as Error).message);
    }
  }
}
