import { setTimeout as sleep } from 'node:timers/promises';
import type { StudioStatus } from '../ports.js';

export interface StudioPolling {
  intervalMs: number;
  timeoutMs: number;
}

/** SageMaker domains take minutes to create; apps a few. */
export const DEFAULT_STUDIO_POLLING: StudioPolling = { intervalMs: 5_000, timeoutMs: 20 * 60_000 };

export type StudioWaitOutcome<T> =
  | { outcome: 'reached'; value: T | undefined }
  | { outcome: 'failed'; value: T; reason: string }
  | { outcome: 'timeout'; status: StudioStatus | 'gone' };

/**
 * Polls `probe` until the resource reaches one of `wanted` (`'gone'` for deleted and no longer
 * listed), fails (`Failed`, `Delete_Failed`...), or the timeout passes.
 */
export async function waitForStudioStatus<T extends { status: StudioStatus; failure_reason?: string }>(
  probe: () => Promise<T | undefined>,
  wanted: ReadonlyArray<StudioStatus | 'gone'>,
  polling: StudioPolling,
): Promise<StudioWaitOutcome<T>> {
  const deadline = Date.now() + polling.timeoutMs;
  for (;;) {
    const current = await probe();
    const status = current?.status ?? 'gone';
    if (wanted.includes(status) || (wanted.includes('gone') && status === 'Deleted')) {
      return { outcome: 'reached', value: current };
    }
    if (current?.status.endsWith('Failed')) {
      return { outcome: 'failed', value: current, reason: current.failure_reason ?? current.status };
    }
    if (Date.now() >= deadline) return { outcome: 'timeout', status };
    await sleep(polling.intervalMs);
  }
}
