import { type CloudWatchClient, paginateGetMetricData } from '@aws-sdk/client-cloudwatch';
import { type FSxClient, UpdateFileSystemCommand } from '@aws-sdk/client-fsx';
import type { FsxFileSystem } from '../../core/fsx/FsxFileSystem.js';
import type { AwsCallContext } from '../AwsCallContext.js';
import { callAws } from '../callAws.js';

/** An hour: a sustained rate, not a burst, is what provisioned throughput has to carry. */
const PERIOD_SECONDS = 3600;
const DAY_MS = 86_400_000;

/**
 * The busiest hour's average MB/s (reads plus writes) over the last `days`, from FSx's CloudWatch
 * metrics DataReadBytes and DataWriteBytes (Sum per period, bytes); undefined when FSx published none.
 */
export async function fsxPeakThroughputMbps(
  cloudwatch: CloudWatchClient,
  context: AwsCallContext,
  fileSystemId: string,
  days: number,
  now: Date = new Date(),
): Promise<number | undefined> {
  const dimensions = [{ Name: 'FileSystemId', Value: fileSystemId }];
  const stat = (id: string, name: string) => ({
    Id: id,
    MetricStat: {
      Metric: { Namespace: 'AWS/FSx', MetricName: name, Dimensions: dimensions },
      Period: PERIOD_SECONDS,
      Stat: 'Sum',
    },
    ReturnData: false,
  });
  const perHour = new Map<number, number>();
  await callAws(context, async () => {
    const pages = paginateGetMetricData(
      { client: cloudwatch },
      {
        StartTime: new Date(now.getTime() - days * DAY_MS),
        EndTime: now,
        MetricDataQueries: [
          stat('reads', 'DataReadBytes'),
          stat('writes', 'DataWriteBytes'),
          // One series of MB/s per hour: both directions share the provisioned throughput.
          { Id: 'mbps', Expression: `(reads + writes) / ${PERIOD_SECONDS} / 1000000`, ReturnData: true },
        ],
      },
    );
    for await (const page of pages) {
      for (const result of page.MetricDataResults ?? []) {
        if (result.Id !== 'mbps') continue;
        (result.Timestamps ?? []).forEach((at, index) => {
          const value = result.Values?.[index];
          if (value !== undefined) perHour.set(at.getTime(), value);
        });
      }
    }
  });
  return perHour.size === 0 ? undefined : Math.max(...perHour.values());
}

/**
 * Changes a file system's provisioned throughput: Lustre persistent2's PerUnitStorageThroughput,
 * OpenZFS's ThroughputCapacity. FSx applies it while the file system stays in use.
 */
export async function updateFsxThroughput(
  fsx: FSxClient,
  context: AwsCallContext,
  fileSystem: FsxFileSystem,
  throughput: number,
): Promise<void> {
  await callAws(context, () =>
    fsx.send(
      new UpdateFileSystemCommand({
        FileSystemId: fileSystem.id,
        ...(fileSystem.type === 'lustre'
          ? { LustreConfiguration: { PerUnitStorageThroughput: throughput } }
          : { OpenZFSConfiguration: { ThroughputCapacity: throughput } }),
      }),
    ),
  );
}
