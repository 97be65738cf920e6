/** A Cost Explorer query: spend of the resources carrying a cost-allocation tag, by day. */
export interface BilledSpendQuery {
  /** First day, `YYYY-MM-DD` (inclusive). */
  start: string;
  /** Day after the last, `YYYY-MM-DD` (exclusive), as Cost Explorer takes it. */
  end: string;
  tag_key: string;
  tag_value: string;
}

export interface BilledDay {
  date: string;
  amount: number;
  /** The same day amortized: Reserved Instance and Savings Plans fees spread over the days they cover. */
  amortized_amount?: number;
  /** Cost Explorer marks the figures of days not yet closed as estimated. */
  estimated: boolean;
}

/**
 * Spend as AWS billed it. `amount` is the unblended cost (what was charged on each day, without the
 * upfront or recurring fees of Reserved Instances and Savings Plans); `amortized_amount` spreads those
 * fees over the usage they cover, which is the fairer figure for an account that has commitments.
 */
export interface BilledSpend {
  amount: number;
  amortized_amount?: number;
  currency: string;
  days: BilledDay[];
}

/** The port `source/aws/costExplorer` implements with GetCostAndUsage; each call costs $0.01. */
export interface BilledSpendSource {
  fetchBilledSpend(query: BilledSpendQuery): Promise<BilledSpend>;
}
