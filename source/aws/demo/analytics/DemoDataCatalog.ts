import type { CatalogDatabase, CatalogTable, DataCatalogPort } from '../../../core/analytics/ports.js';
import { DEMO_DATABASE, DEMO_TABLES } from './demoCatalog.js';

/** The demo account's Glue Data Catalog: the sample database and its tables. */
export class DemoDataCatalog implements DataCatalogPort {
  async listDatabases(_region: string): Promise<CatalogDatabase[]> {
    return [{ name: DEMO_DATABASE, description: 'sample tables of the demo account' }];
  }

  async listTables(_region: string, database: string): Promise<CatalogTable[]> {
    return DEMO_TABLES.filter((table) => table.database === database).map(
      ({ row: _row, row_count: _count, ...table }) => table,
    );
  }
}
