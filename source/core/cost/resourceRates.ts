import { findInstanceType } from '../catalog/instanceTypes.js';
import type { AccrualRates } from './AccrualRates.js';
import type { CostResource } from './CostResource.js';
import { type Discounts, discountQuote, serviceOfInstanceType } from './discounts.js';
import { isStorageKind, type PriceCatalog, type StorageKind } from './PriceCatalog.js';
import { HOURS_PER_MONTH, type PriceSource } from './PriceQuote.js';

export interface PricedResource {
  rates: AccrualRates;
  source: PriceSource;
  /** Where the prices came from, or what could not be priced. */
  notes: string[];
}

const ZERO_RATES: AccrualRates = { compute_per_hour: 0, storage_per_hour: 0, hibernation_per_hour: 0 };

/**
 * The hourly rates of a resource from a catalog that already carries the institution's discounts
 * (`discounts` is applied here only to a spot price, which does not come from the catalog). A price
 * that is not known is counted as zero and noted, never guessed.
 */
export function resourceRates(
  resource: CostResource,
  catalog: PriceCatalog,
  discounts: Discounts,
): PricedResource {
  const notes: string[] = [];
  if (resource.kind === 'metered') {
    return {
      rates: {
        // Running costs the whole rate; the part that remains when stopped accrues like storage.
        compute_per_hour: Math.max(0, resource.usd_per_hour - (resource.usd_per_hour_stopped ?? 0)),
        storage_per_hour: resource.usd_per_hour_stopped ?? 0,
        hibernation_per_hour: 0,
      },
      source: resource.price_source,
      notes: [...(resource.notes ?? [])],
    };
  }
  if (resource.kind === 'file-system') {
    const efs = catalog.storageMonthly('efs', resource.region);
    if (!efs)
      return { rates: ZERO_RATES, source: 'snapshot', notes: [`no EFS price for ${resource.region}`] };
    if (efs.note) notes.push(efs.note);
    const storage = (resource.size_gb * efs.usd_per_gb_month) / HOURS_PER_MONTH;
    return { rates: { ...ZERO_RATES, storage_per_hour: storage }, source: efs.source, notes };
  }
  const onDemand = resource.compute_price ?? catalog.instanceHourly(resource.instance_type, resource.region);
  const compute =
    resource.spot_price === undefined
      ? onDemand
      : discountQuote(resource.spot_price, discounts[serviceOfInstanceType(resource.instance_type)]);
  if (!compute) {
    notes.push(`no price for ${resource.instance_type} in ${resource.region}: compute not counted`);
  } else {
    if (compute.note) notes.push(compute.note);
    if (resource.spot && !resource.spot_price) {
      notes.push('spot instance priced on demand (an upper bound): its spot price is not known');
    }
  }
  const volumeKind: StorageKind = isStorageKind(resource.root_volume_type)
    ? resource.root_volume_type
    : 'gp3';
  if (volumeKind !== resource.root_volume_type) {
    notes.push(`${resource.root_volume_type} volume priced as gp3`);
  }
  const volume = catalog.storageMonthly(volumeKind, resource.region);
  if (!volume) notes.push(`no ${volumeKind} price for ${resource.region}: storage not counted`);
  const perGbHour = (volume?.usd_per_gb_month ?? 0) / HOURS_PER_MONTH;
  const memoryGib = findInstanceType(resource.instance_type)?.memory_gib ?? 0;
  return {
    rates: {
      compute_per_hour: compute?.usd_per_hour ?? 0,
      storage_per_hour: resource.root_volume_gb * perGbHour,
      hibernation_per_hour: memoryGib * perGbHour,
    },
    source: compute?.source ?? volume?.source ?? 'snapshot',
    notes,
  };
}
