import { CloudError } from '../core/CloudError.js';
import type { InstanceTypeInfo } from '../core/catalog/InstanceTypeInfo.js';
import type { RunInstanceRequest } from '../core/ports.js';

/** Room on the root volume for the OS and software besides the RAM image a hibernation writes. */
export const HIBERNATION_OS_RESERVE_GB = 8;

/**
 * Why EC2 would refuse a hibernation request only after a long wait, or accept and then fail to
 * honour it; undefined when it can hibernate.
 */
export function hibernationRefusal(
  request: RunInstanceRequest,
  info: InstanceTypeInfo | undefined,
): CloudError | undefined {
  if (!info) {
    return new CloudError({
      kind: 'invalid-parameter',
      code: 'InvalidInstanceType',
      message: `The instance type ${request.instance_type} is not offered in ${request.region}.`,
      hint: 'Pick another instance type.',
    });
  }
  if (!info.hibernation_supported) {
    return new CloudError({
      kind: 'invalid-parameter',
      code: 'HibernationNotSupported',
      message: `${request.instance_type} cannot hibernate.`,
      hint: 'Launch without hibernation, or pick a type that supports it (most current m, c, r and t families with at most 150 GiB of RAM).',
    });
  }
  const needed = Math.ceil(info.memory_gib) + HIBERNATION_OS_RESERVE_GB;
  if (request.root_volume_gb < needed) {
    return new CloudError({
      kind: 'invalid-parameter',
      code: 'HibernationRootVolumeTooSmall',
      message: `Hibernation needs a root volume of at least ${needed} GB (${info.memory_gib} GiB of RAM plus the OS); this one is ${request.root_volume_gb} GB.`,
      hint: `Raise the root volume to ${needed} GB or launch without hibernation.`,
    });
  }
  return undefined;
}
