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
  /**
   * When the columns do not fit, the lowest priority goes first (unset: never dropped). The
   * dashboard keeps NAME and STATE longest.
   */
  priority?: number;
}

/**
 * The columns that fit `width` at their base widths: while they do not, the one with the lowest
 * priority is left out (the details page shows what it held), never a column without a priority.
 */
export function fitColumns<Row>(columns: readonly TableColumn<Row>[], width: number): TableColumn<Row>[] {
  const shown = [...columns];
  const needed = () => shown.reduce((sum, column) => sum + column.width, 0) + Math.max(0, shown.length - 1);
  while (needed() > width) {
    let drop = -1;
    shown.forEach((column, index) => {
      const lowest = drop === -1 ? undefined : shown[drop]?.priority;
      if (column.priority !== undefined && (lowest === undefined || column.priority < lowest)) drop = index;
    });
    if (drop === -1) break;
    shown.splice(drop, 1);
  }
  return shown;
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
