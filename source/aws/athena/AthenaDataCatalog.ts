import { type AthenaClient, paginateListDatabases, paginateListTableMetadata } from '@aws-sdk/client-athena';
import type { CatalogDatabase, CatalogTable, DataCatalogPort } from '../../core/analytics/ports.js';
import { callAthena } from './translateAthenaError.js';

/** The Glue Data Catalog (Athena's AwsDataCatalog), read through Athena's catalog calls. */
export class AthenaDataCatalog implements DataCatalogPort {
  constructor(private readonly options: { athena: (region: string) => AthenaClient; profile?: string }) {}

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async listDatabases(region: string): Promise<CatalogDatabase[]> {
    return callAthena(this.context('athena:ListDatabases', region), async () => {
      const databases: CatalogDatabase[] = [];
      for await (const page of paginateListDatabases(
        { client: this.options.athena(region) },
        { CatalogName: 'AwsDataCatalog' },
      )) {
        for (const database of page.DatabaseList ?? []) {
          if (!database.Name) continue;
          databases.push({
            name: database.Name,
            ...(database.Description ? { description: database.Description } : {}),
          });
        }
      }
      return databases;
    });
  }

  async listTables(region: string, database: string): Promise<CatalogTable[]> {
    return callAthena(this.context('athena:ListTableMetadata', region), async () => {
      const tables: CatalogTable[] = [];
      for await (const page of paginateListTableMetadata(
        { client: this.options.athena(region) },
        { CatalogName: 'AwsDataCatalog', DatabaseName: database },
      )) {
        for (const table of page.TableMetadataList ?? []) {
          if (!table.Name) continue;
          const parameters = table.Parameters ?? {};
          const entry: CatalogTable = {
            database,
            name: table.Name,
            columns: (table.Columns ?? []).map((column) => ({
              name: column.Name ?? '',
              type: column.Type ?? '',
            })),
          };
          if (parameters.location) entry.location = parameters.location;
          // Crawled tables record their size as sizeKey (bytes); others may say totalSize.
          const size = Number(parameters.sizeKey ?? parameters.totalSize);
          if (
            Number.isFinite(size) &&
            size >= 0 &&
            (parameters.sizeKey ?? parameters.totalSize) !== undefined
          )
            entry.size_bytes = size;
          const updated = table.LastAccessTime ?? table.CreateTime;
          if (updated) entry.updated_at = updated.toISOString();
          tables.push(entry);
        }
      }
      return tables;
    });
  }
}
