import { setTimeout as sleep } from 'node:timers/promises';
import type { CloudError } from '../core/CloudError.js';

/**
 * Waits between attempts, 30 s in all: IAM is eventually consistent, and a role or instance profile
 * created moments ago is refused by EC2 and SageMaker as if it did not exist, typically for seconds.
 */
export const IAM_PROPAGATION_DELAYS_MS = [2_000, 4_000, 8_000, 16_000];

export interface IamPropagationRetry<T> {
  call: () => Promise<T>;
  /** The service's answer to something IAM has not propagated yet. */
  isPropagationError: (error: unknown) => error is CloudError;
  /** The error to throw once every wait is spent, given the last refusal and the seconds waited. */
  giveUp: (error: CloudError, waitedSeconds: number) => CloudError;
  delaysMs?: readonly number[];
}

/** Runs a call that names a fresh IAM resource, retrying while the service does not see it yet. */
export async function whileIamPropagates<T>({
  call,
  isPropagationError,
  giveUp,
  delaysMs = IAM_PROPAGATION_DELAYS_MS,
}: IamPropagationRetry<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isPropagationError(error)) throw error;
      const delay = delaysMs[attempt];
      if (delay === undefined) {
        throw giveUp(error, Math.round(delaysMs.reduce((sum, ms) => sum + ms, 0) / 1000));
      }
      await sleep(delay);
    }
  }
}
