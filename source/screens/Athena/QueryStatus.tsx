import { Text } from 'ink';
import { useTheme } from '../../app/ThemeContext.js';
import { sqlErrorPosition } from '../../core/analytics/sqlErrorPosition.js';
import { formatBytes } from '../../core/text/formatBytes.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { QueryView } from './useAthenaQuery.js';

/** `$0.000048`: a query's cost is often under a cent, so small amounts keep their digits. */
export function formatQueryCost(usd: number): string {
  return usd > 0 && usd < 0.01 ? `$${usd.toFixed(6)}` : `$${usd.toFixed(2)}`;
}

/** One line under the editor: the query's state, or its rows, bytes scanned and cost, or its error. */
export function QueryStatus({ view, width }: { view: QueryView; width: number }) {
  const theme = useTheme();
  const safe = (text: string) =>
    sanitizeForTerminal(text)
      .replace(/\s*\n\s*/g, ' | ')
      .slice(0, width * 3);
  if (view.kind === 'idle')
    return <Text color={theme.muted}>Write SQL, then Ctrl-Enter (or Ctrl-R) runs it.</Text>;
  if (view.kind === 'running') return <Text color={theme.muted}>{`Query ${view.state.toLowerCase()}…`}</Text>;
  if (view.kind === 'failed')
    return <Text color={theme.danger}>{safe(`${view.message}${view.hint ? ` ${view.hint}` : ''}`)}</Text>;
  const { query, cost_usd, cancelled_by_limit } = view.outcome;
  const scanned = `${formatBytes(query.bytes_scanned)} scanned, ${formatQueryCost(cost_usd)}`;
  if (query.state === 'FAILED') {
    const position = sqlErrorPosition(query.state_reason ?? '');
    const where = position
      ? ` at line ${position.line}, column ${position.column} (the cursor is there)`
      : '';
    return (
      <Text color={theme.danger}>{safe(`Failed${where}: ${query.state_reason ?? 'no reason given'}`)}</Text>
    );
  }
  if (cancelled_by_limit)
    return (
      <Text
        color={theme.danger}
      >{`Cancelled by Athena at the workgroup's bytes-scanned limit: ${scanned}`}</Text>
    );
  if (query.state === 'CANCELLED') return <Text color={theme.warning}>{`Cancelled: ${scanned}`}</Text>;
  const more = view.window.complete ? '' : '+';
  return (
    <Text wrap="truncate">{`${view.window.known_rows}${more} rows · ${scanned} · query ${query.id.slice(0, 8)}`}</Text>
  );
}
