import { CloudError } from '../CloudError.js';
import type { Service, ServiceEndpoint, ServiceLaunchResult } from '../services/Service.js';
import type { ServiceHealth } from '../services/ServiceHealth.js';
import { unsupportedOperationError } from '../services/serviceOperations.js';
import type { Workstation } from '../workstations/Workstation.js';
import { bigDataOfRowId, workstationFromApplication, workstationFromEmrCluster } from './bigDataRows.js';
import { isEndedCluster } from './clusterPorts.js';
import type { BigDataPort } from './ports.js';

function notBigData(row: Workstation): CloudError {
  return new CloudError({
    kind: 'invalid-parameter',
    code: 'NotBigData',
    message: `${row.name} is not a Spark application or EMR cluster row`,
    hint: '',
  });
}

/**
 * Spark applications and EMR clusters as dashboard rows, through the same `Service` shape as
 * SageMaker and HPC: start/stop an application, terminate deletes an application or terminates a
 * cluster. They are made by `bigdata create` and `bigdata cluster create`, never by the wizard.
 */
export class BigDataService implements Service {
  readonly kinds = ['emr-application', 'emr-cluster'] as const;

  constructor(private readonly bigdata: BigDataPort) {}

  launch(): Promise<ServiceLaunchResult> {
    return Promise.reject(
      new CloudError({
        kind: 'invalid-parameter',
        code: 'UnsupportedOperation',
        message:
          'Spark applications and EMR clusters are created with `cws-tui bigdata create` and `cws-tui bigdata cluster create`.',
        hint: '',
      }),
    );
  }

  async list(regions: readonly string[]): Promise<Workstation[]> {
    const [applications, clusters] = await Promise.all([
      this.bigdata.serverless.listApplications(regions),
      this.bigdata.clusters.listClusters(regions),
    ]);
    return [
      ...applications.filter((a) => a.state !== 'TERMINATED').map(workstationFromApplication),
      ...clusters.filter((c) => !isEndedCluster(c.state)).map(workstationFromEmrCluster),
    ];
  }

  async status(row: Workstation): Promise<Workstation | undefined> {
    const where = bigDataOfRowId(row.id);
    if (!where) throw notBigData(row);
    if (where.kind === 'emr-cluster') {
      const cluster = await this.bigdata.clusters.describeCluster(where.region, where.id);
      return isEndedCluster(cluster.state) ? undefined : workstationFromEmrCluster(cluster);
    }
    const application = (await this.bigdata.serverless.listApplications([where.region])).find(
      (candidate) => candidate.id === where.id,
    );
    return application && workstationFromApplication(application);
  }

  async health(row: Workstation): Promise<ServiceHealth> {
    const current = await this.status(row);
    if (!current) return { status: 'stopped', detail: 'it is gone' };
    const detail = current.progress ?? current.state;
    if (current.state === 'running') return { status: 'healthy', detail };
    if (current.state === 'pending') return { status: 'starting', detail };
    return { status: current.state === 'stopped' ? 'stopped' : 'unhealthy', detail };
  }

  async start(row: Workstation): Promise<void> {
    const where = bigDataOfRowId(row.id);
    if (!where) throw notBigData(row);
    if (where.kind === 'emr-cluster') throw unsupportedOperationError('emr-cluster', 'start');
    await this.bigdata.serverless.startApplication(where.region, where.id);
  }

  async stop(row: Workstation): Promise<void> {
    const where = bigDataOfRowId(row.id);
    if (!where) throw notBigData(row);
    if (where.kind === 'emr-cluster') throw unsupportedOperationError('emr-cluster', 'stop');
    await this.bigdata.serverless.stopApplication(where.region, where.id);
  }

  async delete(row: Workstation): Promise<void> {
    const where = bigDataOfRowId(row.id);
    if (!where) throw notBigData(row);
    if (where.kind === 'emr-cluster') await this.bigdata.clusters.terminateCluster(where.region, where.id);
    else await this.bigdata.serverless.deleteApplication(where.region, where.id);
  }

  connection(row: Workstation): Promise<ServiceEndpoint> {
    return Promise.reject(unsupportedOperationError(row.kind, 'connect'));
  }

  hourlyCost(row: Workstation): number | undefined {
    return row.hourly_cost;
  }
}
