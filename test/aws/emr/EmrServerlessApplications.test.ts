import {
  CancelJobRunCommand,
  ConflictException,
  CreateApplicationCommand,
  EMRServerlessClient,
  GetApplicationCommand,
  GetDashboardForJobRunCommand,
  GetJobRunCommand,
  ListApplicationsCommand,
  ListJobRunsCommand,
  ResourceNotFoundException,
  StartJobRunCommand,
  StopApplicationCommand,
  ValidationException,
} from '@aws-sdk/client-emr-serverless';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EmrServerlessApplications } from '../../../source/aws/emr/EmrServerlessApplications.js';
import type { SparkApplicationSpec } from '../../../source/core/bigdata/ports.js';

const emrMock = mockClient(EMRServerlessClient);
const client = new EMRServerlessClient({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const adapter = new EmrServerlessApplications({ emrServerless: () => client, profile: 'lab' });
const meta = { $metadata: { httpStatusCode: 400, requestId: 'req-1' } };
const created = new Date('2026-12-06T04:00:00Z');

const application = {
  applicationId: '00fjk2a6h4b5c1x9',
  name: 'etl',
  arn: 'arn:aws:emr-serverless:us-east-1:123456789012:/applications/00fjk2a6h4b5c1x9',
  releaseLabel: 'emr-7.5.0',
  type: 'Spark',
  state: 'CREATED' as const,
  stateDetails: '',
  architecture: 'ARM64' as const,
  maximumCapacity: { cpu: '32 vCPU', memory: '128 GB', disk: '640 GB' },
  initialCapacity: {
    Driver: { workerCount: 1, workerConfiguration: { cpu: '4 vCPU', memory: '16 GB', disk: '20 GB' } },
  },
  autoStartConfiguration: { enabled: true },
  autoStopConfiguration: { enabled: true, idleTimeoutMinutes: 15 },
  createdAt: created,
  updatedAt: created,
  tags: { 'cws:managed': 'true', 'cws:template': 'spark-serverless' },
};

const spec: SparkApplicationSpec = {
  name: 'etl',
  region: 'us-east-1',
  release_label: 'emr-7.5.0',
  architecture: 'ARM64',
  initial_capacity: { driver: { workers: 1, vcpu: 4, memory_gb: 16, disk_gb: 20 } },
  maximum_capacity: { vcpu: 32, memory_gb: 128, disk_gb: 640 },
  auto_start: true,
  auto_stop_idle_minutes: 15,
  network: { subnet_ids: ['subnet-0a1b2c3d'], security_group_ids: ['sg-0123456789abcdef0'] },
  tags: { 'cws:managed': 'true' },
};

beforeEach(() => emrMock.reset());

describe('EmrServerlessApplications', () => {
  it('creates an application with the spec as EMR Serverless writes it, then reads it back', async () => {
    emrMock
      .on(CreateApplicationCommand)
      .resolves({ applicationId: application.applicationId, name: 'etl', arn: application.arn });
    emrMock.on(GetApplicationCommand).resolves({ application });
    const result = await adapter.createApplication(spec, 'token-1');
    const input = emrMock.commandCalls(CreateApplicationCommand)[0]!.args[0].input;
    expect(input).toEqual({
      name: 'etl',
      type: 'SPARK',
      releaseLabel: 'emr-7.5.0',
      architecture: 'ARM64',
      clientToken: 'token-1',
      initialCapacity: {
        Driver: { workerCount: 1, workerConfiguration: { cpu: '4 vCPU', memory: '16 GB', disk: '20 GB' } },
      },
      maximumCapacity: { cpu: '32 vCPU', memory: '128 GB', disk: '640 GB' },
      autoStartConfiguration: { enabled: true },
      autoStopConfiguration: { enabled: true, idleTimeoutMinutes: 15 },
      networkConfiguration: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0123456789abcdef0'] },
      tags: { 'cws:managed': 'true' },
    });
    expect(result).toMatchObject({
      id: application.applicationId,
      state: 'CREATED',
      maximum_capacity: { vcpu: 32, memory_gb: 128, disk_gb: 640 },
      initial_capacity: { driver: { workers: 1, vcpu: 4, memory_gb: 16, disk_gb: 20 } },
      auto_stop_idle_minutes: 15,
      created_at: '2026-12-06T04:00:00.000Z',
    });
  });

  it('sends auto-stop disabled when the spec has none', async () => {
    emrMock.on(CreateApplicationCommand).resolves({ applicationId: 'a1', name: 'x', arn: 'arn' });
    emrMock
      .on(GetApplicationCommand)
      .resolves({ application: { ...application, autoStopConfiguration: { enabled: false } } });
    const { auto_stop_idle_minutes: _idle, network: _network, ...noStop } = spec;
    const result = await adapter.createApplication(noStop, 't');
    expect(emrMock.commandCalls(CreateApplicationCommand)[0]!.args[0].input.autoStopConfiguration).toEqual({
      enabled: false,
    });
    expect(result.auto_stop_idle_minutes).toBeUndefined();
  });

  it('lists only the managed, live applications, over every page', async () => {
    emrMock
      .on(ListApplicationsCommand)
      .resolvesOnce({
        applications: [
          {
            id: 'a1',
            name: 'etl',
            arn: 'arn1',
            releaseLabel: 'emr-7.5.0',
            type: 'Spark',
            state: 'STARTED',
            createdAt: created,
            updatedAt: created,
          },
        ],
        nextToken: 'page-2',
      })
      .resolvesOnce({
        applications: [
          {
            id: 'a2',
            name: 'theirs',
            arn: 'arn2',
            releaseLabel: 'emr-7.5.0',
            type: 'Spark',
            state: 'CREATED',
            createdAt: created,
            updatedAt: created,
          },
          {
            id: 'a3',
            name: 'gone',
            arn: 'arn3',
            releaseLabel: 'emr-7.5.0',
            type: 'Spark',
            state: 'TERMINATED',
            createdAt: created,
            updatedAt: created,
          },
        ],
      });
    emrMock
      .on(GetApplicationCommand, { applicationId: 'a1' })
      .resolves({ application: { ...application, applicationId: 'a1', state: 'STARTED' } });
    emrMock
      .on(GetApplicationCommand, { applicationId: 'a2' })
      .resolves({ application: { ...application, applicationId: 'a2', name: 'theirs', tags: {} } });
    const listed = await adapter.listApplications(['us-east-1']);
    expect(listed.map((item) => [item.id, item.state])).toEqual([['a1', 'STARTED']]);
    expect(
      emrMock.commandCalls(GetApplicationCommand).map((call) => call.args[0].input.applicationId),
    ).toEqual(['a1', 'a2']);
  });

  it('starts a job run with its script, arguments, settings, log location and retry policy', async () => {
    emrMock.on(StartJobRunCommand).resolves({ applicationId: 'a1', jobRunId: '00fjobrun1', arn: 'arn:run' });
    const started = await adapter.startJobRun({
      region: 'us-east-1',
      application_id: 'a1',
      name: 'etl-20261206T040000Z',
      execution_role_arn: 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-emr-job-execution',
      entry_point: 's3://cws-tui-staging-123456789012-us-east-1/bigdata/etl/20261206T040000Z/etl.py',
      arguments: ['s3://lab-data/raw/'],
      spark_submit_parameters: '--conf spark.executor.instances=4',
      log_uri: 's3://cws-tui-staging-123456789012-us-east-1/bigdata/logs/',
      client_token: 'c1',
      max_attempts: 3,
      tags: { 'cws:managed': 'true' },
    });
    expect(started).toEqual({ id: '00fjobrun1' });
    expect(emrMock.commandCalls(StartJobRunCommand)[0]!.args[0].input).toMatchObject({
      applicationId: 'a1',
      clientToken: 'c1',
      jobDriver: {
        sparkSubmit: {
          entryPoint: 's3://cws-tui-staging-123456789012-us-east-1/bigdata/etl/20261206T040000Z/etl.py',
          entryPointArguments: ['s3://lab-data/raw/'],
          sparkSubmitParameters: '--conf spark.executor.instances=4',
        },
      },
      configurationOverrides: {
        monitoringConfiguration: {
          s3MonitoringConfiguration: { logUri: 's3://cws-tui-staging-123456789012-us-east-1/bigdata/logs/' },
        },
      },
      retryPolicy: { maxAttempts: 3 },
    });
  });

  it('reads a finished run with its billed resource use', async () => {
    emrMock.on(GetJobRunCommand).resolves({
      jobRun: {
        applicationId: 'a1',
        jobRunId: 'r1',
        name: 'etl',
        arn: 'arn:run',
        createdBy: 'arn:aws:iam::123456789012:user/alice',
        createdAt: created,
        updatedAt: new Date('2026-12-06T04:05:00Z'),
        executionRole: 'arn:role',
        state: 'FAILED',
        stateDetails:
          'Job failed, please check complete logs in configured logging destination. ExitCode: 1.',
        releaseLabel: 'emr-7.5.0',
        jobDriver: { sparkSubmit: { entryPoint: 's3://b/etl.py', entryPointArguments: ['x'] } },
        configurationOverrides: {
          monitoringConfiguration: { s3MonitoringConfiguration: { logUri: 's3://b/logs/' } },
        },
        billedResourceUtilization: { vCPUHour: 0.267, memoryGBHour: 1.068, storageGBHour: 0 },
        totalExecutionDurationSeconds: 240,
        attempt: 2,
      },
    });
    expect(await adapter.getJobRun('us-east-1', 'a1', 'r1')).toMatchObject({
      id: 'r1',
      state: 'FAILED',
      log_uri: 's3://b/logs/',
      billed: { vcpu_hours: 0.267, memory_gb_hours: 1.068, storage_gb_hours: 0 },
      duration_seconds: 240,
      attempts: 2,
    });
  });

  it('lists runs newest first', async () => {
    emrMock.on(ListJobRunsCommand).resolves({
      jobRuns: [
        {
          applicationId: 'a1',
          id: 'old',
          name: 'a',
          arn: 'x',
          createdBy: 'u',
          createdAt: created,
          updatedAt: created,
          executionRole: 'r',
          state: 'SUCCESS',
          stateDetails: '',
          releaseLabel: 'emr-7.5.0',
        },
        {
          applicationId: 'a1',
          id: 'new',
          name: 'b',
          arn: 'y',
          createdBy: 'u',
          createdAt: new Date('2026-12-06T05:00:00Z'),
          updatedAt: created,
          executionRole: 'r',
          state: 'RUNNING',
          stateDetails: '',
          releaseLabel: 'emr-7.5.0',
        },
      ],
    });
    expect((await adapter.listJobRuns('us-east-1', 'a1')).map((run) => [run.id, run.state])).toEqual([
      ['new', 'RUNNING'],
      ['old', 'SUCCESS'],
    ]);
  });

  it('returns the Spark UI URL and cancels a run', async () => {
    emrMock.on(GetDashboardForJobRunCommand).resolves({
      url: 'https://p-r1-a1.emrappui-prod.us-east-1.amazonaws.com/shs/history/r1/jobs/?authToken=x',
    });
    emrMock.on(CancelJobRunCommand).resolves({ applicationId: 'a1', jobRunId: 'r1' });
    expect(await adapter.dashboardUrl('us-east-1', 'a1', 'r1')).toMatch(/^https:\/\/p-r1-a1\.emrappui-prod/);
    await adapter.cancelJobRun('us-east-1', 'a1', 'r1');
    expect(emrMock.commandCalls(CancelJobRunCommand)[0]!.args[0].input).toEqual({
      applicationId: 'a1',
      jobRunId: 'r1',
    });
  });

  it('turns the service errors into CloudErrors that name the action', async () => {
    emrMock
      .on(StopApplicationCommand)
      .rejects(new ConflictException({ message: 'Application has running jobs', ...meta }));
    await expect(adapter.stopApplication('us-east-1', 'a1')).rejects.toMatchObject({
      name: 'CloudError',
      message: expect.stringContaining('Application has running jobs'),
    });
    emrMock
      .on(GetJobRunCommand)
      .rejects(new ResourceNotFoundException({ message: 'Job run r9 does not exist', ...meta }));
    await expect(adapter.getJobRun('us-east-1', 'a1', 'r9')).rejects.toMatchObject({ name: 'CloudError' });
    emrMock
      .on(CreateApplicationCommand)
      .rejects(new ValidationException({ message: 'Release label emr-9.0.0 is not supported', ...meta }));
    await expect(adapter.createApplication(spec, 't')).rejects.toMatchObject({
      name: 'CloudError',
      message: expect.stringContaining('emr-9.0.0'),
    });
  });
});
