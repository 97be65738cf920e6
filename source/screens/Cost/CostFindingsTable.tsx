import { Text } from 'ink';
import { useMemo } from 'react';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import type { CostFinding } from '../../core/cost/CostFinding.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { findingColumns, findingKey } from './findingColumns.js';
import type { FindingsState } from './useCostFindings.js';

/** The rows it draws under its table: the selected finding's fix, then each source that failed. */
export function findingsFooterRows(state: FindingsState): number {
  return 1 + (state.status === 'loaded' ? state.result.notes.length : 0);
}

/**
 * The cost page's findings view: every service's ways to spend less, biggest saving first, the
 * selected one's fix under the table, and a line for each service that could not be read.
 */
export function CostFindingsTable({
  state,
  findings,
  selectedIndex,
  width,
  height,
  filtered,
}: {
  state: FindingsState;
  findings: readonly CostFinding[];
  selectedIndex: number;
  width: number;
  height: number;
  filtered: boolean;
}) {
  const theme = useTheme();
  const columns = useMemo(() => findingColumns(), []);
  const selected = findings[selectedIndex];
  return (
    <>
      <Table
        rows={findings}
        columns={columns}
        rowKey={findingKey}
        selectedIndex={selectedIndex}
        width={width}
        height={height}
        emptyText={
          state.status === 'loading'
            ? "Reading every service's findings…"
            : filtered
              ? 'No finding matches the filter (Esc clears it).'
              : 'No findings: nothing idle, over-provisioned or left running without a limit.'
        }
      />
      <Text wrap="truncate" color={theme.muted}>
        {selected ? `fix: ${sanitizeForTerminal(selected.fix)}` : ' '}
      </Text>
      {(state.status === 'loaded' ? state.result.notes : []).map((note) => (
        <Text key={note} wrap="truncate" color={theme.warning}>
          {sanitizeForTerminal(note)}
        </Text>
      ))}
    </>
  );
}
