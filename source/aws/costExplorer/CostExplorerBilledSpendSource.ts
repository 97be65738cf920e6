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
 * The query's end, no later than the first day of next month (UTC). Cost Explorer API Reference,
 * GetCostAndUsage / DateInterval: the end date is exclusive, and a later one is refused ("end date
 * past the beginning of next month"); days after it have no cost yet, so clamping loses nothing.
 */
export function clampedEnd(end: string, now: Date): string {
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
    .toISOString()
    .slice(0, 10);
  return end > nextMonth ? nextMonth : end;
}

/**
 * Billed spend of the app's resources from Cost Explorer: GetCostAndUsage by day, filtered by a
 * cost-allocation tag (which must be activated in the Billing console to be usable). Both metrics
 * come in the one (billed) call: UnblendedCost leaves out Reserved Instance and Savings Plans fees,
 * AmortizedCost spreads them over the days they cover (Cost Explorer API Reference, GetCostAndUsage
 * Metrics); the report shows unblended and, where it differs, amortized.
 */
export class CostExplorerBilledSpendSource implements BilledSpendSource {
  private readonly client: CostExplorerClient;
  private readonly now: () => Date;

  constructor(client: CostExplorerClient, now: () => Date = () => new Date()) {
    this.client = client;
    this.now = now;
  }

  async fetchBilledSpend(query: BilledSpendQuery): Promise<BilledSpend> {
    const days: BilledDay[] = [];
    let currency = 'USD';
    let nextPageToken: string | undefined;
    const end = clampedEnd(query.end, this.now());
    // A window wholly in the future: nothing is billed yet, and Cost Explorer refuses a start date
    // after today (DateInterval: "The start date must be equal to or no later than the current date").
    const today = this.now().toISOString().slice(0, 10);
    if (query.start > today || query.start >= end) {
      return { amount: 0, amortized_amount: 0, currency, days };
    }
    do {
      let output: GetCostAndUsageCommandOutput;
      try {
        output = await this.client.send(
          new GetCostAndUsageCommand({
            TimePeriod: { Start: query.start, End: end },
            Granularity: 'DAILY',
            Metrics: ['UnblendedCost', 'AmortizedCost'],
            Filter: { Tags: { Key: query.tag_key, Values: [query.tag_value], MatchOptions: ['EQUALS'] } },
            ...(nextPageToken ? { NextPageToken: nextPageToken } : {}),
          }),
        );
      } catch (thrown) {
        throw translateCostExplorerError(thrown);
      }
      for (const result of output.ResultsByTime ?? []) {
        const cost = result.Total?.UnblendedCost;
        if (cost?.Unit) currency = cost.Unit;
        days.push({
          date: result.TimePeriod?.Start ?? '',
          amount: finite(cost?.Amount),
          amortized_amount: finite(result.Total?.AmortizedCost?.Amount),
          estimated: result.Estimated ?? false,
        });
      }
      nextPageToken = output.NextPageToken;
    } while (nextPageToken);
    return {
      amount: days.reduce((sum, day) => sum + day.amount, 0),
      amortized_amount: days.reduce((sum, day) => sum + (day.amortized_amount ?? 0), 0),
      currency,
      days,
    };
  }
}

function finite(amount: string | undefined): number {
  const value = Number(amount ?? 0);
  return Number.isFinite(value) ? value : 0;
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
