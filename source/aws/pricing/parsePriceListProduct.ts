import { z } from 'zod';

const priceDimensionSchema = z.object({
  unit: z.string(),
  pricePerUnit: z.record(z.string(), z.string()),
});

const priceListProductSchema = z.object({
  product: z.object({
    productFamily: z.string().optional(),
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

/** A product of the Price List with its on-demand price. */
export interface PriceListProduct {
  /** `product.attributes`: instanceType, regionCode, volumeApiName, ... */
  attributes: Record<string, string>;
  /** `product.productFamily`: `Storage`, `Provisioned Throughput`, ... */
  product_family?: string;
  usd: number;
  /** The unit of the price as AWS writes it: `Hrs` for instances, `GB-Mo` for volumes. */
  unit: string;
  effective_date?: string;
}

/**
 * Reads one entry of GetProducts' `PriceList` (each entry is a JSON document as a string): the
 * attributes and the first positive on-demand USD price in
 * `terms.OnDemand.*.priceDimensions.*.pricePerUnit.USD`. Reserved terms are ignored; entries with no
 * positive on-demand price (AWS lists zero-priced placeholder SKUs) give undefined.
 */
export function parsePriceListProduct(entry: string): PriceListProduct | undefined {
  let json: unknown;
  try {
    json = JSON.parse(entry);
  } catch {
    return undefined;
  }
  const parsed = priceListProductSchema.safeParse(json);
  if (!parsed.success) return undefined;
  for (const term of Object.values(parsed.data.terms?.OnDemand ?? {})) {
    for (const dimension of Object.values(term.priceDimensions)) {
      const usd = Number(dimension.pricePerUnit.USD);
      if (!Number.isFinite(usd) || usd <= 0) continue;
      const product: PriceListProduct = {
        attributes: parsed.data.product.attributes,
        usd,
        unit: dimension.unit,
      };
      if (parsed.data.product.productFamily) product.product_family = parsed.data.product.productFamily;
      if (term.effectiveDate) product.effective_date = term.effectiveDate;
      return product;
    }
  }
  return undefined;
}
