import { gzipSync } from 'node:zlib';
import type {
  ApplicationState,
  EmrServerlessPort,
  JobRun,
  JobRunRequest,
  JobRunState,
  SparkApplication,
  SparkApplicationSpec,
} from '../../../core/bigdata/ports.js';
import { driverLogLocation } from '../../../core/bigdata/prepareJobRun.js';
import { parseS3Uri } from '../../../core/bigdata/s3Uri.js';
import { CloudError } from '../../../core/CloudError.js';
import type { DemoBigDataStore } from './DemoBigDataStore.js';
import {
  changedAt,
  type DemoApplication,
  type DemoBigDataState,
  type DemoRun,
  stateAt,
} from './demoBigDataState.js';
import { demoSparkDriver } from './demoSparkDriver.js';

/** Seconds each step takes at realistic pace (CWS_DEMO_SPEED scales them; the billed time is not). */
const DELAYS = { create: 5, start: 20, stop: 10, schedule: 5, startup: 10 } as const;

function demoError(
  kind: 'not-found' | 'conflict' | 'invalid-parameter',
  code: string,
  message: string,
  hint: string,
) {
  return new CloudError({ kind, code, message, hint });
}

/** EMR Serverless on the demo account: applications and runs moving through their states over time. */
export class DemoEmrServerless implements EmrServerlessPort {
  constructor(
    private readonly store: DemoBigDataStore,
    private readonly speed: number,
    private readonly now: () => number,
  ) {}

  private at(offsetSeconds: number, from = this.now()): string {
    return new Date(from + offsetSeconds * 1000 * this.speed).toISOString();
  }

  async listApplications(regions: readonly string[]): Promise<SparkApplication[]> {
    const state = await this.store.read();
    return state.applications
      .filter((application) => regions.includes(application.region))
      .map((application) => this.view(application))
      .filter((application) => application.state !== 'TERMINATED');
  }

  private view(raw: DemoApplication): SparkApplication {
    const now = this.now();
    const { client_token: _token, transitions, ...spec } = raw;
    return {
      ...spec,
      state: (stateAt(transitions, now) ?? 'CREATING') as ApplicationState,
      updated_at: changedAt(transitions, now) ?? raw.created_at,
    };
  }

  async createApplication(spec: SparkApplicationSpec, clientToken: string): Promise<SparkApplication> {
    const raw = await this.store.update((state) => {
      const again = state.applications.find((application) => application.client_token === clientToken);
      if (again) return again;
      state.serial++;
      const created: DemoApplication = {
        ...spec,
        id: `00f${state.serial.toString(16).padStart(13, '0')}`,
        client_token: clientToken,
        created_at: new Date(this.now()).toISOString(),
        transitions: [
          { at: new Date(this.now()).toISOString(), state: 'CREATING' },
          { at: this.at(DELAYS.create), state: 'CREATED' },
        ],
      };
      state.applications.push(created);
      return created;
    });
    return this.view(raw);
  }

  private async change(
    region: string,
    id: string,
    change: (application: DemoApplication, current: string, state: DemoBigDataState) => void,
  ) {
    await this.store.update((state) => {
      const application = state.applications.find(
        (candidate) => candidate.id === id && candidate.region === region,
      );
      const current = application && stateAt(application.transitions, this.now());
      if (!application || !current || current === 'TERMINATED')
        throw demoError(
          'not-found',
          'ResourceNotFoundException',
          `Application ${id} does not exist`,
          'List them with: cws-tui bigdata list',
        );
      // What is scheduled after now is replaced by what this change schedules.
      application.transitions = application.transitions.filter(
        (transition) => Date.parse(transition.at) <= this.now(),
      );
      change(application, current, state);
    });
  }

  async startApplication(region: string, applicationId: string): Promise<void> {
    await this.change(region, applicationId, (application, current) => {
      if (current === 'STARTED' || current === 'STARTING') return;
      if (current === 'CREATING' || current === 'STOPPING')
        throw demoError(
          'conflict',
          'ConflictException',
          `Application ${applicationId} is ${current}`,
          'Wait until it has settled.',
        );
      this.scheduleStart(application);
    });
  }

  private scheduleStart(application: DemoApplication, from = this.now()): number {
    application.transitions.push({ at: new Date(from).toISOString(), state: 'STARTING' });
    const started = this.at(DELAYS.start, from);
    application.transitions.push({ at: started, state: 'STARTED' });
    return Date.parse(started);
  }

  async stopApplication(region: string, applicationId: string): Promise<void> {
    await this.change(region, applicationId, (application, current, state) => {
      if (current === 'STOPPED' || current === 'CREATED') return;
      const running = state.runs.some(
        (run) =>
          run.application_id === applicationId &&
          !['SUCCESS', 'FAILED', 'CANCELLED'].includes(this.runState(run)),
      );
      if (running)
        throw demoError(
          'conflict',
          'ConflictException',
          `Application ${applicationId} has job runs in progress`,
          'Cancel them first: cws-tui bigdata cancel <app> <run>',
        );
      application.transitions.push({ at: new Date(this.now()).toISOString(), state: 'STOPPING' });
      application.transitions.push({ at: this.at(DELAYS.stop), state: 'STOPPED' });
    });
  }

  async deleteApplication(region: string, applicationId: string): Promise<void> {
    await this.change(region, applicationId, (application, current) => {
      if (current !== 'STOPPED' && current !== 'CREATED')
        throw demoError(
          'conflict',
          'ValidationException',
          `Application ${applicationId} must be stopped before it is deleted (it is ${current})`,
          'Stop it first: cws-tui bigdata stop <app>',
        );
      application.transitions.push({ at: new Date(this.now()).toISOString(), state: 'TERMINATED' });
    });
  }

  async startJobRun(request: JobRunRequest): Promise<{ id: string }> {
    return this.store.update((state) => {
      const again = state.runs.find((run) => run.client_token === request.client_token);
      if (again) return { id: again.id };
      const application = state.applications.find((candidate) => candidate.id === request.application_id);
      const current = application && stateAt(application.transitions, this.now());
      if (!application || !current || current === 'TERMINATED')
        throw demoError(
          'not-found',
          'ResourceNotFoundException',
          `Application ${request.application_id} does not exist`,
          'List them with: cws-tui bigdata list',
        );
      if (current === 'STOPPED' && !application.auto_start)
        throw demoError(
          'conflict',
          'ValidationException',
          'Application is stopped and auto-start is disabled',
          'Start it first: cws-tui bigdata start <app>',
        );
      const now = this.now();
      application.transitions = application.transitions.filter(
        (transition) => Date.parse(transition.at) <= now,
      );
      let ready = Date.parse(changedAt(application.transitions, now) ?? application.created_at);
      if (current === 'CREATED' || current === 'STOPPED') ready = this.scheduleStart(application, now);
      else if (current !== 'STARTED') ready = Date.parse(this.at(DELAYS.start));
      const entry = parseS3Uri(request.entry_point);
      const bytes = entry && state.objects[`${entry.bucket}/${entry.key}`];
      const script = bytes === undefined ? undefined : Buffer.from(bytes, 'base64').toString('utf8');
      const driver = demoSparkDriver(script, request.entry_point, request.arguments);
      const executors = Number(
        /spark\.executor\.instances=(\d+)/.exec(request.spark_submit_parameters)?.[1] ?? 2,
      );
      state.serial++;
      const id = `00f${state.serial.toString(16).padStart(13, '0')}r`;
      const running = Math.max(ready, Date.parse(this.at(DELAYS.schedule + DELAYS.startup, now)));
      const ended = new Date(running + driver.nominal_seconds * 1000 * this.speed).toISOString();
      const run: DemoRun = {
        id,
        application_id: application.id,
        region: application.region,
        name: request.name,
        created_at: new Date(now).toISOString(),
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
          { at: new Date(now).toISOString(), state: 'SUBMITTED' },
          { at: this.at(DELAYS.schedule, now), state: 'SCHEDULED' },
          { at: new Date(running).toISOString(), state: 'RUNNING' },
          { at: ended, state: driver.outcome },
        ],
      };
      state.runs.push(run);
      if (application.auto_stop_idle_minutes !== undefined) {
        const stopAt = Date.parse(ended) + application.auto_stop_idle_minutes * 60_000 * this.speed;
        application.transitions.push({ at: new Date(stopAt).toISOString(), state: 'STOPPING' });
        application.transitions.push({ at: this.at(DELAYS.stop, stopAt), state: 'STOPPED' });
      }
      return { id };
    });
  }

  private runState(run: DemoRun): JobRunState {
    return (stateAt(run.transitions, this.now()) ?? 'SUBMITTED') as JobRunState;
  }

  private runView(run: DemoRun): JobRun {
    const now = this.now();
    const state = this.runState(run);
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
    if (state === 'SUCCESS' || state === 'FAILED' || state === 'CANCELLED') {
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

  async listJobRuns(region: string, applicationId: string): Promise<JobRun[]> {
    const state = await this.store.read();
    return state.runs
      .filter((run) => run.application_id === applicationId && run.region === region)
      .map((run) => {
        const { billed: _billed, ...summary } = this.runView(run);
        return summary;
      })
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
  }

  private async findRun(region: string, applicationId: string, jobRunId: string): Promise<DemoRun> {
    const state = await this.store.read();
    const run = state.runs.find(
      (candidate) =>
        candidate.id === jobRunId &&
        candidate.application_id === applicationId &&
        candidate.region === region,
    );
    if (!run)
      throw demoError(
        'not-found',
        'ResourceNotFoundException',
        `Job run ${jobRunId} does not exist`,
        'List them with: cws-tui bigdata runs <app>',
      );
    return run;
  }

  async getJobRun(region: string, applicationId: string, jobRunId: string): Promise<JobRun> {
    return this.runView(await this.findRun(region, applicationId, jobRunId));
  }

  async cancelJobRun(region: string, applicationId: string, jobRunId: string): Promise<void> {
    await this.findRun(region, applicationId, jobRunId);
    await this.store.update((state) => {
      const run = state.runs.find((candidate) => candidate.id === jobRunId)!;
      const current = this.runState(run);
      if (['SUCCESS', 'FAILED', 'CANCELLED'].includes(current))
        throw demoError(
          'invalid-parameter',
          'ValidationException',
          `Job run ${jobRunId} is already ${current}`,
          'Only a run that has not ended can be cancelled.',
        );
      run.transitions = run.transitions.filter((transition) => Date.parse(transition.at) <= this.now());
      run.transitions.push({ at: new Date(this.now()).toISOString(), state: 'CANCELLING' });
      run.transitions.push({ at: this.at(DELAYS.schedule), state: 'CANCELLED' });
      run.stderr = `${run.stderr.split('\n').slice(0, 4).join('\n')}\nERROR SparkContext: Job cancelled by the user\n`;
      run.nominal_seconds = run.transitions.some((transition) => transition.state === 'RUNNING')
        ? Math.max(
            60,
            Math.round(
              (this.now() - Date.parse(run.transitions.find((t) => t.state === 'RUNNING')!.at)) / 1000,
            ),
          )
        : 0;
    });
  }

  async dashboardUrl(region: string, applicationId: string, jobRunId: string): Promise<string> {
    const run = this.runView(await this.findRun(region, applicationId, jobRunId));
    if (run.state === 'SUBMITTED' || run.state === 'SCHEDULED' || run.state === 'PENDING')
      throw demoError(
        'invalid-parameter',
        'ValidationException',
        `Job run ${jobRunId} has not started`,
        'The Spark UI appears once the run has started.',
      );
    return `https://p-${jobRunId}-${applicationId}.emrappui-prod.${region}.amazonaws.com/shs/history/${jobRunId}/jobs/?authToken=demo`;
  }

  /** The driver's log object of an ended run, as EMR writes it (gzipped) under the run's log URI. */
  async driverLog(bucket: string, key: string): Promise<Uint8Array | undefined> {
    const state = await this.store.read();
    for (const run of state.runs) {
      const current = this.runState(run);
      if (!['SUCCESS', 'FAILED', 'CANCELLED'].includes(current)) continue;
      for (const stream of ['stdout', 'stderr'] as const) {
        const location = driverLogLocation(run.log_uri, run.application_id, run.id, stream);
        if (location?.bucket === bucket && location.key === key) return gzipSync(run[stream]);
      }
    }
    return undefined;
  }
}
