import { BigDataError } from './BigDataError.js';
import { type EmrCluster, type EmrClusterPort, isEndedCluster } from './clusterPorts.js';

/** The live cluster of that name (or id) in the regions, or a not-found error naming them. */
export async function findEmrCluster(
  clusters: EmrClusterPort,
  regions: readonly string[],
  nameOrId: string,
): Promise<EmrCluster> {
  const found = (await clusters.listClusters(regions)).find(
    (cluster) => !isEndedCluster(cluster.state) && (cluster.name === nameOrId || cluster.id === nameOrId),
  );
  if (!found) throw new BigDataError('not-found', `no EMR cluster '${nameOrId}' in ${regions.join(', ')}`);
  return found;
}
