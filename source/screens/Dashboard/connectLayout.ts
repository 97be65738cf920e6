import { wrapText } from '../../components/wrapText.js';
import type { ConnectItem } from './connectItems.js';

/** One row of the connect dialog: part of an item's text, with the item's label on its first row. */
export interface ConnectRow {
  item: number;
  /** `> Open  ` on an item's first row, blanks on the rows after. */
  prefix: string;
  text: string;
}

const LABEL_WIDTH = 6;

/**
 * The connect dialog's rows at a width: every URL and command wrapped whole. When they do not all
 * fit in `maxRows`, the items not selected shrink to one row each (the selected one stays whole),
 * so what `y` copies is always on screen.
 */
export function connectLayout(
  items: readonly ConnectItem[],
  selected: number,
  width: number,
  maxRows: number,
): ConnectRow[] {
  const rowsOf = (index: number, collapsed: boolean): ConnectRow[] => {
    const item = items[index];
    if (!item) return [];
    const marker = index === selected ? '> ' : '  ';
    const head = item.label ? `${marker}${item.label.padEnd(LABEL_WIDTH)} ` : marker;
    const indent = ' '.repeat(head.length);
    const lines = wrapText(item.text, width - head.length);
    const shown = collapsed && lines.length > 1 ? [`${lines[0]?.slice(0, -1) ?? ''}…`] : lines;
    return shown.map((text, row) => ({ item: index, prefix: row === 0 ? head : indent, text }));
  };
  const whole = items.flatMap((_, index) => rowsOf(index, false));
  if (whole.length <= maxRows) return whole;
  const collapsed = items.flatMap((_, index) => rowsOf(index, index !== selected));
  return collapsed.slice(0, Math.max(1, maxRows));
}
