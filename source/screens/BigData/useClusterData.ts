import { useCallback, useState } from 'react';
import type { Session } from '../../app/session/Session.js';
import { usePolledLoad } from '../../components/usePolledLoad.js';
import { emrClusterUsdPerHour } from '../../core/bigdata/emrClusterCostResource.js';
import type { ClusterRow, StepRow } from './clusterColumns.js';

/** The EMR clusters with $/h, and the selected one's steps with duration; refreshed every `refreshMs`. */
export function useClusterData(session: Session, selected: string | undefined, refreshMs: number) {
  const [clusters, setClusters] = useState<ClusterRow[] | undefined>(undefined);
  const [steps, setSteps] = useState<StepRow[] | undefined>(undefined);

  const load = useCallback(
    async (clearError: () => void) => {
      const port = session.account.bigdata.clusters;
      const listed = await port.listClusters(session.account.regions);
      setClusters(
        listed.map((cluster) => {
          const rate = emrClusterUsdPerHour(cluster).usd_per_hour;
          return { cluster, ...(rate !== undefined ? { usd_per_hour: rate } : {}) };
        }),
      );
      const cluster = listed.find((c) => c.id === selected) ?? listed[0];
      const now = Date.now();
      const listedSteps = cluster ? await port.listSteps(cluster.region, cluster.id) : [];
      setSteps(
        listedSteps.map((step) => {
          const end = step.ended_at ? Date.parse(step.ended_at) : now;
          return {
            step,
            ...(step.started_at ? { duration_seconds: (end - Date.parse(step.started_at)) / 1000 } : {}),
          };
        }),
      );
      clearError();
    },
    [session, selected],
  );
  const { error, reload } = usePolledLoad(load, refreshMs);

  return { clusters, steps, error, reload };
}
