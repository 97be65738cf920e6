import type { ThemeColor } from '../app/theme.js';

/** One column of a `Table`: what it shows of a row and how wide it is. */
export interface TableColumn<Row> {
  id: string;
  title: string;
  /** Cells; a `grow` column gets at least this and shares what the others leave. */
  width: number;
  grow?: boolean;
  align?: 'left' | 'right';
  /** The cell's text, already safe to draw. */
  cell: (row: Row) => string;
  color?: (row: Row) => ThemeColor;
}

/** Column widths that fill `width` exactly: fixed columns first, the rest to the `grow` columns. */
export function layoutColumns<Row>(columns: readonly TableColumn<Row>[], width: number): number[] {
  const gaps = columns.length - 1;
  const fixed = columns.reduce((sum, column) => sum + column.width, 0) + gaps;
  const growing = columns.filter((column) => column.grow).length;
  const spare = Math.max(0, width - fixed);
  let given = 0;
  let growIndex = 0;
  return columns.map((column) => {
    if (!column.grow) return column.width;
    growIndex++;
    const extra = growIndex === growing ? spare - given : Math.floor(spare / growing);
    given += extra;
    return column.width + extra;
  });
}
