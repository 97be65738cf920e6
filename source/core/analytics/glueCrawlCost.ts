/** Glue crawlers: $0.44 per DPU-hour (us-east-1), billed per second with a 10-minute minimum per crawl. */
export const GLUE_CRAWLER_USD_PER_DPU_HOUR = 0.44;
export const GLUE_CRAWL_MINIMUM_HOURS = 10 / 60;

/** The cost of a crawl that used these DPU-hours (Glue reports them already rounded up to its minimum). */
export function glueCrawlCost(dpuHours: number): number {
  return dpuHours * GLUE_CRAWLER_USD_PER_DPU_HOUR;
}

/** The least a crawl costs: one DPU for the minimum ten minutes. */
export const GLUE_CRAWL_MINIMUM_USD = GLUE_CRAWLER_USD_PER_DPU_HOUR * GLUE_CRAWL_MINIMUM_HOURS;
