import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Session } from '../../app/session/Session.js';
import type { DataBrewJobRun } from '../../core/analytics/dataBrewPorts.js';
import type { DataBrewJobRow } from './dataBrewColumns.js';

/** The region's DataBrew jobs with their last run, and the selected job's runs; refreshed every `refreshMs`. */
export function useDataBrewData(session: Session, selected: string | undefined, refreshMs: number) {
  const [jobs, setJobs] = useState<DataBrewJobRow[] | undefined>(undefined);
  const [runs, setRuns] = useState<DataBrewJobRun[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const busy = useRef(false);
  const region = session.info.region;

  const load = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    const brew = session.account.analytics.databrew;
    (async () => {
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
      setError(undefined);
    })()
      .catch((thrown: unknown) => setError(describeError(thrown).message))
      .finally(() => {
        busy.current = false;
      });
  }, [session, region, selected]);

  useEffect(() => {
    load();
    const timer = setInterval(load, refreshMs);
    return () => clearInterval(timer);
  }, [load, refreshMs]);

  return { jobs, runs, error, region, reload: load };
}
