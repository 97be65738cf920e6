import type { SlurmAccountingRecord, SlurmJob, SlurmPartitionNodes } from './SlurmJob.js';
import { SLURM_DELIMITER } from './slurmScripts.js';

export class SlurmOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlurmOutputError';
  }
}

/** Slurm's durations: `MM:SS`, `HH:MM:SS`, `D-HH:MM:SS` (also `D-HH`, `D-HH:MM`). */
export function parseSlurmDuration(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'INVALID' || trimmed === 'UNLIMITED' || trimmed === 'Partition_Limit')
    return 0;
  const match = /^(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?$/.exec(trimmed);
  if (!match) throw new SlurmOutputError(`not a Slurm duration: ${JSON.stringify(text)}`);
  const [, days, a, b, c] = match;
  const parts = [a, b, c].filter((part): part is string => part !== undefined).map(Number);
  let seconds: number;
  if (days !== undefined) {
    const [hours = 0, minutes = 0, secs = 0] = parts;
    seconds = ((Number(days) * 24 + hours) * 60 + minutes) * 60 + secs;
  } else if (parts.length === 3) seconds = ((parts[0] ?? 0) * 60 + (parts[1] ?? 0)) * 60 + (parts[2] ?? 0);
  else if (parts.length === 2) seconds = (parts[0] ?? 0) * 60 + (parts[1] ?? 0);
  else seconds = (parts[0] ?? 0) * 60;
  return seconds;
}

/** Splits a line into `count` fields; the last one (free text) keeps any delimiter it contains. */
function fields(line: string, count: number, what: string): string[] {
  const parts = line.split(SLURM_DELIMITER);
  if (parts.length < count)
    throw new SlurmOutputError(
      `${what} line has ${parts.length} fields, expected ${count}: ${JSON.stringify(line.slice(0, 120))}`,
    );
  return [...parts.slice(0, count - 1), parts.slice(count - 1).join(SLURM_DELIMITER)];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
const optionalTime = (value: string) =>
  value === '' || value === 'Unknown' || value === 'None' ? undefined : value;

/** `squeue --noheader -o SQUEUE_FORMAT`. */
export function parseSqueue(text: string): SlurmJob[] {
  return lines(text).map((line) => {
    const [
      job_id = '',
      user = '',
      state = '',
      partition = '',
      nodes = '',
      used = '',
      limit = '',
      submitted = '',
      nodeList = '',
      reason = '',
      name = '',
    ] = fields(line, 11, 'squeue');
    return {
      job_id,
      user,
      state,
      partition,
      nodes: Number.parseInt(nodes, 10) || 0,
      time_used_seconds: parseSlurmDuration(used),
      time_limit: limit,
      submitted_at: submitted,
      node_list: nodeList,
      reason: reason === 'None' ? '' : reason,
      name,
    };
  });
}

/** `sacct --noheader --parsable2 --format=SACCT_FIELDS`. */
export function parseSacct(text: string): SlurmAccountingRecord[] {
  return lines(text).map((line) => {
    const [
      job_id = '',
      user = '',
      partition = '',
      state = '',
      exit = '',
      elapsed = '',
      nodes = '',
      submitted = '',
      started = '',
      ended = '',
      nodeList = '',
      name = '',
    ] = fields(line, 12, 'sacct');
    const record: SlurmAccountingRecord = {
      job_id,
      user,
      partition,
      // "CANCELLED by 1001" is CANCELLED.
      state: state.split(' ')[0] ?? state,
      exit_code: exit,
      elapsed_seconds: parseSlurmDuration(elapsed),
      nodes: Number.parseInt(nodes, 10) || 0,
      submitted_at: submitted,
      node_list: nodeList,
      name,
    };
    const start = optionalTime(started);
    const end = optionalTime(ended);
    if (start) record.started_at = start;
    if (end) record.ended_at = end;
    return record;
  });
}

/**
 * `sinfo --noheader -N -o SINFO_FORMAT`: one line per node and partition. A state's suffix says
 * what autoscaling does: `~` powered down, `#` powering up, `%` powering down, `*` not responding.
 */
export function parseSinfo(text: string): SlurmPartitionNodes[] {
  const byPartition = new Map<string, SlurmPartitionNodes>();
  for (const line of lines(text)) {
    const [partition = '', , rawState = ''] = fields(line, 3, 'sinfo');
    const entry = byPartition.get(partition) ?? {
      partition,
      idle: 0,
      allocated: 0,
      down: 0,
      powered_down: 0,
      changing: 0,
    };
    byPartition.set(partition, entry);
    const state = rawState.toLowerCase();
    const base = state.replace(/[~#%*!$@^-]+$/, '');
    if (state.endsWith('~')) entry.powered_down++;
    else if (state.endsWith('#') || state.endsWith('%')) entry.changing++;
    else if (/^(down|drain|drained|draining|fail|failing|inval|unknown)/.test(base) || state.endsWith('*'))
      entry.down++;
    else if (/^(alloc|allocated|mix|mixed|completing)/.test(base)) entry.allocated++;
    else entry.idle++;
  }
  return [...byPartition.values()];
}
