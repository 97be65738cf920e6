import type { Instance } from '../ports.js';
import type { PriceQuote } from './PriceQuote.js';
import type { SpotPriceSource } from './SpotPriceSource.js';

/** The key spotQuotesFor's map uses for an instance. */
export function spotQuoteKey(instance: Pick<Instance, 'instance_type' | 'region'>): string {
  return `${instance.region}/${instance.instance_type}`;
}

/**
 * The current spot price of every spot instance's type, one look-up per type and region. A price
 * that cannot be read is left out: the instance is then priced on demand, an upper bound, and the
 * cost report says so.
 */
export async function spotQuotesFor(
  instances: readonly Instance[],
  source: SpotPriceSource | undefined,
): Promise<Map<string, PriceQuote>> {
  const quotes = new Map<string, PriceQuote>();
  if (!source) return quotes;
  const wanted = new Map(instances.filter((i) => i.spot).map((i) => [spotQuoteKey(i), i] as const));
  await Promise.all(
    [...wanted].map(async ([key, instance]) => {
      const quote = await source
        .currentSpotPrice(instance.instance_type, instance.region)
        .catch(() => undefined);
      if (quote) quotes.set(key, quote);
    }),
  );
  return quotes;
}
