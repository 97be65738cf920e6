import type { PriceQuote } from '../cost/PriceQuote.js';

/**
 * Canvas is billed per workspace session hour, not by an instance type the user picks: AWS lists
 * $1.90 per session hour in every commercial region (Amazon SageMaker pricing, "Canvas").
 */
export const CANVAS_SESSION_HOURLY_USD = 1.9;

/** What the policy's instance-type rules see for a Canvas session: it has no `ml.*` type. */
export const CANVAS_INSTANCE_TYPE = 'canvas-session';

/** The session-hour price as a quote the cost report can use in place of the catalog's. */
export const CANVAS_SESSION_PRICE: PriceQuote = {
  usd_per_hour: CANVAS_SESSION_HOURLY_USD,
  source: 'snapshot',
  as_of: '2025-09-01',
  note: 'Canvas priced at $1.90 per session hour',
};
