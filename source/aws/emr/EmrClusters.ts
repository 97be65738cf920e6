import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  type EMRClient,
  GetAutoTerminationPolicyCommand,
  GetManagedScalingPolicyCommand,
  ModifyInstanceFleetCommand,
  paginateListClusters,
  paginateListInstanceFleets,
  paginateListSteps,
  RunJobFlowCommand,
  type ClusterState as SdkClusterState,
  TerminateJobFlowsCommand,
} from '@aws-sdk/client-emr';
import type {
  ClusterStep,
  ClusterStepRequest,
  EmrCluster,
  EmrClusterPort,
  EmrClusterSpec,
} from '../../core/bigdata/clusterPorts.js';
import { CloudError } from '../../core/CloudError.js';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import { emptyResponseError } from '../emptyResponseError.js';
import type { AwsCallContext } from '../translateAwsError.js';
import { runJobFlowInput, toClusterStep, toEmrCluster } from './emrClusterShapes.js';

export interface EmrClustersOptions {
  emr: (region: string) => EMRClient;
  profile?: string;
  now?: () => Date;
}

const LIVE_STATES: SdkClusterState[] = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING', 'TERMINATING'];
const ENDED_STATES: SdkClusterState[] = ['TERMINATED', 'TERMINATED_WITH_ERRORS'];
/** Ended clusters are listed for a day: the cost report counts what they cost today. */
const ENDED_LISTED_MS = 24 * 3600_000;
/** How many steps of a cluster `listSteps` reads (newest first). */
const STEPS_LISTED = 100;

/** EMR on EC2 through its SDK: the clusters cws-tui manages (tagged), their fleets and steps. */
export class EmrClusters implements EmrClusterPort {
  constructor(private readonly options: EmrClustersOptions) {}

  private call<T>(action: string, region: string, run: (client: EMRClient) => Promise<T>): Promise<T> {
    const context: AwsCallContext = {
      action: `elasticmapreduce:${action}`,
      region,
      ...(this.options.profile ? { profile: this.options.profile } : {}),
    };
    return callAws(context, () => run(this.options.emr(region)));
  }

  async listClusters(regions: readonly string[]): Promise<EmrCluster[]> {
    const perRegion = await Promise.all(regions.map((region) => this.listIn(region)));
    return perRegion.flat();
  }

  private async listIn(region: string): Promise<EmrCluster[]> {
    const since = new Date((this.options.now?.() ?? new Date()).getTime() - ENDED_LISTED_MS);
    const ids = await this.call('ListClusters', region, async (client) => {
      const found: string[] = [];
      for (const query of [
        { ClusterStates: LIVE_STATES },
        { ClusterStates: ENDED_STATES, CreatedAfter: since },
      ])
        for await (const page of paginateListClusters({ client }, query))
          for (const summary of page.Clusters ?? []) if (summary.Id) found.push(summary.Id);
      return found;
    });
    const clusters = await Promise.all(ids.map((id) => this.describeCluster(region, id)));
    return clusters.filter((cluster) => cluster.tags[TAG.managed] === 'true');
  }

  async describeCluster(region: string, clusterId: string): Promise<EmrCluster> {
    const reply = await this.call('DescribeCluster', region, (client) =>
      client.send(new DescribeClusterCommand({ ClusterId: clusterId })),
    );
    if (!reply.Cluster)
      throw emptyResponseError(`EMR returned no description of cluster ${clusterId} in ${region}`);
    const [fleets, idle, scaling] = await Promise.all([
      this.call('ListInstanceFleets', region, async (client) => {
        const all = [];
        for await (const page of paginateListInstanceFleets({ client }, { ClusterId: clusterId }))
          all.push(...(page.InstanceFleets ?? []));
        return all;
      }),
      this.call('GetAutoTerminationPolicy', region, (client) =>
        client.send(new GetAutoTerminationPolicyCommand({ ClusterId: clusterId })),
      ),
      this.call('GetManagedScalingPolicy', region, (client) =>
        client.send(new GetManagedScalingPolicyCommand({ ClusterId: clusterId })),
      ),
    ]);
    const timeout = idle.AutoTerminationPolicy?.IdleTimeout;
    const limits = scaling.ManagedScalingPolicy?.ComputeLimits;
    return toEmrCluster(region, reply.Cluster, fleets, {
      ...(timeout !== undefined ? { auto_termination_idle_minutes: Math.round(timeout / 60) } : {}),
      // The primary node counts as one unit of the cluster's; the template speaks of core nodes.
      ...(limits?.MinimumCapacityUnits !== undefined && limits.MaximumCapacityUnits !== undefined
        ? {
            managed_scaling: {
              min: Math.max(1, limits.MinimumCapacityUnits - 1),
              max: Math.max(1, limits.MaximumCapacityUnits - 1),
            },
          }
        : {}),
    });
  }

  async createCluster(spec: EmrClusterSpec): Promise<EmrCluster> {
    const reply = await this.call('RunJobFlow', spec.region, (client) =>
      client.send(new RunJobFlowCommand(runJobFlowInput(spec))),
    );
    if (!reply.JobFlowId)
      throw emptyResponseError(
        `EMR created no cluster id for ${spec.name} in ${spec.region}`,
        'Run cws-tui bigdata cluster list to see whether it exists.',
      );
    return this.describeCluster(spec.region, reply.JobFlowId);
  }

  async resizeFleet(
    region: string,
    clusterId: string,
    fleetId: string,
    target: { on_demand: number; spot: number },
  ): Promise<void> {
    await this.call('ModifyInstanceFleet', region, (client) =>
      client.send(
        new ModifyInstanceFleetCommand({
          ClusterId: clusterId,
          InstanceFleet: {
            InstanceFleetId: fleetId,
            TargetOnDemandCapacity: target.on_demand,
            TargetSpotCapacity: target.spot,
          },
        }),
      ),
    );
  }

  async terminateCluster(region: string, clusterId: string): Promise<void> {
    await this.call('TerminateJobFlows', region, (client) =>
      client.send(new TerminateJobFlowsCommand({ JobFlowIds: [clusterId] })),
    );
  }

  async addStep(request: ClusterStepRequest): Promise<{ id: string }> {
    const reply = await this.call('AddJobFlowSteps', request.region, (client) =>
      client.send(
        new AddJobFlowStepsCommand({
          JobFlowId: request.cluster_id,
          Steps: [
            {
              Name: request.name,
              ActionOnFailure: 'CONTINUE',
              HadoopJarStep: { Jar: 'command-runner.jar', Args: request.args },
            },
          ],
        }),
      ),
    );
    const id = reply.StepIds?.[0];
    if (!id)
      throw emptyResponseError(
        `EMR returned no step id for ${request.name} on ${request.cluster_id}`,
        'List the steps with: cws-tui bigdata cluster steps <cluster>',
      );
    return { id };
  }

  async listSteps(region: string, clusterId: string): Promise<ClusterStep[]> {
    return this.call('ListSteps', region, async (client) => {
      const steps: ClusterStep[] = [];
      for await (const page of paginateListSteps({ client }, { ClusterId: clusterId })) {
        for (const summary of page.Steps ?? []) steps.push(toClusterStep(summary));
        if (steps.length >= STEPS_LISTED) break;
      }
      return steps.slice(0, STEPS_LISTED);
    });
  }

  async cancelStep(region: string, clusterId: string, stepId: string): Promise<void> {
    const reply = await this.call('CancelSteps', region, (client) =>
      client.send(new CancelStepsCommand({ ClusterId: clusterId, StepIds: [stepId] })),
    );
    const info = reply.CancelStepsInfoList?.find((entry) => entry.StepId === stepId);
    if (info?.Status === 'FAILED')
      throw new CloudError({
        kind: 'conflict',
        code: 'CancelStepFailed',
        message: `EMR could not cancel step ${stepId}: ${info.Reason ?? 'no reason given'}`,
        hint: 'A step that has ended cannot be cancelled; see: cws-tui bigdata cluster steps <cluster>',
      });
  }
}
