import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import { CloudError } from '../../core/CloudError.js';
import type {
  BilledDay,
  BilledSpend,
  BilledSpendQuery,
  BilledSpendSource,
} from '../../core/cost/BilledSpendSource.js';
import { type AwsSessionOptions, awsClientConfig } from '../awsClientConfig.js';
import { guardAwsReplies } from '../guardAwsReplies.js';
import { translateAwsError } from '../translateAwsError.js';

/** Cost Explorer's API is served from us-east-1 for every account. */
export const COST_EXPLORER_ENDPOINT_REGION = 'us-east-1';

const ACTION = 'ce:GetCostAndUsage';

function translateCostExplorerError(thrown: unknown): CloudError {
  const name = thrown instanceof Error ? thrown.name : '';
  if (name === 'DataUnavailableException') {
    return new CloudError({
      kind: 'not-found',
      code: name,
      message: 'Cost Explorer has no data for this account and period yet.',
      hint: 'Cost Explorer needs up to 24 hours after it is enabled; the estimates are shown meanwhile.',
    });
  }
  if (name === 'BillExpirationException') {
    return new CloudError({
      kind: 'invalid-parameter',
      code: name,
      message: 'The requested period is older than Cost Explorer keeps.',
      hint: 'Ask for a period within the last 13 months.',
    });
  }
  return translateAwsError(thrown, { action: ACTION, region: COST_EXPLORER_ENDPOINT_REGION });
}

/**
 * Billed spend of the app's resources from Cost Explorer: GetCostAndUsage by day, unblended cost,
 * filtered by a cost-allocation tag (which must be activated in the Billing console to be usable).
 */
export class CostExplorerBilledSpendSource implements BilledSpendSource {
  private readonly client: CostExplorerClient;

  constructor(client: CostExplorerClient) {
    this.client = client;
  }

  async fetchBilledSpend(query: BilledSpendQuery): Promise<BilledSpend> {
    const days: BilledDay[] = [];
    let currency = 'USD';
    let nextPageToken: string | undefined;
    do {
      let output: GetCostAndUsageCommandOutput;
      try {
        output = await this.client.send(
          new GetCostAndUsageCommand({
            TimePeriod: { Start: query.start, End: query.end },
            Granularity: 'DAILY',
            Metrics: ['UnblendedCost'],
            Filter: { Tags: { Key: query.tag_key, Values: [query.tag_value], MatchOptions: ['EQUALS'] } },
            ...(nextPageToken ? { NextPageToken: nextPageToken } : {}),
          }),
        );
      } catch (thrown) {
        throw translateCostExplorerError(thrown);
      }
      for (const result of output.ResultsByTime ?? []) {
        const cost = result.Total?.UnblendedCost;
        const amount = Number(cost?.Amount ?? 0);
        if (cost?.Unit) currency = cost.Unit;
        days.push({
          date: result.TimePeriod?.Start ?? '',
          amount: Number.isFinite(amount) ? amount : 0,
          estimated: result.Estimated ?? false,
        });
      }
      nextPageToken = output.NextPageToken;
    } while (nextPageToken);
    return { amount: days.reduce((sum, day) => sum + day.amount, 0), currency, days };
  }
}

/** The Cost Explorer source of a session's credentials, talking to the us-east-1 endpoint. */
export function createCostExplorerBilledSpendSource(
  session: AwsSessionOptions = {},
): CostExplorerBilledSpendSource {
  return new CostExplorerBilledSpendSource(
    guardAwsReplies(
      new CostExplorerClient({ ...awsClientConfig(session), region: COST_EXPLORER_ENDPOINT_REGION }),
    ),
  );
}
