import type { FileSystem, Instance, StateTransition } from '../ports.js';
import type { PriceQuote, PriceSource } from './PriceQuote.js';

/** A workstation's instance, as the cost report needs it. */
export interface InstanceCostResource {
  kind: 'instance';
  id: string;
  name: string;
  region: string;
  instance_type: string;
  root_volume_gb: number;
  root_volume_type: string;
  /** Runs on spot capacity. */
  spot?: boolean;
  /** The spot price it runs at (before discounts); on-demand pricing when absent. */
  spot_price?: PriceQuote;
  /** A price the service sets itself (a Canvas session hour), used instead of the catalog's. */
  compute_price?: PriceQuote;
  /** Its states, oldest first. */
  transitions: StateTransition[];
  /** Set when the history is reconstructed from the launch time and the current state only. */
  history_note?: string;
}

/** An EFS file system: storage only, billed from creation on its current size. */
export interface FileSystemCostResource {
  kind: 'file-system';
  id: string;
  name: string;
  region: string;
  size_gb: number;
  created_at: string;
  deleted_at?: string;
}

/** A charge billed once for what was used (an Athena query's bytes, a job run's vCPU-hours). */
export interface MeteredCharge {
  at: string;
  usd: number;
  /** What it paid for, as the report shows it: "query 3f2a… (1.2 GB scanned)". */
  what: string;
}

/**
 * Any other service's resource (FSx, clusters, EMR, Athena, DataBrew …), priced by its own
 * capability: an hourly rate while it is `running` (capacity, throughput, nodes up) over its state
 * history, plus one-off charges. Capabilities reach the report through `costContributors`.
 */
export interface MeteredCostResource {
  kind: 'metered';
  /** The AWS service, as the cost page groups it: "FSx for Lustre", "EMR Serverless". */
  service: string;
  id: string;
  name: string;
  region: string;
  /** What it costs per hour while running. */
  usd_per_hour: number;
  /** What it costs per hour while stopped (storage of a stopped cluster), 0 when nothing. */
  usd_per_hour_stopped?: number;
  price_source: PriceSource;
  /** Its states, oldest first: running, stopped, terminated. */
  transitions: StateTransition[];
  charges?: MeteredCharge[];
  notes?: string[];
}

export type CostResource = InstanceCostResource | FileSystemCostResource | MeteredCostResource;

/**
 * The cost view of an instance. AWS reports only the latest state, so an instance without a recorded
 * history is taken to have been in its current state since launch, and the item says so.
 */
export function costResourceFromInstance(instance: Instance, spotPrice?: PriceQuote): InstanceCostResource {
  const currentState = instance.state === 'stopped' && instance.hibernated ? 'hibernated' : instance.state;
  const recorded = instance.transitions.length > 0;
  const resource: InstanceCostResource = {
    kind: 'instance',
    id: instance.id,
    name: instance.name,
    region: instance.region,
    instance_type: instance.instance_type,
    root_volume_gb: instance.root_volume_gb,
    root_volume_type: instance.root_volume_type,
    transitions: recorded ? instance.transitions : [{ at: instance.launched_at, state: currentState }],
  };
  if (!recorded) resource.history_note = `no state history: taken to be ${currentState} since launch`;
  if (instance.spot) resource.spot = true;
  if (instance.spot && spotPrice) resource.spot_price = spotPrice;
  return resource;
}

const BYTES_PER_GB = 1024 ** 3;

export function costResourceFromFileSystem(fileSystem: FileSystem): FileSystemCostResource {
  return {
    kind: 'file-system',
    id: fileSystem.id,
    name: fileSystem.name,
    region: fileSystem.region,
    size_gb: fileSystem.size_bytes / BYTES_PER_GB,
    created_at: fileSystem.created_at,
  };
}
