import { CloudError, type CloudErrorKind } from '../../core/CloudError.js';
import {
  PARALLELCLUSTER_VERSION,
  parallelClusterConfigSchema,
} from '../../core/hpc/parallelClusterConfigSchema.js';
import type {
  ClusterNode,
  ClusterStatus,
  HeadNodeRun,
  HpcCluster,
  HpcPort,
  ProviderStatus,
  StackFailure,
} from '../../core/hpc/ports.js';
import { slurmOperationOf } from '../../core/hpc/slurmScripts.js';
import { type DemoCluster, DemoHpcStore } from './demoHpcState.js';
import { runDemoSlurm } from './runDemoSlurm.js';
import { simulateSlurm } from './simulateSlurm.js';

/** Seconds at realistic pace: ParallelCluster takes 10-20 minutes; the demo a couple. */
const CREATE_SECONDS = 120;
const UPDATE_SECONDS = 60;
const DELETE_SECONDS = 30;
/** Slurm drains and the compute instances end before ParallelCluster reports the fleet STOPPED. */
const FLEET_STOP_SECONDS = 45;

export interface DemoHpcOptions {
  stateDir: string;
  speed: number;
  now?: () => number;
  /** `CWS_DEMO_HPC_FAULTS`: `create-failed` (the head node's wait condition fails), `no-ssm-agent`. */
  faults?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

function demoError(kind: CloudErrorKind, code: string, message: string, hint: string): CloudError {
  return new CloudError({ kind, code, message, hint });
}

/** ParallelCluster on the demo account: stacks move through their states, Slurm is simulated. */
export class DemoHpc implements HpcPort {
  private readonly store: DemoHpcStore;
  private readonly now: () => number;
  private readonly faults: Set<string>;

  constructor(private readonly options: DemoHpcOptions) {
    this.store = new DemoHpcStore(options.stateDir);
    this.now = options.now ?? Date.now;
    this.faults = new Set(
      (options.faults ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    );
  }

  private ms(seconds: number): number {
    return seconds * 1000 * this.options.speed;
  }

  async providerStatus(region: string): Promise<ProviderStatus> {
    const state = await this.store.read();
    return {
      installed: state.provider_installed_regions.includes(region),
      stack_name: `cws-pcluster-provider-${PARALLELCLUSTER_VERSION.replaceAll('.', '-')}`,
      version: PARALLELCLUSTER_VERSION,
      creates: [
        'a Lambda function that runs ParallelCluster',
        'its IAM role and log group',
        'a nested stack with the ParallelCluster API layer',
      ],
    };
  }

  async installProvider(region: string): Promise<void> {
    await this.store.update((state) => {
      if (!state.provider_installed_regions.includes(region)) state.provider_installed_regions.push(region);
    });
  }

  async createCluster(request: {
    region: string;
    name: string;
    config: unknown;
    tags: Record<string, string>;
  }): Promise<void> {
    const config = parallelClusterConfigSchema.parse(request.config);
    const now = this.now();
    await this.store.update((state) => {
      if (!state.provider_installed_regions.includes(request.region))
        throw demoError(
          'invalid-parameter',
          'ValidationError',
          `ParallelCluster's provider stack is not installed in ${request.region}`,
          'Run hpc create again and confirm its installation.',
        );
      const existing = state.clusters.find((c) => c.name === request.name && c.region === request.region);
      if (existing)
        throw demoError(
          'conflict',
          'AlreadyExistsException',
          `Stack [${request.name}] already exists`,
          'Pick another name or delete the cluster first.',
        );
      const ready = now + this.ms(CREATE_SECONDS);
      state.clusters.push({
        name: request.name,
        region: request.region,
        created_at: now,
        ready_at: ready,
        failed: this.faults.has('create-failed'),
        config,
        tags: request.tags,
        fleet_events: [{ at: ready, status: 'RUNNING' }],
        head_node_id: `i-0${Math.floor(now % 1e15)
          .toString(16)
          .padStart(16, '0')}`.slice(0, 19),
        users: [],
        jobs: [],
      });
    });
  }

  private status(cluster: DemoCluster, now: number): ClusterStatus {
    if (cluster.deleting_at !== undefined)
      return now >= cluster.deleting_at + this.ms(DELETE_SECONDS) ? 'DELETE_COMPLETE' : 'DELETE_IN_PROGRESS';
    if (now < cluster.ready_at) return cluster.updating ? 'UPDATE_IN_PROGRESS' : 'CREATE_IN_PROGRESS';
    if (cluster.failed) return 'ROLLBACK_COMPLETE';
    return cluster.updating ? 'UPDATE_COMPLETE' : 'CREATE_COMPLETE';
  }

  private view(cluster: DemoCluster, now: number): HpcCluster {
    const status = this.status(cluster, now);
    const up =
      status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE' || status === 'UPDATE_IN_PROGRESS';
    const lastFleet = cluster.fleet_events.filter((e) => e.at <= now).at(-1);
    const stopping =
      lastFleet?.status !== 'STOPPED' &&
      cluster.fleet_events.some((e) => e.at > now && e.status === 'STOPPED');
    const simulated = simulateSlurm(cluster, now, this.options.speed);
    const computeNodes: ClusterNode[] = [];
    for (const node of simulated.nodes) {
      for (const interval of node.up) {
        const running = interval.from <= now && now < interval.to;
        computeNodes.push({
          instance_id: `i-${node.name}-${interval.from}`,
          instance_type: node.instance_type,
          state: running ? 'running' : 'terminated',
          launched_at: iso(interval.from),
          queue: node.queue,
          compute_resource: node.compute_resource,
          transitions: [
            { at: iso(interval.from), state: 'running' },
            ...(running ? [] : [{ at: iso(interval.to), state: 'terminated' as const }]),
          ],
        });
      }
    }
    return {
      name: cluster.name,
      region: cluster.region,
      status,
      made_by: 'cws-tui',
      version: PARALLELCLUSTER_VERSION,
      created_at: iso(cluster.created_at),
      compute_fleet: !up ? 'UNKNOWN' : stopping ? 'STOPPING' : (lastFleet?.status ?? 'RUNNING'),
      ...(up || status === 'CREATE_IN_PROGRESS'
        ? {
            head_node: {
              instance_id: cluster.head_node_id,
              instance_type: cluster.config.HeadNode.InstanceType,
              state: up ? 'running' : 'pending',
              launched_at: iso(cluster.created_at),
            },
          }
        : {}),
      compute_nodes: computeNodes,
      config: cluster.config,
      tags: cluster.tags,
    };
  }

  async listClusters(regions: readonly string[]): Promise<HpcCluster[]> {
    const state = await this.store.read();
    const now = this.now();
    return state.clusters
      .filter((c) => regions.includes(c.region))
      .map((c) => this.view(c, now))
      .filter((c) => c.status !== 'DELETE_COMPLETE');
  }

  async describeCluster(region: string, name: string): Promise<HpcCluster | undefined> {
    return (await this.listClusters([region])).find((c) => c.name === name);
  }

  private async change(
    region: string,
    name: string,
    apply: (cluster: DemoCluster, now: number) => void,
  ): Promise<void> {
    const now = this.now();
    await this.store.update((state) => {
      const cluster = state.clusters.find((c) => c.name === name && c.region === region);
      if (!cluster || this.status(cluster, now) === 'DELETE_COMPLETE')
        throw demoError(
          'not-found',
          'ValidationError',
          `Stack with id ${name} does not exist`,
          'List the clusters with: cws-tui hpc list',
        );
      apply(cluster, now);
    });
  }

  async updateCluster(region: string, name: string, config: unknown): Promise<void> {
    const parsed = parallelClusterConfigSchema.parse(config);
    await this.change(region, name, (cluster, now) => {
      const status = this.status(cluster, now);
      if (status !== 'CREATE_COMPLETE' && status !== 'UPDATE_COMPLETE')
        throw demoError(
          'conflict',
          'ValidationError',
          `Stack:${name} is in ${status} state and can not be updated.`,
          'Wait until the cluster is CREATE_COMPLETE or UPDATE_COMPLETE.',
        );
      cluster.config = parsed;
      cluster.updating = true;
      cluster.ready_at = now + this.ms(UPDATE_SECONDS);
    });
  }

  async setComputeFleet(
    region: string,
    name: string,
    status: 'STOP_REQUESTED' | 'START_REQUESTED',
  ): Promise<void> {
    await this.change(region, name, (cluster, now) => {
      if (status === 'STOP_REQUESTED')
        cluster.fleet_events.push({ at: now + this.ms(FLEET_STOP_SECONDS), status: 'STOPPED' });
      else {
        // A start cancels a stop still under way (events stay in time order).
        cluster.fleet_events = cluster.fleet_events.filter((event) => event.at <= now);
        cluster.fleet_events.push({ at: now, status: 'RUNNING' });
      }
    });
  }

  async deleteCluster(region: string, name: string): Promise<void> {
    await this.change(region, name, (cluster, now) => {
      cluster.deleting_at ??= now;
      cluster.fleet_events.push({ at: now, status: 'STOPPED' });
    });
  }

  async firstFailure(region: string, name: string): Promise<StackFailure | undefined> {
    const state = await this.store.read();
    const cluster = state.clusters.find((c) => c.name === name && c.region === region);
    if (!cluster?.failed || this.now() < cluster.ready_at) return undefined;
    return {
      stack: name,
      logical_id: 'HeadNodeWaitCondition',
      resource_type: 'AWS::CloudFormation::WaitCondition',
      reason: 'Failed to receive 1 resource signal(s) within the specified duration',
      at: iso(cluster.ready_at - this.ms(5)),
    };
  }

  async headNodeReachable(): Promise<boolean> {
    return !this.faults.has('no-ssm-agent');
  }

  async runOnHeadNode(region: string, instanceId: string, script: string): Promise<HeadNodeRun> {
    const operation = slurmOperationOf(script);
    if (!operation)
      return {
        exit_code: 127,
        stdout: '',
        stderr: "the demo head node runs only the app's Slurm commands\n",
      };
    const now = this.now();
    return this.store.update((state): HeadNodeRun => {
      const cluster = state.clusters.find((c) => c.region === region && c.head_node_id === instanceId);
      if (!cluster)
        throw demoError(
          'not-found',
          'InvalidInstanceId',
          `Instances not in a valid state for account: ${instanceId}`,
          'The head node is gone: check hpc show.',
        );
      return runDemoSlurm(state, cluster, operation, now, this.options.speed);
    });
  }
}
