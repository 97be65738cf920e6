import {
  AccessDeniedException,
  ConflictException,
  CreateDatasetCommand,
  CreateProfileJobCommand,
  CreateRecipeCommand,
  CreateRecipeJobCommand,
  DataBrewClient,
  DescribeJobRunCommand,
  ListDatasetsCommand,
  ListJobRunsCommand,
  ListJobsCommand,
  PublishRecipeCommand,
  ResourceNotFoundException,
  StartJobRunCommand,
} from '@aws-sdk/client-databrew';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataBrewJobs } from '../../../source/aws/databrew/DataBrewJobs.js';
import { dataBrewRunCost } from '../../../source/core/analytics/dataBrewCost.js';
import { DATABREW_RECIPES } from '../../../source/core/analytics/dataBrewRecipes.js';
import { CloudError } from '../../../source/core/CloudError.js';

const databrew = mockClient(DataBrewClient);
const client = new DataBrewClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
});
const jobs = new DataBrewJobs({ databrew: () => client, profile: 'lab' });
const meta = { httpStatusCode: 409, requestId: 'a1b2c3d4-5e6f-4a1b-9c2d-3e4f5a6b7c8d' };
const tags = { 'cws:profile': 'lab' };

describe('DataBrewJobs', () => {
  beforeEach(() => databrew.reset());

  it('creates a CSV dataset from an S3 file with a header row, and tags it', async () => {
    databrew.on(CreateDatasetCommand).resolves({ Name: 'weather' });
    const dataset = await jobs.createDataset('us-east-1', {
      name: 'weather',
      format: 'CSV',
      s3_uri: 's3://lab-data/raw/weather.csv',
      tags,
    });
    expect(dataset).toEqual({ name: 'weather', format: 'CSV', s3_uri: 's3://lab-data/raw/weather.csv' });
    expect(databrew.commandCalls(CreateDatasetCommand)[0]?.args[0].input).toEqual({
      Name: 'weather',
      Format: 'CSV',
      Input: { S3InputDefinition: { Bucket: 'lab-data', Key: 'raw/weather.csv' } },
      FormatOptions: { Csv: { Delimiter: ',', HeaderRow: true } },
      Tags: tags,
    });
  });

  it('accepts an existing dataset of the same file and refuses one that reads another', async () => {
    databrew
      .on(CreateDatasetCommand)
      .rejects(new ConflictException({ message: 'Dataset weather already exists.', $metadata: meta }));
    databrew.on(ListDatasetsCommand).resolves({
      Datasets: [
        {
          Name: 'weather',
          Format: 'PARQUET',
          Input: { S3InputDefinition: { Bucket: 'lab-data', Key: 'raw/weather.parquet' } },
          CreateDate: new Date('2026-12-01T10:00:00Z'),
        },
      ],
    });
    await expect(
      jobs.createDataset('us-east-1', {
        name: 'weather',
        format: 'PARQUET',
        s3_uri: 's3://lab-data/raw/weather.parquet',
        tags,
      }),
    ).resolves.toMatchObject({ name: 'weather' });
    await expect(
      jobs.createDataset('us-east-1', {
        name: 'weather',
        format: 'CSV',
        s3_uri: 's3://lab-data/other.csv',
        tags,
      }),
    ).rejects.toThrow(/already reads s3:\/\/lab-data\/raw\/weather.parquet/);
  });

  it('creates and publishes a new recipe, and publishes nothing when it exists', async () => {
    databrew.on(CreateRecipeCommand).resolvesOnce({ Name: 'cws-dedupe' });
    databrew.on(PublishRecipeCommand).resolves({ Name: 'cws-dedupe' });
    const spec = {
      name: 'cws-dedupe',
      tags,
      description: 'Remove duplicate rows',
      steps: DATABREW_RECIPES.dedupe?.steps ?? [],
    };
    await jobs.ensureRecipe('us-east-1', spec);
    expect(databrew.commandCalls(CreateRecipeCommand)[0]?.args[0].input.Steps).toEqual([
      { Action: { Operation: 'DELETE_DUPLICATE_ROWS', Parameters: { duplicateRowsCount: '1' } } },
    ]);
    expect(databrew.commandCalls(PublishRecipeCommand)).toHaveLength(1);
    databrew
      .on(CreateRecipeCommand)
      .rejects(new ConflictException({ message: 'Recipe cws-dedupe already exists.', $metadata: meta }));
    await jobs.ensureRecipe('us-east-1', spec);
    expect(databrew.commandCalls(PublishRecipeCommand)).toHaveLength(1);
  });

  it('creates a recipe job on the published version and a profile job, with role, nodes and output', async () => {
    databrew.on(CreateRecipeJobCommand).resolves({ Name: 'cws-weather-clean' });
    databrew.on(CreateProfileJobCommand).resolves({ Name: 'cws-weather-profile' });
    const common = {
      dataset: 'weather',
      role_arn: 'arn:aws:iam::123456789012:role/cws-databrew',
      max_nodes: 2,
      tags,
    };
    await jobs.ensureJob('us-east-1', {
      ...common,
      name: 'cws-weather-clean',
      type: 'RECIPE',
      recipe: 'cws-clean',
      output_uri: 's3://lab-data/results/databrew/cws-weather-clean/',
    });
    await jobs.ensureJob('us-east-1', {
      ...common,
      name: 'cws-weather-profile',
      type: 'PROFILE',
      output_uri: 's3://lab-data/results/databrew/cws-weather-profile/',
    });
    expect(databrew.commandCalls(CreateRecipeJobCommand)[0]?.args[0].input).toMatchObject({
      RecipeReference: { Name: 'cws-clean', RecipeVersion: '1.0' },
      RoleArn: common.role_arn,
      MaxCapacity: 2,
      Outputs: [
        { Location: { Bucket: 'lab-data', Key: 'results/databrew/cws-weather-clean/' }, Format: 'CSV' },
      ],
    });
    expect(databrew.commandCalls(CreateProfileJobCommand)[0]?.args[0].input.OutputLocation).toEqual({
      Bucket: 'lab-data',
      Key: 'results/databrew/cws-weather-profile/',
    });
  });

  it('reads runs with their state, execution time and nodes, newest first, and prices them', async () => {
    databrew.on(ListJobsCommand).resolves({
      Jobs: [{ Name: 'cws-weather-clean', Type: 'RECIPE', DatasetName: 'weather', MaxCapacity: 2 }],
    });
    databrew.on(ListJobRunsCommand).resolves({
      JobRuns: [
        {
          RunId: 'db_old',
          JobName: 'cws-weather-clean',
          State: 'FAILED',
          StartedOn: new Date('2026-12-05T09:00:00Z'),
          CompletedOn: new Date('2026-12-05T09:01:10Z'),
          ExecutionTime: 70,
          ErrorMessage: 'Access denied to s3://lab-data/raw/weather.csv',
          LogGroupName: '/aws-glue-databrew/jobs',
        },
        {
          RunId: 'db_new',
          JobName: 'cws-weather-clean',
          State: 'SUCCEEDED',
          StartedOn: new Date('2026-12-06T09:00:00Z'),
          CompletedOn: new Date('2026-12-06T09:05:00Z'),
          ExecutionTime: 290,
        },
      ],
    });
    const runs = await jobs.listJobRuns('us-east-1', 'cws-weather-clean');
    expect(runs.map((r) => [r.run_id, r.state, r.nodes])).toEqual([
      ['db_new', 'SUCCEEDED', 2],
      ['db_old', 'FAILED', 2],
    ]);
    expect(runs[1]?.error).toMatch(/Access denied/);
    // 290 s bills 5 minutes on 2 nodes: 10/60 node-hours at $0.48.
    expect(dataBrewRunCost(runs[0] as (typeof runs)[0])).toBeCloseTo((10 / 60) * 0.48, 6);
  });

  it('starts a run and describes it; a missing job is a not-found error with a hint', async () => {
    databrew.on(StartJobRunCommand).resolves({ RunId: 'db_0123' });
    databrew.on(ListJobsCommand).resolves({ Jobs: [] });
    databrew.on(DescribeJobRunCommand).resolves({ RunId: 'db_0123', JobName: 'j', State: 'RUNNING' });
    expect(await jobs.startJobRun('us-east-1', 'j')).toBe('db_0123');
    expect(await jobs.getJobRun('us-east-1', 'j', 'db_0123')).toMatchObject({ state: 'RUNNING', nodes: 5 });
    databrew.on(StartJobRunCommand).rejects(
      new ResourceNotFoundException({
        message: 'Job gone does not exist.',
        $metadata: { httpStatusCode: 404 },
      }),
    );
    const error = await jobs.startJobRun('us-east-1', 'gone').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).kind).toBe('not-found');
  });

  it('reports a refused call as unauthorized, not as a crash', async () => {
    databrew.on(ListDatasetsCommand).rejects(
      new AccessDeniedException({
        message:
          'User: arn:aws:iam::123456789012:user/ana is not authorized to perform: databrew:ListDatasets',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const error = await jobs.listDatasets('us-east-1').catch((e: unknown) => e);
    expect((error as CloudError).kind).toBe('unauthorized');
  });
});
