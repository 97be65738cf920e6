import {
  CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CloudWatchMetrics } from '../../../source/aws/cloudwatch/CloudWatchMetrics.js';
import { rejectionOf } from '../rejectionOf.js';

const cloudwatchMock = mockClient(CloudWatchClient);
const client = new CloudWatchClient({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const metrics = new CloudWatchMetrics({ cloudwatch: () => client });
const window = { from: new Date('2026-11-21T00:00:00Z'), to: new Date('2026-12-05T00:00:00Z') };
const t = (minutes: number) => new Date(window.from.getTime() + minutes * 60_000);

beforeEach(() => cloudwatchMock.reset());

describe('CloudWatchMetrics', () => {
  it('asks for five-minute CPU and agent memory averages and joins the pages in time order', async () => {
    cloudwatchMock
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          {
            Id: 'cpu',
            Label: 'CPUUtilization',
            Timestamps: [t(5), t(0)],
            Values: [20, 10],
            StatusCode: 'PartialData',
          },
          { Id: 'mem', Label: 'mem_used_percent', Timestamps: [], Values: [], StatusCode: 'Complete' },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'cpu', Label: 'CPUUtilization', Timestamps: [t(10)], Values: [30], StatusCode: 'Complete' },
        ],
      });
    const usage = await metrics.usage('us-east-1', 'i-0123456789abcdef0', window);
    expect(usage).toEqual({ cpu_percent: [10, 20, 30] });
    const input = cloudwatchMock.commandCalls(GetMetricDataCommand)[0]?.args[0].input;
    expect(
      input?.MetricDataQueries?.map((q) => [
        q.MetricStat?.Metric?.Namespace,
        q.MetricStat?.Metric?.MetricName,
        q.MetricStat?.Period,
      ]),
    ).toEqual([
      ['AWS/EC2', 'CPUUtilization', 300],
      ['CWAgent', 'mem_used_percent', 300],
    ]);
    expect(input?.MetricDataQueries?.[0]?.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'InstanceId', Value: 'i-0123456789abcdef0' },
    ]);
  });

  it('returns memory when the agent publishes it', async () => {
    cloudwatchMock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        { Id: 'cpu', Timestamps: [t(0)], Values: [12] },
        { Id: 'mem', Timestamps: [t(0)], Values: [41.5] },
      ],
    });
    expect(await metrics.usage('us-east-1', 'i-1', window)).toEqual({
      cpu_percent: [12],
      memory_percent: [41.5],
    });
  });

  it('names the permission when it is missing', async () => {
    cloudwatchMock.on(GetMetricDataCommand).rejects(
      new CloudWatchServiceException({
        name: 'AccessDenied',
        message:
          'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: cloudwatch:GetMetricData',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const error = await rejectionOf(metrics.usage('us-east-1', 'i-1', window));
    expect(error).toMatchObject({ kind: 'unauthorized' });
    expect(error.message).toContain('cloudwatch:GetMetricData');
  });
});
