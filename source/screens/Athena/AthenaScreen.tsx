import { homedir } from 'node:os';
import { join } from 'node:path';
import { Box, Text } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { exportQueryCsv } from '../../app/session/exportQueryCsv.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import type { CatalogDatabase, CatalogTable } from '../../core/analytics/ports.js';
import { sqlErrorPosition } from '../../core/analytics/sqlErrorPosition.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { catalogRows, exampleQuery } from './catalogRows.js';
import { editorOf, editorText, editQuery, moveTo, type QueryEditorState } from './editQuery.js';
import { QueryEditor } from './QueryEditor.js';
import { QueryStatus } from './QueryStatus.js';
import { type ResultRow, resultColumns } from './resultColumns.js';
import { EMPTY_WINDOW, heldRows, pageOf, RESULT_PAGE_ROWS, rowAt as resultRowAt } from './resultWindow.js';
import { useAthenaQuery } from './useAthenaQuery.js';

type Focus = 'editor' | 'results' | 'catalog';
const EDITOR_LINES = 6;
const NO_ROWS: readonly ResultRow[] = [];

/**
 * Athena in the terminal: the Data Catalog on the left, a multi-line editor with history
 * (Ctrl-Enter or Ctrl-R runs), a virtualized result table that holds only the 1,000-row pages around
 * the cursor (fetched as it nears them, again when it comes back), and each query's bytes scanned
 * and cost.
 */
export function AthenaScreen({ width, height }: ScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const theme = useTheme();
  const { view, run, ensureRows } = useAthenaQuery();
  const [focus, setFocus] = useState<Focus>('editor');
  const [editor, setEditorState] = useState<QueryEditorState>(editorOf(''));
  // Several keys can arrive before the next render (a paste, a fast typist): each edits the latest text.
  const editorRef = useRef(editor);
  const setEditor = useCallback(
    (next: QueryEditorState | ((current: QueryEditorState) => QueryEditorState)) => {
      editorRef.current = typeof next === 'function' ? next(editorRef.current) : next;
      setEditorState(editorRef.current);
    },
    [],
  );
  const [history, setHistory] = useState<string[]>([]);
  const [historyAt, setHistoryAt] = useState(-1);
  const [databases, setDatabases] = useState<CatalogDatabase[]>([]);
  const [tables, setTables] = useState<ReadonlyMap<string, CatalogTable[]>>(new Map());
  const [catalogAt, setCatalogAt] = useState(0);
  const [rowAt, setRowAt] = useState(0);
  const [columnAt, setColumnAt] = useState(0);
  const { region } = shell.session.info;
  const catalog = shell.session.account.analytics.catalog;

  useEffect(() => {
    let live = true;
    (async () => {
      const found = await catalog.listDatabases(region);
      const byDatabase = new Map<string, CatalogTable[]>();
      for (const database of found)
        byDatabase.set(database.name, await catalog.listTables(region, database.name));
      if (!live) return;
      setDatabases(found);
      setTables(byDatabase);
    })().catch((error: unknown) => store.flash('error', `Data Catalog: ${(error as Error).message}`));
    return () => {
      live = false;
    };
  }, [catalog, region, store]);

  const tree = useMemo(() => catalogRows(databases, tables), [databases, tables]);
  const finished = view.kind === 'finished' ? view : undefined;
  const window = finished?.window ?? EMPTY_WINDOW;
  const total = window.known_rows;
  // Joined again only when the cursor changes page or a page comes or goes, not on every key.
  const cursorPage = pageOf(rowAt);
  const held = useMemo(() => heldRows(window, cursorPage * RESULT_PAGE_ROWS), [window, cursorPage]);

  const columns = useMemo(
    () => resultColumns(finished?.columns ?? [], finished?.sample ?? NO_ROWS, columnAt),
    [finished?.columns, finished?.sample, columnAt],
  );

  const submit = () => {
    const sql = editorText(editorRef.current).trim();
    if (sql === '' || view.kind === 'running') return;
    setHistory((previous) => [sql, ...previous.filter((entry) => entry !== sql)].slice(0, 100));
    setHistoryAt(-1);
    setRowAt(0);
    setColumnAt(0);
    void run(sql);
  };
  const recall = (direction: 1 | -1) => {
    const next = historyAt + direction;
    if (next < -1 || next >= history.length) return;
    setHistoryAt(next);
    setEditor(editorOf(next === -1 ? '' : (history[next] ?? '')));
  };
  const moveRow = (delta: number) =>
    setRowAt((previous) => Math.max(0, Math.min(total - 1, previous + delta)));
  // The pages around the cursor are fetched as it nears them; those it leaves are let go.
  useEffect(() => {
    if (total > 0) ensureRows(rowAt);
  }, [rowAt, total, ensureRows]);
  // A SQL error puts the cursor where Athena says it is, before the frame with the error is read
  // (a layout effect): a key typed on seeing the error lands at that cursor.
  useLayoutEffect(() => {
    if (view.kind !== 'finished' || view.outcome.query.state !== 'FAILED') return;
    const position = sqlErrorPosition(view.outcome.query.state_reason ?? '');
    if (position) setEditor((current) => moveTo(current, position.line - 1, position.column - 1));
  }, [view, setEditor]);
  const exportCsv = () => {
    if (finished?.outcome.query.state !== 'SUCCEEDED') return;
    const query = finished.outcome.query;
    const path = join(homedir(), `athena-${query.id}.csv`);
    exportQueryCsv(path, (token) =>
      shell.session.account.analytics.athena.getResultsPage(region, query.id, {
        max_rows: 1000,
        ...(token ? { token } : {}),
      }),
    ).then(
      (count) => store.flash('success', `Exported ${count} rows to ${path}`),
      (error: unknown) => store.flash('error', `Export failed: ${(error as Error).message}`),
    );
  };
  const tableHeight = Math.max(3, height - EDITOR_LINES - 4);

  const run_ = { key: ['ctrl+enter', 'ctrl+r'], label: 'run', run: submit };
  const cycle: Action = {
    key: 'tab',
    label: focus === 'editor' ? 'results' : focus === 'results' ? 'catalog' : 'editor',
    run: () => setFocus(focus === 'editor' ? 'results' : focus === 'results' ? 'catalog' : 'editor'),
  };
  const actions: Action[] =
    focus === 'editor'
      ? [run_, cycle, { key: 'esc', label: 'results', run: () => setFocus('results') }]
      : focus === 'results'
        ? [
            run_,
            cycle,
            { key: ['down', 'j'], label: 'down', footer: false, run: () => moveRow(1) },
            { key: ['up', 'k'], label: 'up', footer: false, run: () => moveRow(-1) },
            { key: 'pgdn', label: 'page down', footer: false, run: () => moveRow(tableHeight - 1) },
            { key: 'pgup', label: 'page up', footer: false, run: () => moveRow(-(tableHeight - 1)) },
            {
              key: ['left', 'h'],
              label: 'column',
              footer: false,
              run: () => setColumnAt(Math.max(0, columnAt - 1)),
            },
            {
              key: ['right', 'l'],
              label: 'column',
              footer: false,
              run: () => setColumnAt(Math.min(Math.max(0, columns.length - 1), columnAt + 1)),
            },
            {
              key: 'y',
              label: 'copy cell',
              when: () => resultRowAt(window, rowAt) !== undefined,
              run: () => {
                const cell = resultRowAt(window, rowAt)?.cells[columnAt] ?? '';
                shell
                  .copy(cell)
                  .then((result) => store.flash(result.sent ? 'success' : 'error', result.message));
              },
            },
            { key: 'e', label: 'export CSV', when: () => finished !== undefined, run: exportCsv },
            { key: 'i', label: 'edit', run: () => setFocus('editor') },
          ]
        : [
            cycle,
            {
              key: ['down', 'j'],
              label: 'down',
              footer: false,
              run: () => setCatalogAt(Math.min(tree.length - 1, catalogAt + 1)),
            },
            {
              key: ['up', 'k'],
              label: 'up',
              footer: false,
              run: () => setCatalogAt(Math.max(0, catalogAt - 1)),
            },
            {
              key: 'enter',
              label: 'query it',
              when: () => tree[catalogAt] !== undefined,
              run: () => {
                const row = tree[catalogAt];
                if (row) setEditor(editorOf(exampleQuery(row)));
                setFocus('editor');
              },
            },
          ];
  useActions(actions, {
    typing: focus === 'editor',
    onText: (text, keyName) => {
      if (focus !== 'editor') return false;
      const next = editQuery(editorRef.current, keyName, text);
      if (next) {
        setEditor(next);
        return true;
      }
      if (keyName === 'up') recall(1);
      else if (keyName === 'down') recall(-1);
      else return false;
      return true;
    },
  });

  const left = Math.min(28, Math.floor(width / 4));
  const right = width - left - 1;
  return (
    <Box height={height}>
      <Box flexDirection="column" width={left} marginRight={1}>
        <Text bold color={focus === 'catalog' ? theme.accent : undefined} wrap="truncate">
          Data Catalog
        </Text>
        {tree.slice(0, height - 1).map((row, index) => (
          <Text key={row.key} inverse={focus === 'catalog' && index === catalogAt} wrap="truncate">
            {sanitizeForTerminal(row.label)}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column" width={right}>
        <QueryEditor state={editor} focused={focus === 'editor'} lines={EDITOR_LINES} width={right} />
        <QueryStatus view={view} width={right} />
        {finished && finished.outcome.query.state === 'SUCCEEDED' ? (
          <Table
            rows={held.rows}
            offset={held.offset}
            total={total}
            columns={columns}
            rowKey={(row) => String(row.index)}
            selectedIndex={focus === 'results' ? rowAt : -1}
            width={right}
            height={tableHeight}
            emptyText="The query returned no rows."
          />
        ) : null}
      </Box>
    </Box>
  );
}
