import { Box, Text } from 'ink';
import { useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { CONFIRM_DIALOG_HEIGHT, ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LogTail } from '../../components/LogTail.js';
import { PageNote } from '../../components/PageNote.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { jobRunLogs } from '../../core/bigdata/jobRunLogs.js';
import { cancelRefusal } from '../../core/bigdata/jobRunStates.js';
import type { JobRun, SparkApplication } from '../../core/bigdata/ports.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';
import { applicationColumns, runColumns } from './bigdataColumns.js';
import { clusterColumns, stepColumns } from './clusterColumns.js';
import { useBigDataData } from './useBigDataData.js';
import { useClusterActions } from './useClusterActions.js';
import { useClusterData } from './useClusterData.js';

const VIEWS = ['applications', 'runs', 'clusters', 'steps'] as const;
type View = (typeof VIEWS)[number];
const REFRESH_MS = 5_000;
const LOG_LINES = 6;

/**
 * Spark on EMR Serverless and EMR on EC2: the applications with state, capacity and $/h and the
 * selected one's job runs with duration and cost; the clusters with nodes up and $/h and the
 * selected one's steps. Tab switches views, Enter opens an application's runs or a cluster's
 * steps, `l` tails a run's driver log (or a step's failure), `x` cancels a run or a step, and
 * ctrl+d terminates a cluster (the dashboard's terminate key), each after its name is typed.
 */
export function BigDataScreen({ width, height }: ScreenProps) {
  const shell = useShell();
  const session = shell.session;
  const [view, setView] = useState<View>('applications');
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [log, setLog] = useState<string | undefined>(undefined);
  const [selectedCluster, setSelectedCluster] = useState<string | undefined>(undefined);
  const data = useBigDataData(session, selected, REFRESH_MS);
  const clusterData = useClusterData(session, selectedCluster, REFRESH_MS);
  const clusterRows = clusterData.clusters ?? [];
  const stepRows = clusterData.steps ?? [];
  const applications = data.applications ?? [];
  const application: SparkApplication | undefined =
    applications.find((row) => row.application.id === selected)?.application ?? applications[0]?.application;
  const runs = data.runs ?? [];
  const keys = {
    applications: applications.map((r) => r.application.id),
    runs: runs.map((r) => r.run.id),
    clusters: clusterRows.map((r) => r.cluster.id),
    steps: stepRows.map((r) => r.step.id),
  }[view];
  const logRows = log === undefined ? 0 : LOG_LINES + 1;
  const tableHeight = Math.max(3, height - 2 - logRows);
  const cursor = useListCursor(keys, tableHeight - 2);
  const run: JobRun | undefined =
    view === 'runs' && cursor.index !== -1 ? runs[cursor.index]?.run : undefined;

  const showLog = (target: JobRun, app: SparkApplication) => {
    setLog('…');
    jobRunLogs(session.account.bigdata.staging, app.region, target).then(
      (logs) => {
        // A failed run shows why; otherwise what the driver printed, else Spark's own log.
        const text = (
          logs.error_lines.length > 0 ? logs.error_lines.join('\n') : (logs.stdout ?? logs.stderr ?? '')
        ).trim();
        setLog(text || logs.notes.join('; '));
      },
      (error: unknown) => setLog(describeError(error).message),
    );
  };

  const confirmCancel = (target: JobRun, app: SparkApplication) =>
    shell.showModal({
      height: CONFIRM_DIALOG_HEIGHT,
      node: (
        <ConfirmDialog
          title={`Cancel run ${safe(target.name || target.id)}?`}
          message={`The run stops; what it wrote so far stays. Its application ${safe(app.name)} keeps running.`}
          confirmText={app.name}
          onCancel={shell.closeModal}
          onConfirm={() => {
            shell.closeModal();
            session.account.bigdata.serverless.cancelJobRun(app.region, app.id, target.id).then(
              () => {
                setNotice(`cancelling ${target.id}`);
                data.reload();
              },
              (error: unknown) => setNotice(describeError(error).message),
            );
          }}
        />
      ),
    });

  const next = VIEWS[(VIEWS.indexOf(view) + 1) % VIEWS.length] ?? 'applications';
  const clusterActions = useClusterActions({
    view,
    cursorIndex: cursor.index,
    clusters: clusterRows,
    steps: stepRows,
    selected: selectedCluster,
    onNotice: setNotice,
    onLog: setLog,
    reload: clusterData.reload,
    openSteps: (id) => {
      setSelectedCluster(id);
      setView('steps');
    },
  });
  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'tab',
      label: next,
      run: () => {
        setView(next);
        setLog(undefined);
      },
    },
    {
      key: 'enter',
      label: 'open runs',
      when: () => view === 'applications' && cursor.index !== -1,
      run: () => {
        setSelected(applications[cursor.index]?.application.id);
        setView('runs');
      },
    },
    ...clusterActions.actions,
    {
      key: 'l',
      label: 'log tail',
      when: () => run !== undefined,
      run: () => {
        if (run && application) showLog(run, application);
      },
    },
    {
      key: 'x',
      label: 'cancel run',
      dangerous: true,
      mutates: true,
      when: () => run !== undefined && cancelRefusal(run.state) === undefined,
      run: () => {
        if (run && application) confirmCancel(run, application);
      },
    },
    {
      key: 'r',
      label: 'refresh',
      run: () => {
        data.reload();
        clusterData.reload();
      },
    },
  ];
  useActions(actions);

  const cluster = clusterActions.cluster;
  const heading = {
    applications: '[applications]  runs  clusters  steps',
    runs: `applications  [runs of ${application ? `${application.name} (${application.state})` : '-'}]  clusters  steps`,
    clusters: 'applications  runs  [clusters]  steps',
    steps: `applications  runs  clusters  [steps of ${cluster ? `${cluster.name} (${cluster.state})` : '-'}]`,
  }[view];
  const clusterView = view === 'clusters' || view === 'steps';
  const note = clusterView
    ? (clusterData.error ??
      notice ??
      (clusterData.clusters === undefined
        ? 'Listing clusters…'
        : clusterRows.length === 0
          ? 'No EMR clusters yet: cws-tui bigdata cluster create emr-spark-cluster <name>'
          : 'EMR on EC2: Enter opens a cluster’s steps, l shows a step, x cancels it, ctrl+d terminates the cluster.'))
    : (data.error ??
      notice ??
      (data.applications === undefined
        ? 'Listing applications…'
        : applications.length === 0
          ? 'No Spark applications yet: cws-tui bigdata create spark-serverless <name>'
          : 'Spark on EMR Serverless: Enter opens an application’s runs, Tab switches, l tails a log, x cancels.'));
  const common = { selectedIndex: cursor.index, width, height: tableHeight };
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate" bold>
        {safe(heading)}
      </Text>
      <PageNote text={note} error={Boolean(clusterView ? clusterData.error : data.error)} />
      {view === 'applications' ? (
        <Table
          {...common}
          rows={applications}
          columns={applicationColumns}
          rowKey={(r) => r.application.id}
          emptyText="No applications."
        />
      ) : view === 'runs' ? (
        <Table
          {...common}
          rows={runs}
          columns={runColumns}
          rowKey={(r) => r.run.id}
          emptyText="No job runs: cws-tui bigdata submit <app> <script.py>"
        />
      ) : view === 'clusters' ? (
        <Table
          {...common}
          rows={clusterRows}
          columns={clusterColumns}
          rowKey={(r) => r.cluster.id}
          emptyText="No clusters."
        />
      ) : (
        <Table
          {...common}
          rows={stepRows}
          columns={stepColumns}
          rowKey={(r) => r.step.id}
          emptyText="No steps: cws-tui bigdata cluster step <cluster> <script.py>"
        />
      )}
      {log !== undefined ? (
        <LogTail
          title={clusterView ? `step ${clusterActions.step?.id ?? ''}:` : `driver log of ${run?.id ?? ''}:`}
          log={log}
          lines={LOG_LINES}
        />
      ) : null}
    </Box>
  );
}
