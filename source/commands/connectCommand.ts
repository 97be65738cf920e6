import { spawn } from 'node:child_process';
import { connect as connectSocket, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { runInTerminal } from '../app/terminalHandOver.js';
import type { ConnectionPlan } from '../core/connect/ConnectionPlan.js';
import { renderConnectionPlan } from '../core/connect/renderConnectionPlan.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { openCommandSession } from './openCommandSession.js';

/** How long a tunnel may take to accept connections before connect gives up on it. */
const TUNNEL_READY_TIMEOUT_MS = 30_000;

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
      return await runInTerminal(plan.argv);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  }
  if (!plan.tunnel) {
    await showOrOpen(plan, io);
    return EXIT.ok;
  }
  io.stderr(`Opening a tunnel to port ${plan.tunnel.remote_port}: ${plan.tunnel.command}\n`);
  const tunnel = spawn(plan.tunnel.argv[0] ?? '', plan.tunnel.argv.slice(1), { stdio: 'inherit' });
  const exited = new Promise<number>((resolve) => {
    tunnel.on('exit', (code) => resolve(code ?? EXIT.error));
    tunnel.on('error', (error) => {
      io.stderr(`cws-tui: cannot run ${plan.tunnel?.argv[0]}: ${error.message}\n`);
      resolve(EXIT.error);
    });
  });
  const ready = await Promise.race([waitForPort(plan.tunnel.local_port), exited.then(() => false)]);
  if (!ready) {
    tunnel.kill();
    throw new CliError(
      `the tunnel did not open on localhost:${plan.tunnel.local_port}; see the messages above`,
    );
  }
  await showOrOpen(plan, io);
  io.stderr('The tunnel stays open until you press Ctrl-C.\n');
  const stop = () => tunnel.kill('SIGTERM');
  process.once('SIGINT', stop);
  try {
    await exited;
    return EXIT.ok;
  } finally {
    process.off('SIGINT', stop);
  }
}

async function showOrOpen(plan: Extract<ConnectionPlan, { kind: 'url' }>, io: ConnectIo): Promise<void> {
  io.stdout(renderConnectionPlan(plan, { terminal: io.terminal, env: io.env, tunnelRunning: true }));
  if (plan.open === 'browser') {
    const { default: open } = await import('open');
    await open(plan.url);
  }
}

/** The preferred port if nothing listens on it here, else one the system picks. */
async function freeLocalPort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const bound = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolve(bound));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? preferred;
}

async function waitForPort(port: number): Promise<boolean> {
  const deadline = Date.now() + TUNNEL_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connectSocket({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await sleep(250);
  }
  return false;
}
