import { CloudError } from '../../core/CloudError.js';
import { TeamStoreError } from '../../core/team/TeamStoreError.js';
import { translateAwsError } from '../translateAwsError.js';

const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

/**
 * A DynamoDB failure as the team store reports it: a failed condition (the caller explains it), a
 * missing table (run `team init`), throttling that outlasted the SDK's backoff, or anything else in
 * the words the other AWS calls use. Never the raw SDK message alone.
 */
export function dynamoTeamError(thrown: unknown, table: string, action: string): TeamStoreError {
  const name = thrown instanceof Error ? thrown.name : '';
  if (name === 'ConditionalCheckFailedException') {
    return new TeamStoreError('condition-failed', `the condition of ${action} on ${table} does not hold`);
  }
  if (name === 'ResourceNotFoundException') {
    return new TeamStoreError(
      'refused',
      `the team store table ${table} does not exist: create it with 'cws-tui team init' (or fix the profile's --team-store)`,
    );
  }
  if (THROTTLED.has(name)) {
    return new TeamStoreError(
      'unreachable',
      `DynamoDB is throttling requests to ${table} (still throttled after backing off): retry in a minute`,
    );
  }
  const cloud = thrown instanceof CloudError ? thrown : translateAwsError(thrown, { action });
  return new TeamStoreError(
    'unreachable',
    `the team store ${table} cannot be used: ${cloud.message} ${cloud.hint}`,
  );
}
