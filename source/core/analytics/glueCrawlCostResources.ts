import type { MeteredCharge, MeteredCostResource } from '../cost/CostResource.js';
import type { CloudAccount } from '../ports.js';
import { GLUE_CRAWLER_USD_PER_DPU_HOUR, glueCrawlCost } from './glueCrawlCost.js';

/** Each of the app's Glue crawlers as one metered line: a charge per crawl at its DPU-hours. */
export async function glueCrawlCostResources(
  account: CloudAccount,
  region: string,
): Promise<MeteredCostResource[]> {
  const byCrawler = new Map<string, MeteredCharge[]>();
  for (const crawl of await account.analytics.dataprep.glue.listCrawlCharges(region)) {
    const charges = byCrawler.get(crawl.crawler) ?? [];
    charges.push({
      at: crawl.at,
      usd: glueCrawlCost(crawl.dpu_hours),
      what: `crawl (${crawl.dpu_hours.toFixed(3)} DPU-hours)`,
    });
    byCrawler.set(crawl.crawler, charges);
  }
  return [...byCrawler].map(([crawler, charges]) => {
    charges.sort((a, b) => a.at.localeCompare(b.at));
    return {
      kind: 'metered',
      service: 'Glue',
      id: `glue:${region}:${crawler}`,
      name: crawler,
      region,
      usd_per_hour: 0,
      price_source: 'snapshot',
      transitions: [{ at: charges[0]?.at ?? new Date(0).toISOString(), state: 'running' }],
      charges,
      notes: [
        `Glue crawlers priced at $${GLUE_CRAWLER_USD_PER_DPU_HOUR} per DPU-hour (10-minute minimum per crawl)`,
      ],
    };
  });
}
