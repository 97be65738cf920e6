/** The memory EMR Serverless allows per worker for each vCPU count, in GB (EMR Serverless user guide). */
const MEMORY_RANGE_GB: Record<number, [number, number]> = {
  1: [2, 8],
  2: [4, 16],
  4: [8, 30],
  8: [16, 60],
  16: [32, 120],
};

/** The problem with a worker size, or undefined when EMR Serverless accepts it. */
export function workerSizeProblem(vcpu: number, memoryGb: number): string | undefined {
  const range = MEMORY_RANGE_GB[vcpu];
  if (!range) return `a worker has 1, 2, 4, 8 or 16 vCPU, not ${vcpu}`;
  const [min, max] = range;
  if (memoryGb < min || memoryGb > max)
    return `a ${vcpu}-vCPU worker has ${min}-${max} GB of memory, not ${memoryGb}`;
  return undefined;
}

/** The free disk per worker; more is billed as storage. */
export const FREE_WORKER_DISK_GB = 20;
