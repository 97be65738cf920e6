import { OperationError } from '../operations/OperationError.js';
import type { Policy } from '../policy/policySchema.js';
import { DATA_VOLUME_TYPES, type DataVolumeType, type Volume } from '../ports.js';

export interface VolumeSpec {
  size_gb: number;
  type: DataVolumeType;
  iops?: number;
  throughput_mbps?: number;
}

/** EBS's limits per type (size in GiB, IOPS, MiB/s), so a bad request is refused before AWS is asked. */
const LIMITS = {
  gp3: { size: [1, 16_384], iops: [3_000, 16_000], iopsPerGb: 500, throughput: [125, 1_000] },
  io2: { size: [4, 65_536], iops: [100, 256_000], iopsPerGb: 1_000, throughput: undefined },
} as const;

export function parseVolumeType(value: string | undefined): DataVolumeType {
  const type = value ?? 'gp3';
  if (!(DATA_VOLUME_TYPES as readonly string[]).includes(type)) {
    throw new OperationError(
      'invalid',
      `--type ${type} is not a data volume type`,
      'Use gp3 (general purpose) or io2 (provisioned IOPS).',
    );
  }
  return type as DataVolumeType;
}

/** The request against EBS's limits and the policy's `max_ebs_gb`. */
export function checkVolumeSpec(spec: VolumeSpec, policy: Policy): void {
  const limits = LIMITS[spec.type];
  const [minSize, maxSize] = limits.size;
  if (!(Number.isInteger(spec.size_gb) && spec.size_gb >= minSize && spec.size_gb <= maxSize)) {
    throw new OperationError(
      'invalid',
      `a ${spec.type} volume is ${minSize} to ${maxSize} GiB, got ${spec.size_gb}`,
    );
  }
  if (spec.type === 'io2' && spec.iops === undefined) {
    throw new OperationError('invalid', 'an io2 volume needs --iops', 'For example --iops 10000.');
  }
  if (spec.iops !== undefined) {
    const [minIops, maxIops] = limits.iops;
    const cap = Math.min(maxIops, spec.size_gb * limits.iopsPerGb);
    if (!(Number.isInteger(spec.iops) && spec.iops >= minIops && spec.iops <= cap)) {
      throw new OperationError(
        'invalid',
        `--iops ${spec.iops} is outside ${minIops}-${cap} for a ${spec.size_gb} GiB ${spec.type} volume (at most ${limits.iopsPerGb} per GiB)`,
      );
    }
  }
  if (spec.throughput_mbps !== undefined) {
    if (!limits.throughput) throw new OperationError('invalid', '--throughput applies to gp3 volumes only');
    const [minT, maxT] = limits.throughput;
    const cap = Math.min(maxT, Math.floor((spec.iops ?? 3_000) / 4));
    if (
      !(Number.isInteger(spec.throughput_mbps) && spec.throughput_mbps >= minT && spec.throughput_mbps <= cap)
    ) {
      throw new OperationError(
        'invalid',
        `--throughput ${spec.throughput_mbps} is outside ${minT}-${cap} MiB/s (at most IOPS / 4)`,
      );
    }
  }
  if (policy.max_ebs_gb !== undefined && spec.size_gb > policy.max_ebs_gb) {
    throw new OperationError(
      'denied',
      `the policy allows volumes of at most ${policy.max_ebs_gb} GB, this one is ${spec.size_gb} GB`,
      `Choose --size ${policy.max_ebs_gb} or less, or ask an admin.`,
    );
  }
}

/** Devices the app attaches data volumes as; the root is /dev/sda1 or /dev/xvda. */
const DATA_DEVICES = 'fghijklmnop'.split('').map((letter) => `/dev/sd${letter}`);
export const ROOT_DEVICES = new Set(['/dev/sda1', '/dev/xvda', '/dev/sda', '/dev/nvme0n1']);

export function isRootVolume(volume: Volume): boolean {
  return volume.attachments.some((a) => ROOT_DEVICES.has(a.device));
}

/** The first data device name not in use on the instance. */
export function nextDataDevice(attached: readonly Volume[], instanceId: string): string {
  const used = new Set(
    attached.flatMap((v) => v.attachments.filter((a) => a.instance_id === instanceId).map((a) => a.device)),
  );
  const free = DATA_DEVICES.find(
    (device) => !used.has(device) && !used.has(device.replace('/dev/sd', '/dev/xvd')),
  );
  if (!free)
    throw new OperationError('refused', `${instanceId} has no free device name left for another data volume`);
  return free;
}
