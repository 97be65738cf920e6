import type {
  Cluster,
  InstanceFleet,
  InstanceFleetConfig,
  RunJobFlowCommandInput,
  StepSummary,
} from '@aws-sdk/client-emr';
import {
  CLUSTER_STATES,
  type ClusterFleet,
  type ClusterState,
  type ClusterStep,
  type EmrCluster,
  type EmrClusterSpec,
  type FleetSpec,
  STEP_STATES,
  type StepState,
} from '../../core/bigdata/clusterPorts.js';
import { CloudError } from '../../core/CloudError.js';
import { toTagList } from '../tagList.js';

/** A fleet as RunJobFlow takes it: each type weighs one instance, with a gp3 volume of the cluster's size. */
function fleetConfig(role: 'MASTER' | 'CORE', fleet: FleetSpec, ebsGb: number): InstanceFleetConfig {
  return {
    Name: role === 'MASTER' ? 'primary' : 'core',
    InstanceFleetType: role,
    TargetOnDemandCapacity: fleet.on_demand,
    TargetSpotCapacity: fleet.spot,
    InstanceTypeConfigs: fleet.instance_types.map((type) => ({
      InstanceType: type,
      WeightedCapacity: 1,
      EbsConfiguration: {
        EbsBlockDeviceConfigs: [
          { VolumeSpecification: { VolumeType: 'gp3', SizeInGB: ebsGb }, VolumesPerInstance: 1 },
        ],
      },
    })),
    ...(fleet.spot > 0
      ? {
          LaunchSpecifications: {
            SpotSpecification: { TimeoutDurationMinutes: 20, TimeoutAction: 'SWITCH_TO_ON_DEMAND' },
          },
        }
      : {}),
  };
}

/** The RunJobFlow request of a spec: instance fleets in the lab's subnets, kept alive between steps. */
export function runJobFlowInput(spec: EmrClusterSpec): RunJobFlowCommandInput {
  return {
    Name: spec.name,
    ReleaseLabel: spec.release_label,
    Applications: spec.applications.map((name) => ({ Name: name })),
    LogUri: spec.log_uri,
    ServiceRole: spec.service_role,
    JobFlowRole: spec.instance_profile,
    VisibleToAllUsers: true,
    Instances: {
      Ec2SubnetIds: spec.subnet_ids,
      KeepJobFlowAliveWhenNoSteps: true,
      TerminationProtected: false,
      InstanceFleets: [
        fleetConfig('MASTER', spec.primary, spec.ebs_gb),
        fleetConfig('CORE', spec.core, spec.ebs_gb),
      ],
    },
    ...(spec.managed_scaling
      ? {
          ManagedScalingPolicy: {
            ComputeLimits: {
              UnitType: 'InstanceFleetUnits',
              MinimumCapacityUnits: spec.managed_scaling.min + 1,
              MaximumCapacityUnits: spec.managed_scaling.max + 1,
            },
          },
        }
      : {}),
    ...(spec.auto_termination_idle_minutes !== undefined
      ? { AutoTerminationPolicy: { IdleTimeout: spec.auto_termination_idle_minutes * 60 } }
      : {}),
    Tags: toTagList(spec.tags),
  };
}

function incomplete(what: string): CloudError {
  return new CloudError({
    kind: 'unknown',
    code: 'IncompleteResponse',
    message: `EMR described ${what} without its id or state`,
    hint: 'Try again; if it persists, check the AWS Health Dashboard.',
  });
}

export function toClusterFleet(fleet: InstanceFleet): ClusterFleet {
  if (!fleet.Id) throw incomplete('an instance fleet');
  const types = fleet.InstanceTypeSpecifications ?? [];
  return {
    id: fleet.Id,
    role: fleet.InstanceFleetType === 'MASTER' ? 'primary' : 'core',
    instance_types: types.flatMap((spec) => (spec.InstanceType ? [spec.InstanceType] : [])),
    on_demand: fleet.TargetOnDemandCapacity ?? 0,
    spot: fleet.TargetSpotCapacity ?? 0,
    provisioned_on_demand: fleet.ProvisionedOnDemandCapacity ?? 0,
    provisioned_spot: fleet.ProvisionedSpotCapacity ?? 0,
  };
}

/** The EBS size per node of the fleets (the first volume of the first type). */
export function ebsGbOf(fleets: readonly InstanceFleet[]): number {
  for (const fleet of fleets)
    for (const spec of fleet.InstanceTypeSpecifications ?? [])
      for (const device of spec.EbsBlockDevices ?? [])
        if (device.VolumeSpecification?.SizeInGB) return device.VolumeSpecification.SizeInGB;
  return 0;
}

export function toEmrCluster(
  region: string,
  cluster: Cluster,
  fleets: readonly InstanceFleet[],
  extra: { auto_termination_idle_minutes?: number; managed_scaling?: { min: number; max: number } },
): EmrCluster {
  const state = cluster.Status?.State;
  const timeline = cluster.Status?.Timeline;
  if (!cluster.Id || !state || !(CLUSTER_STATES as readonly string[]).includes(state))
    throw incomplete('a cluster');
  const reason = cluster.Status?.StateChangeReason?.Message;
  return {
    id: cluster.Id,
    name: cluster.Name ?? cluster.Id,
    region,
    state: state as ClusterState,
    ...(reason ? { state_details: reason } : {}),
    release_label: cluster.ReleaseLabel ?? '',
    applications: (cluster.Applications ?? []).flatMap((app) => (app.Name ? [app.Name] : [])),
    fleets: fleets.map(toClusterFleet),
    ...extra,
    ebs_gb: ebsGbOf(fleets),
    created_at: (timeline?.CreationDateTime ?? new Date(0)).toISOString(),
    ...(timeline?.ReadyDateTime ? { ready_at: timeline.ReadyDateTime.toISOString() } : {}),
    ...(timeline?.EndDateTime ? { ended_at: timeline.EndDateTime.toISOString() } : {}),
    ...(cluster.LogUri ? { log_uri: cluster.LogUri } : {}),
    tags: Object.fromEntries((cluster.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
  };
}

export function toClusterStep(step: StepSummary): ClusterStep {
  const state = step.Status?.State;
  if (!step.Id || !state || !(STEP_STATES as readonly string[]).includes(state)) throw incomplete('a step');
  const timeline = step.Status?.Timeline;
  const failure = step.Status?.FailureDetails;
  const why = [failure?.Reason, failure?.Message].filter(Boolean).join(': ');
  return {
    id: step.Id,
    name: step.Name ?? step.Id,
    state: state as StepState,
    args: step.Config?.Args ?? [],
    created_at: (timeline?.CreationDateTime ?? new Date(0)).toISOString(),
    ...(timeline?.StartDateTime ? { started_at: timeline.StartDateTime.toISOString() } : {}),
    ...(timeline?.EndDateTime ? { ended_at: timeline.EndDateTime.toISOString() } : {}),
    ...(why ? { failure: why } : {}),
  };
}
