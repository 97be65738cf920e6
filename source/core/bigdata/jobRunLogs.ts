import type { BigDataStagingPort, JobRun } from './ports.js';
import { driverLogLocation } from './prepareJobRun.js';

export interface JobRunLogs {
  stdout?: string;
  stderr?: string;
  /** For a failed run: the driver's error lines (the traceback's last frames and the exception). */
  error_lines: string[];
  /** Why a log is missing (not written yet, or no log location). */
  notes: string[];
}

const ERROR_LINE =
  /(Traceback \(most recent call last\)|^\s+File "|Error\b|Exception\b|^\s*at |FAILED|ERROR )/;

/** The lines of a driver's stderr that say why it failed, at most `limit`, the last ones kept. */
export function driverErrorLines(stderr: string, limit = 20): string[] {
  const lines = stderr.split('\n').filter((line) => ERROR_LINE.test(line) && !/\bINFO\b/.test(line));
  return lines.slice(-limit);
}

/** A run's driver stdout and stderr from its S3 log location (EMR writes them gzipped when it ends). */
export async function jobRunLogs(
  staging: BigDataStagingPort,
  region: string,
  run: JobRun,
): Promise<JobRunLogs> {
  const logs: JobRunLogs = { error_lines: [], notes: [] };
  if (!run.log_uri) {
    logs.notes.push('the run was started without an S3 log location');
    return logs;
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    const location = driverLogLocation(run.log_uri, run.application_id, run.id, stream);
    const text = location && (await staging.readText(region, location));
    if (text === undefined || text === '')
      logs.notes.push(`no driver ${stream} yet (EMR writes it while the run goes on)`);
    else logs[stream] = text;
  }
  if (run.state === 'FAILED') {
    logs.error_lines = driverErrorLines(logs.stderr ?? '');
    if (logs.error_lines.length === 0 && run.state_details) logs.error_lines = [run.state_details];
  }
  return logs;
}
