import {
  CreateDatasetCommand,
  CreateProfileJobCommand,
  CreateProjectCommand,
  CreateRecipeCommand,
  CreateRecipeJobCommand,
  type DataBrewClient,
  DescribeJobRunCommand,
  type InputFormat,
  PublishRecipeCommand,
  paginateListDatasets,
  paginateListJobRuns,
  paginateListJobs,
  paginateListProjects,
  StartJobRunCommand,
} from '@aws-sdk/client-databrew';
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
} from '../../core/analytics/dataBrewPorts.js';
import { CloudError } from '../../core/CloudError.js';
import type { AwsCallContext } from '../translateAwsError.js';
import { splitS3, toRun, translateDataBrewError } from './dataBrewShapes.js';

/** DataBrew's default node count for a job when it names none. */
const DEFAULT_NODES = 5;

/** Glue DataBrew through the SDK. ConflictException on create means it is already there. */
export class DataBrewJobs implements DataBrewPort {
  constructor(private readonly options: { databrew: (region: string) => DataBrewClient; profile?: string }) {}

  private async call<T>(action: string, region: string, run: () => Promise<T>): Promise<T> {
    const context: AwsCallContext = {
      action,
      region,
      ...(this.options.profile ? { profile: this.options.profile } : {}),
    };
    try {
      return await run();
    } catch (thrown) {
      throw translateDataBrewError(thrown, context);
    }
  }

  /** Runs a create call; an existing resource of that name is fine. */
  private async create(
    action: string,
    region: string,
    run: () => Promise<unknown>,
  ): Promise<'created' | 'exists'> {
    try {
      await run();
      return 'created';
    } catch (thrown) {
      if (thrown instanceof Error && thrown.name === 'ConflictException') return 'exists';
      throw translateDataBrewError(thrown, {
        action,
        region,
        ...(this.options.profile ? { profile: this.options.profile } : {}),
      });
    }
  }

  async createDataset(region: string, spec: DataBrewDatasetSpec): Promise<DataBrewDataset> {
    const location = splitS3(spec.s3_uri);
    const result = await this.create('databrew:CreateDataset', region, () =>
      this.options.databrew(region).send(
        new CreateDatasetCommand({
          Name: spec.name,
          Format: spec.format as InputFormat,
          Input: { S3InputDefinition: location },
          ...(spec.format === 'CSV' ? { FormatOptions: { Csv: { Delimiter: ',', HeaderRow: true } } } : {}),
          ...(spec.format === 'JSON' ? { FormatOptions: { Json: { MultiLine: false } } } : {}),
          Tags: spec.tags,
        }),
      ),
    );
    if (result === 'exists') {
      const existing = (await this.listDatasets(region)).find((d) => d.name === spec.name);
      if (existing && existing.s3_uri !== spec.s3_uri) {
        throw new CloudError({
          kind: 'conflict',
          code: 'ConflictException',
          message: `DataBrew dataset ${spec.name} already reads ${existing.s3_uri}, not ${spec.s3_uri}`,
          hint: 'Choose another dataset name.',
        });
      }
    }
    return { name: spec.name, format: spec.format, s3_uri: spec.s3_uri };
  }

  async listDatasets(region: string): Promise<DataBrewDataset[]> {
    return this.call('databrew:ListDatasets', region, async () => {
      const datasets: DataBrewDataset[] = [];
      for await (const page of paginateListDatasets({ client: this.options.databrew(region) }, {})) {
        for (const dataset of page.Datasets ?? []) {
          const s3 = dataset.Input?.S3InputDefinition;
          if (!dataset.Name || !s3?.Bucket) continue;
          datasets.push({
            name: dataset.Name,
            format: (dataset.Format ?? 'CSV') as DataBrewFormat,
            s3_uri: `s3://${s3.Bucket}/${s3.Key ?? ''}`,
            ...(dataset.CreateDate ? { created_at: dataset.CreateDate.toISOString() } : {}),
          });
        }
      }
      return datasets;
    });
  }

  async ensureRecipe(region: string, spec: DataBrewRecipeSpec): Promise<void> {
    const client = this.options.databrew(region);
    const result = await this.create('databrew:CreateRecipe', region, () =>
      client.send(
        new CreateRecipeCommand({
          Name: spec.name,
          Description: spec.description,
          Steps: spec.steps.map((step) => ({
            Action: { Operation: step.operation, Parameters: step.parameters },
          })),
          Tags: spec.tags,
        }),
      ),
    );
    // A job can only reference a published version; publish once, when the recipe is new.
    if (result === 'created')
      await this.call('databrew:PublishRecipe', region, () =>
        client.send(new PublishRecipeCommand({ Name: spec.name, Description: 'cws-tui example recipe' })),
      );
  }

  async ensureJob(region: string, spec: DataBrewJobSpec): Promise<DataBrewJob> {
    const client = this.options.databrew(region);
    const output = splitS3(spec.output_uri);
    await this.create(
      spec.type === 'RECIPE' ? 'databrew:CreateRecipeJob' : 'databrew:CreateProfileJob',
      region,
      () =>
        spec.type === 'RECIPE'
          ? client.send(
              new CreateRecipeJobCommand({
                Name: spec.name,
                DatasetName: spec.dataset,
                RecipeReference: { Name: spec.recipe, RecipeVersion: '1.0' },
                RoleArn: spec.role_arn,
                MaxCapacity: spec.max_nodes,
                Outputs: [{ Location: output, Format: 'CSV', Overwrite: true }],
                Tags: spec.tags,
              }),
            )
          : client.send(
              new CreateProfileJobCommand({
                Name: spec.name,
                DatasetName: spec.dataset,
                RoleArn: spec.role_arn,
                MaxCapacity: spec.max_nodes,
                OutputLocation: output,
                Tags: spec.tags,
              }),
            ),
    );
    return {
      name: spec.name,
      type: spec.type,
      dataset: spec.dataset,
      output_uri: spec.output_uri,
      max_nodes: spec.max_nodes,
      ...(spec.recipe ? { recipe: spec.recipe } : {}),
    };
  }

  async listJobs(region: string): Promise<DataBrewJob[]> {
    return this.call('databrew:ListJobs', region, async () => {
      const jobs: DataBrewJob[] = [];
      for await (const page of paginateListJobs({ client: this.options.databrew(region) }, {})) {
        for (const job of page.Jobs ?? []) {
          if (!job.Name) continue;
          const location = job.Outputs?.[0]?.Location;
          jobs.push({
            name: job.Name,
            type: job.Type === 'PROFILE' ? 'PROFILE' : 'RECIPE',
            max_nodes: job.MaxCapacity ?? DEFAULT_NODES,
            ...(job.DatasetName ? { dataset: job.DatasetName } : {}),
            ...(job.RecipeReference?.Name ? { recipe: job.RecipeReference.Name } : {}),
            ...(location?.Bucket ? { output_uri: `s3://${location.Bucket}/${location.Key ?? ''}` } : {}),
          });
        }
      }
      return jobs;
    });
  }

  async startJobRun(region: string, job: string): Promise<string> {
    const reply = await this.call('databrew:StartJobRun', region, () =>
      this.options.databrew(region).send(new StartJobRunCommand({ Name: job })),
    );
    return reply.RunId ?? '';
  }

  private async nodesOf(region: string, job: string): Promise<number> {
    return (await this.listJobs(region)).find((j) => j.name === job)?.max_nodes ?? DEFAULT_NODES;
  }

  async getJobRun(region: string, job: string, runId: string): Promise<DataBrewJobRun> {
    const reply = await this.call('databrew:DescribeJobRun', region, () =>
      this.options.databrew(region).send(new DescribeJobRunCommand({ Name: job, RunId: runId })),
    );
    return toRun(job, reply, await this.nodesOf(region, job));
  }

  async listJobRuns(region: string, job: string): Promise<DataBrewJobRun[]> {
    const nodes = await this.nodesOf(region, job);
    return this.call('databrew:ListJobRuns', region, async () => {
      const runs: DataBrewJobRun[] = [];
      for await (const page of paginateListJobRuns({ client: this.options.databrew(region) }, { Name: job }))
        for (const run of page.JobRuns ?? []) runs.push(toRun(job, run, nodes));
      return runs.sort((a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? ''));
    });
  }

  async ensureProject(region: string, spec: DataBrewProjectSpec): Promise<DataBrewProject> {
    await this.create('databrew:CreateProject', region, () =>
      this.options.databrew(region).send(
        new CreateProjectCommand({
          Name: spec.name,
          DatasetName: spec.dataset,
          RecipeName: spec.recipe,
          RoleArn: spec.role_arn,
          // The interactive grid reads the first 500 rows: what the console offers by default.
          Sample: { Type: 'FIRST_N', Size: 500 },
          Tags: spec.tags,
        }),
      ),
    );
    return (
      (await this.listProjects(region)).find((p) => p.name === spec.name) ?? {
        name: spec.name,
        dataset: spec.dataset,
        recipe: spec.recipe,
      }
    );
  }

  async listProjects(region: string): Promise<DataBrewProject[]> {
    return this.call('databrew:ListProjects', region, async () => {
      const projects: DataBrewProject[] = [];
      for await (const page of paginateListProjects({ client: this.options.databrew(region) }, {}))
        for (const project of page.Projects ?? []) {
          if (!project.Name) continue;
          projects.push({
            name: project.Name,
            ...(project.DatasetName ? { dataset: project.DatasetName } : {}),
            ...(project.RecipeName ? { recipe: project.RecipeName } : {}),
            ...(project.OpenedBy ? { opened_by: project.OpenedBy } : {}),
            ...(project.OpenDate ? { opened_at: project.OpenDate.toISOString() } : {}),
          });
        }
      return projects;
    });
  }
}
