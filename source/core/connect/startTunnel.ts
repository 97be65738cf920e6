import { spawn } from 'node:child_process';
import { connect as connectSocket, createServer } from 'node:net';
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedTunnel } from './ConnectionPlan.js';

/** How long a tunnel may take to accept connections before it is given up. */
const TUNNEL_READY_TIMEOUT_MS = 30_000;

export interface OpenTunnel {
  /** Resolves with the tunnel program's exit code once it ends (closed, or failed). */
  exited: Promise<number>;
  close(): void;
}

/**
 * Starts an SSH or SSM port forward and resolves once its local port accepts connections. Its
 * output goes to `stdio` ('inherit' on a command line; 'ignore' under a full-screen app, which
 * must not be drawn over); the program is found on `env`'s PATH. Rejects with the reason when it
 * ends or stays closed.
 */
export async function startTunnel(
  tunnel: PlannedTunnel,
  stdio: 'inherit' | 'ignore',
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenTunnel> {
  const [program, ...args] = tunnel.argv;
  if (!program) throw new Error('the tunnel has no program to run');
  const child = spawn(program, args, {
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'ignore', 'ignore'],
    env,
  });
  let failure: string | undefined;
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + constants.signals[signal] : 1)));
    child.once('error', (error) => {
      failure = `cannot run ${program}: ${error.message}`;
      resolve(1);
    });
  });
  const close = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const ready = await Promise.race([waitForPort(tunnel.local_port), exited.then(() => false)]);
  if (!ready) {
    close();
    throw new Error(
      failure ?? `the tunnel did not open on localhost:${tunnel.local_port} (${tunnel.command})`,
    );
  }
  return { exited, close };
}

/** The preferred port if nothing listens on it here, else one the system picks. */
export async function freeLocalPort(preferred: number): Promise<number> {
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
