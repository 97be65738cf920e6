import type { TableColumn } from '../../components/TableColumn.js';
import type { QueryColumn } from '../../core/analytics/ports.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/** A result row with its index, which is its key (rows have no id of their own). */
export interface ResultRow {
  index: number;
  cells: string[];
}

/** Table columns for a result: widths from the header and the first rows, the selected one marked. */
export function resultColumns(
  columns: readonly QueryColumn[],
  sample: readonly ResultRow[],
  selectedColumn: number,
): TableColumn<ResultRow>[] {
  return columns.map((column, index) => ({
    id: `${index}`,
    title: index === selectedColumn ? `[${column.name}]` : column.name,
    width: Math.min(
      30,
      Math.max(column.name.length + 2, ...sample.slice(0, 50).map((row) => (row.cells[index] ?? '').length)),
    ),
    align: /int|double|decimal|float|real/.test(column.type) ? 'right' : 'left',
    cell: (row: ResultRow) => sanitizeForTerminal(row.cells[index] ?? ''),
    // Columns on the right go first when they do not fit.
    priority: columns.length - index,
  }));
}
