import {
  type CloudWatchClient,
  type MetricDataQuery,
  paginateGetMetricData,
} from '@aws-sdk/client-cloudwatch';
import type { MetricsPort, MetricWindow, UsageSamples } from '../../core/ports.js';
import { callAws } from '../callAws.js';

export interface CloudWatchMetricsOptions {
  cloudwatch: (region: string) => CloudWatchClient;
  profile?: string;
}

/** Five minutes: basic monitoring publishes CPU at this period. */
const PERIOD_SECONDS = 300;

/** CPU from EC2's own metrics, memory from the CloudWatch agent when it publishes it. */
export class CloudWatchMetrics implements MetricsPort {
  constructor(private readonly options: CloudWatchMetricsOptions) {}

  async usage(region: string, instanceId: string, window: MetricWindow): Promise<UsageSamples> {
    const dimensions = [{ Name: 'InstanceId', Value: instanceId }];
    const queries: MetricDataQuery[] = [
      {
        Id: 'cpu',
        MetricStat: {
          Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: dimensions },
          Period: PERIOD_SECONDS,
          Stat: 'Average',
        },
      },
      {
        Id: 'mem',
        MetricStat: {
          Metric: { Namespace: 'CWAgent', MetricName: 'mem_used_percent', Dimensions: dimensions },
          Period: PERIOD_SECONDS,
          Stat: 'Average',
        },
      },
    ];
    const series: Record<string, Array<[number, number]>> = { cpu: [], mem: [] };
    await callAws(
      {
        action: 'cloudwatch:GetMetricData',
        region,
        ...(this.options.profile ? { profile: this.options.profile } : {}),
      },
      async () => {
        const pages = paginateGetMetricData(
          { client: this.options.cloudwatch(region) },
          {
            MetricDataQueries: queries,
            StartTime: window.from,
            EndTime: window.to,
            ScanBy: 'TimestampAscending',
          },
        );
        for await (const page of pages) {
          for (const result of page.MetricDataResults ?? []) {
            const into = series[result.Id ?? ''];
            if (!into) continue;
            (result.Timestamps ?? []).forEach((at, index) => {
              const value = result.Values?.[index];
              if (value !== undefined) into.push([at.getTime(), value]);
            });
          }
        }
      },
    );
    const ordered = (points: Array<[number, number]>) =>
      points.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
    const memory = ordered(series.mem ?? []);
    return {
      cpu_percent: ordered(series.cpu ?? []),
      ...(memory.length > 0 ? { memory_percent: memory } : {}),
    };
  }
}
