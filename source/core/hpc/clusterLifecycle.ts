import { setTimeout as sleep } from 'node:timers/promises';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import { TAG } from '../ports.js';
import { type AutoscalingChange, type AutoscalingPlan, autoscalingPlan } from './autoscalingPlan.js';
import { clusterCapacity } from './clusterCapacity.js';
import { type HpcContext, HpcError } from './HpcContext.js';
import type { ClusterCreatePlan } from './planClusterCreate.js';
import type { HpcCluster, ProviderStatus } from './ports.js';
import { stageComputeNodeUsers } from './stageComputeNodeUsers.js';
import { userClusterFacts } from './userClusterFacts.js';
import { FLEET_STOP_TIMEOUT_MS, waitForFleetStopped } from './waitForCluster.js';

/** ParallelCluster's provider stack takes a few minutes; give up waiting after this. */
const PROVIDER_WAIT_MS = 20 * 60_000;

export class ProviderConfirmationNeeded extends HpcError {
  constructor(readonly provider: ProviderStatus) {
    super(
      `ParallelCluster's provider stack (${provider.stack_name}, version ${provider.version ?? '?'}) is not installed in this region; creating the cluster installs it first`,
      `Run again with --yes to install it. It creates: ${provider.creates.join('; ')}`,
    );
  }
}

/** Creates the cluster of a plan the policy allowed, installing the provider stack once when confirmed. */
export async function createClusterFromPlan(
  context: HpcContext,
  plan: ClusterCreatePlan,
  options: { confirmProvider: boolean },
): Promise<void> {
  if (!plan.verdict.allowed)
    throw new HpcError(
      `the policy denies this cluster: ${plan.verdict.violations.map((v) => v.message).join('; ')}`,
      undefined,
      3,
    );
  const hpc = context.ops.account.hpc;
  let provider = await hpc.providerStatus(plan.region);
  if (!provider.installed && !provider.in_progress) {
    if (!options.confirmProvider) throw new ProviderConfirmationNeeded(provider);
    await hpc.installProvider(plan.region);
    provider = await hpc.providerStatus(plan.region);
  }
  const deadline = Date.now() + PROVIDER_WAIT_MS;
  while (!provider.installed) {
    if (Date.now() > deadline)
      throw new HpcError(
        `the provider stack ${provider.stack_name} is still not ready after 20 minutes`,
        'Look at it in the CloudFormation console, then run hpc create again.',
      );
    await sleep(context.ops.pollIntervalMs);
    provider = await hpc.providerStatus(plan.region);
  }
  const config = await stageComputeNodeUsers(context, plan);
  await hpc.createCluster({ region: plan.region, name: plan.name, config, tags: plan.tags });
  await context.ops.audit({
    action: 'hpc.create',
    profile: context.ops.profile.name,
    targets: [plan.name],
    template: plan.template,
    region: plan.region,
  });
}

export interface ClusterUpdatePlan extends AutoscalingPlan {
  verdict: PolicyVerdict;
}

/** The new autoscaling limits, what they change, whether the fleet must stop, and the policy's say. */
export async function planClusterUpdate(
  context: HpcContext,
  cluster: HpcCluster,
  change: AutoscalingChange,
): Promise<ClusterUpdatePlan> {
  if (!cluster.config)
    throw new HpcError(
      `${cluster.name} was made outside cws-tui, so its configuration is not known here`,
      'Change it with pcluster update-cluster.',
    );
  const plan = autoscalingPlan(cluster.config, change);
  const capacity = clusterCapacity(plan.config);
  const user = cluster.tags[TAG.researchUser] ?? (await context.ops.researchUser()).username;
  const verdict = evaluatePolicy(
    context.ops.profile.policy,
    {
      template_slug: cluster.tags[TAG.template] ?? cluster.name,
      instance_type: plan.config.HeadNode.InstanceType,
      region: cluster.region,
      spot: false,
      hibernation: false,
      service_type: 'ec2',
      root_volume_gb: plan.config.HeadNode.LocalStorage?.RootVolume.Size ?? 40,
      tags: cluster.tags,
      cluster: {
        nodes: capacity.nodes,
        ...(capacity.vcpus !== undefined ? { vcpus: capacity.vcpus } : {}),
        ...(capacity.gpus !== undefined ? { gpus: capacity.gpus } : {}),
        user_other: await userClusterFacts(context, user, cluster.name),
      },
    },
    {},
  );
  return { ...plan, verdict };
}

/** Applies an update: stops the fleet first when the plan needs it and the caller agreed. */
export async function applyClusterUpdate(
  context: HpcContext,
  cluster: HpcCluster,
  plan: ClusterUpdatePlan,
  options: { stopFleet: boolean; onProgress?: (line: string) => void; fleetStopTimeoutMs?: number },
): Promise<{ stopped_fleet: boolean }> {
  if (!plan.verdict.allowed)
    throw new HpcError(
      `the policy denies this change: ${plan.verdict.violations.map((v) => v.message).join('; ')}`,
      undefined,
      3,
    );
  if (plan.changes.length === 0) return { stopped_fleet: false };
  const hpc = context.ops.account.hpc;
  let stopped = false;
  if (plan.fleet_stop_reason && cluster.compute_fleet !== 'STOPPED') {
    if (!options.stopFleet)
      throw new HpcError(
        `this update needs the compute fleet stopped (${plan.fleet_stop_reason}); running jobs would end`,
        'Run again with --stop-first to stop the fleet, update, and then start it with hpc start.',
      );
    if (cluster.compute_fleet !== 'STOP_REQUESTED' && cluster.compute_fleet !== 'STOPPING')
      await hpc.setComputeFleet(cluster.region, cluster.name, 'STOP_REQUESTED');
    stopped = true;
    // ParallelCluster rejects the update until the fleet is STOPPED, not merely requested to stop.
    await waitForFleetStopped(hpc, cluster.region, cluster.name, {
      intervalMs: context.ops.pollIntervalMs,
      timeoutMs: options.fleetStopTimeoutMs ?? FLEET_STOP_TIMEOUT_MS,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }
  await hpc.updateCluster(cluster.region, cluster.name, plan.config);
  await context.ops.audit({
    action: 'hpc.update',
    profile: context.ops.profile.name,
    targets: [cluster.name],
    changes: plan.changes,
  });
  return { stopped_fleet: stopped };
}
