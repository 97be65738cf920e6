import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import { renderConnectionPlan } from '../../core/connect/renderConnectionPlan.js';
import { type OpenTunnel, startTunnel } from '../../core/connect/startTunnel.js';
import { probeWebService } from '../../core/services/probeWebService.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { runInTerminal } from '../terminalHandOver.js';

export interface ConnectIo {
  /** Whether stdout is a terminal (OSC 8 links and OSC 52 copies only go to one). */
  terminal: boolean;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Carries out a connection plan on this terminal: ssh or an SSM session in the foreground, or a web
 * service opened (or shown) through its tunnel, which stays open until Ctrl-C. `cws-tui connect`
 * runs it directly; the TUI runs it while it has handed the terminal over.
 */
export async function connectNow(
  plan: Exclude<ConnectionPlan, { kind: 'unavailable' }>,
  io: ConnectIo,
): Promise<number> {
  if (plan.kind === 'terminal') {
    io.stderr(`Connecting: ${sanitizeForTerminal(plan.command)}\n`);
    return runInTerminal(plan.argv, io.env);
  }
  if (!plan.tunnel) {
    await showOrOpen(plan, io);
    return 0;
  }
  io.stderr(
    `Opening a tunnel to port ${plan.tunnel.remote_port}: ${sanitizeForTerminal(plan.tunnel.command)}\n`,
  );
  const tunnel: OpenTunnel = await startTunnel(plan.tunnel, 'inherit', io.env);
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
    return 0;
  } finally {
    process.off('SIGINT', tunnel.close);
  }
}

async function showOrOpen(plan: Extract<ConnectionPlan, { kind: 'url' }>, io: ConnectIo): Promise<void> {
  io.stdout(renderConnectionPlan(plan, { terminal: io.terminal, env: io.env, tunnelRunning: true }));
  if (plan.open !== 'browser') return;
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
