import type { Session } from '../app/session/Session.js';
import type { Workstation } from '../core/workstations/Workstation.js';
import { CliError } from './CliError.js';

/** A live workstation by name (names are unique among live ones) or by instance id. */
export async function findWorkstationByName(session: Session, name: string): Promise<Workstation> {
  const workstations = await session.listWorkstations();
  const live = workstations.filter((w) => w.state !== 'terminated');
  const found = live.find((w) => w.name === name || w.id === name) ?? workstations.find((w) => w.id === name);
  if (found) return found;
  const names = live.map((w) => w.name).sort();
  throw new CliError(
    `no workstation named '${name}'${names.length > 0 ? ` (workstations: ${names.join(', ')})` : ' (there are none: launch one with cws-tui launch)'}`,
  );
}
