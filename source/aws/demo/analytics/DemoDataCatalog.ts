import type { CatalogDatabase, CatalogTable, DataCatalogPort } from '../../../core/analytics/ports.js';
import type { DemoAnalyticsStore } from './DemoAnalyticsStore.js';
import { DEMO_DATABASE, DEMO_TABLES, type DemoTable } from './demoCatalog.js';
import { demoCrawledTables } from './demoCrawledTables.js';

const listed = ({ row: _row, row_count: _count, ...table }: DemoTable): CatalogTable => table;

/** The demo account's Glue Data Catalog: the sample database, and the tables its crawlers made. */
export class DemoDataCatalog implements DataCatalogPort {
  constructor(
    private readonly store: DemoAnalyticsStore,
    private readonly speed: number,
    private readonly now: () => number = Date.now,
  ) {}

  private async crawled(region: string): Promise<DemoTable[]> {
    return demoCrawledTables(await this.store.read(), region, this.now(), this.speed);
  }

  async listDatabases(region: string): Promise<CatalogDatabase[]> {
    const crawled = [...new Set((await this.crawled(region)).map((t) => t.database))].filter(
      (name) => name !== DEMO_DATABASE,
    );
    return [
      { name: DEMO_DATABASE, description: 'sample tables of the demo account' },
      ...crawled.map((name) => ({ name, description: 'tables crawled by cws-tui' })),
    ];
  }

  async listTables(region: string, database: string): Promise<CatalogTable[]> {
    return [...DEMO_TABLES, ...(await this.crawled(region))]
      .filter((table) => table.database === database)
      .map(listed);
  }
}
