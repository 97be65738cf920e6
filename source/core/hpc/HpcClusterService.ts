import { CloudError } from '../CloudError.js';
import type { PriceCatalog } from '../cost/PriceCatalog.js';
import type { Service, ServiceEndpoint, ServiceLaunchResult } from '../services/Service.js';
import type { ServiceHealth } from '../services/ServiceHealth.js';
import { unsupportedOperationError } from '../services/serviceOperations.js';
import type { Workstation } from '../workstations/Workstation.js';
import { clusterOfRowId, workstationFromCluster } from './clusterRow.js';
import type { HpcPort } from './ports.js';

function notACluster(row: Workstation): CloudError {
  return new CloudError({
    kind: 'invalid-parameter',
    code: 'NotACluster',
    message: `${row.name} is not an HPC cluster row`,
    hint: '',
  });
}

/**
 * ParallelCluster clusters as dashboard rows, through the same `Service` shape as SageMaker: list
 * and status read the clusters, stop/start the compute fleet, terminate deletes the cluster. They
 * are made by `hpc create` (templates of kind parallelcluster), never by the launch wizard.
 */
export class HpcClusterService implements Service {
  readonly kinds = ['hpc-cluster'] as const;

  constructor(
    private readonly hpc: HpcPort,
    private readonly prices: PriceCatalog,
  ) {}

  launch(): Promise<ServiceLaunchResult> {
    return Promise.reject(
      new CloudError({
        kind: 'invalid-parameter',
        code: 'UnsupportedOperation',
        message: 'HPC clusters are created with `cws-tui hpc create <cluster> --template <template>`.',
        hint: '',
      }),
    );
  }

  async list(regions: readonly string[]): Promise<Workstation[]> {
    const clusters = await this.hpc.listClusters(regions);
    return clusters
      .filter((cluster) => cluster.status !== 'DELETE_COMPLETE')
      .map((cluster) => workstationFromCluster(cluster, this.prices));
  }

  async status(row: Workstation): Promise<Workstation | undefined> {
    const where = clusterOfRowId(row.id);
    if (!where) throw notACluster(row);
    const cluster = await this.hpc.describeCluster(where.region, where.name);
    return cluster && cluster.status !== 'DELETE_COMPLETE'
      ? workstationFromCluster(cluster, this.prices)
      : undefined;
  }

  async health(row: Workstation): Promise<ServiceHealth> {
    const current = await this.status(row);
    if (!current) return { status: 'stopped', detail: 'the cluster is gone' };
    if (current.state === 'running') return { status: 'healthy', detail: current.progress ?? 'running' };
    if (current.state === 'pending') return { status: 'starting', detail: current.progress ?? 'starting' };
    if (current.state === 'stopped') return { status: 'stopped', detail: 'compute fleet stopped' };
    return { status: 'unhealthy', detail: current.progress ?? current.state };
  }

  start(row: Workstation): Promise<void> {
    return this.fleet(row, 'START_REQUESTED');
  }

  stop(row: Workstation): Promise<void> {
    return this.fleet(row, 'STOP_REQUESTED');
  }

  async delete(row: Workstation): Promise<void> {
    const where = clusterOfRowId(row.id);
    if (!where) throw notACluster(row);
    await this.hpc.deleteCluster(where.region, where.name);
  }

  connection(row: Workstation): Promise<ServiceEndpoint> {
    return Promise.reject(unsupportedOperationError(row.kind, 'connect'));
  }

  hourlyCost(row: Workstation): number | undefined {
    return row.hourly_cost;
  }

  private async fleet(row: Workstation, status: 'STOP_REQUESTED' | 'START_REQUESTED'): Promise<void> {
    const where = clusterOfRowId(row.id);
    if (!where) throw notACluster(row);
    await this.hpc.setComputeFleet(where.region, where.name, status);
  }
}
