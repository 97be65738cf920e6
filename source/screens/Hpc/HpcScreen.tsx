import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { LogTail } from '../../components/LogTail.js';
import { PageNote } from '../../components/PageNote.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { cancelJob, jobOutputTail } from '../../core/hpc/slurmOnCluster.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { clusterColumns, historyColumns, jobColumns, matchesJobFilter, queueColumns } from './hpcColumns.js';
import { useHpcData } from './useHpcData.js';

const VIEWS = ['clusters', 'queues', 'jobs', 'history'] as const;
type View = (typeof VIEWS)[number];
const REFRESH_MS = 5_000;
/** Lines of a job's output the pane shows. */
const OUTPUT_LINES = 6;

/**
 * HPC clusters (AWS ParallelCluster): the clusters with state, nodes up and $/h; the selected
 * cluster's queues (idle/allocated/down/powered-down nodes and min/max), its live Slurm jobs
 * (filtered by `/`, `x` cancels, Enter shows the output tail) and its history with each job's cost.
 */
export function HpcScreen({ width, height, filter }: ScreenProps) {
  const shell = useShell();
  const [view, setView] = useState<View>('clusters');
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [output, setOutput] = useState<string | undefined>(undefined);
  const data = useHpcData(shell.session, selected, REFRESH_MS);
  const clusters = data.clusters ?? [];
  const cluster = clusters.find((row) => row.cluster.name === selected)?.cluster ?? clusters[0]?.cluster;
  const jobs = useMemo(
    () => (data.details?.jobs ?? []).filter((job) => matchesJobFilter(job, filter)),
    [data.details, filter],
  );
  const history = useMemo(
    () =>
      (data.details?.history ?? []).filter((row) => matchesJobFilter({ ...row, state: row.state }, filter)),
    [data.details, filter],
  );
  const queues = data.details?.queues ?? [];
  const keys =
    view === 'clusters'
      ? clusters.map((r) => r.cluster.name)
      : view === 'queues'
        ? queues.map((q) => q.partition)
        : view === 'jobs'
          ? jobs.map((j) => j.job_id)
          : history.map((r) => r.job_id);
  const outputRows = output === undefined ? 0 : Math.min(8, output.split('\n').length + 1);
  const tableHeight = Math.max(3, height - 2 - outputRows);
  const cursor = useListCursor(keys, tableHeight - 2);
  const job = view === 'jobs' && cursor.index !== -1 ? jobs[cursor.index] : undefined;
  const next = VIEWS[(VIEWS.indexOf(view) + 1) % VIEWS.length] ?? 'clusters';

  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'tab',
      label: next,
      run: () => {
        setView(next);
        setOutput(undefined);
      },
    },
    ...VIEWS.map(
      (target, index): Action => ({
        key: String(index + 1),
        label: target,
        footer: false,
        run: () => setView(target),
      }),
    ),
    {
      key: 'enter',
      label: view === 'clusters' ? 'open cluster' : 'job output',
      when: () => (view === 'clusters' && cursor.index !== -1) || job !== undefined,
      run: () => {
        if (view === 'clusters') {
          setSelected(clusters[cursor.index]?.cluster.name);
          setView('queues');
          return;
        }
        if (!job || !cluster) return;
        setOutput('…');
        jobOutputTail(data.context, cluster, job.job_id, OUTPUT_LINES).then(setOutput, (error: unknown) =>
          setOutput(describeError(error).message),
        );
      },
    },
    {
      key: 'x',
      label: 'cancel job',
      dangerous: true,
      mutates: true,
      when: () => job !== undefined && (job.state === 'PENDING' || job.state === 'RUNNING'),
      run: () => {
        if (!job || !cluster) return;
        cancelJob(data.context, cluster, job.job_id).then(
          () => {
            setNotice(`cancelled ${job.job_id}`);
            data.reload();
          },
          (error: unknown) => setNotice(describeError(error).message),
        );
      },
    },
    { key: 'r', label: 'refresh', run: data.reload },
  ];
  useActions(actions);

  const heading = cluster
    ? `${VIEWS.map((v, i) => (v === view ? `[${i + 1} ${v}]` : `${i + 1} ${v}`)).join('  ')}   cluster: ${cluster.name} (${cluster.status})`
    : VIEWS.map((v, i) => `${i + 1} ${v}`).join('  ');
  const note =
    data.error ??
    notice ??
    (data.clusters === undefined
      ? 'Listing clusters…'
      : clusters.length === 0
        ? 'No clusters yet: cws-tui hpc create <name> --template slurm-small'
        : 'Slurm on AWS ParallelCluster: Enter opens a cluster, Tab switches views, / filters jobs by user or state.');
  const common = { selectedIndex: cursor.index, width, height: tableHeight };
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate" bold>
        {sanitizeForTerminal(heading)}
      </Text>
      <PageNote text={note} error={Boolean(data.error)} />
      {view === 'clusters' ? (
        <Table
          {...common}
          rows={clusters}
          columns={clusterColumns}
          rowKey={(r) => r.cluster.name}
          emptyText="No clusters."
        />
      ) : view === 'queues' ? (
        <Table
          {...common}
          rows={queues}
          columns={queueColumns}
          rowKey={(q) => q.partition}
          emptyText="The cluster's queues show once it is CREATE_COMPLETE."
        />
      ) : view === 'jobs' ? (
        <Table
          {...common}
          rows={jobs}
          columns={jobColumns}
          rowKey={(j) => j.job_id}
          emptyText={filter ? 'No job matches the filter.' : 'No jobs in the queue.'}
        />
      ) : (
        <Table
          {...common}
          rows={history}
          columns={historyColumns}
          rowKey={(r) => r.job_id}
          emptyText="No jobs in the last 7 days."
        />
      )}
      {output !== undefined ? (
        <LogTail title={`output of ${job?.job_id ?? ''}:`} log={output} lines={OUTPUT_LINES} />
      ) : null}
    </Box>
  );
}
