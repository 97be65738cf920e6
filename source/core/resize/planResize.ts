import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import { findInstanceType, listInstanceTypes } from '../catalog/instanceTypes.js';
import { type CostEstimate, estimateCost } from '../cost/estimateCost.js';
import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import { type Instance, TAG } from '../ports.js';
import { resizeProblem } from './resizeProblem.js';

export interface ResizePlan {
  workstation: string;
  instance_id: string;
  region: string;
  from: string;
  to: string;
  before: { hourly: number; monthly: number };
  after: { hourly: number; monthly: number };
  verdict: PolicyVerdict;
}

function priceOf(context: OperationsContext, instance: Instance, type: string): CostEstimate {
  return estimateCost(
    {
      instanceType: type,
      region: instance.region,
      rootVolumeGb: instance.root_volume_gb,
      volumeType:
        instance.root_volume_type === 'io2' || instance.root_volume_type === 'gp2'
          ? instance.root_volume_type
          : 'gp3',
    },
    context.prices,
  );
}

/**
 * Checks a type change (state, architecture, hibernation, hypervisor), prices it before and after,
 * and asks the profile's policy as a launch of the new type would: a resize is never a way round
 * a cap on instance types, size or hourly cost.
 */
export async function planResize(
  context: OperationsContext,
  instance: Instance,
  targetType: string,
  /** This month's spend, when the policy has a monthly budget. */
  spend?: { month_to_date: number; projected_month: number; hours_left_in_month: number },
): Promise<ResizePlan> {
  const [current] = await context.account.compute
    .describeInstanceTypes(instance.region, [instance.instance_type])
    .catch(() => []);
  const target =
    (await context.account.compute.describeInstanceTypes(instance.region, [targetType]).catch(() => []))[0] ??
    findInstanceType(targetType);
  if (!target) {
    throw new OperationError(
      'invalid',
      `the instance type '${targetType}' does not exist in ${instance.region}`,
    );
  }
  const problem = resizeProblem(instance, current ?? findInstanceType(instance.instance_type), target);
  if (problem) throw problem;
  const before = priceOf(context, instance, instance.instance_type);
  const after = priceOf(context, instance, target.name);
  const verdict = evaluatePolicy(
    context.profile.policy,
    {
      template_slug: instance.tags[TAG.template] ?? '',
      instance_type: target.name,
      region: instance.region,
      spot: instance.spot,
      hibernation: instance.hibernation_configured,
      service_type: 'ec2',
      root_volume_gb: instance.root_volume_gb,
      tags: instance.tags,
    },
    {
      instance_type_info: target,
      hourly_cost: after.hourly,
      candidate_instance_types: listInstanceTypes().filter(
        (t: InstanceTypeInfo) => t.architecture === target.architecture,
      ),
      candidate_hourly_cost: (type) => context.prices.instanceHourly(type, instance.region)?.usd_per_hour,
      // A resize does not add a workstation.
      running_count_for_user: 0,
      ...(spend
        ? {
            month_to_date_spend: spend.month_to_date,
            projected_month_spend:
              spend.projected_month + Math.max(0, after.hourly - before.hourly) * spend.hours_left_in_month,
          }
        : {}),
    },
  );
  const plan: ResizePlan = {
    workstation: instance.name,
    instance_id: instance.id,
    region: instance.region,
    from: instance.instance_type,
    to: target.name,
    before: { hourly: before.hourly, monthly: before.monthly },
    after: { hourly: after.hourly, monthly: after.monthly },
    verdict,
  };
  return plan;
}
