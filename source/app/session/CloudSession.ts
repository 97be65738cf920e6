import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import { HOURS_PER_MONTH } from '../../core/cost/PriceQuote.js';
import type { CallerIdentity, CloudAccount, Instance } from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { workstationFromInstance } from '../../core/workstations/workstationFromInstance.js';
import type { Session, SessionInfo } from './Session.js';

/** A session on one cloud account (AWS or the demo account) for one profile. */
export class CloudSession implements Session {
  private identity: Promise<CallerIdentity> | undefined;

  constructor(
    readonly info: SessionInfo,
    readonly account: CloudAccount,
    private readonly prices: PriceCatalog,
  ) {}

  callerIdentity(): Promise<CallerIdentity> {
    this.identity ??= this.account.identity.callerIdentity();
    this.identity.catch(() => {
      this.identity = undefined;
    });
    return this.identity;
  }

  async listWorkstations(): Promise<Workstation[]> {
    const { items } = await this.account.compute.listInstances({
      regions: this.info.regions,
      tags: { [TAG.managed]: 'true' },
    });
    return items.map((instance) => workstationFromInstance(instance, this.hourlyCost(instance)));
  }

  async startWorkstation(workstation: Workstation): Promise<void> {
    await this.account.compute.startInstance(workstation.region, workstation.id);
  }

  async stopWorkstation(workstation: Workstation, options: { hibernate: boolean }): Promise<void> {
    await this.account.compute.stopInstance(workstation.region, workstation.id, options);
  }

  async terminateWorkstation(workstation: Workstation): Promise<void> {
    await this.account.compute.terminateInstance(workstation.region, workstation.id);
  }

  /** Compute plus the root volume, while running. */
  private hourlyCost(instance: Instance): number | undefined {
    const compute = this.prices.instanceHourly(instance.instance_type, instance.region);
    if (!compute) return undefined;
    const volumeKind =
      instance.root_volume_type === 'gp2' || instance.root_volume_type === 'io2'
        ? instance.root_volume_type
        : 'gp3';
    const storage = this.prices.storageMonthly(volumeKind, instance.region);
    const storageHourly = storage
      ? (storage.usd_per_gb_month * instance.root_volume_gb) / HOURS_PER_MONTH
      : 0;
    return compute.usd_per_hour + storageHourly;
  }
}
