import { z } from 'zod';

const priceDimensionSchema = z.object({
  unit: z.string(),
  pricePerUnit: z.record(z.string(), z.string()),
});

const priceListProductSchema = z.object({
  product: z.object({
    attributes: z.record(z.string(), z.string()),
  }),
  terms: z
    .object({
      OnDemand: z
        .record(
          z.string(),
          z.object({
            effectiveDate: z.string().optional(),
            priceDimensions: z.record(z.string(), priceDimensionSchema),
          }),
        )
        .optional(),
    })
    .optional(),
});

/** One EC2 instance type's on-demand price, read from a Price List product. */
export interface PriceListInstancePrice {
  instance_type: string;
  region_code?: string;
  usd_per_hour: number;
  effective_date?: string;
}

/**
 * Reads one entry of GetProducts' `PriceList` (each entry is a JSON document as a string): the
 * instance type from `product.attributes` and the hourly USD price from
 * `terms.OnDemand.*.priceDimensions.*.pricePerUnit.USD`. Entries without an hourly on-demand price
 * (or with a zero one, which AWS uses for placeholder SKUs) give undefined.
 */
export function parsePriceListProduct(entry: string): PriceListInstancePrice | undefined {
  let json: unknown;
  try {
    json = JSON.parse(entry);
  } catch {
    return undefined;
  }
  const parsed = priceListProductSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const instanceType = parsed.data.product.attributes.instanceType;
  if (!instanceType) return undefined;
  for (const term of Object.values(parsed.data.terms?.OnDemand ?? {})) {
    for (const dimension of Object.values(term.priceDimensions)) {
      const usd = Number(dimension.pricePerUnit.USD);
      if (!/^hrs?$/i.test(dimension.unit) || !Number.isFinite(usd) || usd <= 0) continue;
      const price: PriceListInstancePrice = { instance_type: instanceType, usd_per_hour: usd };
      const regionCode = parsed.data.product.attributes.regionCode;
      if (regionCode) price.region_code = regionCode;
      if (term.effectiveDate) price.effective_date = term.effectiveDate;
      return price;
    }
  }
  return undefined;
}
