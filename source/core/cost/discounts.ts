import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';
import type { PriceCatalog } from './PriceCatalog.js';
import type { PriceQuote } from './PriceQuote.js';

export const PRICED_SERVICES = ['ec2', 'sagemaker', 'ebs', 'efs'] as const;
export type PricedService = (typeof PRICED_SERVICES)[number];

/** Institutional discounts: a percentage (0 to 100) off the list price, per service. */
export type Discounts = Partial<Record<PricedService, number>>;

const discountPercent = lazySchema(() =>
  z
    .number()
    .min(0, 'a discount is a percentage from 0 to 100')
    .max(100, 'a discount is a percentage from 0 to 100'),
);

/** Discounts as a profile stores them: only the four priced services, each 0..100. */
export const discountsSchema = lazySchema(() =>
  z.strictObject({
    ec2: discountPercent.optional(),
    sagemaker: discountPercent.optional(),
    ebs: discountPercent.optional(),
    efs: discountPercent.optional(),
  }),
);

export function isPricedService(value: string): value is PricedService {
  return (PRICED_SERVICES as readonly string[]).includes(value);
}

/** A SageMaker type is named `ml.*`; every other instance type is EC2. */
export function serviceOfInstanceType(instanceType: string): PricedService {
  return instanceType.trim().toLowerCase().startsWith('ml.') ? 'sagemaker' : 'ec2';
}

/** The amount less `percent` percent. A percentage outside 0..100 is a configuration error. */
export function applyDiscount(amount: number, percent: number | undefined): number {
  if (percent === undefined || percent === 0) return amount;
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`a discount is a percentage from 0 to 100, got ${percent}`);
  }
  return amount * (1 - percent / 100);
}

function discountNote(note: string | undefined, percent: number | undefined): string | undefined {
  if (!percent) return note;
  const text = `includes the institution's ${percent}% discount`;
  return note ? `${note}; ${text}` : text;
}

/** An hourly quote with a discount applied and noted. */
export function discountQuote(quote: PriceQuote, percent: number | undefined): PriceQuote {
  const note = discountNote(quote.note, percent);
  return { ...quote, usd_per_hour: applyDiscount(quote.usd_per_hour, percent), ...(note ? { note } : {}) };
}

/** A catalog whose every price already has the institution's discount applied and says so. */
export function withDiscounts(catalog: PriceCatalog, discounts: Discounts): PriceCatalog {
  for (const [service, percent] of Object.entries(discounts)) {
    if (percent !== undefined && !(Number.isFinite(percent) && percent >= 0 && percent <= 100)) {
      throw new RangeError(`the ${service} discount is a percentage from 0 to 100, got ${percent}`);
    }
  }
  return {
    instanceHourly(instanceType, region) {
      const quote = catalog.instanceHourly(instanceType, region);
      return quote && discountQuote(quote, discounts[serviceOfInstanceType(instanceType)]);
    },
    storageMonthly(kind, region) {
      const quote = catalog.storageMonthly(kind, region);
      if (!quote) return undefined;
      const percent = discounts[kind === 'efs' ? 'efs' : 'ebs'];
      const note = discountNote(quote.note, percent);
      return {
        ...quote,
        usd_per_gb_month: applyDiscount(quote.usd_per_gb_month, percent),
        ...(note ? { note } : {}),
      };
    },
  };
}
