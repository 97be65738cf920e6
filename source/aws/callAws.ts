import { type AwsCallContext, translateAwsError } from './translateAwsError.js';

/** Runs one SDK call and lets only CloudErrors escape, with the action named for the message. */
export async function callAws<T>(context: AwsCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (thrown) {
    throw translateAwsError(thrown, context);
  }
}
