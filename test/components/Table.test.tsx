import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { fitText } from '../../source/components/fitText.js';
import { scrollTop, Table } from '../../source/components/Table.js';
import { layoutColumns, type TableColumn } from '../../source/components/TableColumn.js';

interface Row {
  id: string;
  name: string;
  cost: number;
}

const columns: TableColumn<Row>[] = [
  { id: 'name', title: 'NAME', width: 10, grow: true, cell: (row) => row.name },
  { id: 'cost', title: 'COST', width: 6, align: 'right', cell: (row) => row.cost.toFixed(2) },
];
const rows: Row[] = Array.from({ length: 10_000 }, (_, n) => ({
  id: `id-${n}`,
  name: `row-${n}`,
  cost: n / 100,
}));

describe('Table', () => {
  it('renders only the rows in view, with the heading and the sort indicator', () => {
    const { lastFrame } = render(
      <Table
        rows={rows}
        columns={columns}
        rowKey={(row) => row.id}
        selectedIndex={0}
        width={40}
        height={6}
        sort={{ column: 'cost', descending: true }}
      />,
    );
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(6);
    // The position in a long list, in the growing column's heading.
    expect(lines[0]).toMatch(/NAME\s+1-5\/10,000\s+COST▼/);
    expect(lines[1]).toMatch(/^> row-0\s+0\.00$/);
    expect(lines[5]).toContain('row-4');
    expect(lastFrame()).not.toContain('row-5');
  });

  it('scrolls just enough to keep the selection in view, and shows marks', () => {
    const { lastFrame, rerender } = render(
      <Table rows={rows} columns={columns} rowKey={(r) => r.id} selectedIndex={0} width={40} height={4} />,
    );
    rerender(
      <Table
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        selectedIndex={9_999}
        width={40}
        height={4}
        marked={new Set(['id-9998'])}
      />,
    );
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines[1]).toMatch(/^ {2}row-9997/);
    expect(lines[2]).toMatch(/^ \*row-9998/);
    expect(lines[3]).toMatch(/^> row-9999/);
  });

  it('says so when there is nothing to show', () => {
    const { lastFrame } = render(
      <Table
        rows={[]}
        columns={columns}
        rowKey={(r: Row) => r.id}
        selectedIndex={-1}
        width={40}
        height={4}
        emptyText="Nothing here."
      />,
    );
    expect(lastFrame()).toContain('Nothing here.');
  });

  it('moves the window by the least amount', () => {
    expect(scrollTop(0, 3, 5, 100)).toBe(0);
    expect(scrollTop(0, 7, 5, 100)).toBe(3);
    expect(scrollTop(10, 4, 5, 100)).toBe(4);
    expect(scrollTop(90, 99, 5, 20)).toBe(15);
  });

  it('lays columns out to the exact width and cuts long cells with an ellipsis', () => {
    expect(layoutColumns(columns, 40)).toEqual([33, 6]);
    expect(layoutColumns(columns, 10)).toEqual([10, 6]);
    expect(fitText('workstation', 6)).toBe('works…');
    expect(fitText('ab', 4, 'right')).toBe('  ab');
  });
});
