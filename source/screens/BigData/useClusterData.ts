import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Session } from '../../app/session/Session.js';
import { emrClusterUsdPerHour } from '../../core/bigdata/emrClusterCostResource.js';
import type { ClusterRow, StepRow } from './clusterColumns.js';

/** The EMR clusters with $/h, and the selected one's steps with duration; refreshed every `refreshMs`. */
export function useClusterData(session: Session, selected: string | undefined, refreshMs: number) {
  const [clusters, setClusters] = useState<ClusterRow[] | undefined>(undefined);
  const [steps, setSteps] = useState<StepRow[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const busy = useRef(false);

  const load = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    const port = session.account.bigdata.clusters;
    (async () => {
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
      setError(undefined);
    })()
      .catch((thrown: unknown) => setError(describeError(thrown).message))
      .finally(() => {
        busy.current = false;
      });
  }, [session, selected]);

  useEffect(() => {
    load();
    const timer = setInterval(load, refreshMs);
    return () => clearInterval(timer);
  }, [load, refreshMs]);

  return { clusters, steps, error, reload: load };
}
