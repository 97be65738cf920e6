import type { LogEventsPort, LogLine } from '../../../core/analytics/logEventsPorts.js';
import type { DemoAnalyticsStore } from './DemoAnalyticsStore.js';
import { crawlEnd, crawledTableName, DEMO_LAB_BUCKET } from './demoCrawledTables.js';

/** Seconds into a demo DataBrew run when its lines are written (the run starts, then runs 60 s). */
const BREW_LINES: Array<[number, string]> = [
  [0, 'Job run started: reading the dataset'],
  [5, 'Applying the recipe steps'],
  [65, 'Wrote the output; job run succeeded'],
];

/**
 * CloudWatch Logs of the demo account, written as the demo crawlers and DataBrew jobs move: a
 * crawler's lines in `/aws-glue/crawlers` (stream = its name), a run's in `/aws-glue-databrew/jobs`
 * (stream = its run id). Only lines whose time has come are there.
 */
export class DemoLogEvents implements LogEventsPort {
  constructor(
    private readonly store: DemoAnalyticsStore,
    private readonly speed: number,
    private readonly now: () => number = Date.now,
  ) {}

  async tail(region: string, group: string, streamPrefix: string, limit: number): Promise<LogLine[]> {
    const state = await this.store.read();
    const now = this.now();
    const lines: Array<{ at: number; stream: string; message: string }> = [];
    if (group === '/aws-glue/crawlers')
      for (const crawler of state.crawlers.filter(
        (c) => c.region === region && c.name.startsWith(streamPrefix),
      ))
        for (const started of crawler.crawls) {
          const end = crawlEnd(started, this.speed);
          const readable = crawler.s3_target.startsWith(DEMO_LAB_BUCKET);
          lines.push({
            at: started,
            stream: crawler.name,
            message: `[${crawler.name}] BENCHMARK : Running Start Crawl for Crawler ${crawler.name}`,
          });
          lines.push(
            readable
              ? {
                  at: end,
                  stream: crawler.name,
                  message: `[${crawler.name}] INFO : Created or updated table ${crawledTableName(crawler.s3_target)} in database ${crawler.database}`,
                }
              : {
                  at: end,
                  stream: crawler.name,
                  message: `[${crawler.name}] ERROR : Not all read errors will be logged. com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied`,
                },
          );
          lines.push({
            at: end,
            stream: crawler.name,
            message: `[${crawler.name}] BENCHMARK : Crawler has finished running and is in state READY`,
          });
        }
    if (group.startsWith('/aws-glue-databrew/'))
      for (const run of state.brew_runs.filter(
        (r) => r.region === region && r.run_id.startsWith(streamPrefix),
      )) {
        const job = state.brew_jobs.find((j) => j.name === run.job && j.region === region);
        const dataset = state.datasets.find((d) => d.name === job?.dataset && d.region === region);
        const readable = dataset?.s3_uri.startsWith(DEMO_LAB_BUCKET) ?? false;
        const steps: Array<[number, string]> = readable
          ? BREW_LINES
          : [
              [0, 'Job run started: reading the dataset'],
              [
                5,
                `Access Denied reading ${dataset?.s3_uri ?? 'the dataset'}: the job's role may not read it`,
              ],
            ];
        for (const [seconds, message] of steps)
          lines.push({ at: run.started_at + seconds * 1000 * this.speed, stream: run.run_id, message });
      }
    return lines
      .filter((line) => line.at <= now)
      .sort((a, b) => a.at - b.at)
      .slice(-limit)
      .map((line) => ({ at: new Date(line.at).toISOString(), stream: line.stream, message: line.message }));
  }
}
