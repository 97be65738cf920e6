import type { CatalogDatabase, CatalogTable } from '../../core/analytics/ports.js';

/** One line of the catalog tree: a database, or a table under it. */
export interface CatalogRow {
  key: string;
  label: string;
  database: string;
  table?: CatalogTable;
}

/** Databases, each followed by its tables (indented). */
export function catalogRows(
  databases: readonly CatalogDatabase[],
  tables: ReadonlyMap<string, CatalogTable[]>,
): CatalogRow[] {
  return databases.flatMap((database) => [
    { key: database.name, label: database.name, database: database.name },
    ...(tables.get(database.name) ?? []).map((table) => ({
      key: `${database.name}.${table.name}`,
      label: `  ${table.name}`,
      database: database.name,
      table,
    })),
  ]);
}

/** What choosing a table puts in the editor. */
export function exampleQuery(row: CatalogRow): string {
  return row.table
    ? `SELECT * FROM ${row.database}.${row.table.name} LIMIT 100`
    : `SHOW TABLES IN ${row.database}`;
}
