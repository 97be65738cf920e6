import { formatUsdPerHour, roundUsdPerHour } from '../core/cost/formatUsd.js';
import type { Workstation } from '../core/workstations/Workstation.js';
import type { CommandRun } from './Command.js';
import type { WorkstationJson } from './json/workstationJsonSchema.js';
import { openCommandSession } from './openCommandSession.js';
import { renderTextTable } from './output/renderTextTable.js';
import { reportListingFailures, unknownRows } from './reportListingFailures.js';

/** `cws-tui list`: every workstation and service of the profile, rebuilt from the cloud. */
export const runListCommand: CommandRun = async (context) => {
  const session = await openCommandSession(context);
  const workstations = (await session.listWorkstations()).sort((a, b) => a.name.localeCompare(b.name));
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify([...workstations.map(workstationJson), ...unknownRows(session)], null, 2)}\n`,
    );
    return reportListingFailures(session, context);
  }
  if (workstations.length === 0) {
    context.stdout(
      `No workstations in ${session.info.regions.join(', ')}. Launch one with: cws-tui launch <template> <name>\n`,
    );
    return reportListingFailures(session, context);
  }
  for (const w of workstations.filter((row) => row.tampered)) {
    context.stderr(`cws-tui: ${w.name} (${w.id}) was retagged after launch: ${w.tampered?.join('; ')}\n`);
  }
  context.stdout(
    renderTextTable(workstations, [
      { header: 'NAME', value: (w) => (w.tampered ? `${w.name} TAMPERED` : w.name) },
      { header: 'STATE', value: (w) => (w.hibernated && w.state === 'stopped' ? 'hibernated' : w.state) },
      { header: 'TEMPLATE', value: (w) => w.template },
      { header: 'TYPE', value: (w) => w.instance_type },
      { header: 'REGION', value: (w) => w.region },
      {
        header: '$/H',
        value: (w) => (w.hourly_cost === undefined ? '-' : formatUsdPerHour(w.hourly_cost)),
        align: 'right',
      },
      { header: 'USER', value: (w) => w.research_user ?? '-' },
      { header: 'CONNECT', value: (w) => w.connect },
      { header: 'ID', value: (w) => w.id },
    ]),
  );
  return reportListingFailures(session, context);
};

/** The JSON shape of `list --json`: EC2's state names, USD per hour. */
export function workstationJson(workstation: Workstation): WorkstationJson {
  return {
    name: workstation.name,
    id: workstation.id,
    kind: workstation.kind,
    template: workstation.template,
    state: workstation.state,
    hibernated: workstation.hibernated,
    instance_type: workstation.instance_type,
    region: workstation.region,
    launched_at: workstation.launched_at,
    hourly_cost: workstation.hourly_cost === undefined ? null : roundUsdPerHour(workstation.hourly_cost),
    research_user: workstation.research_user ?? null,
    profile: workstation.profile ?? null,
    project: workstation.project ?? null,
    connect: workstation.connect,
    public_ip: workstation.instance?.public_ip ?? null,
    private_ip: workstation.instance?.private_ip ?? null,
    ...(workstation.tampered ? { tampered: workstation.tampered } : {}),
  };
}
