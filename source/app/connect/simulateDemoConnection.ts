import { setTimeout as sleep } from 'node:timers/promises';
import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';

export interface SimulationIo {
  stdout: (text: string) => void;
  /** Waits between lines, so the session reads like one; tests pass a clock that does not wait. */
  pause?: (ms: number) => Promise<void>;
}

const LINE_MS = 250;

/**
 * What connecting shows on the demo account, where the addresses are made up and a real `ssh`
 * would hang: a short scripted session that says it is simulated and ends by itself.
 */
export async function simulateDemoConnection(
  plan: Exclude<ConnectionPlan, { kind: 'unavailable' }>,
  name: string,
  io: SimulationIo,
): Promise<number> {
  const pause = io.pause ?? ((ms: number) => sleep(ms));
  const say = async (line: string) => {
    io.stdout(`${line}\n`);
    await pause(LINE_MS);
  };
  await say('[demo account] Nothing really connects: this is what the connection would look like.');
  if (plan.kind === 'terminal') {
    await say(`$ ${plan.command}`);
    await say(`Last login: ${new Date().toUTCString()} from 10.0.0.1`);
    await say(`[ec2-user@${name} ~]$ uptime`);
    await say(' 12:00:01 up 3 min,  1 user,  load average: 0.08, 0.03, 0.01');
    await say(`[ec2-user@${name} ~]$ exit`);
    await say('logout');
    await say(`Connection to ${name} closed.`);
    return 0;
  }
  if (plan.tunnel) {
    await say(`$ ${plan.tunnel.command}`);
    await say(`Tunnel open: localhost:${plan.tunnel.local_port} -> ${name}:${plan.tunnel.remote_port}`);
  }
  await say(`Open: ${plan.url}`);
  await say('[demo account] The simulated tunnel closes by itself now.');
  return 0;
}
