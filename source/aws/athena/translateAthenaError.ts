import { CloudError } from '../../core/CloudError.js';
import { type AwsCallContext, translateAwsError } from '../translateAwsError.js';

/**
 * Athena's own errors: InvalidRequestException carries the SQL error (with its line and column) or
 * a missing workgroup; MetadataException a missing database or table.
 */
export function translateAthenaError(thrown: unknown, context: AwsCallContext): CloudError {
  const name = thrown instanceof Error ? thrown.name : '';
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (name === 'InvalidRequestException' && /WorkGroup .* is not found/i.test(message)) {
    return new CloudError({
      kind: 'not-found',
      code: name,
      message: `Athena: ${message}`,
      hint: "Run `cws-tui athena workgroup` to create the profile's workgroup, or pass --workgroup with one that exists.",
    });
  }
  if (name === 'InvalidRequestException') {
    return new CloudError({
      kind: 'invalid-parameter',
      code: name,
      message: `Athena refused the query: ${message}`,
      hint: 'Fix the SQL (the line and column are in the message) and run it again.',
    });
  }
  if (name === 'MetadataException') {
    return new CloudError({
      kind: 'not-found',
      code: name,
      message: `The Data Catalog does not have it: ${message}`,
      hint: '`cws-tui data sources` lists the databases and tables you may query.',
    });
  }
  return translateAwsError(thrown, context);
}

export async function callAthena<T>(context: AwsCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (thrown) {
    throw translateAthenaError(thrown, context);
  }
}
