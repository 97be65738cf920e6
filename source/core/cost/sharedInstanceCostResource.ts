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
const made = new WeakMap<Instance, InstanceCostResource>();

export function sharedInstanceCostResource(instance: Instance, spotPrice?: PriceQuote): InstanceCostResource {
  const kept = made.get(instance);
  // A resource keeps the spot quote it was priced at (none on demand): the key needs no wrapper.
  if (kept && kept.spot_price === (instance.spot ? spotPrice : undefined)) return kept;
  const resource = costResourceFromInstance(instance, spotPrice);
  made.set(instance, resource);
  return resource;
}
