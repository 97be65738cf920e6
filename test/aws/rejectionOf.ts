import { expect } from 'vitest';
import { CloudError } from '../../source/core/CloudError.js';

/** The CloudError a call rejects with; fails the test when it resolves or throws anything else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<CloudError> {
  const outcome = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(outcome).toBeInstanceOf(CloudError);
  return outcome as CloudError;
}
