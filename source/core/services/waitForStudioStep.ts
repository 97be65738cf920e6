import { LaunchError } from '../launch/LaunchError.js';
import type { StudioStatus } from '../ports.js';
import { type StudioPolling, waitForStudioStatus } from './waitForStudioStatus.js';

/** Waits for a launch step's SageMaker resource to reach a status; a failure or timeout ends the step. */
export async function waitForStudioStep<T extends { status: StudioStatus; failure_reason?: string }>(
  polling: StudioPolling,
  step: 'ensure-domain' | 'ensure-user-profile' | 'create-space' | 'wait-in-service',
  what: string,
  probe: () => Promise<T | undefined>,
  wanted: StudioStatus[],
): Promise<T | undefined> {
  const result = await waitForStudioStatus(probe, wanted, polling);
  if (result.outcome === 'reached') return result.value;
  if (result.outcome === 'failed') {
    throw new LaunchError(
      step,
      `${what} is ${result.value.status}: ${result.reason}`,
      step === 'ensure-domain'
        ? 'Delete the failed domain in the SageMaker console (or `cws-tui services cleanup --domain`), then launch again.'
        : 'See the SageMaker console for details, then launch again.',
    );
  }
  throw new LaunchError(
    step,
    `${what} is still ${result.status} after ${Math.round(polling.timeoutMs / 60_000)} min`,
    'It may still finish: launch again with the same name to keep waiting.',
  );
}
