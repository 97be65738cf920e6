import { capacityUsdPerHour, initialCapacityOf, serverlessRates } from './emrPricing.js';
import { isFinalJobRunState } from './jobRunStates.js';
import type { JobRun, SparkApplication } from './ports.js';

/** A way an application costs money for nothing, with what to do about it. */
export interface BigDataFinding {
  application: string;
  kind: 'no-auto-stop' | 'idle-warm-capacity';
  message: string;
  /** What following it saves per hour, when known (idle warm workers' rate). */
  usd_per_hour?: number;
}

/** How long a started application with warm workers may sit without a run before it is called idle. */
export const IDLE_AFTER_MINUTES = 60;

/**
 * Optimisation findings: an application that never stops itself, and one started with warm
 * workers (billed by the hour) that has run nothing for an hour.
 */
export function sparkApplicationFindings(
  application: SparkApplication,
  runs: readonly JobRun[],
  now: Date,
): BigDataFinding[] {
  const findings: BigDataFinding[] = [];
  const rates = serverlessRates(application.region, application.architecture);
  const warm = initialCapacityOf(application.initial_capacity);
  const warmRate =
    rates && warm.vcpu > 0 ? ` (its warm workers cost $${capacityUsdPerHour(warm, rates).toFixed(4)}/h)` : '';
  if (application.auto_stop_idle_minutes === undefined)
    findings.push({
      application: application.name,
      kind: 'no-auto-stop',
      message: `${application.name} has no auto-stop: it stays started when idle${warmRate}; set auto_stop_idle_minutes in its template`,
    });
  if (application.state === 'STARTED' && warm.vcpu > 0) {
    const live = runs.some((run) => !isFinalJobRunState(run.state));
    const last = Math.max(
      Date.parse(application.updated_at),
      ...runs.map((run) => Date.parse(run.updated_at)),
    );
    const idleMinutes = Math.floor((now.getTime() - last) / 60_000);
    if (!live && idleMinutes >= IDLE_AFTER_MINUTES)
      findings.push({
        application: application.name,
        kind: 'idle-warm-capacity',
        message: `${application.name} has been started without a run for ${idleMinutes} minutes${warmRate}: cws-tui bigdata stop ${application.name}`,
        ...(rates ? { usd_per_hour: capacityUsdPerHour(warm, rates) } : {}),
      });
  }
  return findings;
}
