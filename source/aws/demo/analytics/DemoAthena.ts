import type {
  AthenaPort,
  AthenaQuery,
  AthenaQueryRequest,
  AthenaWorkgroup,
  AthenaWorkgroupSettings,
  QueryResultsPage,
} from '../../../core/analytics/ports.js';
import { CloudError } from '../../../core/CloudError.js';
import { nodeCrypto } from '../../../core/crypto/nodeCrypto.js';
import type { DemoAnalyticsStore, DemoQueryRecord } from './DemoAnalyticsStore.js';
import type { DemoTable } from './demoCatalog.js';
import { demoCrawledTables } from './demoCrawledTables.js';
import { planDemoQuery } from './planDemoQuery.js';

/** Seconds a demo query takes at realistic pace: queued 1 s, then running. */
const QUEUED_SECONDS = 1;
const RUNNING_SECONDS = 3;

/** Athena on the demo account: workgroups and queries in the state dir, results from the sample catalog. */
export class DemoAthena implements AthenaPort {
  constructor(
    private readonly store: DemoAnalyticsStore,
    private readonly speed: number,
    private readonly now: () => number = Date.now,
  ) {}

  async getWorkgroup(region: string, name: string): Promise<AthenaWorkgroup | undefined> {
    const record = (await this.store.read()).workgroups.find((w) => w.name === name && w.region === region);
    if (!record) return undefined;
    return {
      name: record.name,
      state: 'ENABLED',
      enforced: true,
      output_location: record.output_location,
      ...(record.bytes_scanned_cutoff !== undefined
        ? { bytes_scanned_cutoff: record.bytes_scanned_cutoff }
        : {}),
    };
  }

  async listWorkgroups(region: string): Promise<string[]> {
    return (await this.store.read()).workgroups.filter((w) => w.region === region).map((w) => w.name);
  }

  async ensureWorkgroup(region: string, settings: AthenaWorkgroupSettings): Promise<AthenaWorkgroup> {
    await this.store.update((state) => {
      state.workgroups = state.workgroups.filter((w) => !(w.name === settings.name && w.region === region));
      state.workgroups.push({
        name: settings.name,
        region,
        output_location: settings.output_location,
        encryption: settings.encryption,
        ...(settings.bytes_scanned_cutoff !== undefined
          ? { bytes_scanned_cutoff: settings.bytes_scanned_cutoff }
          : {}),
        tags: settings.tags,
      });
    });
    return (await this.getWorkgroup(region, settings.name)) as AthenaWorkgroup;
  }

  async startQuery(region: string, request: AthenaQueryRequest): Promise<string> {
    const workgroup = await this.getWorkgroup(region, request.workgroup);
    if (!workgroup) {
      throw new CloudError({
        kind: 'not-found',
        code: 'InvalidRequestException',
        message: `Athena: WorkGroup ${request.workgroup} is not found.`,
        hint: "Run `cws-tui athena workgroup` to create the profile's workgroup, or pass --workgroup with one that exists.",
      });
    }
    return this.store.update((state) => {
      const existing = state.queries.find(
        (q) => q.client_token === request.client_token && q.region === region,
      );
      if (existing) return existing.id;
      const id = nodeCrypto()
        .createHash('sha256')
        .update(`${request.client_token}:${this.now()}`)
        .digest('hex');
      const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
      state.queries.push({
        id: uuid,
        region,
        client_token: request.client_token,
        sql: request.sql,
        workgroup: request.workgroup,
        ...(request.database ? { database: request.database } : {}),
        submitted_at: this.now(),
      });
      // Athena keeps 45 days of history; the demo keeps the last 200 queries.
      state.queries = state.queries.slice(-200);
      return uuid;
    });
  }

  private async record(region: string, id: string): Promise<DemoQueryRecord> {
    const record = (await this.store.read()).queries.find((q) => q.id === id && q.region === region);
    if (!record) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'InvalidRequestException',
        message: `Athena: QueryExecution ${id} was not found`,
        hint: '`cws-tui athena history` lists the recent queries and their ids.',
      });
    }
    return record;
  }

  /** The tables the demo crawlers have made: queried like the samples. */
  private async crawledTables(region: string): Promise<DemoTable[]> {
    return demoCrawledTables(await this.store.read(), region, this.now(), this.speed);
  }

  private async view(record: DemoQueryRecord): Promise<AthenaQuery> {
    const elapsed = (this.now() - record.submitted_at) / 1000;
    const base: AthenaQuery = {
      id: record.id,
      sql: record.sql,
      workgroup: record.workgroup,
      state: 'QUEUED',
      bytes_scanned: 0,
      submitted_at: new Date(record.submitted_at).toISOString(),
      ...(record.database ? { database: record.database } : {}),
    };
    const done = (QUEUED_SECONDS + RUNNING_SECONDS) * this.speed;
    const plan = planDemoQuery(record.sql, await this.crawledTables(record.region));
    const cutoff = (await this.getWorkgroup(record.region, record.workgroup))?.bytes_scanned_cutoff;
    const finishedAt = new Date(record.submitted_at + done * 1000).toISOString();
    if (record.cancelled_at !== undefined && (record.cancelled_at - record.submitted_at) / 1000 < done) {
      return {
        ...base,
        state: 'CANCELLED',
        state_reason: 'Query cancelled by user',
        completed_at: new Date(record.cancelled_at).toISOString(),
      };
    }
    if (elapsed < QUEUED_SECONDS * this.speed) return base;
    if (elapsed < done) return { ...base, state: 'RUNNING' };
    if (!plan.ok) {
      return {
        ...base,
        state: 'FAILED',
        state_reason: plan.reason,
        error_category: 2,
        error_type: 1006,
        completed_at: finishedAt,
      };
    }
    if (cutoff !== undefined && plan.bytes_scanned > cutoff) {
      // Athena stops a query a little past the limit and reports what it had scanned.
      const stoppedAt = cutoff + 1024 ** 2;
      return {
        ...base,
        state: 'CANCELLED',
        state_reason: 'Query cancelled! : Bytes scanned limit was exceeded',
        bytes_scanned: stoppedAt,
        completed_at: finishedAt,
      };
    }
    return {
      ...base,
      state: 'SUCCEEDED',
      bytes_scanned: plan.bytes_scanned,
      engine_ms: Math.round(RUNNING_SECONDS * 1000),
      completed_at: finishedAt,
    };
  }

  async getQuery(region: string, id: string): Promise<AthenaQuery> {
    return this.view(await this.record(region, id));
  }

  async getResultsPage(
    region: string,
    id: string,
    options: { token?: string; max_rows: number },
  ): Promise<QueryResultsPage> {
    const query = await this.getQuery(region, id);
    if (query.state !== 'SUCCEEDED') {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'InvalidRequestException',
        message: `Athena: Query has not yet finished. Current state: ${query.state}`,
        hint: 'Wait until the query has succeeded.',
      });
    }
    const plan = planDemoQuery(query.sql, await this.crawledTables(region));
    if (!plan.ok) throw new Error('a succeeded demo query has no plan');
    const start = options.token ? Number(options.token) : 0;
    const end = Math.min(plan.row_count, start + options.max_rows);
    const rows: string[][] = [];
    for (let index = start; index < end; index++) rows.push(plan.row(index));
    return { columns: plan.columns, rows, ...(end < plan.row_count ? { next_token: String(end) } : {}) };
  }

  async cancelQuery(region: string, id: string): Promise<void> {
    await this.record(region, id);
    await this.store.update((state) => {
      const record = state.queries.find((q) => q.id === id && q.region === region);
      if (record && record.cancelled_at === undefined) record.cancelled_at = this.now();
    });
  }

  async listQueries(region: string, workgroup: string, limit: number): Promise<AthenaQuery[]> {
    const records = (await this.store.read()).queries
      .filter((q) => q.region === region && q.workgroup === workgroup)
      .slice(-limit)
      .reverse();
    return Promise.all(records.map((record) => this.view(record)));
  }
}
