/**
 * Faults the demo account can be told to produce, for demos and tests:
 * `CWS_DEMO_FAULTS="capacity=us-east-1a,us-east-1b;latency=800;throttle=3"`
 *  - capacity: availability zones with no capacity (InsufficientInstanceCapacity)
 *  - latency: extra milliseconds on every call (a slow network)
 *  - throttle: every Nth call is throttled once and retried after a backoff, as the SDK does
 *  - no-default-vpc: regions whose default VPC was deleted (as landing zones do)
 */
export interface DemoFaults {
  capacityZones: string[];
  latencyMs: number;
  throttleEvery: number;
  noDefaultVpcRegions?: string[];
}

export const NO_FAULTS: DemoFaults = { capacityZones: [], latencyMs: 0, throttleEvery: 0 };

export function parseDemoFaults(spec: string | undefined): DemoFaults {
  const faults: DemoFaults = { ...NO_FAULTS, capacityZones: [] };
  if (!spec) return faults;
  for (const part of spec.split(';')) {
    const [key, value = ''] = part.split('=').map((s) => s.trim());
    if (key === 'capacity') faults.capacityZones = value.split(',').filter(Boolean);
    if (key === 'latency') faults.latencyMs = Math.max(0, Number(value) || 0);
    if (key === 'no-default-vpc') faults.noDefaultVpcRegions = value.split(',').filter(Boolean);
    if (key === 'throttle') faults.throttleEvery = Math.max(0, Math.floor(Number(value) || 0));
  }
  return faults;
}
