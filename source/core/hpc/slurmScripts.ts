import { remoteScriptFor } from '../exec/remoteScriptFor.js';
import { shellQuote } from '../provisioning/shellQuote.js';

/** ParallelCluster installs Slurm here on every node. */
const SLURM_BIN = '/opt/slurm/bin';
/** Fields are joined by this; free text (a job name) is always the last field, so a `|` in it is kept. */
export const SLURM_DELIMITER = '|';

export const SQUEUE_FORMAT = '%i|%u|%T|%P|%D|%M|%l|%V|%N|%r|%j';
export const SACCT_FIELDS =
  'JobID,User,Partition,State,ExitCode,Elapsed,NNodes,Submit,Start,End,NodeList,JobName';
export const SINFO_FORMAT = '%R|%N|%T';

/**
 * SSM SendCommand accepts at most 64 KB of parameters; the script travels base64-encoded (a third
 * larger) inside the command, so a job script may be at most 48 KiB.
 */
export const MAX_JOB_SCRIPT_BYTES = 48 * 1024;

/**
 * Every script starts with a marker line naming the operation and its arguments as JSON: a comment
 * to bash, and what the demo account's simulated head node reads instead of running bash.
 */
export const SLURM_MARKER = '# cws-hpc:';

export type SlurmOperation =
  | { op: 'squeue'; user?: string }
  | { op: 'sinfo' }
  | { op: 'sacct'; since: string; user?: string }
  | { op: 'sbatch'; user: string; file_name: string; script_base64: string; args: string[] }
  | { op: 'scancel'; user: string; job_id: string }
  | { op: 'tail'; user: string; job_id: string; lines: number }
  | { op: 'users'; users: Array<{ name: string; uid: number }> };

function marked(operation: SlurmOperation, body: string): string {
  return `${SLURM_MARKER}${JSON.stringify(operation)}\nset -euo pipefail\n${body}\n`;
}

/** The script for one Slurm operation, run as root by SSM; user operations run as that user. */
export function slurmScript(operation: SlurmOperation): string {
  switch (operation.op) {
    case 'squeue':
      return marked(
        operation,
        `${SLURM_BIN}/squeue --noheader --array -o ${shellQuote(SQUEUE_FORMAT)}${operation.user ? ` -u ${shellQuote(operation.user)}` : ''}`,
      );
    case 'sinfo':
      return marked(operation, `${SLURM_BIN}/sinfo --noheader -N -o ${shellQuote(SINFO_FORMAT)}`);
    case 'sacct':
      return marked(
        operation,
        `${SLURM_BIN}/sacct --noheader --parsable2 -X --allusers -S ${shellQuote(operation.since)} --format=${SACCT_FIELDS}${operation.user ? ` -u ${shellQuote(operation.user)}` : ''}`,
      );
    case 'sbatch': {
      // The script lands in the user's home (shared with the compute nodes), owned by them.
      const path = `"$HOME"/.cws-tui/jobs/${operation.file_name}`;
      const inner = [
        'mkdir -p "$HOME/.cws-tui/jobs"',
        `printf %s ${shellQuote(operation.script_base64)} | base64 -d > ${path}`,
        `chmod 700 ${path}`,
        `cd "$HOME" && ${SLURM_BIN}/sbatch --parsable ${operation.args.map(shellQuote).join(' ')} ${path}`.replace(
          / {2,}/g,
          ' ',
        ),
      ].join(' && ');
      return marked(operation, remoteScriptFor(inner, operation.user));
    }
    case 'scancel':
      return marked(
        operation,
        remoteScriptFor(`${SLURM_BIN}/scancel ${shellQuote(operation.job_id)}`, operation.user),
      );
    case 'tail': {
      const find = `${SLURM_BIN}/scontrol show job ${shellQuote(operation.job_id)} | sed -n 's/^ *StdOut=//p' | head -n 1`;
      return marked(
        operation,
        remoteScriptFor(`out=$(${find}); tail -n ${operation.lines} "$out"`, operation.user),
      );
    }
    case 'users': {
      // Same names and UIDs as on the workstations, so files on shared storage keep their owners.
      const lines = operation.users.map(
        (user) =>
          `id -u ${shellQuote(user.name)} >/dev/null 2>&1 || useradd --uid ${user.uid} --create-home --shell /bin/bash ${shellQuote(user.name)}`,
      );
      return marked(operation, lines.join('\n') || 'true');
    }
  }
}

/** Reads back the marker of a script made by slurmScript (the demo's head node uses it). */
export function slurmOperationOf(script: string): SlurmOperation | undefined {
  const first = script.split('\n', 1)[0] ?? '';
  if (!first.startsWith(SLURM_MARKER)) return undefined;
  try {
    return JSON.parse(first.slice(SLURM_MARKER.length)) as SlurmOperation;
  } catch {
    return undefined;
  }
}
