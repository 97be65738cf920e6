import { connectNow } from '../app/connect/connectNow.js';
import { renderConnectionPlan } from '../core/connect/renderConnectionPlan.js';
import { freeLocalPort } from '../core/connect/startTunnel.js';
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
  // The plan's own OSC 8 link and OSC 52 copy go through unfiltered; its fields are sanitized.
  const planOut = context.terminalStdout ?? stdout;
  if (printOnly) {
    planOut(renderConnectionPlan(plan, { terminal, env }));
    return EXIT.ok;
  }
  try {
    return await connectNow(plan, { terminal, env, stdout: planOut, stderr });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
};
