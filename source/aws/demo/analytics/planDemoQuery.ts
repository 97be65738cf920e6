import type { QueryColumn } from '../../../core/analytics/ports.js';
import { type DemoTable, findDemoTable } from './demoCatalog.js';

/** What the demo engine makes of a query: its result (rows made on demand) or Athena's error. */
export type DemoQueryPlan =
  | {
      ok: true;
      columns: QueryColumn[];
      row_count: number;
      row: (index: number) => string[];
      bytes_scanned: number;
    }
  | { ok: false; reason: string };

/** `line 1:8: …` at the position of `needle` in the SQL, as Trino reports it. */
function at(sql: string, needle: string, message: string): DemoQueryPlan {
  const index = Math.max(0, sql.toLowerCase().indexOf(needle.toLowerCase()));
  const before = sql.slice(0, index).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return {
    ok: false,
    reason: `${message.startsWith('SYNTAX') ? '' : 'SYNTAX_ERROR: '}line ${line}:${column}: ${message}`,
  };
}

function columnIndex(table: DemoTable, name: string): number {
  return table.columns.findIndex((column) => column.name === name.toLowerCase());
}

/** Columnar storage: a query scans only the columns it names. */
function scanned(table: DemoTable, columns: number): number {
  return Math.round((table.size_bytes * columns) / table.columns.length);
}

/** The select list's items, split at commas outside parentheses. */
function topLevelItems(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
      continue;
    }
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    current += char;
  }
  items.push(current.trim());
  return items;
}

const SELECT =
  /^\s*select\s+(.+?)\s+from\s+([\w."]+)(?:\s+group\s+by\s+(\w+))?(?:\s+order\s+by\s+(\w+)(\s+desc|\s+asc)?)?(?:\s+limit\s+(\d+))?\s*;?\s*$/is;

/**
 * The demo account's little SQL engine over its sample tables: `SELECT *|columns FROM t [LIMIT n]`,
 * `SELECT count(*) FROM t`, and `SELECT g, sum(x) [AS a] FROM t GROUP BY g [ORDER BY a DESC]`,
 * which covers the shipped example queries. Anything else fails as Athena would, with a position.
 */
export function planDemoQuery(sql: string, crawled: readonly DemoTable[] = []): DemoQueryPlan {
  const match = SELECT.exec(sql);
  if (!match) {
    const first = /\S+/.exec(sql)?.[0] ?? '';
    if (!/^select$/i.test(first))
      return at(sql, first, `mismatched input '${first}'. Expecting: 'SELECT', 'WITH', 'SHOW', 'DESCRIBE'`);
    return at(
      sql,
      first,
      'the demo account runs SELECT … FROM <sample table> [GROUP BY] [ORDER BY] [LIMIT] only',
    );
  }
  const [, list = '', tableName = '', groupBy, orderBy, direction, limitText] = match;
  const table = findDemoTable(tableName, crawled);
  if (!table)
    return at(
      sql,
      tableName,
      `Table 'awsdatacatalog.${tableName.includes('.') ? tableName : `cws_samples.${tableName}`}' does not exist`,
    );
  const limit = limitText === undefined ? Number.POSITIVE_INFINITY : Number(limitText);
  const items = topLevelItems(list);

  if (/^count\(\*\)$/i.test(list.trim())) {
    return {
      ok: true,
      columns: [{ name: '_col0', type: 'bigint' }],
      row_count: 1,
      row: () => [String(table.row_count)],
      bytes_scanned: 0,
    };
  }
  if (groupBy !== undefined) {
    const group = columnIndex(table, groupBy);
    if (group < 0) return at(sql, groupBy, `Column '${groupBy}' cannot be resolved`);
    const sum = /^(?:round\()?sum\((\w+)\)(?:\s*,\s*2\))?(?:\s+as\s+(\w+))?$/i.exec(items[1] ?? '');
    if (items.length !== 2 || items[0]?.toLowerCase() !== groupBy.toLowerCase() || !sum?.[1])
      return at(sql, items[0] ?? list, `'${list}' must be '${groupBy}, sum(<column>)' on the demo account`);
    const value = columnIndex(table, sum[1]);
    if (value < 0) return at(sql, sum[1], `Column '${sum[1]}' cannot be resolved`);
    const totals = new Map<string, number>();
    for (let i = 0; i < table.row_count; i++) {
      const row = table.row(i);
      const key = row[group] ?? '';
      totals.set(key, (totals.get(key) ?? 0) + Number(row[value]));
    }
    let rows = [...totals].map(([key, total]) => [key, total.toFixed(2)]);
    if (orderBy !== undefined) {
      const byValue = orderBy.toLowerCase() !== groupBy.toLowerCase();
      rows.sort((a, b) => (byValue ? Number(a[1]) - Number(b[1]) : String(a[0]).localeCompare(String(b[0]))));
      if (/desc/i.test(direction ?? '')) rows.reverse();
    }
    rows = rows.slice(0, limit);
    return {
      ok: true,
      columns: [
        table.columns[group] ?? { name: groupBy, type: 'string' },
        { name: sum[2] ?? '_col1', type: 'double' },
      ],
      row_count: rows.length,
      row: (index) => rows[index] ?? [],
      bytes_scanned: scanned(table, 2),
    };
  }
  const indexes: number[] = [];
  for (const item of items) {
    if (item === '*') indexes.push(...table.columns.map((_, index) => index));
    else {
      const index = columnIndex(table, item);
      if (index < 0) return at(sql, item, `Column '${item}' cannot be resolved`);
      indexes.push(index);
    }
  }
  return {
    ok: true,
    columns: indexes.map((index) => table.columns[index] ?? { name: '?', type: 'string' }),
    row_count: Math.min(limit, table.row_count),
    row: (index) => {
      const row = table.row(index);
      return indexes.map((column) => row[column] ?? '');
    },
    bytes_scanned: scanned(table, new Set(indexes).size),
  };
}
