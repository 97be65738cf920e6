/** CloudWatch: how busy a workstation has been. */

export interface MetricWindow {
  from: Date;
  to: Date;
}

/** Five-minute averages, oldest first; empty when nothing was published. */
export interface UsageSamples {
  cpu_percent: number[];
  /** Only when the CloudWatch agent publishes memory (`CWAgent` mem_used_percent). */
  memory_percent?: number[];
}

export interface MetricsPort {
  usage(region: string, instanceId: string, window: MetricWindow): Promise<UsageSamples>;
}
