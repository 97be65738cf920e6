import { useCallback, useState } from 'react';
import type { Session } from '../../app/session/Session.js';
import { usePolledLoad } from '../../components/usePolledLoad.js';
import { capacityUsdPerHour, initialCapacityOf, serverlessRates } from '../../core/bigdata/emrPricing.js';
import { jobRunCost } from '../../core/bigdata/jobRunCost.js';
import { isFinalJobRunState } from '../../core/bigdata/jobRunStates.js';
import type { SparkApplication } from '../../core/bigdata/ports.js';
import type { ApplicationRow, RunRow } from './bigdataColumns.js';

/** How many of an application's newest runs are read in full (cost needs GetJobRun each). */
const RUNS_SHOWN = 20;

function applicationRow(application: SparkApplication): ApplicationRow {
  const rates = serverlessRates(application.region, application.architecture);
  if (!rates) return { application };
  const warm = capacityUsdPerHour(initialCapacityOf(application.initial_capacity), rates);
  return {
    application,
    usd_per_hour: application.state === 'STARTED' ? warm : 0,
    usd_per_hour_cap: capacityUsdPerHour(application.maximum_capacity, rates),
  };
}

/** The Spark applications, and the selected one's newest runs with duration and cost; refreshed every `refreshMs`. */
export function useBigDataData(session: Session, selected: string | undefined, refreshMs: number) {
  const [applications, setApplications] = useState<ApplicationRow[] | undefined>(undefined);
  const [runs, setRuns] = useState<RunRow[] | undefined>(undefined);

  const load = useCallback(
    async (clearError: () => void) => {
      const serverless = session.account.bigdata.serverless;
      const listed = await serverless.listApplications(session.account.regions);
      setApplications(listed.map(applicationRow));
      const application = listed.find((a) => a.id === selected) ?? listed[0];
      if (!application) {
        setRuns([]);
        return;
      }
      const rates = serverlessRates(application.region, application.architecture);
      const summaries = (await serverless.listJobRuns(application.region, application.id)).slice(
        0,
        RUNS_SHOWN,
      );
      // A listing has no billed use: an ended run is read in full for its cost.
      const full = await Promise.all(
        summaries.map((run) =>
          isFinalJobRunState(run.state)
            ? serverless.getJobRun(application.region, application.id, run.id)
            : run,
        ),
      );
      const now = Date.now();
      setRuns(
        full.map((run) => {
          const usd = jobRunCost(run, rates);
          return {
            run,
            duration_seconds: run.duration_seconds ?? (now - Date.parse(run.created_at)) / 1000,
            ...(usd !== undefined ? { usd } : {}),
          };
        }),
      );
      clearError();
    },
    [session, selected],
  );
  const { error, reload } = usePolledLoad(load, refreshMs);

  return { applications, runs, error, reload };
}
