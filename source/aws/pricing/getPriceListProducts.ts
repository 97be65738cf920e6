import { type Filter, GetProductsCommand, type PricingClient } from '@aws-sdk/client-pricing';
import { callAws } from '../callAws.js';
import { type PriceListProduct, parsePriceListProduct } from './parsePriceListProduct.js';

/** The Price List API is served from us-east-1 whatever region the prices are for. */
export const PRICING_ENDPOINT_REGION = 'us-east-1';

/** GetProducts returns at most 100 products per page. */
const PAGE_SIZE = 100;

export function termMatch(Field: string, Value: string): Filter {
  return { Type: 'TERM_MATCH', Field, Value };
}

/**
 * Every product of a service the filters select, all pages of them, each parsed from its
 * `PriceList` JSON string; products with no positive on-demand price are left out.
 */
export async function getPriceListProducts(
  client: PricingClient,
  serviceCode: string,
  filters: Filter[],
): Promise<PriceListProduct[]> {
  const products: PriceListProduct[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws({ action: 'pricing:GetProducts', region: PRICING_ENDPOINT_REGION }, () =>
      client.send(
        new GetProductsCommand({
          ServiceCode: serviceCode,
          FormatVersion: 'aws_v1',
          Filters: filters,
          MaxResults: PAGE_SIZE,
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
      ),
    );
    const entries = Array.isArray(page.PriceList) ? page.PriceList : [];
    for (const entry of entries) {
      const product = parsePriceListProduct(String(entry));
      if (product) products.push(product);
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return products;
}
