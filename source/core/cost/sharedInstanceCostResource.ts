import type { Instance } from '../ports.js';
import { costResourceFromInstance, type InstanceCostResource } from './CostResource.js';
import type { PriceQuote } from './PriceQuote.js';

/**
 * The cost view of each listed instance, made once per instance object. A listing that keeps the
 * objects of unchanged instances (the demo account's, or the shared listing) then gives the
 * dashboard's prices and the cost report the same 10,000 resources every refresh, where each used
 * to build its own copies, which were garbage a moment later. Resources are never changed after
 * they are made (the ledger copies one to extend its history), so sharing them is safe.
 */
const made = new WeakMap<Instance, { spotPrice: PriceQuote | undefined; resource: InstanceCostResource }>();

export function sharedInstanceCostResource(instance: Instance, spotPrice?: PriceQuote): InstanceCostResource {
  const kept = made.get(instance);
  if (kept && kept.spotPrice === spotPrice) return kept.resource;
  const resource = costResourceFromInstance(instance, spotPrice);
  made.set(instance, { spotPrice, resource });
  return resource;
}
