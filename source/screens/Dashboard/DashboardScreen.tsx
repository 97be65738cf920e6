import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { timeOfDay } from '../../app/shell/clockTime.js';
import { useAppState, useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { BULK_CONFIRM_DIALOG_HEIGHT, BulkConfirmDialog } from '../../components/BulkConfirmDialog.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { formatCount } from '../../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { CONNECT_DIALOG_HEIGHT, ConnectDialog } from './ConnectDialog.js';
import { dashboardColumns } from './dashboardColumns.js';
import { showColumnChooser, showTerminateDialog } from './dashboardDialogs.js';
import { dashboardLegend } from './dashboardLegend.js';
import { filterWorkstations } from './filterWorkstations.js';
import { nextSortKey, sortWorkstations, type WorkstationSort } from './sortWorkstations.js';

const rowKey = (workstation: Workstation) => workstation.id;
/** A managed service, or an EC2 workstation whose way in is a web page (Jupyter, RStudio, code-server). */
const isWebService = (workstation: Workstation) =>
  workstation.kind !== 'ec2' || workstation.connect.includes('web');
const STATUS_ROWS = 1;
/** At most this many rows explain the short state names and badges of a narrow table. */
const LEGEND_ROWS = 2;

export interface DashboardScreenProps extends ScreenProps {
  /** `services`: only the web services (SageMaker, Studio Lab, and the web services on EC2). */
  scope?: 'all' | 'services';
}

/** Every workstation and web service in one live table, with the actions that change them. */
export function DashboardScreen({ width, height, filter, scope = 'all' }: DashboardScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const theme = useTheme();
  const everything = useAppState((state) => state.workstations);
  const region = useAppState((state) => state.region);
  const workstations = useMemo(
    () =>
      everything.filter(
        (w) => (scope !== 'services' || isWebService(w)) && (region === undefined || w.region === region),
      ),
    [everything, scope, region],
  );
  const noun = scope === 'services' ? 'service' : 'workstation';
  const refreshedAt = useAppState((state) => state.refreshedAt);
  const refreshError = useAppState((state) => state.refreshError);
  const [sort, setSort] = useState<WorkstationSort>({ key: 'name', descending: false });
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const now = refreshedAt ?? 0;

  // Only the uptime order moves with the clock: other sorts re-sort only when the rows change.
  const sortNow = sort.key === 'uptime' ? now : 0;
  const sorted = useMemo(() => sortWorkstations(workstations, sort, sortNow), [workstations, sort, sortNow]);
  const rows = useMemo(() => filterWorkstations(sorted, filter), [sorted, filter]);
  const keys = useMemo(() => rows.map(rowKey), [rows]);
  const manyRegions = useMemo(() => new Set(rows.map((w) => w.region)).size > 1, [rows]);
  const allColumns = useMemo(
    () => dashboardColumns(width, theme, now, { manyRegions }),
    [width, theme, now, manyRegions],
  );
  const columns = useMemo(() => allColumns.filter((column) => !hidden.has(column.id)), [allColumns, hidden]);
  // A narrow table uses short state names and badge letters: the legend under it says what they mean.
  const legend = useMemo(() => dashboardLegend(rows, width).slice(0, LEGEND_ROWS), [rows, width]);
  const tableHeight = height - STATUS_ROWS - legend.length;
  const cursor = useListCursor(keys, tableHeight - 2);
  const selected = cursor.index === -1 ? undefined : rows[cursor.index];

  const targets = (): Workstation[] => {
    const markedRows = workstations.filter((w) => marked.has(w.id));
    if (markedRows.length > 0) return markedRows;
    return selected ? [selected] : [];
  };
  const describeTargets = (list: readonly Workstation[]) =>
    list.length === 1 ? (list[0]?.name ?? '') : `${list.length} workstations`;

  const runOnTargets = (verb: string, list: Workstation[], act: (w: Workstation) => Promise<void>) => {
    if (list.length === 0) return;
    setMarked(new Set());
    void Promise.all(
      list.map((workstation) =>
        act(workstation).then(
          () => true,
          (error: unknown) => {
            const { message, hint } = describeError(error);
            store.flash('error', `${verb} ${workstation.name}: ${message}`, hint);
            return false;
          },
        ),
      ),
    ).then((outcomes) => {
      const done = list.filter((_, index) => outcomes[index]);
      if (done.length > 0 && done.length === list.length)
        store.flash('success', `${verb} ${describeTargets(done)}`);
      shell.refreshNow();
    });
  };

  const hasTarget = () => selected !== undefined || marked.size > 0;
  // One key acting on several marked rows asks first; on one row it acts at once.
  const confirmBulk = (verb: string, list: Workstation[], go: (list: Workstation[]) => void) => {
    if (list.length <= 1) return go(list);
    shell.showModal({
      height: BULK_CONFIRM_DIALOG_HEIGHT,
      node: (
        <BulkConfirmDialog
          title={`${verb} ${list.length} workstations?`}
          names={list.map((w) => w.name)}
          onCancel={shell.closeModal}
          onConfirm={() => {
            shell.closeModal();
            go(list);
          }}
        />
      ),
    });
  };
  // In the footer's order: what the row is for first, then the rest (`? more` lists all).
  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'c',
      label: 'connect',
      when: () => selected !== undefined,
      run: () =>
        selected &&
        shell.showModal({
          height: CONNECT_DIALOG_HEIGHT,
          node: <ConnectDialog workstation={selected} onClose={shell.closeModal} />,
        }),
    },
    {
      key: 's',
      label: 'start',
      mutates: true,
      when: hasTarget,
      run: () => runOnTargets('Starting', targets(), (w) => shell.session.startWorkstation(w)),
    },
    {
      key: 'S',
      label: 'stop',
      mutates: true,
      when: hasTarget,
      run: () =>
        confirmBulk('Stop', targets(), (list) =>
          runOnTargets('Stopping', list, (w) => shell.session.stopWorkstation(w, { hibernate: false })),
        ),
    },
    {
      key: 'h',
      label: 'hibernate',
      mutates: true,
      when: hasTarget,
      run: () =>
        confirmBulk('Hibernate', targets(), (list) =>
          runOnTargets('Hibernating', list, (w) => shell.session.stopWorkstation(w, { hibernate: true })),
        ),
    },
    {
      key: 'ctrl+d',
      label: 'terminate',
      dangerous: true,
      when: hasTarget,
      run: () => {
        const list = targets();
        if (list.length === 0) return;
        showTerminateDialog(shell, describeTargets(list), list, () =>
          runOnTargets('Terminating', list, (w) => shell.session.terminateWorkstation(w)),
        );
      },
    },
    {
      key: 'enter',
      label: 'details',
      when: () => selected !== undefined,
      run: () => selected && shell.open('workstation', { id: selected.id, name: selected.name }),
    },
    {
      key: 'space',
      label: 'mark',
      when: () => selected !== undefined,
      run: () => {
        if (!selected) return;
        const next = new Set(marked);
        if (next.has(selected.id)) next.delete(selected.id);
        else next.add(selected.id);
        setMarked(next);
      },
    },
    {
      key: 'y',
      label: 'copy id',
      when: () => selected !== undefined,
      run: () => {
        if (!selected) return;
        const id = selected.id;
        void shell
          .copy(id)
          .then((result) => store.flash(result.sent ? 'success' : 'error', `${id}: ${result.message}`));
      },
    },
    {
      key: 'ctrl+a',
      label: 'mark all',
      footer: false,
      when: () => rows.length > 0,
      // Marks every row shown (the filter narrows it); a second Ctrl-A clears the marks.
      run: () => setMarked(marked.size === rows.length ? new Set() : new Set(rows.map(rowKey))),
    },
    {
      key: ['n', 'L'],
      label: 'launch',
      mutates: true,
      run: () => shell.open('launch'),
    },
    {
      key: 'o',
      label: `sort:${sort.key}`,
      run: () => setSort({ key: nextSortKey(sort.key), descending: false }),
    },
    {
      key: 'O',
      label: 'reverse',
      footer: false,
      run: () => setSort({ key: sort.key, descending: !sort.descending }),
    },
    { key: 'r', label: 'refresh', footer: false, run: () => shell.refreshNow() },
    {
      key: 'C',
      label: 'columns',
      footer: false,
      run: () => showColumnChooser(shell, allColumns, hidden, setHidden),
    },
  ];
  useActions(actions);

  const counts = [
    filter
      ? `${formatCount(rows.length)} of ${formatCount(workstations.length)}`
      : formatCount(workstations.length),
    workstations.length === 1 ? noun : `${noun}s`,
    ...(region ? [`in ${region}`] : []),
    ...(marked.size > 0 ? [`· ${formatCount(marked.size)} marked`] : []),
    ...(refreshedAt === undefined ? ['· loading…'] : [`· updated ${timeOfDay(refreshedAt)}`]),
  ].join(' ');
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        {counts}
        {refreshError ? (
          <Text color={theme.danger}> · refresh failed: {sanitizeForTerminal(refreshError)}</Text>
        ) : null}
      </Text>
      <Table
        rows={rows}
        columns={columns}
        rowKey={rowKey}
        selectedIndex={cursor.index}
        width={width}
        height={tableHeight}
        marked={marked}
        sort={{ column: sort.key, descending: sort.descending }}
        emptyText={
          refreshedAt === undefined
            ? `Loading ${noun}s…`
            : region !== undefined && everything.length > 0 && !filter
              ? `None in ${region}: :region shows another region or all of them.`
              : filter
                ? `No ${noun} matches the filter (Esc clears it).`
                : scope === 'services'
                  ? 'No web services yet: :launch one (SageMaker Studio, Canvas, JupyterLab, RStudio, VS Code).'
                  : shell.readonly
                    ? 'No workstations in this account (read-only: launching is off).'
                    : 'No workstations in this account yet: press n (or :launch) to launch one.'
        }
      />
      {legend.map((line) => (
        <Text key={line} wrap="truncate" color={theme.muted}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
