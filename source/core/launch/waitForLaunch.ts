import { setTimeout as sleep } from 'node:timers/promises';
import type { ComputePort, Instance } from '../ports.js';
import { parseProgressMarkers } from '../provisioning/progressMarkers.js';
import { LaunchError } from './LaunchError.js';
import type { LaunchStepRunner } from './launchStepRunner.js';

export interface LaunchPolling {
  intervalMs: number;
  runningTimeoutMs: number;
  readyTimeoutMs: number;
}

/** The launch's wait-running step: the instance of `launchId` running, or a LaunchError saying why not. */
export async function waitUntilRunning(
  steps: LaunchStepRunner,
  compute: ComputePort,
  polling: LaunchPolling,
  region: string,
  launchId: string,
  instance: Instance,
): Promise<Instance> {
  return steps.run('wait-running', async () => {
    const value = await waitFor(polling.runningTimeoutMs, polling.intervalMs, async () => {
      const current = await compute.findByClientToken(region, launchId);
      if (current?.state === 'terminated' || current?.state === 'shutting-down') {
        throw new LaunchError(
          'wait-running',
          `${instance.id} was terminated while starting`,
          'Check the EC2 console for the reason (often spot capacity).',
        );
      }
      return current?.state === 'running' ? current : undefined;
    });
    if (!value) {
      throw new LaunchError(
        'wait-running',
        `${instance.id} is not running after ${Math.round(polling.runningTimeoutMs / 1000)} s`,
        'It may still start: run `cws-tui list`, or launch again with the same name to keep waiting.',
      );
    }
    return [value, `${value.id} running${value.public_ip ? ` at ${value.public_ip}` : ''}`];
  });
}

/** The wait-ready step: the boot script's progress markers followed to `ready`, or its failure. */
export async function waitUntilReady(
  steps: LaunchStepRunner,
  compute: ComputePort,
  polling: LaunchPolling,
  region: string,
  instanceId: string,
): Promise<void> {
  await steps.run('wait-ready', async () => {
    let lastStage: string | undefined;
    const ready = await waitFor(polling.readyTimeoutMs, polling.intervalMs, async () => {
      const progress = parseProgressMarkers(await compute.consoleOutput(region, instanceId));
      if (progress.failed) {
        throw new LaunchError(
          'wait-ready',
          `setup failed at ${progress.failed.stage}: ${progress.failed.message}`,
          'See /var/log/cws-setup.log on the instance.',
        );
      }
      if (progress.stage && progress.stage !== lastStage && !progress.ready) {
        lastStage = progress.stage;
        steps.update('wait-ready', `setup: ${progress.stage}`);
      }
      return progress.ready ? true : undefined;
    });
    if (!ready)
      throw new LaunchError(
        'wait-ready',
        `setup did not report ready within ${Math.round(polling.readyTimeoutMs / 60000)} min`,
      );
    return [true, 'ready'];
  });
}

async function waitFor<T>(
  timeoutMs: number,
  intervalMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(intervalMs);
  }
}
