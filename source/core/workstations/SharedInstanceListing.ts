import type { InstanceChangePort } from '../ports/instanceChanges.js';
import {
  type ComputePort,
  type Instance,
  type InstanceFilter,
  type ListResult,
  type RunInstanceRequest,
  TAG,
} from '../ports.js';

interface Listing {
  at: number;
  result: Promise<ListResult<Instance>>;
  done: boolean;
}

/**
 * The compute port with one listing shared by everyone who asks within `maxAgeMs` (the TUI sets it
 * to its refresh interval; 0 shares only a listing still in flight): the dashboard's
 * refresh, the cost report and the services page read the same DescribeInstances pages instead of
 * each listing every region again. A listing in flight is joined, not repeated; any change made
 * through this port (launch, start, stop, terminate) drops it, so the next refresh sees the change.
 * Listings by id are not shared: they ask about one instance now.
 */
export class SharedInstanceListing implements ComputePort {
  private listings = new Map<string, Listing>();

  constructor(
    private readonly compute: ComputePort,
    public maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async listInstances(filter: InstanceFilter): Promise<ListResult<Instance>> {
    if (filter.ids) return this.compute.listInstances(filter);
    const key = keyOf(filter);
    const shared = this.listings.get(key);
    if (shared && (this.now() - shared.at < this.maxAgeMs || !shared.done)) {
      // Nobody sorts or filters the shared array in place; the requests were counted once.
      const { items } = await shared.result;
      return { items: [...items], requests: 0 };
    }
    const listing: Listing = { at: this.now(), result: this.compute.listInstances(filter), done: false };
    this.listings.set(key, listing);
    listing.result.then(
      () => {
        listing.done = true;
      },
      () => {
        if (this.listings.get(key) === listing) this.listings.delete(key);
      },
    );
    return listing.result;
  }

  async runInstance(request: RunInstanceRequest): Promise<Instance> {
    return this.changing(() => this.compute.runInstance(request));
  }

  async startInstance(region: string, id: string): Promise<void> {
    return this.changing(() => this.compute.startInstance(region, id));
  }

  async stopInstance(region: string, id: string, options: { hibernate: boolean }): Promise<void> {
    return this.changing(() => this.compute.stopInstance(region, id, options));
  }

  async terminateInstance(region: string, id: string): Promise<void> {
    return this.changing(() => this.compute.terminateInstance(region, id));
  }

  findByClientToken(region: string, clientToken: string): Promise<Instance | undefined> {
    return this.compute.findByClientToken(region, clientToken);
  }

  describeInstanceTypes(region: string, names: string[]) {
    return this.compute.describeInstanceTypes(region, names);
  }

  consoleOutput(region: string, id: string): Promise<string> {
    return this.compute.consoleOutput(region, id);
  }

  checkLaunchPermission(request: RunInstanceRequest): Promise<void> {
    return this.compute.checkLaunchPermission(request);
  }

  /**
   * The instance-change port (type, tags) with every change dropping the shared listing too: an
   * unmount untags `cws:efs`, and the delete that follows must not see the listing from before it.
   */
  watching(changes: InstanceChangePort): InstanceChangePort {
    return {
      modifyInstanceType: (region, id, type) =>
        this.changing(() => changes.modifyInstanceType(region, id, type)),
      tagInstances: (region, ids, tags) => this.changing(() => changes.tagInstances(region, ids, tags)),
      untagInstances: (region, ids, keys) => this.changing(() => changes.untagInstances(region, ids, keys)),
    };
  }

  private async changing<T>(change: () => Promise<T>): Promise<T> {
    this.listings.clear();
    try {
      return await change();
    } finally {
      // A listing that started while the change was under way may not include it.
      this.listings.clear();
    }
  }
}

/** The port always filters on cws:managed=true, so naming it or not is the same listing. */
function keyOf(filter: InstanceFilter): string {
  const tags = Object.entries(filter.tags ?? {})
    .filter(([key]) => key !== TAG.managed)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([[...filter.regions].sort(), tags]);
}
