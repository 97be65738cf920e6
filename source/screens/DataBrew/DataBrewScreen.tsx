import { Box, Text } from 'ink';
import { useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { LogTail } from '../../components/LogTail.js';
import { PageNote } from '../../components/PageNote.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import type { DataBrewJobRun } from '../../core/analytics/dataBrewPorts.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';
import { jobColumns, runColumns } from './dataBrewColumns.js';
import { useDataBrewData } from './useDataBrewData.js';

type View = 'jobs' | 'runs';
const REFRESH_MS = 5_000;
const LOG_LINES = 6;
const LOG_GROUP = '/aws-glue-databrew/jobs';

/**
 * Glue DataBrew: the jobs with their last run's state and cost, and the selected job's runs with
 * state, duration, node-hours and cost; `l` shows a run's CloudWatch Logs lines. The same keys as
 * the big data page: Enter opens a job's runs, Tab switches, r refreshes.
 */
export function DataBrewScreen({ width, height }: ScreenProps) {
  const shell = useShell();
  const session = shell.session;
  const [view, setView] = useState<View>('jobs');
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [log, setLog] = useState<string | undefined>(undefined);
  const data = useDataBrewData(session, selected, REFRESH_MS);
  const jobs = data.jobs ?? [];
  const job = jobs.find((row) => row.job.name === selected)?.job ?? jobs[0]?.job;
  const runs = data.runs ?? [];
  const keys = view === 'jobs' ? jobs.map((r) => r.job.name) : runs.map((r) => r.run_id);
  const logRows = log === undefined ? 0 : LOG_LINES + 1;
  const tableHeight = Math.max(3, height - 2 - logRows);
  const cursor = useListCursor(keys, tableHeight - 2);
  const run: DataBrewJobRun | undefined =
    view === 'runs' && cursor.index !== -1 ? runs[cursor.index] : undefined;

  const showLog = (target: DataBrewJobRun) => {
    setLog('…');
    const logs = session.account.analytics.dataprep.logs;
    const group = target.log_group ?? LOG_GROUP;
    logs
      .tail(data.region, group, target.run_id, LOG_LINES)
      .then((lines) => (lines.length > 0 ? lines : logs.tail(data.region, group, target.job, LOG_LINES)))
      .then(
        (lines) =>
          setLog(
            lines.length > 0
              ? lines.map((line) => `${line.at.slice(11, 19)} ${line.message}`).join('\n')
              : `no log lines yet in ${group}`,
          ),
        (error: unknown) => setLog(describeError(error).message),
      );
  };

  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'tab',
      label: view === 'jobs' ? 'runs' : 'jobs',
      run: () => {
        setView(view === 'jobs' ? 'runs' : 'jobs');
        setLog(undefined);
      },
    },
    {
      key: 'enter',
      label: 'open runs',
      when: () => view === 'jobs' && cursor.index !== -1,
      run: () => {
        setSelected(jobs[cursor.index]?.job.name);
        setView('runs');
      },
    },
    {
      key: 'l',
      label: 'log tail',
      when: () => run !== undefined,
      run: () => {
        if (run) showLog(run);
      },
    },
    { key: 'r', label: 'refresh', run: data.reload },
  ];
  useActions(actions);

  const heading =
    view === 'jobs' ? `[jobs]  runs  (${data.region})` : `jobs  [runs of ${job ? job.name : '-'}]`;
  const note =
    data.error ??
    (data.jobs === undefined
      ? 'Listing DataBrew jobs…'
      : jobs.length === 0
        ? 'No DataBrew jobs yet: cws-tui databrew job run <dataset> clean'
        : 'Glue DataBrew at $0.48 per node-hour: Enter opens a job’s runs, Tab switches, l shows a run’s log.');
  const common = { selectedIndex: cursor.index, width, height: tableHeight };
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate" bold>
        {safe(heading)}
      </Text>
      <PageNote text={note} error={Boolean(data.error)} />
      {view === 'jobs' ? (
        <Table {...common} rows={jobs} columns={jobColumns} rowKey={(r) => r.job.name} emptyText="No jobs." />
      ) : (
        <Table
          {...common}
          rows={runs}
          columns={runColumns(Date.now())}
          rowKey={(r) => r.run_id}
          emptyText="No runs of this job yet."
        />
      )}
      {log !== undefined ? (
        <LogTail title={`log of ${run?.run_id ?? ''}:`} log={log} lines={LOG_LINES} />
      ) : null}
    </Box>
  );
}
