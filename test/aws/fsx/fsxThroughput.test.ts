import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { BadRequest, FSxClient, UpdateFileSystemCommand } from '@aws-sdk/client-fsx';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2Network } from '../../../source/aws/ec2Network.js';
import { AwsFsx } from '../../../source/aws/fsx/AwsFsx.js';
import { CloudError } from '../../../source/core/CloudError.js';
import type { FsxFileSystem } from '../../../source/core/fsx/FsxFileSystem.js';

const cloudwatchMock = mockClient(CloudWatchClient);
const fsxMock = mockClient(FSxClient);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const fsxClient = new FSxClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const cloudwatchClient = new CloudWatchClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const ec2Client = new EC2Client({ region: 'us-east-1', credentials, maxAttempts: 1 });
const adapter = new AwsFsx({
  fsx: () => fsxClient,
  ec2: () => ec2Client,
  cloudwatch: () => cloudwatchClient,
  network: new Ec2Network({ ec2: () => ec2Client }),
});

const persistent: FsxFileSystem = {
  id: 'fs-0123456789abcdef0',
  name: 'results',
  region: 'us-east-1',
  type: 'lustre',
  deployment: 'persistent2',
  state: 'available',
  capacity_gib: 2400,
  throughput: 500,
  dns_name: 'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com',
  mount_name: 'abcdefgh',
  backup_retention_days: 0,
  created_at: '2026-11-01T10:00:00.000Z',
  tags: { 'cws:managed': 'true' },
};
const zfs: FsxFileSystem = {
  ...persistent,
  id: 'fs-0fedcba9876543210',
  name: 'lab-data',
  type: 'openzfs',
  deployment: 'single-az-1',
  capacity_gib: 512,
  throughput: 256,
};

beforeEach(() => {
  cloudwatchMock.reset();
  fsxMock.reset();
});

describe('FSx throughput on AWS', () => {
  it("reads the busiest hour's MB/s from DataReadBytes plus DataWriteBytes, across pages", async () => {
    cloudwatchMock
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          {
            Id: 'mbps',
            Label: 'mbps',
            StatusCode: 'PartialData',
            Timestamps: [new Date('2026-12-05T10:00:00Z'), new Date('2026-12-05T09:00:00Z')],
            Values: [41.5, 12.25],
          },
        ],
        NextToken: 'page-2',
        Messages: [],
      })
      .resolvesOnce({
        MetricDataResults: [
          {
            Id: 'mbps',
            Label: 'mbps',
            StatusCode: 'Complete',
            Timestamps: [new Date('2026-12-04T22:00:00Z')],
            Values: [87.75],
          },
        ],
        Messages: [],
      });
    expect(await adapter.peakThroughputMbps('us-east-1', persistent, 14)).toBe(87.75);
    const calls = cloudwatchMock.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(2);
    const input = calls[0]?.args[0].input;
    expect(input?.MetricDataQueries).toEqual([
      expect.objectContaining({
        Id: 'reads',
        ReturnData: false,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/FSx',
            MetricName: 'DataReadBytes',
            Dimensions: [{ Name: 'FileSystemId', Value: persistent.id }],
          },
          Period: 3600,
          Stat: 'Sum',
        },
      }),
      expect.objectContaining({ Id: 'writes', ReturnData: false }),
      { Id: 'mbps', Expression: '(reads + writes) / 3600 / 1000000', ReturnData: true },
    ]);
    const span = (input?.EndTime?.getTime() ?? 0) - (input?.StartTime?.getTime() ?? 0);
    expect(span).toBe(14 * 86_400_000);
    expect(calls[1]?.args[0].input.NextToken).toBe('page-2');
  });

  it('says nothing was published instead of zero', async () => {
    cloudwatchMock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [{ Id: 'mbps', Label: 'mbps', StatusCode: 'Complete', Timestamps: [], Values: [] }],
      Messages: [],
    });
    expect(await adapter.peakThroughputMbps('us-east-1', zfs, 14)).toBeUndefined();
  });

  it("sets Lustre's per-TiB throughput and OpenZFS's MB/s, and reports FSx's refusal with its code", async () => {
    fsxMock.on(UpdateFileSystemCommand).resolves({});
    await adapter.updateThroughput('us-east-1', persistent, 250);
    await adapter.updateThroughput('us-east-1', zfs, 128);
    expect(fsxMock.commandCalls(UpdateFileSystemCommand).map((call) => call.args[0].input)).toEqual([
      { FileSystemId: persistent.id, LustreConfiguration: { PerUnitStorageThroughput: 250 } },
      { FileSystemId: zfs.id, OpenZFSConfiguration: { ThroughputCapacity: 128 } },
    ]);

    fsxMock.on(UpdateFileSystemCommand).rejects(
      new BadRequest({
        message:
          'Unable to perform the storage capacity or throughput update. There is an update in progress.',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const error = await adapter.updateThroughput('us-east-1', zfs, 64).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ code: 'BadRequest' });
  });
});
