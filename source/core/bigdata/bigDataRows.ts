import { TAG } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import { type EmrCluster, isEndedCluster } from './clusterPorts.js';
import { emrClusterUsdPerHour } from './emrClusterCostResource.js';
import { capacityUsdPerHour, initialCapacityOf, serverlessRates } from './emrPricing.js';
import type { SparkApplication } from './ports.js';

const APPLICATION_PREFIX = 'emr-app:';
const CLUSTER_PREFIX = 'emr-cluster:';

/** The region and id a big-data row stands for, or undefined for another row. */
export function bigDataOfRowId(
  id: string,
): { kind: 'emr-application' | 'emr-cluster'; region: string; id: string } | undefined {
  const prefix = id.startsWith(APPLICATION_PREFIX)
    ? APPLICATION_PREFIX
    : id.startsWith(CLUSTER_PREFIX)
      ? CLUSTER_PREFIX
      : undefined;
  if (!prefix) return undefined;
  const [region, ...rest] = id.slice(prefix.length).split(':');
  const resource = rest.join(':');
  if (!region || !resource) return undefined;
  return { kind: prefix === APPLICATION_PREFIX ? 'emr-application' : 'emr-cluster', region, id: resource };
}

function owned(row: Workstation, tags: Record<string, string>): Workstation {
  const user = tags[TAG.researchUser];
  if (user) row.research_user = user;
  const project = tags[TAG.project];
  if (project) row.project = project;
  return row;
}

const APPLICATION_STATE: Record<SparkApplication['state'], Workstation['state']> = {
  CREATING: 'pending',
  CREATED: 'stopped',
  STARTING: 'pending',
  STARTED: 'running',
  STOPPING: 'stopping',
  STOPPED: 'stopped',
  TERMINATED: 'terminated',
};

/** A Spark application as a dashboard row: started is running, billed for its warm workers. */
export function workstationFromApplication(application: SparkApplication): Workstation {
  const rates = serverlessRates(application.region, application.architecture);
  const row: Workstation = {
    id: `${APPLICATION_PREFIX}${application.region}:${application.id}`,
    name: application.name,
    kind: 'emr-application',
    template: application.tags[TAG.template] ?? '-',
    region: application.region,
    state: APPLICATION_STATE[application.state],
    hibernated: false,
    instance_type: `${application.maximum_capacity.vcpu} vCPU max`,
    launched_at: application.created_at,
    connect: `bigdata submit ${application.name}`,
    progress: application.state,
  };
  if (rates) row.hourly_cost = capacityUsdPerHour(initialCapacityOf(application.initial_capacity), rates);
  return owned(row, application.tags);
}

/** An EMR cluster as a dashboard row: its nodes up as the progress and its $/h now. */
export function workstationFromEmrCluster(cluster: EmrCluster): Workstation {
  const state: Workstation['state'] = isEndedCluster(cluster.state)
    ? 'terminated'
    : cluster.state === 'TERMINATING'
      ? 'shutting-down'
      : cluster.state === 'STARTING' || cluster.state === 'BOOTSTRAPPING'
        ? 'pending'
        : 'running';
  const up = cluster.fleets.reduce(
    (sum, fleet) => sum + fleet.provisioned_on_demand + fleet.provisioned_spot,
    0,
  );
  const row: Workstation = {
    id: `${CLUSTER_PREFIX}${cluster.region}:${cluster.id}`,
    name: cluster.name,
    kind: 'emr-cluster',
    template: cluster.tags[TAG.template] ?? '-',
    region: cluster.region,
    state,
    hibernated: false,
    instance_type: cluster.fleets.find((fleet) => fleet.role === 'core')?.instance_types[0] ?? '-',
    launched_at: cluster.created_at,
    connect: `bigdata cluster step ${cluster.name}`,
    progress: `${cluster.state}, ${up} nodes up`,
  };
  const rate = emrClusterUsdPerHour(cluster).usd_per_hour;
  if (rate !== undefined) row.hourly_cost = rate;
  return owned(row, cluster.tags);
}
