import type { ResourceTags } from '../ports/resourceTags.js';

/** The file formats a DataBrew dataset reads from S3. */
export const DATABREW_FORMATS = ['CSV', 'JSON', 'PARQUET', 'EXCEL'] as const;
export type DataBrewFormat = (typeof DATABREW_FORMATS)[number];

export interface DataBrewDatasetSpec {
  name: string;
  format: DataBrewFormat;
  /** `s3://bucket/key` of the file (or prefix) the dataset reads. */
  s3_uri: string;
  tags: ResourceTags;
}

export interface DataBrewDataset {
  name: string;
  format: DataBrewFormat;
  s3_uri: string;
  created_at?: string;
}

/** One recipe step: a DataBrew operation and its parameters (all strings, as the API takes them). */
export interface DataBrewRecipeStep {
  operation: string;
  parameters: Record<string, string>;
}

export interface DataBrewRecipeSpec {
  name: string;
  description: string;
  steps: DataBrewRecipeStep[];
  tags: ResourceTags;
}

export type DataBrewJobType = 'RECIPE' | 'PROFILE';

export interface DataBrewJobSpec {
  name: string;
  type: DataBrewJobType;
  dataset: string;
  /** The published recipe a recipe job applies. */
  recipe?: string;
  /** `s3://bucket/prefix/` the job writes its output (or profile) to. */
  output_uri: string;
  /** The IAM role DataBrew assumes to read the dataset and write the output. */
  role_arn: string;
  /** Nodes the job may use (DataBrew's MaxCapacity). */
  max_nodes: number;
  tags: ResourceTags;
}

export interface DataBrewJob {
  name: string;
  type: DataBrewJobType;
  dataset?: string;
  recipe?: string;
  output_uri?: string;
  max_nodes: number;
}

export type DataBrewRunState =
  | 'STARTING'
  | 'RUNNING'
  | 'STOPPING'
  | 'STOPPED'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'TIMEOUT';

export interface DataBrewJobRun {
  job: string;
  run_id: string;
  state: DataBrewRunState;
  started_at?: string;
  completed_at?: string;
  /** Seconds the run used (DataBrew's ExecutionTime), once it has them. */
  execution_seconds?: number;
  /** Nodes the run was allotted, for node-hours. */
  nodes: number;
  error?: string;
  log_group?: string;
}

export interface DataBrewProjectSpec {
  name: string;
  dataset: string;
  /** The project's working recipe (one per project: DataBrew ties a recipe to one project). */
  recipe: string;
  role_arn: string;
  tags: ResourceTags;
}

/** A project: the console's interactive grid over a sample of the dataset, building a recipe. */
export interface DataBrewProject {
  name: string;
  dataset?: string;
  recipe?: string;
  /** Who has the interactive session open, and since when (DataBrew's OpenedBy, OpenDate). */
  opened_by?: string;
  opened_at?: string;
}

/** Glue DataBrew: datasets, recipes, and the jobs that apply them. */
export interface DataBrewPort {
  createDataset(region: string, spec: DataBrewDatasetSpec): Promise<DataBrewDataset>;
  listDatasets(region: string): Promise<DataBrewDataset[]>;
  /** Creates the recipe and publishes it (version 1.0), or leaves an existing one as it is. */
  ensureRecipe(region: string, spec: DataBrewRecipeSpec): Promise<void>;
  /** Creates the job, or leaves an existing one of that name as it is. */
  ensureJob(region: string, spec: DataBrewJobSpec): Promise<DataBrewJob>;
  listJobs(region: string): Promise<DataBrewJob[]>;
  startJobRun(region: string, job: string): Promise<string>;
  getJobRun(region: string, job: string, runId: string): Promise<DataBrewJobRun>;
  /** The job's runs, newest first. */
  listJobRuns(region: string, job: string): Promise<DataBrewJobRun[]>;
  /** Creates the project, or leaves an existing one of that name as it is. */
  ensureProject(region: string, spec: DataBrewProjectSpec): Promise<DataBrewProject>;
  listProjects(region: string): Promise<DataBrewProject[]>;
}
