import type { ResourceTags } from '../ports/resourceTags.js';
import type { CodeCatalystPort } from './codeCatalystPorts.js';
import type { DataBrewPort } from './dataBrewPorts.js';
import type { DataPrepPort } from './dataPrepPorts.js';
import type { QuickSightPort } from './quickSightPorts.js';

/** A workgroup as the app sets it up: one per project or lab. */
export interface AthenaWorkgroupSettings {
  name: string;
  /** Where Athena writes results: the lab's S3 prefix, `s3://bucket/prefix/athena/<workgroup>/`. */
  output_location: string;
  encryption: 'SSE_S3' | 'SSE_KMS';
  kms_key?: string;
  /** Athena cancels a query once it has scanned this many bytes (enforced over client settings). */
  bytes_scanned_cutoff?: number;
  tags: ResourceTags;
}

export interface AthenaWorkgroup {
  name: string;
  state: 'ENABLED' | 'DISABLED';
  output_location?: string;
  bytes_scanned_cutoff?: number;
  enforced: boolean;
  description?: string;
}

export type AthenaQueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** One query execution, as Athena reports it. */
export interface AthenaQuery {
  id: string;
  sql: string;
  workgroup: string;
  database?: string;
  state: AthenaQueryState;
  /** Athena's reason for FAILED or CANCELLED (a SQL error with its line and column, a limit). */
  state_reason?: string;
  /** Athena's error type and category (category 2 is the user's: SQL; 1 system; 3 unknown). */
  error_type?: number;
  error_category?: number;
  bytes_scanned: number;
  submitted_at?: string;
  completed_at?: string;
  engine_ms?: number;
  output_location?: string;
}

export interface QueryColumn {
  name: string;
  type: string;
}

/** One page of GetQueryResults: its rows (data only), and the token of the next page. */
export interface QueryResultsPage {
  columns: QueryColumn[];
  rows: string[][];
  next_token?: string;
}

export interface AthenaQueryRequest {
  sql: string;
  workgroup: string;
  database?: string;
  /** Makes a retried start return the same query (Athena's ClientRequestToken, 32-128 chars). */
  client_token: string;
}

export interface CatalogDatabase {
  name: string;
  description?: string;
}

export interface CatalogTable {
  database: string;
  name: string;
  columns: QueryColumn[];
  location?: string;
  /** Size in bytes when the catalog records it (Glue's `totalSize`, a crawler's `sizeKey`). */
  size_bytes?: number;
  updated_at?: string;
}

/** Athena queries and workgroups. */
export interface AthenaPort {
  getWorkgroup(region: string, name: string): Promise<AthenaWorkgroup | undefined>;
  /** The names of the app's workgroups (`cws-…`) in the region. */
  listWorkgroups(region: string): Promise<string[]>;
  /** Creates the workgroup, or brings an existing one to these settings. */
  ensureWorkgroup(region: string, settings: AthenaWorkgroupSettings): Promise<AthenaWorkgroup>;
  startQuery(region: string, request: AthenaQueryRequest): Promise<string>;
  getQuery(region: string, id: string): Promise<AthenaQuery>;
  /** One page of results (at most `max_rows`); the header row is left out. */
  getResultsPage(
    region: string,
    id: string,
    options: { token?: string; max_rows: number },
  ): Promise<QueryResultsPage>;
  cancelQuery(region: string, id: string): Promise<void>;
  /** The workgroup's recent queries, newest first. */
  listQueries(region: string, workgroup: string, limit: number): Promise<AthenaQuery[]>;
}

/** The Glue Data Catalog, as the query editor and `data sources` list it. */
export interface DataCatalogPort {
  listDatabases(region: string): Promise<CatalogDatabase[]>;
  listTables(region: string, database: string): Promise<CatalogTable[]>;
}

/** The analytics services of an account. */
export interface AnalyticsPort {
  athena: AthenaPort;
  catalog: DataCatalogPort;
  databrew: DataBrewPort;
  dataprep: DataPrepPort;
  quicksight: QuickSightPort;
  codecatalyst: CodeCatalystPort;
}
