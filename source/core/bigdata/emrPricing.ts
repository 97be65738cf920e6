import prices from './emrPrices.json' with { type: 'json' };
import type { ResourceUtilization, SparkArchitecture, SparkCapacity, WorkerGroup } from './ports.js';

/** EMR Serverless rates in one region and architecture (USD). */
export interface ServerlessRates {
  vcpu_hour: number;
  memory_gb_hour: number;
  storage_gb_hour: number;
  as_of: string;
}

type RegionPrices = {
  x86_64: { vcpu_hour: number; memory_gb_hour: number };
  arm64: { vcpu_hour: number; memory_gb_hour: number };
  storage_gb_hour: number;
};
const serverless: Record<string, RegionPrices | undefined> = prices.serverless;
const uplift: Record<string, number | undefined> = prices.ec2_uplift_per_hour;

export const EMR_PRICE_SNAPSHOT_DATE: string = prices.snapshot_date;

/** The rates of the price snapshot, or undefined for a region it does not cover. */
export function serverlessRates(
  region: string,
  architecture: SparkArchitecture,
): ServerlessRates | undefined {
  const regional = serverless[region];
  if (!regional) return undefined;
  const compute = architecture === 'ARM64' ? regional.arm64 : regional.x86_64;
  return { ...compute, storage_gb_hour: regional.storage_gb_hour, as_of: prices.snapshot_date };
}

/** What a job run's billed use costs. */
export function utilizationUsd(billed: ResourceUtilization, rates: ServerlessRates): number {
  return (
    billed.vcpu_hours * rates.vcpu_hour +
    billed.memory_gb_hours * rates.memory_gb_hour +
    billed.storage_gb_hours * rates.storage_gb_hour
  );
}

/** An hour of this much capacity (storage beyond the free 20 GB per worker is not counted). */
export function capacityUsdPerHour(
  capacity: Pick<SparkCapacity, 'vcpu' | 'memory_gb'>,
  rates: ServerlessRates,
): number {
  return capacity.vcpu * rates.vcpu_hour + capacity.memory_gb * rates.memory_gb_hour;
}

/** The pre-initialised workers' capacity, billed while the application is started. */
export function initialCapacityOf(initial: { driver?: WorkerGroup; executor?: WorkerGroup } | undefined): {
  vcpu: number;
  memory_gb: number;
} {
  let vcpu = 0;
  let memory = 0;
  for (const group of [initial?.driver, initial?.executor]) {
    if (!group) continue;
    vcpu += group.workers * group.vcpu;
    memory += group.workers * group.memory_gb;
  }
  return { vcpu, memory_gb: memory };
}

/** The EMR charge per hour of an EC2 instance type on top of its EC2 price, or undefined when unknown. */
export function emrUpliftPerHour(instanceType: string): number | undefined {
  return uplift[instanceType];
}
