import { Box, Text } from 'ink';
import { Fragment, memo, useMemo, useRef } from 'react';
import { useTheme } from '../app/ThemeContext.js';
import { formatCount } from '../core/cost/formatUsd.js';
import { fitText } from './fitText.js';
import { fitColumns, layoutColumns, type TableColumn } from './TableColumn.js';

export interface TableSort {
  column: string;
  descending: boolean;
}

export interface TableProps<Row> {
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  rowKey: (row: Row) => string;
  selectedIndex: number;
  width: number;
  /** Rows of the terminal the table may use, its heading included. */
  height: number;
  marked?: ReadonlySet<string>;
  sort?: TableSort;
  emptyText?: string;
  /**
   * For a table longer than what is held: `rows` are rows `offset`… of `total`, and
   * `selectedIndex` counts from the first of all (the Athena page holds a window of its result).
   */
  offset?: number;
  total?: number;
}

/** Two cells on the left: the selection pointer and the bulk-action mark. */
const GUTTER = 2;

/** The first visible row, moved only as far as needed to keep the selection in view. */
export function scrollTop(previousTop: number, selected: number, visible: number, total: number): number {
  const maxTop = Math.max(0, total - visible);
  let top = Math.min(previousTop, maxTop);
  if (selected < top) top = selected;
  else if (selected >= top + visible) top = selected - visible + 1;
  return Math.max(0, Math.min(top, maxTop));
}

/**
 * A virtualized, selectable table: only the rows in view are rendered, each row is memoized, so a
 * cursor move re-renders two rows whatever the table's length.
 */
export function Table<Row>({
  rows,
  columns: allColumns,
  rowKey,
  selectedIndex,
  width,
  height,
  marked,
  sort,
  emptyText = 'Nothing to show.',
  offset = 0,
  total = rows.length,
}: TableProps<Row>) {
  const theme = useTheme();
  const topRef = useRef(0);
  const visible = Math.max(1, height - 1);
  const top = scrollTop(topRef.current, selectedIndex, visible, total);
  topRef.current = top;
  const columns = useMemo(() => fitColumns(allColumns, width - GUTTER), [allColumns, width]);
  const widths = useMemo(() => layoutColumns(columns, width - GUTTER), [columns, width]);
  // A long list says where the view is (`12-30/10,000`), right-aligned in the growing column's
  // heading when it has the room, so no other title is cut for it.
  const position =
    total > visible
      ? `${formatCount(top + 1)}-${formatCount(Math.min(total, top + visible))}/${formatCount(total)}`
      : '';
  let positionShown = position === '';
  const heading = columns
    .map((column, index) => {
      const width = widths[index] ?? column.width;
      const indicator = sort?.column === column.id ? (sort.descending ? '▼' : '▲') : '';
      const title = column.title + indicator;
      if (!positionShown && column.grow && title.length + 1 + position.length <= width) {
        positionShown = true;
        return title + fitText(position, width - title.length, 'right');
      }
      return fitText(title, width, column.align);
    })
    .join(' ');
  // No room there: at the heading's end, over the last titles.
  const fullHeading = positionShown
    ? heading
    : `${fitText(heading.trimEnd(), Math.max(0, width - GUTTER - position.length - 1))} ${position}`;
  // Rows not held (a page still being fetched) are left blank rather than shown out of place.
  const first = Math.max(top, offset);
  const window = rows.slice(first - offset, Math.max(first - offset, top + visible - offset));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">
        {' '.repeat(GUTTER)}
        {fullHeading}
      </Text>
      {total === 0 ? (
        <Text color={theme.muted} wrap="truncate">
          {'  '}
          {emptyText}
        </Text>
      ) : (
        window.map((row, index) => {
          const key = rowKey(row);
          return (
            <TableRow
              key={key}
              row={row}
              columns={columns}
              widths={widths}
              selected={first + index === selectedIndex}
              marked={marked?.has(key) ?? false}
            />
          );
        })
      )}
    </Box>
  );
}

interface TableRowProps<Row> {
  row: Row;
  columns: readonly TableColumn<Row>[];
  widths: readonly number[];
  selected: boolean;
  marked: boolean;
}

function TableRowView<Row>({ row, columns, widths, selected, marked }: TableRowProps<Row>) {
  const theme = useTheme();
  if (!selected) {
    // One Text per row, its cells nested (a nested Text has no layout node): a frame lays out one
    // node per row instead of two per cell, which was most of a scroll's work once the frame
    // builder reuses unchanged rows (see createCachedInkOutput), so padding costs next to nothing.
    return (
      <Text wrap="truncate">
        {marked ? ' *' : '  '}
        {columns.map((column, index) => {
          const width = widths[index] ?? column.width;
          const text = fitText(column.cell(row), width).trimEnd();
          const padding = ' '.repeat(Math.max(0, width - Array.from(text).length));
          const color = column.color?.(row);
          const cell = color ? <Text color={color}>{text}</Text> : text;
          return (
            <Fragment key={column.id}>
              {index === 0 ? '' : ' '}
              {column.align === 'right' ? padding : ''}
              {cell}
              {column.align === 'right' ? '' : padding}
            </Fragment>
          );
        })}
      </Text>
    );
  }
  return (
    <Text wrap="truncate" inverse={theme.color} bold>
      {'>'}
      {marked ? '*' : ' '}
      {columns.map((column, index) => {
        const text = fitText(column.cell(row), widths[index] ?? column.width, column.align);
        const separator = index === 0 ? '' : ' ';
        const color = column.color?.(row);
        return color ? (
          <Text key={column.id} color={color}>
            {separator}
            {text}
          </Text>
        ) : (
          separator + text
        );
      })}
    </Text>
  );
}

// Rows re-render only when their own data, selection or mark changes.
const TableRow = memo(TableRowView, (before, after) => {
  return (
    before.row === after.row &&
    before.selected === after.selected &&
    before.marked === after.marked &&
    before.columns === after.columns &&
    before.widths === after.widths
  );
}) as typeof TableRowView;
