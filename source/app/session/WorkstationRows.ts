import { hourlyRateInState } from '../../core/cost/AccrualRates.js';
import type { Discounts } from '../../core/cost/discounts.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import type { PriceQuote } from '../../core/cost/PriceQuote.js';
import { resourceRates } from '../../core/cost/resourceRates.js';
import type { SpotPriceSource } from '../../core/cost/SpotPriceSource.js';
import { sharedInstanceCostResource } from '../../core/cost/sharedInstanceCostResource.js';
import { spotQuoteKey, spotQuotesFor } from '../../core/cost/spotQuotesFor.js';
import type { LaunchRecord } from '../../core/launch/LaunchRecordStore.js';
import { ownershipTampering } from '../../core/launch/ownershipTampering.js';
import type { Instance } from '../../core/ports.js';
import { TimeSlicer } from '../../core/slicing/TimeSlicer.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { workstationFromInstance } from '../../core/workstations/workstationFromInstance.js';

/** The dashboard's rows for EC2 instances, priced as the cost report accrues them. */
export class WorkstationRows {
  // An instance the account listed unchanged (the same object) keeps its row object, so the
  // dashboard sees that nothing changed without comparing 10,000 rows field by field; priced at the
  // same spot quote, it is not priced again either (a refresh of 10,000 then allocates no rows).
  private readonly rows = new WeakMap<Instance, Workstation>();
  /** The spot quote a spot instance's row was priced at (on demand rows need none: 10,000 fewer entries). */
  private readonly spotPriced = new WeakMap<Workstation, PriceQuote | undefined>();

  constructor(
    private readonly prices: PriceCatalog,
    private readonly discounts: Discounts,
    private readonly spotPrices: SpotPriceSource | undefined,
  ) {}

  /** Every instance's row, marked where its tags no longer match its launch record. */
  async all(instances: Instance[], records: LaunchRecord[]): Promise<Workstation[]> {
    const byToken = new Map(records.map((record) => [record.id, record]));
    const spot = await spotQuotesFor(instances, this.spotPrices);
    const rows: Workstation[] = [];
    // Priced in slices: 10,000 rows at every refresh would otherwise hold back the keys typed meanwhile.
    await new TimeSlicer().forEach(instances, (instance) => {
      const row = this.row(instance, spot.get(spotQuoteKey(instance)));
      const tampered = ownershipTampering(instance, byToken.get(instance.client_token ?? ''));
      rows.push(tampered.length > 0 ? { ...row, tampered } : row);
    });
    return rows;
  }

  /** One instance's row, a spot one priced at its current spot price. */
  async one(instance: Instance): Promise<Workstation> {
    const spot = await spotQuotesFor([instance], this.spotPrices);
    return this.row(instance, spot.get(spotQuoteKey(instance)));
  }

  private row(instance: Instance, quote?: PriceQuote): Workstation {
    // An on-demand instance is priced the same whatever its type's spot price.
    const spotPrice = instance.spot ? quote : undefined;
    const built = this.rows.get(instance);
    if (built && this.spotPriced.get(built) === spotPrice) return built;
    const hourlyCost = this.hourlyCost(instance, spotPrice);
    const row =
      built && built.hourly_cost === hourlyCost ? built : workstationFromInstance(instance, hourlyCost);
    this.rows.set(instance, row);
    if (spotPrice === undefined) this.spotPriced.delete(row);
    else this.spotPriced.set(row, spotPrice);
    return row;
  }

  /** What it costs per hour in its current state: the same rates the cost report accrues. */
  private hourlyCost(instance: Instance, spotPrice?: PriceQuote): number {
    const resource = sharedInstanceCostResource(instance, spotPrice);
    const { rates } = resourceRates(resource, this.prices, this.discounts);
    return hourlyRateInState(resource.transitions.at(-1)?.state ?? instance.state, rates);
  }
}
