import type { BigDataPolicyFacts } from '../policy/BigDataPolicyFacts.js';
import { BigDataError } from './BigDataError.js';
import type { EmrClusterConfig } from './bigdataTemplateSchema.js';
import type { EmrClusterSpec, FleetSpec } from './clusterPorts.js';
import { fleetNodeHour, fleetNodeSize, fleetNodes } from './emrClusterRates.js';
import { releaseLabelProblem } from './releaseLabels.js';

/** EMR cluster names may be up to 256 characters; cws-tui keeps to a slug, as for applications. */
export const CLUSTER_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The default EBS volume per node when the template names none (EMR's own default for most types). */
export const DEFAULT_CLUSTER_EBS_GB = 64;

/** What `bigdata cluster create` may change of a template's settings. */
export interface EmrClusterOverrides {
  release_label?: string;
  /** Core nodes, all on demand or all spot as the template's core fleet is mostly. */
  core_nodes?: number;
}

/** The parts of a cluster spec the template decides; the network, roles and log location come later. */
export type EmrClusterPlan = Omit<
  EmrClusterSpec,
  'subnet_ids' | 'service_role' | 'instance_profile' | 'log_uri'
>;

function fleet(input: EmrClusterConfig['primary']): FleetSpec {
  return { instance_types: input.instance_types, on_demand: input.on_demand ?? 0, spot: input.spot ?? 0 };
}

/**
 * The cluster a template describes, with the command's overrides; refuses (before any call) a bad
 * name, an unknown release label, a fleet without nodes and a primary fleet of more than one node.
 */
export function emrClusterPlan(
  config: EmrClusterConfig,
  request: { name: string; region: string; tags: Record<string, string> },
  overrides: EmrClusterOverrides = {},
): EmrClusterPlan {
  if (!CLUSTER_NAME.test(request.name))
    throw new BigDataError(
      'input',
      `'${request.name}' is not a cluster name: lowercase letters, digits and - (max 63)`,
    );
  const release = overrides.release_label ?? config.release_label;
  const problem = releaseLabelProblem(release, 'emr-cluster');
  if (problem) throw new BigDataError('input', problem);
  const primary = fleet(config.primary);
  if (fleetNodes(primary) !== 1)
    throw new BigDataError('input', 'the primary fleet has exactly one node (on_demand: 1 or spot: 1)');
  const core = fleet(config.core);
  if (overrides.core_nodes !== undefined) {
    if (!Number.isInteger(overrides.core_nodes) || overrides.core_nodes < 1 || overrides.core_nodes > 500)
      throw new BigDataError(
        'input',
        `--core-nodes is a whole number from 1 to 500, not ${overrides.core_nodes}`,
      );
    const spot = core.spot > core.on_demand;
    core.on_demand = spot ? 0 : overrides.core_nodes;
    core.spot = spot ? overrides.core_nodes : 0;
  }
  if (fleetNodes(core) === 0) throw new BigDataError('input', 'the core fleet needs at least one node');
  const scaling = config.managed_scaling;
  if (
    scaling &&
    (scaling.min > scaling.max || fleetNodes(core) < scaling.min || fleetNodes(core) > scaling.max)
  )
    throw new BigDataError(
      'input',
      `managed scaling ${scaling.min}-${scaling.max} must hold the core fleet's ${fleetNodes(core)} nodes`,
    );
  return {
    name: request.name,
    region: request.region,
    release_label: release,
    applications: config.applications,
    primary,
    core,
    ...(scaling ? { managed_scaling: { min: scaling.min, max: scaling.max } } : {}),
    ...(config.auto_termination_idle_minutes !== undefined
      ? { auto_termination_idle_minutes: config.auto_termination_idle_minutes }
      : {}),
    ebs_gb: config.ebs_gb ?? DEFAULT_CLUSTER_EBS_GB,
    tags: request.tags,
  };
}

/** The most core nodes the cluster can have: managed scaling's maximum, else its fleet. */
export function largestCoreNodes(plan: Pick<EmrClusterPlan, 'core' | 'managed_scaling'>): number {
  return plan.managed_scaling?.max ?? fleetNodes(plan.core);
}

/**
 * The cluster at its largest scale, as the policy sees it; a type the catalog does not know is
 * refused (its size, so the cap, could not be checked: fails closed).
 */
export function emrClusterPolicyFacts(
  plan: EmrClusterPlan,
  dataBuckets: string[],
): { facts: BigDataPolicyFacts; hourly_cost: number | undefined } {
  const primary = fleetNodeSize(plan.primary);
  const core = fleetNodeSize(plan.core);
  const unknown = [...primary.unknown, ...core.unknown];
  if (unknown.length > 0)
    throw new BigDataError(
      'input',
      `unknown instance type ${unknown.join(', ')}: the cluster's size cannot be checked against the policy`,
    );
  const coreNodes = largestCoreNodes(plan);
  const primaryHour = fleetNodeHour(plan.primary, plan.region, plan.ebs_gb);
  const coreHour = fleetNodeHour(plan.core, plan.region, plan.ebs_gb);
  const priced = primaryHour.usd !== undefined && coreHour.usd !== undefined;
  return {
    facts: {
      kind: 'emr-cluster',
      max_vcpus: primary.vcpu + coreNodes * core.vcpu,
      max_memory_gb: primary.memory_gb + coreNodes * core.memory_gb,
      ...(plan.auto_termination_idle_minutes !== undefined
        ? { auto_stop_idle_minutes: plan.auto_termination_idle_minutes }
        : {}),
      data_buckets: dataBuckets,
      instance_types: [...new Set([...plan.primary.instance_types, ...plan.core.instance_types])],
    },
    hourly_cost: priced ? primaryHour.usd! + coreNodes * coreHour.usd! : undefined,
  };
}
