import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientConfig } from '../awsClientConfig.js';
import { DynamoTeamStore } from './DynamoTeamStore.js';
import { describeTeamTable } from './teamTable.js';

export interface DynamoTeamStoreOptions {
  table: string;
  region: string;
  /** The AWS profile of the cws-tui profile; the default chain without one. */
  profile?: string;
  /** AWS_ENDPOINT_URL_DYNAMODB: another DynamoDB implementation (dynalite in tests). */
  endpoint?: string;
}

/** The DynamoDB client of the team store: the session's credentials and retries. */
export function dynamoTeamClient(options: DynamoTeamStoreOptions): DynamoDBClient {
  // The SDK's Node 20 deprecation notice would tear the full-screen display; a user's setting wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new DynamoDBClient({
    ...awsClientConfig(options.profile ? { profile: options.profile } : {}),
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}

/** The team store in an existing table, after checking the table is keyed as one. */
export async function openDynamoTeamStore(options: DynamoTeamStoreOptions): Promise<DynamoTeamStore> {
  const client = dynamoTeamClient(options);
  await describeTeamTable(client, options.table);
  return new DynamoTeamStore(client, {
    kind: 'dynamodb',
    table: options.table,
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}
