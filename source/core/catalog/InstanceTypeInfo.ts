import type { Architecture } from '../templates/templateSchema.js';

/** What the app knows of an instance type: from DescribeInstanceTypes or the shipped snapshot. */
export interface InstanceTypeInfo {
  /** e.g. `m7i.large`, or `ml.t3.medium` for SageMaker. */
  name: string;
  vcpus: number;
  memory_gib: number;
  gpus: number;
  gpu_model?: string;
  architecture: Architecture;
  hibernation_supported: boolean;
}
