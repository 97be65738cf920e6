import { type Discounts, discountQuote, serviceOfInstanceType, withDiscounts } from './discounts.js';
import type { PriceCatalog, StorageKind } from './PriceCatalog.js';
import { HOURS_PER_MONTH, type PriceQuote, type PriceSource } from './PriceQuote.js';

export interface CostEstimateRequest {
  instanceType: string;
  region: string;
  rootVolumeGb: number;
  volumeType: Exclude<StorageKind, 'efs'>;
  /** GB expected on a shared EFS file system, charged to this workstation. */
  efsGb?: number;
  /** The current spot price, when the workstation is to run on spot capacity. */
  spot?: PriceQuote;
  discounts?: Discounts;
}

export interface HourlyAndMonthly {
  hourly: number;
  monthly: number;
}

/** A price before launch: always an estimate, never billed spend. */
export interface CostEstimate {
  basis: 'estimate';
  hourly: number;
  /** A month of 730 hours, running all the time. */
  monthly: number;
  breakdown: { compute: HourlyAndMonthly; storage: HourlyAndMonthly };
  source: PriceSource;
  as_of: string;
  note?: string;
}

/** Why an estimate cannot be given, e.g. a type the catalog does not know in that region. */
export class CostEstimateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CostEstimateError';
  }
}

function perHourAndMonth(hourly: number): HourlyAndMonthly {
  return { hourly, monthly: hourly * HOURS_PER_MONTH };
}

/**
 * $/hour and $/month (730 h) of a workstation, its root volume and its share of EFS included, with
 * the institution's discounts. Spot prices get the same discount as on-demand EC2.
 */
export function estimateCost(request: CostEstimateRequest, catalog: PriceCatalog): CostEstimate {
  if (!(request.rootVolumeGb >= 0)) {
    throw new CostEstimateError(`the root volume size must be a number of GB, got ${request.rootVolumeGb}`);
  }
  if (request.efsGb !== undefined && !(request.efsGb >= 0)) {
    throw new CostEstimateError(`the EFS size must be a number of GB, got ${request.efsGb}`);
  }
  const discounted = withDiscounts(catalog, request.discounts ?? {});
  const compute = request.spot
    ? discountQuote(request.spot, request.discounts?.[serviceOfInstanceType(request.instanceType)])
    : discounted.instanceHourly(request.instanceType, request.region);
  if (!compute) {
    throw new CostEstimateError(`no price for ${request.instanceType} in ${request.region}`);
  }
  const volume = discounted.storageMonthly(request.volumeType, request.region);
  if (!volume) throw new CostEstimateError(`no price for ${request.volumeType} volumes in ${request.region}`);
  let storageMonthly = request.rootVolumeGb * volume.usd_per_gb_month;
  if (request.efsGb) {
    const efs = discounted.storageMonthly('efs', request.region);
    if (!efs) throw new CostEstimateError(`no price for EFS storage in ${request.region}`);
    storageMonthly += request.efsGb * efs.usd_per_gb_month;
  }
  const storage = perHourAndMonth(storageMonthly / HOURS_PER_MONTH);
  const computeCost = perHourAndMonth(compute.usd_per_hour);
  const estimate: CostEstimate = {
    basis: 'estimate',
    hourly: computeCost.hourly + storage.hourly,
    monthly: computeCost.monthly + storage.monthly,
    breakdown: { compute: computeCost, storage },
    source: compute.source,
    as_of: compute.as_of,
  };
  if (compute.note) estimate.note = compute.note;
  return estimate;
}
