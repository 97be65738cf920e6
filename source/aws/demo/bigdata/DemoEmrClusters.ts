import type {
  ClusterStep,
  ClusterStepRequest,
  EmrCluster,
  EmrClusterPort,
  EmrClusterSpec,
} from '../../../core/bigdata/clusterPorts.js';
import { parseS3Uri } from '../../../core/bigdata/s3Uri.js';
import { CloudError } from '../../../core/CloudError.js';
import type { DemoBigDataStore } from './DemoBigDataStore.js';
import type { DemoBigDataState, DemoCluster, DemoStep } from './demoBigDataState.js';
import { CLUSTER_DELAYS, demoClusterView, demoStepView } from './demoClusterView.js';
import { demoSparkDriver } from './demoSparkDriver.js';

/** How long an ended cluster stays listed (EMR lists terminated clusters for two months; cost needs a day). */
const ENDED_LISTED_MS = 24 * 3600_000;

function notFound(id: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'InvalidRequestException',
    message: `Cluster id '${id}' is not valid.`,
    hint: 'List them with: cws-tui bigdata cluster list',
  });
}

function invalidState(message: string, hint: string): CloudError {
  return new CloudError({ kind: 'conflict', code: 'ValidationException', message, hint });
}

/** EMR on EC2 on the demo account: clusters and steps moving through their states over time. */
export class DemoEmrClusters implements EmrClusterPort {
  constructor(
    private readonly store: DemoBigDataStore,
    private readonly speed: number,
    private readonly now: () => number,
  ) {}

  private at(offsetSeconds: number, from = this.now()): string {
    return new Date(from + offsetSeconds * 1000 * this.speed).toISOString();
  }

  private view(state: DemoBigDataState, cluster: DemoCluster) {
    const steps = state.steps.filter((step) => step.cluster_id === cluster.id);
    return demoClusterView(cluster, steps, this.speed, this.now());
  }

  private find(state: DemoBigDataState, region: string, id: string): DemoCluster {
    const cluster = state.clusters.find((candidate) => candidate.id === id && candidate.region === region);
    if (!cluster) throw notFound(id);
    return cluster;
  }

  async listClusters(regions: readonly string[]): Promise<EmrCluster[]> {
    const state = await this.store.read();
    return state.clusters
      .filter((cluster) => regions.includes(cluster.region))
      .map((cluster) => this.view(state, cluster).cluster)
      .filter((cluster) => !cluster.ended_at || this.now() - Date.parse(cluster.ended_at) < ENDED_LISTED_MS);
  }

  async describeCluster(region: string, clusterId: string): Promise<EmrCluster> {
    const state = await this.store.read();
    return this.view(state, this.find(state, region, clusterId)).cluster;
  }

  async createCluster(spec: EmrClusterSpec): Promise<EmrCluster> {
    return this.store.update((state) => {
      state.serial++;
      const serial = state.serial.toString(36).toUpperCase().padStart(12, '0');
      const cluster: DemoCluster = {
        id: `j-D${serial}`,
        name: spec.name,
        region: spec.region,
        release_label: spec.release_label,
        applications: spec.applications,
        fleets: [
          { id: `if-P${serial}`, role: 'primary', ...spec.primary },
          { id: `if-C${serial}`, role: 'core', ...spec.core },
        ],
        ...(spec.managed_scaling ? { managed_scaling: spec.managed_scaling } : {}),
        ...(spec.auto_termination_idle_minutes !== undefined
          ? { auto_termination_idle_minutes: spec.auto_termination_idle_minutes }
          : {}),
        ebs_gb: spec.ebs_gb,
        log_uri: spec.log_uri,
        tags: spec.tags,
        created_at: new Date(this.now()).toISOString(),
        ready_at: this.at(CLUSTER_DELAYS.ready),
      };
      state.clusters.push(cluster);
      return this.view(state, cluster).cluster;
    });
  }

  async resizeFleet(
    region: string,
    clusterId: string,
    fleetId: string,
    target: { on_demand: number; spot: number },
  ): Promise<void> {
    await this.store.update((state) => {
      const cluster = this.find(state, region, clusterId);
      const current = this.view(state, cluster).cluster;
      if (current.state !== 'RUNNING' && current.state !== 'WAITING')
        throw invalidState(
          `Cluster ${clusterId} is ${current.state}: a fleet can be modified only while it is RUNNING or WAITING`,
          'Wait until it is ready: cws-tui bigdata cluster show <cluster>',
        );
      const fleet = cluster.fleets.find((candidate) => candidate.id === fleetId);
      if (!fleet)
        throw invalidState(
          `Instance fleet ${fleetId} is not in cluster ${clusterId}`,
          'See the fleets with: cws-tui bigdata cluster show <cluster>',
        );
      fleet.previous = {
        on_demand: fleet.on_demand,
        spot: fleet.spot,
        until: this.at(CLUSTER_DELAYS.resize),
      };
      fleet.on_demand = target.on_demand;
      fleet.spot = target.spot;
    });
  }

  async terminateCluster(region: string, clusterId: string): Promise<void> {
    await this.store.update((state) => {
      const cluster = this.find(state, region, clusterId);
      const current = this.view(state, cluster).cluster;
      if (current.state === 'TERMINATING' || current.state === 'TERMINATED') return;
      cluster.terminate_requested_at = new Date(this.now()).toISOString();
    });
  }

  async addStep(request: ClusterStepRequest): Promise<{ id: string }> {
    return this.store.update((state) => {
      const cluster = this.find(state, request.region, request.cluster_id);
      const current = this.view(state, cluster).cluster;
      if (current.state === 'TERMINATING' || current.state === 'TERMINATED')
        throw invalidState(
          `A step cannot be added to cluster ${cluster.id}: it is ${current.state}`,
          'Create a new cluster: cws-tui bigdata cluster create emr-spark-cluster <name>',
        );
      const entry = request.args.find((arg) => /^s3:\/\/.+\.(py|jar)$/i.test(arg)) ?? '';
      const location = parseS3Uri(entry);
      const bytes = location && state.objects[`${location.bucket}/${location.key}`];
      const script = bytes === undefined ? undefined : Buffer.from(bytes, 'base64').toString('utf8');
      const after = request.args.slice(request.args.indexOf(entry) + 1);
      const driver = demoSparkDriver(script, entry, after);
      const queue = state.steps.filter((step) => step.cluster_id === cluster.id);
      const start = Math.max(
        Date.parse(this.at(CLUSTER_DELAYS.stepStart)),
        Date.parse(cluster.ready_at),
        ...queue.map((step) => Date.parse(step.ended_at)),
      );
      state.serial++;
      const step: DemoStep = {
        id: `s-D${state.serial.toString(36).toUpperCase().padStart(12, '0')}`,
        cluster_id: cluster.id,
        name: request.name,
        args: request.args,
        created_at: new Date(this.now()).toISOString(),
        started_at: new Date(start).toISOString(),
        ended_at: new Date(start + driver.nominal_seconds * 1000 * this.speed).toISOString(),
        outcome: driver.outcome === 'SUCCESS' ? 'COMPLETED' : 'FAILED',
        ...(driver.outcome === 'FAILED'
          ? {
              failure: driver.stderr
                .split('\n')
                .filter((line) => line.trim() !== '')
                .slice(-3)
                .join('\n'),
            }
          : {}),
      };
      state.steps.push(step);
      return { id: step.id };
    });
  }

  async listSteps(region: string, clusterId: string): Promise<ClusterStep[]> {
    const state = await this.store.read();
    const cluster = this.find(state, region, clusterId);
    const { terminated_at: terminatedAt } = this.view(state, cluster);
    return state.steps
      .filter((step) => step.cluster_id === clusterId)
      .map((step) => demoStepView(step, terminatedAt, this.now()))
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
  }

  async cancelStep(region: string, clusterId: string, stepId: string): Promise<void> {
    await this.store.update((state) => {
      this.find(state, region, clusterId);
      const step = state.steps.find(
        (candidate) => candidate.id === stepId && candidate.cluster_id === clusterId,
      );
      if (!step)
        throw new CloudError({
          kind: 'not-found',
          code: 'InvalidRequestException',
          message: `Step id '${stepId}' is not valid.`,
          hint: 'List them with: cws-tui bigdata cluster steps <cluster>',
        });
      const now = this.now();
      if (now >= Date.parse(step.ended_at))
        throw invalidState(
          `Step ${stepId} has already ended`,
          'Only a pending or running step can be cancelled.',
        );
      step.outcome = 'CANCELLED';
      delete step.failure;
      step.ended_at = new Date(Math.max(now, Date.parse(step.created_at))).toISOString();
      if (Date.parse(step.started_at) > now) step.started_at = step.ended_at;
    });
  }
}
