import { findInstanceType, listInstanceTypes } from '../catalog/instanceTypes.js';
import { mapWithConcurrency } from '../exec/mapWithConcurrency.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import type { Workstation } from '../workstations/Workstation.js';
import {
  RIGHTSIZE_DAYS,
  type RightsizeRecommendation,
  recommendInstanceType,
} from './recommendInstanceType.js';

export interface WorkstationRightsizing extends RightsizeRecommendation {
  workstation: string;
}

const DAY_MS = 86_400_000;

/** Reads 14 days of metrics per EC2 workstation and recommends a type for each, biggest saving first. */
export async function rightsizeWorkstations(
  context: OperationsContext,
  workstations: readonly Workstation[],
  now: Date = new Date(),
): Promise<WorkstationRightsizing[]> {
  const ec2 = workstations.filter(
    (w) => w.kind === 'ec2' && w.state !== 'terminated' && w.state !== 'shutting-down',
  );
  const catalog = listInstanceTypes();
  const results = await mapWithConcurrency(ec2, 4, async (workstation): Promise<WorkstationRightsizing> => {
    const info =
      (
        await context.account.compute
          .describeInstanceTypes(workstation.region, [workstation.instance_type])
          .catch(() => [])
      )[0] ?? findInstanceType(workstation.instance_type);
    if (!info) {
      return {
        workstation: workstation.name,
        verdict: 'not-enough-data',
        current: workstation.instance_type,
        evidence: { samples: 0 },
        reason: `${workstation.instance_type} is not in the catalog`,
      };
    }
    const usage = await context.account.metrics.usage(workstation.region, workstation.id, {
      from: new Date(now.getTime() - RIGHTSIZE_DAYS * DAY_MS),
      to: now,
    });
    return {
      workstation: workstation.name,
      ...recommendInstanceType(info, workstation.region, usage, catalog, context.prices),
    };
  });
  return results.sort((a, b) => (b.monthly_saving_usd ?? 0) - (a.monthly_saving_usd ?? 0));
}
