import { type Instance, TAG } from '../ports.js';
import type { Workstation } from './Workstation.js';

/** Builds the dashboard's row for an instance, from its tags (the truth lives in AWS). */
export function workstationFromInstance(instance: Instance, hourlyCost: number | undefined): Workstation {
  const tags = instance.tags;
  const workstation: Workstation = {
    id: instance.id,
    name: instance.name,
    kind: 'ec2',
    template: tags[TAG.template] ?? '-',
    region: instance.region,
    state: instance.state,
    hibernated: instance.hibernated,
    instance_type: instance.instance_type,
    launched_at: instance.launched_at,
    connect: tags['cws:connect'] ?? 'ssh',
    instance,
  };
  if (hourlyCost !== undefined) workstation.hourly_cost = hourlyCost;
  if (tags[TAG.researchUser]) workstation.research_user = tags[TAG.researchUser];
  if (tags[TAG.profile]) workstation.profile = tags[TAG.profile];
  if (tags[TAG.project]) workstation.project = tags[TAG.project];
  if (tags[TAG.progress]) workstation.progress = tags[TAG.progress];
  return workstation;
}
