import type { Architecture } from '../templates/templateSchema.js';
import type { InstanceTypeInfo } from './InstanceTypeInfo.js';

/**
 * The instance types the app knows without asking AWS (offline and on the demo account): the common
 * research families of EC2 and the SageMaker `ml.*` types. Figures are AWS's published specifications.
 * Hibernation needs a supported family and at most 150 GiB of RAM; SageMaker never hibernates.
 */

/** [size, vCPUs, memory GiB, GPUs]. */
type SizeRow = readonly [string, number, number, number];

interface FamilySpec {
  family: string;
  architecture: Architecture;
  gpu_model?: string;
  hibernation_family: boolean;
  sizes: readonly SizeRow[];
}

const HIBERNATION_MAX_MEMORY_GIB = 150;

const BURSTABLE_SIZES: readonly SizeRow[] = [
  ['nano', 2, 0.5, 0],
  ['micro', 2, 1, 0],
  ['small', 2, 2, 0],
  ['medium', 2, 4, 0],
  ['large', 2, 8, 0],
  ['xlarge', 4, 16, 0],
  ['2xlarge', 8, 32, 0],
];

/** Sizes from `large` upwards, where memory is a fixed number of GiB per vCPU. */
function scaledSizes(gibPerVcpu: number, sizes: readonly string[]): SizeRow[] {
  return sizes.map((size) => {
    const vcpus =
      size === 'large' ? 2 : size === 'medium' ? 1 : 4 * (size === 'xlarge' ? 1 : Number.parseInt(size, 10));
    return [size, vcpus, vcpus * gibPerVcpu, 0] as const;
  });
}

const G_SERIES_SIZES: readonly SizeRow[] = [
  ['xlarge', 4, 16, 1],
  ['2xlarge', 8, 32, 1],
  ['4xlarge', 16, 64, 1],
  ['8xlarge', 32, 128, 1],
  ['12xlarge', 48, 192, 4],
  ['16xlarge', 64, 256, 1],
  ['24xlarge', 96, 384, 4],
  ['48xlarge', 192, 768, 8],
];

const FAMILIES: readonly FamilySpec[] = [
  { family: 't3', architecture: 'x86_64', hibernation_family: true, sizes: BURSTABLE_SIZES },
  { family: 't3a', architecture: 'x86_64', hibernation_family: true, sizes: BURSTABLE_SIZES },
  { family: 't4g', architecture: 'arm64', hibernation_family: true, sizes: BURSTABLE_SIZES },
  {
    family: 'm6i',
    architecture: 'x86_64',
    hibernation_family: true,
    sizes: scaledSizes(4, [
      'large',
      'xlarge',
      '2xlarge',
      '4xlarge',
      '8xlarge',
      '12xlarge',
      '16xlarge',
      '24xlarge',
      '32xlarge',
    ]),
  },
  {
    family: 'm7i',
    architecture: 'x86_64',
    hibernation_family: true,
    sizes: scaledSizes(4, [
      'large',
      'xlarge',
      '2xlarge',
      '4xlarge',
      '8xlarge',
      '12xlarge',
      '16xlarge',
      '24xlarge',
      '48xlarge',
    ]),
  },
  {
    family: 'm7g',
    architecture: 'arm64',
    hibernation_family: true,
    sizes: scaledSizes(4, [
      'medium',
      'large',
      'xlarge',
      '2xlarge',
      '4xlarge',
      '8xlarge',
      '12xlarge',
      '16xlarge',
    ]),
  },
  {
    family: 'c7i',
    architecture: 'x86_64',
    hibernation_family: true,
    sizes: scaledSizes(2, [
      'large',
      'xlarge',
      '2xlarge',
      '4xlarge',
      '8xlarge',
      '12xlarge',
      '16xlarge',
      '24xlarge',
      '48xlarge',
    ]),
  },
  {
    family: 'r7i',
    architecture: 'x86_64',
    hibernation_family: true,
    sizes: scaledSizes(8, [
      'large',
      'xlarge',
      '2xlarge',
      '4xlarge',
      '8xlarge',
      '12xlarge',
      '16xlarge',
      '24xlarge',
      '48xlarge',
    ]),
  },
  {
    family: 'g4dn',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA T4',
    hibernation_family: true,
    sizes: [...G_SERIES_SIZES.slice(0, 6), ['metal', 96, 384, 8]],
  },
  {
    family: 'g5',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA A10G',
    hibernation_family: true,
    sizes: G_SERIES_SIZES,
  },
  {
    family: 'g6',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA L4',
    hibernation_family: true,
    sizes: G_SERIES_SIZES,
  },
  {
    family: 'p3',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA V100',
    hibernation_family: false,
    sizes: [
      ['2xlarge', 8, 61, 1],
      ['8xlarge', 32, 244, 4],
      ['16xlarge', 64, 488, 8],
    ],
  },
  {
    family: 'p4d',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA A100',
    hibernation_family: false,
    sizes: [['24xlarge', 96, 1152, 8]],
  },
  {
    family: 'p5',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA H100',
    hibernation_family: false,
    sizes: [['48xlarge', 192, 2048, 8]],
  },
  {
    family: 'ml.t3',
    architecture: 'x86_64',
    hibernation_family: false,
    sizes: BURSTABLE_SIZES.slice(3),
  },
  {
    family: 'ml.m5',
    architecture: 'x86_64',
    hibernation_family: false,
    sizes: scaledSizes(4, ['large', 'xlarge', '2xlarge', '4xlarge']),
  },
  {
    family: 'ml.c5',
    architecture: 'x86_64',
    hibernation_family: false,
    sizes: scaledSizes(2, ['large', 'xlarge', '2xlarge']),
  },
  {
    family: 'ml.g4dn',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA T4',
    hibernation_family: false,
    sizes: G_SERIES_SIZES.slice(0, 2),
  },
  {
    family: 'ml.g5',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA A10G',
    hibernation_family: false,
    sizes: G_SERIES_SIZES,
  },
  {
    family: 'ml.p3',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA V100',
    hibernation_family: false,
    sizes: [['2xlarge', 8, 61, 1]],
  },
];

function toInfo(spec: FamilySpec, [size, vcpus, memory, gpus]: SizeRow): InstanceTypeInfo {
  const info: InstanceTypeInfo = {
    name: `${spec.family}.${size}`,
    vcpus,
    memory_gib: memory,
    gpus,
    architecture: spec.architecture,
    hibernation_supported: spec.hibernation_family && memory <= HIBERNATION_MAX_MEMORY_GIB,
  };
  if (gpus > 0 && spec.gpu_model) info.gpu_model = spec.gpu_model;
  return info;
}

/** Compares by family name, then by size (vCPUs, then memory): `t3.micro` < `t3.small` < `t3.large`. */
function compareInstanceTypes(a: InstanceTypeInfo, b: InstanceTypeInfo): number {
  const byFamily = instanceFamily(a.name).localeCompare(instanceFamily(b.name));
  if (byFamily !== 0) return byFamily;
  return a.vcpus - b.vcpus || a.memory_gib - b.memory_gib || a.gpus - b.gpus || a.name.localeCompare(b.name);
}

const CATALOG: readonly InstanceTypeInfo[] = FAMILIES.flatMap((spec) =>
  spec.sizes.map((row) => toInfo(spec, row)),
).sort(compareInstanceTypes);
const BY_NAME = new Map(CATALOG.map((info) => [info.name, info]));

/** The family of a type name: `m7i` for `m7i.large`, `ml.g5` for `ml.g5.xlarge`. */
export function instanceFamily(name: string): string {
  const lastDot = name.lastIndexOf('.');
  return lastDot < 0 ? name : name.slice(0, lastDot);
}

export function findInstanceType(name: string): InstanceTypeInfo | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** Every known type, by family and then from smallest to largest. */
export function listInstanceTypes(): InstanceTypeInfo[] {
  return [...CATALOG];
}

export function sameFamily(a: string, b: string): boolean {
  return instanceFamily(a) === instanceFamily(b);
}

/** The known types of a family, smallest first. */
export function listFamily(family: string): InstanceTypeInfo[] {
  return CATALOG.filter((info) => instanceFamily(info.name) === family);
}

/**
 * The next smaller known type of the same family (`m7i.large` for `m7i.xlarge`), or undefined for the
 * smallest or an unknown type. The policy engine uses it to suggest the nearest allowed size.
 */
export function nextSmallerInFamily(name: string): InstanceTypeInfo | undefined {
  const info = findInstanceType(name);
  if (!info) return undefined;
  const family = listFamily(instanceFamily(info.name));
  const index = family.findIndex((candidate) => candidate.name === info.name);
  return index > 0 ? family[index - 1] : undefined;
}
