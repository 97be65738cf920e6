import { findInstanceType } from '../catalog/instanceTypes.js';
import { HOURS_PER_MONTH } from '../cost/PriceQuote.js';
import { snapshotPriceCatalog } from '../cost/priceTable.js';
import type { FleetSpec } from './clusterPorts.js';
import { emrUpliftPerHour } from './emrPricing.js';

/** An hour of one node: its EC2 price, EMR's uplift on it and its EBS volume. */
export interface NodeHour {
  ec2: number;
  emr: number;
  ebs: number;
  usd: number;
}

/** What an hour of one node of this type costs, or undefined when the EC2 price or EMR uplift is unknown. */
export function nodeHourUsd(instanceType: string, region: string, ebsGb: number): NodeHour | undefined {
  const ec2 = snapshotPriceCatalog.instanceHourly(instanceType, region)?.usd_per_hour;
  const emr = emrUpliftPerHour(instanceType);
  if (ec2 === undefined || emr === undefined) return undefined;
  const gp3 = snapshotPriceCatalog.storageMonthly('gp3', region)?.usd_per_gb_month ?? 0;
  const ebs = (ebsGb * gp3) / HOURS_PER_MONTH;
  return { ec2, emr, ebs, usd: ec2 + emr + ebs };
}

/**
 * The dearest hour among a fleet's types: EMR picks among them, so the estimate is the most a node
 * can cost (spot is priced on demand for the same reason). Unknown types are listed.
 */
export function fleetNodeHour(
  fleet: Pick<FleetSpec, 'instance_types'>,
  region: string,
  ebsGb: number,
): { usd?: number; unpriced: string[] } {
  const unpriced: string[] = [];
  let usd: number | undefined;
  for (const type of fleet.instance_types) {
    const hour = nodeHourUsd(type, region, ebsGb);
    if (!hour) unpriced.push(type);
    else usd = Math.max(usd ?? 0, hour.usd);
  }
  return { ...(usd !== undefined ? { usd } : {}), unpriced };
}

/** The largest vCPU and memory among a fleet's types, or the types the catalog does not know. */
export function fleetNodeSize(fleet: Pick<FleetSpec, 'instance_types'>): {
  vcpu: number;
  memory_gb: number;
  unknown: string[];
} {
  let vcpu = 0;
  let memory = 0;
  const unknown: string[] = [];
  for (const type of fleet.instance_types) {
    const info = findInstanceType(type);
    if (!info) unknown.push(type);
    else {
      vcpu = Math.max(vcpu, info.vcpus);
      memory = Math.max(memory, info.memory_gib);
    }
  }
  return { vcpu, memory_gb: memory, unknown };
}

/** A fleet's node count. */
export function fleetNodes(fleet: { on_demand: number; spot: number }): number {
  return fleet.on_demand + fleet.spot;
}
