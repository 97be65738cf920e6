import type {
  DataBrewDataset,
  DataBrewDatasetSpec,
  DataBrewFormat,
  DataBrewJob,
  DataBrewJobRun,
  DataBrewJobSpec,
  DataBrewPort,
  DataBrewProject,
  DataBrewProjectSpec,
  DataBrewRecipeSpec,
} from '../../../core/analytics/dataBrewPorts.js';
import { CloudError } from '../../../core/CloudError.js';
import { nodeCrypto } from '../../../core/crypto/nodeCrypto.js';
import type { DemoAnalyticsStore, DemoBrewJobRecord, DemoBrewRunRecord } from './DemoAnalyticsStore.js';

/** Seconds a demo job spends starting, then running, at realistic pace (speed 1). */
const STARTING_SECONDS = 5;
const RUNNING_SECONDS = 60;
/** The demo lab bucket holds the sample files; a dataset elsewhere fails the way a missing object does. */
const DEMO_BUCKET = 's3://cws-demo-lab/';

function notFound(what: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'ResourceNotFoundException',
    message: `DataBrew: ${what} does not exist`,
    hint: '`cws-tui databrew dataset list` and `cws-tui databrew job list` show what there is.',
  });
}

/** DataBrew on the demo account: datasets, recipes and jobs in the state dir; runs move by the clock. */
export class DemoDataBrew implements DataBrewPort {
  constructor(
    private readonly store: DemoAnalyticsStore,
    private readonly speed: number,
    private readonly now: () => number = Date.now,
  ) {}

  async createDataset(region: string, spec: DataBrewDatasetSpec): Promise<DataBrewDataset> {
    return this.store.update((state) => {
      const existing = state.datasets.find((d) => d.name === spec.name && d.region === region);
      if (existing && existing.s3_uri !== spec.s3_uri)
        throw new CloudError({
          kind: 'conflict',
          code: 'ConflictException',
          message: `DataBrew dataset ${spec.name} already reads ${existing.s3_uri}, not ${spec.s3_uri}`,
          hint: 'Choose another dataset name.',
        });
      if (!existing)
        state.datasets.push({ name: spec.name, region, format: spec.format, s3_uri: spec.s3_uri });
      return { name: spec.name, format: spec.format, s3_uri: spec.s3_uri };
    });
  }

  async listDatasets(region: string): Promise<DataBrewDataset[]> {
    return (await this.store.read()).datasets
      .filter((d) => d.region === region)
      .map((d) => ({ name: d.name, format: d.format as DataBrewFormat, s3_uri: d.s3_uri }));
  }

  async ensureRecipe(region: string, spec: DataBrewRecipeSpec): Promise<void> {
    await this.store.update((state) => {
      if (!state.recipes.some((r) => r.name === spec.name && r.region === region))
        state.recipes.push({ name: spec.name, region });
    });
  }

  async ensureJob(region: string, spec: DataBrewJobSpec): Promise<DataBrewJob> {
    return this.store.update((state) => {
      if (!state.datasets.some((d) => d.name === spec.dataset && d.region === region))
        throw notFound(`dataset ${spec.dataset}`);
      if (spec.recipe && !state.recipes.some((r) => r.name === spec.recipe && r.region === region))
        throw notFound(`recipe ${spec.recipe}`);
      const existing = state.brew_jobs.find((j) => j.name === spec.name && j.region === region);
      if (existing) return toJob(existing);
      const record: DemoBrewJobRecord = {
        name: spec.name,
        region,
        type: spec.type,
        dataset: spec.dataset,
        output_uri: spec.output_uri,
        max_nodes: spec.max_nodes,
        ...(spec.recipe ? { recipe: spec.recipe } : {}),
      };
      state.brew_jobs.push(record);
      return toJob(record);
    });
  }

  async listJobs(region: string): Promise<DataBrewJob[]> {
    return (await this.store.read()).brew_jobs.filter((j) => j.region === region).map(toJob);
  }

  async startJobRun(region: string, job: string): Promise<string> {
    return this.store.update((state) => {
      if (!state.brew_jobs.some((j) => j.name === job && j.region === region)) throw notFound(`job ${job}`);
      const started = this.now();
      const digest = nodeCrypto()
        .createHash('sha256')
        .update(`${job}:${started}:${state.brew_runs.length}`)
        .digest('hex');
      const run_id = `db_${digest.slice(0, 24)}`;
      state.brew_runs.push({ job, region, run_id, started_at: started });
      return run_id;
    });
  }

  async getJobRun(region: string, job: string, runId: string): Promise<DataBrewJobRun> {
    const run = (await this.listJobRuns(region, job)).find((r) => r.run_id === runId);
    if (!run) throw notFound(`run ${runId} of job ${job}`);
    return run;
  }

  async listJobRuns(region: string, job: string): Promise<DataBrewJobRun[]> {
    const state = await this.store.read();
    const record = state.brew_jobs.find((j) => j.name === job && j.region === region);
    if (!record) throw notFound(`job ${job}`);
    const dataset = state.datasets.find((d) => d.name === record.dataset && d.region === region);
    return state.brew_runs
      .filter((r) => r.job === job && r.region === region)
      .map((r) => this.runAt(record, r, dataset?.s3_uri ?? ''))
      .sort((a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? ''));
  }

  /** STARTING, then RUNNING, then SUCCEEDED (or FAILED for a file outside the demo bucket). */
  private runAt(job: DemoBrewJobRecord, run: DemoBrewRunRecord, s3Uri: string): DataBrewJobRun {
    const elapsed = (this.now() - run.started_at) / 1000;
    const base: DataBrewJobRun = {
      job: job.name,
      run_id: run.run_id,
      state: 'STARTING',
      nodes: job.max_nodes,
      started_at: new Date(run.started_at).toISOString(),
      log_group: '/aws-glue-databrew/jobs',
    };
    const missing = !s3Uri.startsWith(DEMO_BUCKET);
    if (elapsed < STARTING_SECONDS * this.speed) return base;
    if (missing) {
      return {
        ...base,
        state: 'FAILED',
        execution_seconds: STARTING_SECONDS,
        completed_at: new Date(run.started_at + STARTING_SECONDS * 1000 * this.speed).toISOString(),
        error: `Dataset file at ${s3Uri} not found or not readable by the job's role`,
      };
    }
    const done = (STARTING_SECONDS + RUNNING_SECONDS) * this.speed;
    if (elapsed < done) return { ...base, state: 'RUNNING' };
    return {
      ...base,
      state: 'SUCCEEDED',
      execution_seconds: STARTING_SECONDS + RUNNING_SECONDS,
      completed_at: new Date(run.started_at + done * 1000).toISOString(),
    };
  }

  async ensureProject(region: string, spec: DataBrewProjectSpec): Promise<DataBrewProject> {
    return this.store.update((state) => {
      if (!state.datasets.some((d) => d.name === spec.dataset && d.region === region))
        throw notFound(`dataset ${spec.dataset}`);
      const existing = state.projects.find((p) => p.name === spec.name && p.region === region);
      const record = existing ?? { name: spec.name, region, dataset: spec.dataset, recipe: spec.recipe };
      if (!existing) state.projects.push(record);
      return { name: record.name, dataset: record.dataset, recipe: record.recipe };
    });
  }

  async listProjects(region: string): Promise<DataBrewProject[]> {
    return (await this.store.read()).projects
      .filter((p) => p.region === region)
      .map((p) => ({ name: p.name, dataset: p.dataset, recipe: p.recipe }));
  }
}

function toJob(record: DemoBrewJobRecord): DataBrewJob {
  return {
    name: record.name,
    type: record.type,
    dataset: record.dataset,
    output_uri: record.output_uri,
    max_nodes: record.max_nodes,
    ...(record.recipe ? { recipe: record.recipe } : {}),
  };
}
