import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  TeamCondition,
  TeamItem,
  TeamKey,
  TeamStore,
  TeamStoreLocation,
  TeamUpdate,
} from '../../core/team/TeamStore.js';
import { dynamoExpressions, fromDynamoValue } from './dynamoExpressions.js';
import { dynamoTeamError } from './dynamoTeamError.js';

function toItem(raw: Record<string, unknown>): TeamItem {
  return fromDynamoValue(raw) as TeamItem;
}

function expressionParts(expressions: ReturnType<typeof dynamoExpressions>) {
  return {
    ...(expressions.condition ? { ConditionExpression: expressions.condition } : {}),
    ...(Object.keys(expressions.names).length > 0 ? { ExpressionAttributeNames: expressions.names } : {}),
    ...(Object.keys(expressions.values).length > 0 ? { ExpressionAttributeValues: expressions.values } : {}),
  };
}

/**
 * The team store in one DynamoDB table (partition key `pk`, sort key `sk`, both strings). Reads
 * are strongly consistent, since a UID or a lease read a moment ago decides what is written next.
 */
export class DynamoTeamStore implements TeamStore {
  readonly location: TeamStoreLocation;
  private readonly documents: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(client: DynamoDBClient, location: Extract<TeamStoreLocation, { kind: 'dynamodb' }>) {
    this.location = location;
    this.table = location.table;
    this.documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  async get(key: TeamKey): Promise<TeamItem | undefined> {
    const output = await this.call('dynamodb:GetItem', () =>
      this.documents.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })),
    );
    return output.Item ? toItem(output.Item) : undefined;
  }

  async query(pk: string, skPrefix?: string): Promise<TeamItem[]> {
    const items: TeamItem[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const output = await this.call('dynamodb:Query', () =>
        this.documents.send(
          new QueryCommand({
            TableName: this.table,
            ConsistentRead: true,
            KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        ),
      );
      items.push(...(output.Items ?? []).map(toItem));
      start = output.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async put(item: TeamItem, condition?: TeamCondition): Promise<void> {
    const expressions = dynamoExpressions(condition);
    await this.call('dynamodb:PutItem', () =>
      this.documents.send(
        new PutCommand({ TableName: this.table, Item: item, ...expressionParts(expressions) }),
      ),
    );
  }

  async update(key: TeamKey, update: TeamUpdate, condition?: TeamCondition): Promise<TeamItem> {
    const expressions = dynamoExpressions(condition, update);
    const output = await this.call('dynamodb:UpdateItem', () =>
      this.documents.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          ...(expressions.update ? { UpdateExpression: expressions.update } : {}),
          ...expressionParts(expressions),
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return output.Attributes ? toItem(output.Attributes) : { ...key };
  }

  async delete(key: TeamKey, condition?: TeamCondition): Promise<boolean> {
    const expressions = dynamoExpressions(condition);
    const output = await this.call('dynamodb:DeleteItem', () =>
      this.documents.send(
        new DeleteCommand({
          TableName: this.table,
          Key: key,
          ReturnValues: 'ALL_OLD',
          ...expressionParts(expressions),
        }),
      ),
    );
    return output.Attributes !== undefined;
  }

  private async call<T>(action: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw dynamoTeamError(error, this.table, action);
    }
  }
}
