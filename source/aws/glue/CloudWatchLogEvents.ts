import {
  type CloudWatchLogsClient,
  FilterLogEventsCommand,
  type FilterLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import type { LogEventsPort, LogLine } from '../../core/analytics/logEventsPorts.js';
import { callAws } from '../callAws.js';

/** Pages read at most: a long run's log is tailed, not read whole. */
const MAX_PAGES = 20;

/** CloudWatch Logs through FilterLogEvents: the newest lines of the streams with a prefix. */
export class CloudWatchLogEvents implements LogEventsPort {
  constructor(
    private readonly options: { logs: (region: string) => CloudWatchLogsClient; profile?: string },
  ) {}

  async tail(region: string, group: string, streamPrefix: string, limit: number): Promise<LogLine[]> {
    const lines: LogLine[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      let reply: FilterLogEventsCommandOutput;
      try {
        reply = await this.options.logs(region).send(
          new FilterLogEventsCommand({
            logGroupName: group,
            ...(streamPrefix ? { logStreamNamePrefix: streamPrefix } : {}),
            ...(token ? { nextToken: token } : {}),
          }),
        );
      } catch (thrown) {
        // A run that has not written yet has no group or stream: no lines, not an error.
        if (thrown instanceof Error && thrown.name === 'ResourceNotFoundException') return [];
        return callAws(
          {
            action: 'logs:FilterLogEvents',
            region,
            ...(this.options.profile ? { profile: this.options.profile } : {}),
          },
          () => Promise.reject(thrown),
        );
      }
      for (const event of reply.events ?? [])
        lines.push({
          at: new Date(event.timestamp ?? 0).toISOString(),
          stream: event.logStreamName ?? '',
          message: (event.message ?? '').replace(/\n$/, ''),
        });
      if (lines.length > limit) lines.splice(0, lines.length - limit);
      token = reply.nextToken;
      if (!token) break;
    }
    return lines;
  }
}
