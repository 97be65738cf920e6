import { useCallback, useRef, useState } from 'react';
import type { Session } from '../../app/session/Session.js';
import { usePolledLoad } from '../../components/usePolledLoad.js';
import { clusterRate } from '../../core/hpc/clusterCost.js';
import type { HpcContext } from '../../core/hpc/HpcContext.js';
import { jobCost } from '../../core/hpc/jobCost.js';
import type { HpcCluster } from '../../core/hpc/ports.js';
import type { SlurmJob } from '../../core/hpc/SlurmJob.js';
import { jobHistory, listJobs, type QueueRow, queueRows } from '../../core/hpc/slurmOnCluster.js';
import type { ClusterRow, HistoryRow } from './hpcColumns.js';

export function hpcContextOf(session: Session): HpcContext {
  return {
    ops: session.operationsContext(),
    researchUsers: () => session.researchUsers(),
    resolveTemplate: (slug) => session.resolveTemplate(slug),
  };
}

export interface ClusterDetails {
  queues: QueueRow[];
  jobs: SlurmJob[];
  history: HistoryRow[];
}

/** The clusters, and the selected one's queues, live jobs and history; refreshed every `refreshMs`. */
export function useHpcData(session: Session, selected: string | undefined, refreshMs: number) {
  const [clusters, setClusters] = useState<ClusterRow[] | undefined>(undefined);
  const [details, setDetails] = useState<ClusterDetails | undefined>(undefined);
  const context = useRef(hpcContextOf(session));

  const load = useCallback(
    async (clearError: () => void) => {
      const hpc = context.current;
      const listed = await session.account.hpc.listClusters(session.account.regions);
      const rows = listed.map((cluster) => {
        const rate = clusterRate(cluster, hpc.ops.prices);
        return {
          cluster,
          nodes_up: rate.nodes_up,
          ...(rate.usd_per_hour !== undefined ? { usd_per_hour: rate.usd_per_hour } : {}),
        };
      });
      setClusters(rows);
      const cluster: HpcCluster | undefined = listed.find((c) => c.name === selected) ?? listed[0];
      if (!cluster || !(cluster.status === 'CREATE_COMPLETE' || cluster.status.startsWith('UPDATE_'))) {
        setDetails(undefined);
        return;
      }
      const since = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 19);
      const [queues, jobs, records] = await Promise.all([
        queueRows(hpc, cluster),
        listJobs(hpc, cluster),
        jobHistory(hpc, cluster, since),
      ]);
      const price = (type: string) => hpc.ops.prices.instanceHourly(type, cluster.region)?.usd_per_hour;
      setDetails({
        queues,
        jobs,
        history: records.map((record) => ({ ...record, cost: jobCost(record, cluster.config, price) })),
      });
      clearError();
    },
    [session, selected],
  );
  const { error, reload } = usePolledLoad(load, refreshMs);

  return { clusters, details, error, reload, context: context.current };
}
