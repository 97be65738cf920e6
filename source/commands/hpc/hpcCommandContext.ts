import type { Session } from '../../app/session/Session.js';
import type { HpcContext } from '../../core/hpc/HpcContext.js';
import type { CommandContext } from '../Command.js';
import { openCommandSession } from '../openCommandSession.js';

export interface HpcCommandSession {
  session: Session;
  hpc: HpcContext;
  region: string;
}

/** The session of an `hpc` command and the HPC operations' view of it. */
export async function openHpcSession(context: CommandContext): Promise<HpcCommandSession> {
  const session = await openCommandSession(context);
  return {
    session,
    region: context.flags.region ?? session.info.region,
    hpc: {
      ops: session.operationsContext(),
      researchUsers: () => session.researchUsers(),
      resolveTemplate: (slug) => session.resolveTemplate(slug),
    },
  };
}
