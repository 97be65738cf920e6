import type { RemoteCommandPort, RemoteCommandStatus } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import { mapWithConcurrency } from './mapWithConcurrency.js';
import { remoteScriptFor } from './remoteScriptFor.js';
import { notRunningProblem, requireCommandTargets } from './requireCommandTargets.js';
import { runRemoteCommand } from './runRemoteCommand.js';

export const DEFAULT_EXEC_CONCURRENCY = 8;
export const DEFAULT_EXEC_TIMEOUT_SECONDS = 600;

export interface ExecRequest {
  command: string;
  timeout_seconds: number;
  concurrency: number;
}

/** What one workstation answered. */
export interface ExecResult {
  workstation: string;
  instance_id: string;
  run_as: string;
  status: RemoteCommandStatus | 'skipped';
  exit_code?: number;
  stdout: string;
  stderr: string;
  truncated: boolean;
  /** Why it was skipped or could not run. */
  reason?: string;
}

export interface ExecOptions {
  intervalMs: number;
  /** `root` or the research user to run as on this workstation. */
  runAs: (workstation: Workstation) => string;
  onOutput?: (workstation: Workstation, chunk: { stdout: string; stderr: string }) => void;
}

/**
 * Runs one command on one workstation (refusing clearly when it cannot take one) or on many, at
 * most `concurrency` at a time: with many, a host that is not running or has no agent is skipped
 * with its reason and the others still run, so the summary says what happened on each.
 */
export async function execOnWorkstations(
  commands: RemoteCommandPort,
  workstations: readonly Workstation[],
  request: ExecRequest,
  options: ExecOptions,
): Promise<ExecResult[]> {
  const single = workstations.length === 1;
  if (single) await requireCommandTargets(commands, workstations);
  return mapWithConcurrency(workstations, request.concurrency, async (workstation) => {
    const runAs = options.runAs(workstation);
    const base = {
      workstation: workstation.name,
      instance_id: workstation.id,
      run_as: runAs,
      stdout: '',
      stderr: '',
      truncated: false,
    };
    try {
      if (!single) {
        const skipped = notRunningProblem(workstation);
        if (skipped) return { ...base, status: 'skipped' as const, reason: skipped.message };
        await requireCommandTargets(commands, [workstation]);
      }
      const invocation = await runRemoteCommand(
        commands,
        {
          region: workstation.region,
          instance_id: workstation.id,
          script: remoteScriptFor(request.command, runAs),
          comment: `cws-tui exec as ${runAs}`,
          timeout_seconds: request.timeout_seconds,
        },
        {
          intervalMs: options.intervalMs,
          ...(options.onOutput ? { onOutput: (chunk) => options.onOutput?.(workstation, chunk) } : {}),
        },
      );
      return {
        ...base,
        status: invocation.status,
        ...(invocation.exit_code !== undefined ? { exit_code: invocation.exit_code } : {}),
        stdout: invocation.stdout,
        stderr: invocation.stderr,
        truncated: invocation.truncated,
      };
    } catch (error) {
      // One workstation's failure is its row in the summary; alone, it is the command's failure.
      if (single) throw error;
      return {
        ...base,
        status: 'skipped' as const,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  });
}
