import type { SparkApplication } from '../../../source/core/bigdata/ports.js';

/** A started EMR Serverless application named `name` (a 4 vCPU driver kept warm, up to 32 vCPU). */
export function sparkApplicationFixture(
  name: string,
  times: Pick<SparkApplication, 'created_at' | 'updated_at'>,
): SparkApplication {
  return {
    id: 'a1',
    name,
    region: 'us-east-1',
    state: 'STARTED',
    release_label: 'emr-7.5.0',
    architecture: 'X86_64',
    initial_capacity: { driver: { workers: 1, vcpu: 4, memory_gb: 16, disk_gb: 20 } },
    maximum_capacity: { vcpu: 32, memory_gb: 128, disk_gb: 640 },
    auto_start: true,
    ...times,
    tags: {},
  };
}
