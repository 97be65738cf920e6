import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../../../core/fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../../../core/fs/uniqueBackupPath.js';
import { withFileLock } from '../../../core/fs/withFileLock.js';
import { writeFileAtomic } from '../../../core/fs/writeFileAtomic.js';
import { lazySchema } from '../../../core/schema/lazySchema.js';

const workgroupSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    region: z.string(),
    output_location: z.string(),
    encryption: z.string(),
    bytes_scanned_cutoff: z.number().optional(),
    tags: z.record(z.string(), z.string()),
  }),
);

const querySchema = lazySchema(() =>
  z.object({
    id: z.string(),
    region: z.string(),
    client_token: z.string(),
    sql: z.string(),
    workgroup: z.string(),
    database: z.string().optional(),
    submitted_at: z.number(),
    cancelled_at: z.number().optional(),
  }),
);

const datasetSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    region: z.string(),
    format: z.string(),
    s3_uri: z.string(),
  }),
);

const brewJobSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    region: z.string(),
    type: z.enum(['RECIPE', 'PROFILE']),
    dataset: z.string(),
    recipe: z.string().optional(),
    output_uri: z.string(),
    max_nodes: z.number(),
  }),
);

const brewRunSchema = lazySchema(() =>
  z.object({
    job: z.string(),
    region: z.string(),
    run_id: z.string(),
    started_at: z.number(),
  }),
);

const crawlerSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    region: z.string(),
    database: z.string(),
    s3_target: z.string(),
    role: z.string(),
    /** When each crawl started (ms), oldest first. */
    crawls: z.array(z.number()),
  }),
);

const analyticsStateSchema = lazySchema(() =>
  z.object({
    workgroups: z.array(workgroupSchema),
    queries: z.array(querySchema),
    // DataBrew arrived later: files written before it have none.
    datasets: z.array(datasetSchema).default([]),
    recipes: z.array(z.object({ name: z.string(), region: z.string() })).default([]),
    brew_jobs: z.array(brewJobSchema).default([]),
    brew_runs: z.array(brewRunSchema).default([]),
    crawlers: z.array(crawlerSchema).default([]),
    projects: z
      .array(z.object({ name: z.string(), region: z.string(), dataset: z.string(), recipe: z.string() }))
      .default([]),
  }),
);

export type DemoWorkgroupRecord = z.infer<typeof workgroupSchema>;
export type DemoQueryRecord = z.infer<typeof querySchema>;
export type DemoBrewJobRecord = z.infer<typeof brewJobSchema>;
export type DemoBrewRunRecord = z.infer<typeof brewRunSchema>;
export type DemoCrawlerRecord = z.infer<typeof crawlerSchema>;
export type DemoAnalyticsState = z.infer<typeof analyticsStateSchema>;

/**
 * The demo account's analytics state (workgroups, query history), in its own file beside the
 * demo account's: locked writes, atomic renames, an unreadable file set aside.
 */
export class DemoAnalyticsStore {
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'demo-analytics.json');
  }

  async read(): Promise<DemoAnalyticsState> {
    const read = await readJsonFileOrSetAside(this.path, analyticsStateSchema, uniqueBackupPath(this.path));
    return read.status === 'read' ? read.data : analyticsStateSchema.parse({ workgroups: [], queries: [] });
  }

  async update<T>(change: (state: DemoAnalyticsState) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const state = await this.read();
      const result = change(state);
      await writeFileAtomic(this.path, JSON.stringify(state));
      return result;
    });
  }
}
