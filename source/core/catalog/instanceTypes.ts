import { compareText } from '../text/compareText.js';
import { ACCELERATED_AND_STORAGE_FAMILIES } from './acceleratedFamilies.js';
import type { InstanceTypeInfo } from './InstanceTypeInfo.js';
import {
  BURSTABLE_SIZES,
  type FamilySpec,
  GENERAL_FAMILIES,
  type SizeRow,
  uniformSizes,
} from './instanceFamilies.js';

/**
 * The instance types the app knows without asking AWS (offline and on the demo account): every
 * current-generation EC2 family and the previous generations AWS still sells (m4, c4, r4, t2, p3,
 * g4dn...), and the SageMaker `ml.*` types. Figures are AWS's published specifications (EC2 User
 * Guide, instance type specifications); with credentials, DescribeInstanceTypes answers instead.
 * Hibernation needs a supported family and at most 150 GiB of RAM; SageMaker never hibernates.
 */

const HIBERNATION_MAX_MEMORY_GIB = 150;

/** SageMaker's `ml.*` types, described by the EC2 type each runs on. */
const SAGEMAKER_FAMILIES: readonly FamilySpec[] = [
  { family: 'ml.t3', architecture: 'x86_64', hibernation_family: false, sizes: BURSTABLE_SIZES.slice(3) },
  {
    family: 'ml.m5',
    architecture: 'x86_64',
    hibernation_family: false,
    sizes: uniformSizes(4, 'large xlarge 2xlarge 4xlarge'),
  },
  {
    family: 'ml.c5',
    architecture: 'x86_64',
    hibernation_family: false,
    sizes: uniformSizes(2, 'large xlarge 2xlarge'),
  },
  {
    family: 'ml.g4dn',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA T4',
    hibernation_family: false,
    sizes: [
      ['xlarge', 4, 16, 1],
      ['2xlarge', 8, 32, 1],
    ],
  },
  {
    family: 'ml.g5',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA A10G',
    hibernation_family: false,
    sizes: ACCELERATED_AND_STORAGE_FAMILIES.find((spec) => spec.family === 'g5')!.sizes,
  },
  {
    family: 'ml.p3',
    architecture: 'x86_64',
    gpu_model: 'NVIDIA V100',
    hibernation_family: false,
    sizes: [['2xlarge', 8, 61, 1]],
  },
];

const FAMILIES: readonly FamilySpec[] = [
  ...GENERAL_FAMILIES,
  ...ACCELERATED_AND_STORAGE_FAMILIES,
  ...SAGEMAKER_FAMILIES,
];

function toInfo(spec: FamilySpec, [size, vcpus, memory, gpus]: SizeRow): InstanceTypeInfo {
  const info: InstanceTypeInfo = {
    name: `${spec.family}.${size}`,
    vcpus,
    memory_gib: memory,
    gpus,
    architecture: spec.architecture,
    // Bare metal never hibernates.
    hibernation_supported:
      spec.hibernation_family && memory <= HIBERNATION_MAX_MEMORY_GIB && !size.startsWith('metal'),
  };
  if (gpus > 0 && spec.gpu_model) info.gpu_model = spec.gpu_model;
  return info;
}

/** Compares by family name, then by size (vCPUs, then memory, metal last): `t3.micro` < `t3.small` < `t3.large`. */
function compareInstanceTypes(a: InstanceTypeInfo, b: InstanceTypeInfo): number {
  const byFamily = compareText(instanceFamily(a.name), instanceFamily(b.name));
  if (byFamily !== 0) return byFamily;
  // Bare metal comes after the family's virtual sizes: never the "next smaller" of one.
  const metal = Number(a.name.includes('.metal')) - Number(b.name.includes('.metal'));
  if (metal !== 0) return metal;
  return a.vcpus - b.vcpus || a.memory_gib - b.memory_gib || a.gpus - b.gpus || compareText(a.name, b.name);
}

interface Catalog {
  all: readonly InstanceTypeInfo[];
  byName: ReadonlyMap<string, InstanceTypeInfo>;
}

let built: Catalog | undefined;

/** Built on the first lookup, not at import: a cold `list` of an empty account never needs it. */
function catalog(): Catalog {
  if (!built) {
    const all = FAMILIES.flatMap((spec) => spec.sizes.map((row) => toInfo(spec, row))).sort(
      compareInstanceTypes,
    );
    built = { all, byName: new Map(all.map((info) => [info.name, info])) };
  }
  return built;
}

/** The family of a type name: `m7i` for `m7i.large`, `ml.g5` for `ml.g5.xlarge`. */
export function instanceFamily(name: string): string {
  const lastDot = name.lastIndexOf('.');
  return lastDot < 0 ? name : name.slice(0, lastDot);
}

export function findInstanceType(name: string): InstanceTypeInfo | undefined {
  return catalog().byName.get(name.trim().toLowerCase());
}

/** Every known type, by family and then from smallest to largest. */
export function listInstanceTypes(): InstanceTypeInfo[] {
  return [...catalog().all];
}

export function sameFamily(a: string, b: string): boolean {
  return instanceFamily(a) === instanceFamily(b);
}

/** The known types of a family, smallest first. */
export function listFamily(family: string): InstanceTypeInfo[] {
  return catalog().all.filter((info) => instanceFamily(info.name) === family);
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
