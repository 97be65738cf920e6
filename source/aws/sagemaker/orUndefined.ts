import { CloudError } from '../../core/CloudError.js';

/** A Describe call's not-found answer, as "absent". */
export async function orUndefined<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CloudError && error.kind === 'not-found') return undefined;
    throw error;
  }
}
