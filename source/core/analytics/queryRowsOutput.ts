import type { QueryColumn } from './ports.js';

export const QUERY_OUTPUTS = ['table', 'csv', 'json'] as const;
export type QueryOutput = (typeof QUERY_OUTPUTS)[number];

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** One row as a JSON line: column name to value. */
export function jsonLine(columns: readonly QueryColumn[], row: readonly string[]): string {
  const record: Record<string, string | null> = {};
  columns.forEach((column, index) => {
    record[column.name] = row[index] ?? null;
  });
  return `${JSON.stringify(record)}\n`;
}

/** A page as aligned columns; each page is laid out on its own so it can be printed as it comes. */
export function tableLines(
  columns: readonly QueryColumn[],
  rows: readonly string[][],
  header: boolean,
): string {
  const widths = columns.map((column, index) =>
    Math.min(40, Math.max(header ? column.name.length : 0, ...rows.map((row) => (row[index] ?? '').length))),
  );
  const line = (values: readonly string[]) =>
    `${values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        const cut = value.length > width ? `${value.slice(0, Math.max(0, width - 1))}…` : value;
        return cut.padEnd(width);
      })
      .join('  ')
      .trimEnd()}\n`;
  const head = header ? line(columns.map((column) => column.name.toUpperCase())) : '';
  return head + rows.map((row) => line(row)).join('');
}
