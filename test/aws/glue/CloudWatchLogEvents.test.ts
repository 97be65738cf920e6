import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CloudWatchLogEvents } from '../../../source/aws/glue/CloudWatchLogEvents.js';

const logs = mockClient(CloudWatchLogsClient);
const client = new CloudWatchLogsClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
});
const reader = new CloudWatchLogEvents({ logs: () => client, profile: 'lab' });
const meta = { httpStatusCode: 400, requestId: '5d2c1b0a-9e8f-4d7c-8b6a-5f4e3d2c1b0a' };

describe('CloudWatchLogEvents', () => {
  beforeEach(() => logs.reset());

  it('reads every page of the streams with the prefix and keeps the newest lines', async () => {
    logs
      .on(FilterLogEventsCommand, { logGroupName: '/aws-glue-databrew/jobs', logStreamNamePrefix: 'db_0123' })
      .resolvesOnce({
        events: [
          {
            logStreamName: 'db_0123',
            timestamp: Date.UTC(2026, 11, 6, 7, 0, 0),
            message: 'Job run started\n',
            eventId: '1',
          },
          {
            logStreamName: 'db_0123',
            timestamp: Date.UTC(2026, 11, 6, 7, 0, 5),
            message: 'Reading dataset',
            eventId: '2',
          },
        ],
        nextToken: 'page-2',
      })
      .resolvesOnce({
        events: [
          {
            logStreamName: 'db_0123',
            timestamp: Date.UTC(2026, 11, 6, 7, 1, 0),
            message: 'Job run succeeded',
            eventId: '3',
          },
        ],
      });
    const lines = await reader.tail('us-east-1', '/aws-glue-databrew/jobs', 'db_0123', 2);
    expect(lines).toEqual([
      { at: '2026-12-06T07:00:05.000Z', stream: 'db_0123', message: 'Reading dataset' },
      { at: '2026-12-06T07:01:00.000Z', stream: 'db_0123', message: 'Job run succeeded' },
    ]);
    expect(logs.commandCalls(FilterLogEventsCommand)[1]?.args[0].input.nextToken).toBe('page-2');
  });

  it('has no lines for a group that does not exist yet (ResourceNotFoundException)', async () => {
    logs.on(FilterLogEventsCommand).rejects(
      new ResourceNotFoundException({
        message: 'The specified log group does not exist.',
        $metadata: meta,
      }),
    );
    expect(await reader.tail('us-east-1', '/aws-glue/crawlers', 'cws-crawl-x', 10)).toEqual([]);
  });

  it('turns AccessDeniedException into a CloudError naming logs:FilterLogEvents', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: logs:FilterLogEvents'), {
      name: 'AccessDeniedException',
      $metadata: meta,
    });
    logs.on(FilterLogEventsCommand).rejects(denied);
    const error = await reader.tail('us-east-1', '/aws-glue/crawlers', 'x', 10).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CloudError', kind: 'unauthorized' });
  });
});
