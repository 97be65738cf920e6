import { isFinalJobRunState } from './jobRunStates.js';
import type { EmrServerlessPort, JobRun } from './ports.js';

/**
 * Polls a run until it ends, telling each new state; `sleep` is injected so that the demo and tests
 * wait only as long as their clock says.
 */
export async function waitForJobRun(
  serverless: EmrServerlessPort,
  run: { region: string; application_id: string; id: string },
  options: { onState?: (run: JobRun) => void; sleep: (ms: number) => Promise<void>; intervalMs: number },
): Promise<JobRun> {
  let last: string | undefined;
  for (;;) {
    const current = await serverless.getJobRun(run.region, run.application_id, run.id);
    if (current.state !== last) options.onState?.(current);
    last = current.state;
    if (isFinalJobRunState(current.state)) return current;
    await options.sleep(options.intervalMs);
  }
}
