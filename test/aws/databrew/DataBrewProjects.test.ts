import {
  AccessDeniedException,
  ConflictException,
  CreateProjectCommand,
  DataBrewClient,
  ListProjectsCommand,
} from '@aws-sdk/client-databrew';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataBrewJobs } from '../../../source/aws/databrew/DataBrewJobs.js';

const databrew = mockClient(DataBrewClient);
const client = new DataBrewClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
});
const jobs = new DataBrewJobs({ databrew: () => client, profile: 'lab' });
const meta = (status: number) => ({
  httpStatusCode: status,
  requestId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
});
const spec = {
  name: 'weather-prep',
  dataset: 'weather',
  recipe: 'cws-weather-prep-recipe',
  role_arn: 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-databrew-job',
  tags: { 'cws:profile': 'lab' },
};

describe('DataBrew projects', () => {
  beforeEach(() => databrew.reset());

  it('creates a project on the dataset with its working recipe and a first-rows sample, and lists who has it open', async () => {
    databrew.on(CreateProjectCommand).resolves({ Name: 'weather-prep' });
    databrew.on(ListProjectsCommand).resolves({
      Projects: [
        {
          Name: 'weather-prep',
          DatasetName: 'weather',
          RecipeName: 'cws-weather-prep-recipe',
          OpenedBy: 'arn:aws:sts::123456789012:assumed-role/researcher/alice',
          OpenDate: new Date('2026-12-06T07:30:00Z'),
          CreateDate: new Date('2026-12-06T07:00:00Z'),
          ResourceArn: 'arn:aws:databrew:us-east-1:123456789012:project/weather-prep',
        },
      ],
    });
    expect(await jobs.ensureProject('us-east-1', spec)).toEqual({
      name: 'weather-prep',
      dataset: 'weather',
      recipe: 'cws-weather-prep-recipe',
      opened_by: 'arn:aws:sts::123456789012:assumed-role/researcher/alice',
      opened_at: '2026-12-06T07:30:00.000Z',
    });
    expect(databrew.commandCalls(CreateProjectCommand)[0]?.args[0].input).toEqual({
      Name: 'weather-prep',
      DatasetName: 'weather',
      RecipeName: 'cws-weather-prep-recipe',
      RoleArn: spec.role_arn,
      Sample: { Type: 'FIRST_N', Size: 500 },
      Tags: spec.tags,
    });
  });

  it('keeps an existing project (ConflictException) and reports AccessDeniedException as unauthorized', async () => {
    databrew
      .on(CreateProjectCommand)
      .rejects(
        new ConflictException({ message: 'Project weather-prep already exists.', $metadata: meta(409) }),
      );
    databrew.on(ListProjectsCommand).resolves({
      Projects: [{ Name: 'weather-prep', RecipeName: 'cws-weather-prep-recipe', DatasetName: 'weather' }],
    });
    await expect(jobs.ensureProject('us-east-1', spec)).resolves.toMatchObject({ name: 'weather-prep' });

    databrew.on(ListProjectsCommand).rejects(
      new AccessDeniedException({
        message: 'User is not authorized to perform: databrew:ListProjects',
        $metadata: meta(403),
      }),
    );
    await expect(jobs.listProjects('us-east-1')).rejects.toMatchObject({
      name: 'CloudError',
      kind: 'unauthorized',
    });
  });
});
