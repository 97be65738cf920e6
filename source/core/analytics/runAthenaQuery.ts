import { athenaQueryCost } from './athenaQueryCost.js';
import type { AthenaPort, AthenaQuery, AthenaQueryRequest } from './ports.js';
import { describeSqlError } from './sqlErrorPosition.js';

/** How a finished query went, with what it scanned and cost. */
export interface AthenaQueryOutcome {
  query: AthenaQuery;
  cost_usd: number;
  /** Athena stopped it at the workgroup's bytes-scanned limit. */
  cancelled_by_limit: boolean;
  /** For FAILED: the reason with the SQL line and column pointed at. */
  error?: string;
}

export interface RunQueryOptions {
  /** Waits between polls; tests and the demo pass one that waits for nothing. */
  wait: (ms: number) => Promise<void>;
  /** Called with the state while the query runs (the TUI shows it). */
  onState?: (query: AthenaQuery) => void;
  /** Stops waiting (the query is cancelled) when it turns true. */
  cancelled?: () => boolean;
  bytes_scanned_cutoff?: number;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Whether Athena's reason says the workgroup's per-query limit stopped the query. */
export function cancelledByLimit(query: AthenaQuery, cutoff?: number): boolean {
  if (query.state !== 'CANCELLED') return false;
  if (/bytes scanned limit/i.test(query.state_reason ?? '')) return true;
  return cutoff !== undefined && query.bytes_scanned >= cutoff;
}

/** The outcome of a query that has finished. */
export function queryOutcome(query: AthenaQuery, cutoff?: number): AthenaQueryOutcome {
  const outcome: AthenaQueryOutcome = {
    query,
    // Athena charges for what a cancelled query scanned, and nothing for a failed one.
    cost_usd: query.state === 'FAILED' ? 0 : athenaQueryCost(query.bytes_scanned),
    cancelled_by_limit: cancelledByLimit(query, cutoff),
  };
  if (query.state === 'FAILED')
    outcome.error = describeSqlError(query.sql, query.state_reason ?? 'the query failed');
  return outcome;
}

/** Starts a query and polls it (200 ms, growing to 2 s) until Athena says it has finished. */
export async function runAthenaQuery(
  athena: AthenaPort,
  region: string,
  request: AthenaQueryRequest,
  options: RunQueryOptions,
): Promise<AthenaQueryOutcome> {
  const id = await athena.startQuery(region, request);
  let delay = 200;
  for (;;) {
    const query = await athena.getQuery(region, id);
    options.onState?.(query);
    if (TERMINAL.has(query.state)) return queryOutcome(query, options.bytes_scanned_cutoff);
    if (options.cancelled?.()) {
      await athena.cancelQuery(region, id);
      options.cancelled = undefined;
    }
    await options.wait(delay);
    delay = Math.min(2000, Math.round(delay * 1.5));
  }
}
