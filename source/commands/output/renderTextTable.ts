import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

export interface TextColumn<Row> {
  header: string;
  value: (row: Row) => string;
  align?: 'left' | 'right';
}

/**
 * A plain-text table for the non-interactive commands. Cell text comes from AWS and templates, so
 * control characters are stripped: a hostile tag cannot move the cursor of a script's terminal.
 */
export function renderTextTable<Row>(rows: readonly Row[], columns: readonly TextColumn<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => sanitizeForTerminal(column.value(row))));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const format = (values: readonly string[]) =>
    values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        return columns[index]?.align === 'right' ? value.padStart(width) : value.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return `${[format(columns.map((column) => column.header)), ...cells.map(format)].join('\n')}\n`;
}
