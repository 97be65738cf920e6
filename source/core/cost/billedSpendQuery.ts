import type { BilledSpendQuery } from './BilledSpendSource.js';

/** The cost-allocation tag every resource the app creates carries (activate it in the Billing console). */
export const COST_ALLOCATION_TAG = { key: 'cws:managed', value: 'true' } as const;

const DAY_MS = 86_400_000;

function utcDate(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * The Cost Explorer query for this month so far. Cost Explorer counts days in UTC and its end date is
 * exclusive, so the period runs from the first of the UTC month to tomorrow (UTC).
 */
export function monthToDateBilledQuery(
  now: Date,
  tag: { key: string; value: string } = COST_ALLOCATION_TAG,
): BilledSpendQuery {
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    start: utcDate(monthStart),
    end: utcDate(todayStart + DAY_MS),
    tag_key: tag.key,
    tag_value: tag.value,
  };
}

/** The Cost Explorer query for an explicit window of UTC days (`--since`/`--until`). */
export function windowBilledQuery(
  from: Date,
  to: Date,
  tag: { key: string; value: string } = COST_ALLOCATION_TAG,
): BilledSpendQuery {
  const firstDay = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const lastDay = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  const endExclusive = to.getTime() === lastDay && lastDay > firstDay ? lastDay : lastDay + DAY_MS;
  return { start: utcDate(firstDay), end: utcDate(endExclusive), tag_key: tag.key, tag_value: tag.value };
}
