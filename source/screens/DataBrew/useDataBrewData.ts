import { useCallback, useState } from 'react';
import type { Session } from '../../app/session/Session.js';
import { usePolledLoad } from '../../components/usePolledLoad.js';
import type { DataBrewJobRun } from '../../core/analytics/dataBrewPorts.js';
import type { DataBrewJobRow } from './dataBrewColumns.js';

/** The region's DataBrew jobs with their last run, and the selected job's runs; refreshed every `refreshMs`. */
export function useDataBrewData(session: Session, selected: string | undefined, refreshMs: number) {
  const [jobs, setJobs] = useState<DataBrewJobRow[] | undefined>(undefined);
  const [runs, setRuns] = useState<DataBrewJobRun[] | undefined>(undefined);
  const region = session.info.region;

  const load = useCallback(
    async (clearError: () => void) => {
      const brew = session.account.analytics.databrew;
      const listed = await brew.listJobs(region);
      const rows: DataBrewJobRow[] = [];
      let selectedRuns: DataBrewJobRun[] = [];
      for (const job of listed) {
        const jobRuns = await brew.listJobRuns(region, job.name);
        rows.push({ job, ...(jobRuns[0] ? { last: jobRuns[0] } : {}) });
        if (job.name === (selected ?? listed[0]?.name)) selectedRuns = jobRuns;
      }
      setJobs(rows);
      setRuns(selectedRuns);
      clearError();
    },
    [session, region, selected],
  );
  const { error, reload } = usePolledLoad(load, refreshMs);

  return { jobs, runs, error, region, reload };
}
