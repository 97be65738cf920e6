import { setTimeout as sleep } from 'node:timers/promises';
import type { RemoteCommandPort, RemoteInvocation } from '../ports.js';

const FINISHED = new Set(['success', 'failed', 'timed-out', 'cancelled', 'undeliverable']);

export interface RemoteCommandRun {
  region: string;
  instance_id: string;
  script: string;
  comment: string;
  timeout_seconds: number;
}

export interface RemoteCommandPolling {
  intervalMs: number;
  /** Called with each new piece of output while the command runs. */
  onOutput?: (chunk: { stdout: string; stderr: string }) => void;
  /** Stops polling (e.g. Ctrl-C); the invocation so far is returned. */
  signal?: AbortSignal;
}

/** Sends one script to one instance and polls until it finishes; output is passed on as it grows. */
export async function runRemoteCommand(
  commands: RemoteCommandPort,
  run: RemoteCommandRun,
  polling: RemoteCommandPolling,
): Promise<RemoteInvocation> {
  const commandId = await commands.send({
    region: run.region,
    instance_ids: [run.instance_id],
    script: run.script,
    timeout_seconds: run.timeout_seconds,
    comment: run.comment.slice(0, 100),
  });
  return waitForInvocation(commands, run.region, commandId, run.instance_id, polling);
}

export async function waitForInvocation(
  commands: RemoteCommandPort,
  region: string,
  commandId: string,
  instanceId: string,
  polling: RemoteCommandPolling,
): Promise<RemoteInvocation> {
  let shown = { stdout: 0, stderr: 0 };
  for (;;) {
    const invocation = await commands.invocation(region, commandId, instanceId);
    if (polling.onOutput) {
      const chunk = {
        stdout: invocation.stdout.slice(shown.stdout),
        stderr: invocation.stderr.slice(shown.stderr),
      };
      if (chunk.stdout || chunk.stderr) polling.onOutput(chunk);
      shown = { stdout: invocation.stdout.length, stderr: invocation.stderr.length };
    }
    if (FINISHED.has(invocation.status) || polling.signal?.aborted) return invocation;
    await sleep(polling.intervalMs, undefined, polling.signal ? { signal: polling.signal } : {}).catch(
      () => undefined,
    );
  }
}
