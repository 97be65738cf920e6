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
import { CloudError } from '../../../core/CloudError.js';
import type { DemoBigDataStore } from './DemoBigDataStore.js';
import {
  changedAt,
  type DemoApplication,
  type DemoBigDataState,
  type DemoRun,
  stateAt,
} from './demoBigDataState.js';
import { cancelDemoRun, demoRunState, demoRunView, FINAL_RUN_STATES, newDemoRun } from './demoJobRuns.js';

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
        (run) => run.application_id === applicationId && !FINAL_RUN_STATES.includes(this.runState(run)),
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
      const run = newDemoRun(state, request, {
        now,
        ready,
        scheduleAt: this.at(DELAYS.schedule, now),
        runningAt: Date.parse(this.at(DELAYS.schedule + DELAYS.startup, now)),
        speed: this.speed,
      });
      const ended = run.transitions.at(-1)!.at;
      state.runs.push(run);
      if (application.auto_stop_idle_minutes !== undefined) {
        const stopAt = Date.parse(ended) + application.auto_stop_idle_minutes * 60_000 * this.speed;
        application.transitions.push({ at: new Date(stopAt).toISOString(), state: 'STOPPING' });
        application.transitions.push({ at: this.at(DELAYS.stop, stopAt), state: 'STOPPED' });
      }
      return { id: run.id };
    });
  }

  private runState(run: DemoRun): JobRunState {
    return demoRunState(run, this.now());
  }

  private runView(run: DemoRun): JobRun {
    return demoRunView(run, this.now());
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
      if (FINAL_RUN_STATES.includes(current))
        throw demoError(
          'invalid-parameter',
          'ValidationException',
          `Job run ${jobRunId} is already ${current}`,
          'Only a run that has not ended can be cancelled.',
        );
      cancelDemoRun(run, this.now(), this.at(DELAYS.schedule));
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
      if (!FINAL_RUN_STATES.includes(current)) continue;
      for (const stream of ['stdout', 'stderr'] as const) {
        const location = driverLogLocation(run.log_uri, run.application_id, run.id, stream);
        if (location?.bucket === bucket && location.key === key) return gzipSync(run[stream]);
      }
    }
    return undefined;
  }
}
