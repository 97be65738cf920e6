import {
  type AthenaClient,
  BatchGetQueryExecutionCommand,
  CreateWorkGroupCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  ListQueryExecutionsCommand,
  paginateListWorkGroups,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  UpdateWorkGroupCommand,
  type WorkGroupConfiguration,
} from '@aws-sdk/client-athena';
import type {
  AthenaPort,
  AthenaQuery,
  AthenaQueryRequest,
  AthenaWorkgroup,
  AthenaWorkgroupSettings,
  QueryResultsPage,
} from '../../core/analytics/ports.js';
import { CloudError } from '../../core/CloudError.js';
import { toTagList } from '../tagList.js';
import type { AwsCallContext } from '../translateAwsError.js';
import { toAthenaQuery } from './toAthenaQuery.js';
import { callAthena } from './translateAthenaError.js';

export interface AthenaQueriesOptions {
  athena: (region: string) => AthenaClient;
  profile?: string;
}

/** Athena through the SDK: workgroups with an enforced cutoff, queries and their results. */
export class AthenaQueries implements AthenaPort {
  constructor(private readonly options: AthenaQueriesOptions) {}

  private context(action: string, region: string): AwsCallContext {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async getWorkgroup(region: string, name: string): Promise<AthenaWorkgroup | undefined> {
    try {
      const reply = await callAthena(this.context('athena:GetWorkGroup', region), () =>
        this.options.athena(region).send(new GetWorkGroupCommand({ WorkGroup: name })),
      );
      const group = reply.WorkGroup;
      const configuration = group?.Configuration;
      const workgroup: AthenaWorkgroup = {
        name: group?.Name ?? name,
        state: group?.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
        enforced: configuration?.EnforceWorkGroupConfiguration ?? false,
      };
      const output = configuration?.ResultConfiguration?.OutputLocation;
      if (output) workgroup.output_location = output;
      if (configuration?.BytesScannedCutoffPerQuery !== undefined)
        workgroup.bytes_scanned_cutoff = configuration.BytesScannedCutoffPerQuery;
      if (group?.Description) workgroup.description = group.Description;
      return workgroup;
    } catch (error) {
      if (error instanceof CloudError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }

  async listWorkgroups(region: string): Promise<string[]> {
    return callAthena(this.context('athena:ListWorkGroups', region), async () => {
      const names: string[] = [];
      for await (const page of paginateListWorkGroups({ client: this.options.athena(region) }, {})) {
        for (const group of page.WorkGroups ?? []) if (group.Name?.startsWith('cws-')) names.push(group.Name);
      }
      return names;
    });
  }

  async ensureWorkgroup(region: string, settings: AthenaWorkgroupSettings): Promise<AthenaWorkgroup> {
    const configuration: WorkGroupConfiguration = {
      ResultConfiguration: {
        OutputLocation: settings.output_location,
        EncryptionConfiguration: {
          EncryptionOption: settings.encryption,
          ...(settings.kms_key ? { KmsKey: settings.kms_key } : {}),
        },
      },
      // Enforced: a client's own output location or encryption cannot override the lab's.
      EnforceWorkGroupConfiguration: true,
      PublishCloudWatchMetricsEnabled: true,
      ...(settings.bytes_scanned_cutoff !== undefined
        ? { BytesScannedCutoffPerQuery: settings.bytes_scanned_cutoff }
        : {}),
    };
    const existing = await this.getWorkgroup(region, settings.name);
    if (existing) {
      await callAthena(this.context('athena:UpdateWorkGroup', region), () =>
        this.options.athena(region).send(
          new UpdateWorkGroupCommand({
            WorkGroup: settings.name,
            State: 'ENABLED',
            ConfigurationUpdates: {
              ResultConfigurationUpdates: configuration.ResultConfiguration ?? {},
              EnforceWorkGroupConfiguration: true,
              PublishCloudWatchMetricsEnabled: true,
              ...(settings.bytes_scanned_cutoff !== undefined
                ? { BytesScannedCutoffPerQuery: settings.bytes_scanned_cutoff }
                : { RemoveBytesScannedCutoffPerQuery: true }),
            },
          }),
        ),
      );
    } else {
      await callAthena(this.context('athena:CreateWorkGroup', region), () =>
        this.options.athena(region).send(
          new CreateWorkGroupCommand({
            Name: settings.name,
            Description: 'cws-tui: queries of one project or lab, with its bytes-scanned limit',
            Configuration: configuration,
            Tags: toTagList(settings.tags),
          }),
        ),
      );
    }
    const workgroup: AthenaWorkgroup = {
      name: settings.name,
      state: 'ENABLED',
      enforced: true,
      output_location: settings.output_location,
    };
    if (settings.bytes_scanned_cutoff !== undefined)
      workgroup.bytes_scanned_cutoff = settings.bytes_scanned_cutoff;
    return workgroup;
  }

  async startQuery(region: string, request: AthenaQueryRequest): Promise<string> {
    const reply = await callAthena(this.context('athena:StartQueryExecution', region), () =>
      this.options.athena(region).send(
        new StartQueryExecutionCommand({
          QueryString: request.sql,
          WorkGroup: request.workgroup,
          ClientRequestToken: request.client_token,
          ...(request.database ? { QueryExecutionContext: { Database: request.database } } : {}),
        }),
      ),
    );
    if (!reply.QueryExecutionId) throw new Error('Athena started a query but returned no id');
    return reply.QueryExecutionId;
  }

  async getQuery(region: string, id: string): Promise<AthenaQuery> {
    const reply = await callAthena(this.context('athena:GetQueryExecution', region), () =>
      this.options.athena(region).send(new GetQueryExecutionCommand({ QueryExecutionId: id })),
    );
    if (!reply.QueryExecution) throw new Error(`Athena returned nothing for query ${id}`);
    return toAthenaQuery(reply.QueryExecution);
  }

  async getResultsPage(
    region: string,
    id: string,
    options: { token?: string; max_rows: number },
  ): Promise<QueryResultsPage> {
    const reply = await callAthena(this.context('athena:GetQueryResults', region), () =>
      this.options.athena(region).send(
        new GetQueryResultsCommand({
          QueryExecutionId: id,
          MaxResults: options.max_rows,
          ...(options.token ? { NextToken: options.token } : {}),
        }),
      ),
    );
    const columns = (reply.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((column) => ({
      name: column.Name ?? column.Label ?? '',
      type: column.Type ?? 'varchar',
    }));
    let rows = (reply.ResultSet?.Rows ?? []).map((row) =>
      (row.Data ?? []).map((datum) => datum.VarCharValue ?? ''),
    );
    // The first page of a SELECT starts with the column names as a row.
    if (
      !options.token &&
      rows.length > 0 &&
      columns.length > 0 &&
      rows[0]?.every((v, i) => v === columns[i]?.name)
    ) {
      rows = rows.slice(1);
    }
    const page: QueryResultsPage = { columns, rows };
    if (reply.NextToken) page.next_token = reply.NextToken;
    return page;
  }

  async cancelQuery(region: string, id: string): Promise<void> {
    await callAthena(this.context('athena:StopQueryExecution', region), () =>
      this.options.athena(region).send(new StopQueryExecutionCommand({ QueryExecutionId: id })),
    );
  }

  async listQueries(region: string, workgroup: string, limit: number): Promise<AthenaQuery[]> {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const reply = await callAthena(this.context('athena:ListQueryExecutions', region), () =>
        this.options.athena(region).send(
          new ListQueryExecutionsCommand({
            WorkGroup: workgroup,
            MaxResults: Math.min(50, limit - ids.length),
            ...(token ? { NextToken: token } : {}),
          }),
        ),
      );
      ids.push(...(reply.QueryExecutionIds ?? []));
      token = reply.NextToken;
    } while (token && ids.length < limit);
    const queries: AthenaQuery[] = [];
    // BatchGetQueryExecution takes at most 50 ids and does not keep their order.
    for (let start = 0; start < ids.length; start += 50) {
      const batch = ids.slice(start, start + 50);
      const reply = await callAthena(this.context('athena:BatchGetQueryExecution', region), () =>
        this.options.athena(region).send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: batch })),
      );
      const found = new Map((reply.QueryExecutions ?? []).map((e) => [e.QueryExecutionId, toAthenaQuery(e)]));
      for (const id of batch) {
        const query = found.get(id);
        if (query) queries.push(query);
      }
    }
    return queries;
  }
}
