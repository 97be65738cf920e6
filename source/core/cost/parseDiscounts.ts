import { type Discounts, isPricedService, PRICED_SERVICES } from './discounts.js';

/** Why a `service=percent` discount cannot be read; the message names the entry. */
export class DiscountSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiscountSyntaxError';
  }
}

/**
 * Reads discounts written as `ec2=10`, `ebs=5.5` (percent off the list price, 0 to 100; a trailing
 * `%` is allowed). A service given twice is an error rather than a silent overwrite.
 */
export function parseDiscounts(entries: readonly string[]): Discounts {
  const discounts: Discounts = {};
  for (const entry of entries) {
    const match = /^\s*([a-z0-9]+)\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$/i.exec(entry);
    if (!match) {
      throw new DiscountSyntaxError(
        `'${entry}' is not a discount: write service=percent, e.g. ec2=10 (services: ${PRICED_SERVICES.join(', ')})`,
      );
    }
    const service = (match[1] ?? '').toLowerCase();
    const percent = Number(match[2]);
    if (!isPricedService(service)) {
      throw new DiscountSyntaxError(
        `'${entry}': unknown service '${service}' (services: ${PRICED_SERVICES.join(', ')})`,
      );
    }
    if (percent > 100) throw new DiscountSyntaxError(`'${entry}': a discount is at most 100%`);
    if (discounts[service] !== undefined) {
      throw new DiscountSyntaxError(`'${entry}': the ${service} discount is given twice`);
    }
    discounts[service] = percent;
  }
  return discounts;
}
