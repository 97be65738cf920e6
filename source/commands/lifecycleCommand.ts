import { createInterface } from 'node:readline/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Session } from '../app/session/Session.js';
import { LaunchRefusedError } from '../core/launch/LaunchRefusedError.js';
import type { Workstation } from '../core/workstations/Workstation.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { workstationJson } from './listCommand.js';
import { openCommandSession } from './openCommandSession.js';

export type LifecycleAction = 'start' | 'stop' | 'hibernate' | 'terminate';

const TARGET: Record<LifecycleAction, { state: Workstation['state']; verb: string }> = {
  start: { state: 'running', verb: 'Starting' },
  stop: { state: 'stopped', verb: 'Stopping' },
  hibernate: { state: 'stopped', verb: 'Hibernating' },
  terminate: { state: 'terminated', verb: 'Terminating' },
};

const POLL_INTERVAL_MS = 2_000;
const WAIT_TIMEOUT_MS = 10 * 60_000;

/** `cws-tui start|stop|hibernate|terminate <name>`: returns once the new state is reached. */
export function lifecycleCommand(action: LifecycleAction): CommandRun {
  return async (context) => {
    const [name, ...extra] = context.args;
    if (!name || extra.length > 0) throw usageError(`usage: cws-tui ${action} <name>`);
    const session = await openCommandSession(context);
    const workstation = await findWorkstationByName(session, name);
    if (action === 'hibernate' && workstation.instance && !workstation.instance.hibernation_configured) {
      throw new CliError(
        `${workstation.name} was not launched with hibernation enabled: stop it instead (hibernation is chosen at launch)`,
      );
    }
    if (action === 'terminate' && !context.flags.yes) await confirmTermination(workstation);
    const target = TARGET[action];
    if (!context.flags.json) context.stderr(`${target.verb} ${workstation.name} (${workstation.id})...\n`);
    if (action === 'start') await startUnderCaps(session, workstation);
    else if (action === 'terminate') await session.terminateWorkstation(workstation);
    else await session.stopWorkstation(workstation, { hibernate: action === 'hibernate' });
    const reached = await waitForState(session, workstation, target.state);
    if (context.flags.json) context.stdout(`${JSON.stringify(workstationJson(reached), null, 2)}\n`);
    else
      context.stdout(
        `${reached.name} is ${reached.hibernated && reached.state === 'stopped' ? 'hibernated' : reached.state}\n`,
      );
    return EXIT.ok;
  };
}

/** A start past a running cap of the lab's store is denied (exit 3), as a launch is. */
async function startUnderCaps(session: Session, workstation: Workstation): Promise<void> {
  try {
    await session.startWorkstation(workstation);
  } catch (error) {
    if (error instanceof LaunchRefusedError) throw new CliError(error.message, EXIT.denied);
    throw error;
  }
}

async function waitForState(
  session: Session,
  workstation: Workstation,
  state: Workstation['state'],
): Promise<Workstation> {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  for (;;) {
    const current = await session.refreshWorkstation(workstation);
    if (current?.state === state) return current;
    if (state !== 'terminated' && (current === undefined || current.state === 'terminated')) {
      throw new CliError(`${workstation.name} was terminated before it reached ${state}`);
    }
    if (Date.now() > deadline) {
      throw new CliError(
        `${workstation.name} is still ${current?.state ?? 'unknown'} after ${WAIT_TIMEOUT_MS / 60_000} minutes; check again with 'cws-tui list'`,
      );
    }
    await sleep(session.info.account_kind === 'demo' ? 200 : POLL_INTERVAL_MS);
  }
}

async function confirmTermination(workstation: Workstation): Promise<void> {
  if (!process.stdin.isTTY) {
    throw usageError(
      `terminate deletes ${workstation.name} and its root volume: add --yes to confirm when not in a terminal`,
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `Terminate ${workstation.name} (${workstation.id})? Its root volume is deleted. Type its name to confirm: `,
    );
    if (answer.trim() !== workstation.name) throw new CliError('not confirmed: nothing was terminated');
  } finally {
    prompt.close();
  }
}
