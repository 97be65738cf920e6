import type { WorkstationJson } from '../../commands/json/workstationJsonSchema.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/**
 * A row of the service API (the `list --json` shape) as the dashboard's row. What the shape does
 * not carry (the raw EC2 instance, its tags and state history) stays absent, as for a service row.
 */
export function workstationFromJson(row: WorkstationJson): Workstation {
  const hibernated = row.hibernated || row.state === 'hibernated';
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    template: row.template,
    region: row.region,
    state: row.state === 'hibernated' ? 'stopped' : row.state,
    hibernated,
    instance_type: row.instance_type,
    launched_at: row.launched_at,
    connect: row.connect,
    ...(row.hourly_cost === null ? {} : { hourly_cost: row.hourly_cost }),
    ...(row.research_user === null ? {} : { research_user: row.research_user }),
    ...(row.profile === null ? {} : { profile: row.profile }),
    ...(row.project === null ? {} : { project: row.project }),
    ...(row.tampered ? { tampered: row.tampered } : {}),
  };
}
