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
  /** Cost Explorer marks the figures of days not yet closed as estimated. */
  estimated: boolean;
}

/** Spend as AWS billed it (unblended cost, USD). */
export interface BilledSpend {
  amount: number;
  currency: string;
  days: BilledDay[];
}

/** The port `source/aws/costExplorer` implements with GetCostAndUsage; each call costs $0.01. */
export interface BilledSpendSource {
  fetchBilledSpend(query: BilledSpendQuery): Promise<BilledSpend>;
}
