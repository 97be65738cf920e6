import { createHash } from 'node:crypto';
import { findInstanceType } from '../../core/catalog/instanceTypes.js';
import type { ComputePort, MetricsPort, MetricWindow, UsageSamples } from '../../core/ports.js';

const FIVE_MINUTES_MS = 5 * 60_000;

/**
 * CloudWatch on the demo account: a stable, made-up working pattern per instance (busy in working
 * hours, quiet at night), with the load spread over its vCPUs, so that big instances look oversized
 * and small busy ones undersized, as in a real lab. Every workstation has the whole window of
 * history, so that rightsizing can be shown on a workstation launched a minute ago.
 */
export class DemoMetrics implements MetricsPort {
  constructor(private readonly compute: ComputePort) {}

  async usage(region: string, instanceId: string, window: MetricWindow): Promise<UsageSamples> {
    const { items } = await this.compute.listInstances({ regions: [region], ids: [instanceId] });
    const instance = items[0];
    if (!instance) return { cpu_percent: [] };
    const vcpus = findInstanceType(instance.instance_type)?.vcpus ?? 2;
    const seed = createHash('sha256').update(instance.id).digest();
    // The work needs this many busy vCPUs at its peak: between a quarter of one and six.
    const busyVcpus = 0.25 + ((seed[0] ?? 0) / 255) * 5.75;
    const start = window.from.getTime();
    const cpu: number[] = [];
    for (let at = start; at < window.to.getTime(); at += FIVE_MINUTES_MS) {
      const hour = new Date(at).getUTCHours();
      const working = hour >= 8 && hour < 19 ? 1 : 0.1;
      const jitter = ((seed[((at / FIVE_MINUTES_MS) % 32) | 0] ?? 128) / 255) * 0.4 + 0.8;
      cpu.push(Math.min(100, ((busyVcpus * working * jitter) / vcpus) * 100));
    }
    return { cpu_percent: cpu };
  }
}
