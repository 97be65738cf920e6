import type { JobRun, JobRunRequest, JobRunState } from '../../../core/bigdata/ports.js';
import { parseS3Uri } from '../../../core/bigdata/s3Uri.js';
import { changedAt, type DemoBigDataState, type DemoRun, stateAt } from './demoBigDataState.js';
import { demoSparkDriver } from './demoSparkDriver.js';

export const FINAL_RUN_STATES: readonly string[] = ['SUCCESS', 'FAILED', 'CANCELLED'];

export function demoRunState(run: DemoRun, now: number): JobRunState {
  return (stateAt(run.transitions, now) ?? 'SUBMITTED') as JobRunState;
}

/** A demo run as GetJobRun shows it at `now`: billed use and duration once it has ended. */
export function demoRunView(run: DemoRun, now: number): JobRun {
  const state = demoRunState(run, now);
  const view: JobRun = {
    id: run.id,
    application_id: run.application_id,
    name: run.name,
    state,
    created_at: run.created_at,
    updated_at: changedAt(run.transitions, now) ?? run.created_at,
    entry_point: run.entry_point,
    arguments: run.arguments,
    spark_submit_parameters: run.spark_submit_parameters,
    log_uri: run.log_uri,
    release_label: 'emr-7.5.0',
  };
  if (state === 'FAILED')
    view.state_details =
      'Job failed, please check complete logs in configured logging destination. ExitCode: 1.';
  if (FINAL_RUN_STATES.includes(state)) {
    const ran = run.transitions.find((transition) => transition.state === 'RUNNING');
    const ranSeconds = ran && Date.parse(ran.at) <= now ? run.nominal_seconds : 0;
    // EMR bills at least a minute per worker; the 20 GB of disk per worker are free.
    const hours = Math.max(ranSeconds, ranSeconds > 0 ? 60 : 0) / 3600;
    view.billed = {
      vcpu_hours: run.workers.count * run.workers.vcpu * hours,
      memory_gb_hours: run.workers.count * run.workers.memory_gb * hours,
      storage_gb_hours: 0,
    };
    view.duration_seconds = ranSeconds;
    view.attempts = 1;
  }
  return view;
}

/**
 * A new run of the request: the driver simulated on the script in the demo bucket, scheduled to
 * run once the application is ready (`ready`, epoch ms) and end after its nominal time at demo pace.
 */
export function newDemoRun(
  state: DemoBigDataState,
  request: JobRunRequest,
  timing: { now: number; ready: number; scheduleAt: string; runningAt: number; speed: number },
): DemoRun {
  const entry = parseS3Uri(request.entry_point);
  const bytes = entry && state.objects[`${entry.bucket}/${entry.key}`];
  const script = bytes === undefined ? undefined : Buffer.from(bytes, 'base64').toString('utf8');
  const driver = demoSparkDriver(script, request.entry_point, request.arguments);
  const executors = Number(
    /spark\.executor\.instances=(\d+)/.exec(request.spark_submit_parameters)?.[1] ?? 2,
  );
  state.serial++;
  const running = Math.max(timing.ready, timing.runningAt);
  const ended = new Date(running + driver.nominal_seconds * 1000 * timing.speed).toISOString();
  return {
    id: `00f${state.serial.toString(16).padStart(13, '0')}r`,
    application_id: request.application_id,
    region: request.region,
    name: request.name,
    created_at: new Date(timing.now).toISOString(),
    entry_point: request.entry_point,
    arguments: request.arguments,
    spark_submit_parameters: request.spark_submit_parameters,
    log_uri: request.log_uri,
    client_token: request.client_token,
    outcome: driver.outcome,
    stdout: driver.stdout,
    stderr: driver.stderr,
    nominal_seconds: driver.nominal_seconds,
    workers: { count: 1 + Math.min(executors, 50), vcpu: 4, memory_gb: 16 },
    transitions: [
      { at: new Date(timing.now).toISOString(), state: 'SUBMITTED' },
      { at: timing.scheduleAt, state: 'SCHEDULED' },
      { at: new Date(running).toISOString(), state: 'RUNNING' },
      { at: ended, state: driver.outcome },
    ],
  };
}

/** Cancels a run at `now`: CANCELLING, then CANCELLED at `cancelledAt`, billed for what it ran (at least a minute). */
export function cancelDemoRun(run: DemoRun, now: number, cancelledAt: string): void {
  run.transitions = run.transitions.filter((transition) => Date.parse(transition.at) <= now);
  const running = run.transitions.find((transition) => transition.state === 'RUNNING');
  run.transitions.push({ at: new Date(now).toISOString(), state: 'CANCELLING' });
  run.transitions.push({ at: cancelledAt, state: 'CANCELLED' });
  run.stderr = `${run.stderr.split('\n').slice(0, 4).join('\n')}\nERROR SparkContext: Job cancelled by the user\n`;
  run.nominal_seconds = running ? Math.max(60, Math.round((now - Date.parse(running.at)) / 1000)) : 0;
}
