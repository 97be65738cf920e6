import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { useActions } from '../../app/keys/useActions.js';
import { usePageActive } from '../../app/PageActiveContext.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { clockTime } from '../../app/shell/clockTime.js';
import type { LoggedMessage } from '../../app/store/MessageLog.js';
import { useAppState, useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import type { TableColumn } from '../../components/TableColumn.js';
import { useListCursor } from '../../components/useListCursor.js';
import { wrapText } from '../../components/wrapText.js';
import { formatCount } from '../../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/** Rows under the table for the chosen message, read whole. */
const DETAIL_ROWS = 3;
const KIND_LABEL: Record<LoggedMessage['kind'], string> = {
  info: 'info',
  success: 'done',
  error: 'error',
  alert: 'alert',
};

const rowKey = (message: LoggedMessage) => String(message.id);

function matches(message: LoggedMessage, needle: string): boolean {
  return `${message.kind} ${message.source} ${message.text} ${message.hint ?? ''}`
    .toLowerCase()
    .includes(needle);
}

/** `:events`: every message of the session, newest first, with its time and source. */
export function EventsScreen({ width, height, filter }: ScreenProps) {
  const theme = useTheme();
  const store = useAppStore();
  const active = usePageActive();
  const messages = useAppState((state) => state.messages);
  const now = Date.now();
  // Read while shown: what arrives while the page is open is read too.
  useEffect(() => {
    if (active && messages.length > 0) store.markMessagesRead();
  }, [active, messages, store]);
  const rows = useMemo(() => {
    const needle = filter.toLowerCase();
    return [...messages].reverse().filter((message) => needle === '' || matches(message, needle));
  }, [messages, filter]);
  const keys = useMemo(() => rows.map(rowKey), [rows]);
  const tableHeight = height - 1 - DETAIL_ROWS;
  const cursor = useListCursor(keys, tableHeight - 2);
  useActions(cursor.actions);
  const selected = cursor.index === -1 ? undefined : rows[cursor.index];
  const columns = useMemo<TableColumn<LoggedMessage>[]>(
    () => [
      { id: 'time', title: 'TIME', width: 8, cell: (m) => clockTime(m.at, now) },
      {
        id: 'kind',
        title: 'KIND',
        width: 5,
        cell: (m) => KIND_LABEL[m.kind],
        color: (m) =>
          m.kind === 'error' || m.kind === 'alert'
            ? theme.danger
            : m.kind === 'success'
              ? theme.success
              : undefined,
      },
      {
        id: 'source',
        title: 'SOURCE',
        width: width >= 110 ? 14 : 10,
        cell: (m) => sanitizeForTerminal(m.source),
      },
      { id: 'text', title: 'MESSAGE', width: 20, grow: true, cell: (m) => sanitizeForTerminal(m.text) },
    ],
    [theme, width, now],
  );
  const detail = selected
    ? wrapText(
        sanitizeForTerminal(`${selected.text}${selected.hint ? ` · ${selected.hint}` : ''}`),
        width,
      ).slice(0, DETAIL_ROWS)
    : [];
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        {formatCount(messages.length)} {messages.length === 1 ? 'message' : 'messages'} this session
        {filter ? ` · ${formatCount(rows.length)} match` : ''}
      </Text>
      <Table
        rows={rows}
        columns={columns}
        rowKey={rowKey}
        selectedIndex={cursor.index}
        width={width}
        height={tableHeight}
        emptyText={filter ? 'No message matches the filter (Esc clears it).' : 'No messages yet.'}
      />
      <Box flexDirection="column" height={DETAIL_ROWS}>
        {detail.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines of one text have no other identity
          <Text key={index} wrap="truncate">
            {line}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
