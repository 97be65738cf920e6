import type { Architecture } from '../templates/templateSchema.js';

/** [size, vCPUs, memory GiB, GPUs]. */
export type SizeRow = readonly [string, number, number, number];

export interface FamilySpec {
  family: string;
  architecture: Architecture;
  gpu_model?: string;
  hibernation_family: boolean;
  sizes: readonly SizeRow[];
}

/**
 * Sizes where memory is a fixed number of GiB per vCPU, from a list like
 * `medium large xlarge 2xlarge 48xlarge metal-24xl metal`: `medium` is 1 vCPU, `large` 2, `Nxlarge`
 * 4N, `metal-Nxl` 4N, and a plain `metal` has `metalVcpus`.
 */
export function uniformSizes(gibPerVcpu: number, sizes: string, metalVcpus = 0): SizeRow[] {
  return sizes
    .split(' ')
    .filter((size) => size !== '')
    .map((size) => {
      const multiple = /^(?:metal-)?(\d*)x(?:large|l)$/.exec(size);
      const vcpus =
        size === 'medium'
          ? 1
          : size === 'large'
            ? 2
            : size === 'metal'
              ? metalVcpus
              : 4 * Number.parseInt(multiple?.[1] || '1', 10);
      return [size, vcpus, vcpus * gibPerVcpu, 0] as const;
    });
}

const X86: Architecture = 'x86_64';
const ARM: Architecture = 'arm64';

/** `large` to `24xlarge`, the fifth generation's x86 range; `...32` and `...48` extend it. */
const TO_24 = 'large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge';
const TO_32 = `${TO_24} 32xlarge`;
const TO_48 = `${TO_32} 48xlarge`;
const C5_SIZES = 'large xlarge 2xlarge 4xlarge 9xlarge 12xlarge 18xlarge 24xlarge';
const GRAVITON = 'medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge';
const GRAVITON4 = `${GRAVITON} 24xlarge 48xlarge metal-24xl metal-48xl`;
const AMD_7 = `medium ${TO_32} 48xlarge metal-48xl`;
const INTEL_7 = `${TO_24} 48xlarge metal-24xl metal-48xl`;
const FLEX = 'large xlarge 2xlarge 4xlarge 8xlarge';

/** One family whose memory is a fixed ratio of its vCPUs. */
const uniform = (
  family: string,
  architecture: Architecture,
  gibPerVcpu: number,
  sizes: string,
  metalVcpus = 0,
  hibernation = true,
): FamilySpec => ({
  family,
  architecture,
  hibernation_family: hibernation,
  sizes: uniformSizes(gibPerVcpu, sizes, metalVcpus),
});

/** One family listed size by size (older or irregular shapes). */
export const listed = (
  family: string,
  architecture: Architecture,
  sizes: readonly SizeRow[],
  options: { gpu_model?: string; hibernation?: boolean } = {},
): FamilySpec => ({
  family,
  architecture,
  hibernation_family: options.hibernation ?? false,
  ...(options.gpu_model ? { gpu_model: options.gpu_model } : {}),
  sizes,
});

export const BURSTABLE_SIZES: readonly SizeRow[] = [
  ['nano', 2, 0.5, 0],
  ['micro', 2, 1, 0],
  ['small', 2, 2, 0],
  ['medium', 2, 4, 0],
  ['large', 2, 8, 0],
  ['xlarge', 4, 16, 0],
  ['2xlarge', 8, 32, 0],
];

/** General purpose, compute and memory optimized: the current generations and the previous ones still sold. */
export const GENERAL_FAMILIES: readonly FamilySpec[] = [
  listed(
    't2',
    X86,
    [['nano', 1, 0.5, 0], ['micro', 1, 1, 0], ['small', 1, 2, 0], ...BURSTABLE_SIZES.slice(3)],
    {
      hibernation: true,
    },
  ),
  listed('t3', X86, BURSTABLE_SIZES, { hibernation: true }),
  listed('t3a', X86, BURSTABLE_SIZES, { hibernation: true }),
  listed('t4g', ARM, BURSTABLE_SIZES, { hibernation: true }),
  listed('m4', X86, uniformSizes(4, 'large xlarge 2xlarge 4xlarge 10xlarge 16xlarge'), { hibernation: true }),
  uniform('m5', X86, 4, `${TO_24} metal`, 96),
  uniform('m5a', X86, 4, TO_24),
  uniform('m5ad', X86, 4, TO_24),
  uniform('m5d', X86, 4, `${TO_24} metal`, 96),
  uniform('m5dn', X86, 4, `${TO_24} metal`, 96),
  uniform('m5n', X86, 4, `${TO_24} metal`, 96),
  uniform('m5zn', X86, 4, 'large xlarge 2xlarge 3xlarge 6xlarge 12xlarge metal', 48),
  uniform('m6a', X86, 4, `${TO_48} metal`, 192),
  uniform('m6g', ARM, 4, `${GRAVITON} metal`, 64),
  uniform('m6gd', ARM, 4, `${GRAVITON} metal`, 64),
  uniform('m6i', X86, 4, `${TO_32} metal`, 128),
  uniform('m6id', X86, 4, `${TO_32} metal`, 128),
  uniform('m6idn', X86, 4, `${TO_32} metal`, 128),
  uniform('m6in', X86, 4, `${TO_32} metal`, 128),
  uniform('m7a', X86, 4, AMD_7),
  uniform('m7g', ARM, 4, `${GRAVITON} metal`, 64),
  uniform('m7gd', ARM, 4, `${GRAVITON} metal`, 64),
  uniform('m7i', X86, 4, INTEL_7),
  uniform('m7i-flex', X86, 4, FLEX),
  uniform('m8g', ARM, 4, GRAVITON4),
  listed('a1', ARM, [...uniformSizes(2, 'medium large xlarge 2xlarge 4xlarge'), ['metal', 16, 32, 0]]),
  listed(
    'c4',
    X86,
    [
      ['large', 2, 3.75, 0],
      ['xlarge', 4, 7.5, 0],
      ['2xlarge', 8, 15, 0],
      ['4xlarge', 16, 30, 0],
      ['8xlarge', 36, 60, 0],
    ],
    { hibernation: true },
  ),
  uniform('c5', X86, 2, `${C5_SIZES} metal`, 96),
  uniform('c5a', X86, 2, TO_24),
  uniform('c5ad', X86, 2, TO_24),
  uniform('c5d', X86, 2, `${C5_SIZES} metal`, 96),
  listed('c5n', X86, [
    ['large', 2, 5.25, 0],
    ['xlarge', 4, 10.5, 0],
    ['2xlarge', 8, 21, 0],
    ['4xlarge', 16, 42, 0],
    ['9xlarge', 36, 96, 0],
    ['18xlarge', 72, 192, 0],
    ['metal', 72, 192, 0],
  ]),
  uniform('c6a', X86, 2, `${TO_48} metal`, 192),
  uniform('c6g', ARM, 2, `${GRAVITON} metal`, 64),
  uniform('c6gd', ARM, 2, `${GRAVITON} metal`, 64),
  uniform('c6gn', ARM, 2, GRAVITON),
  uniform('c6i', X86, 2, `${TO_32} metal`, 128),
  uniform('c6id', X86, 2, `${TO_32} metal`, 128),
  uniform('c6in', X86, 2, `${TO_32} metal`, 128),
  uniform('c7a', X86, 2, AMD_7),
  uniform('c7g', ARM, 2, `${GRAVITON} metal`, 64),
  uniform('c7gd', ARM, 2, `${GRAVITON} metal`, 64),
  uniform('c7gn', ARM, 2, `${GRAVITON} metal`, 64),
  uniform('c7i', X86, 2, INTEL_7),
  uniform('c7i-flex', X86, 2, FLEX),
  uniform('c8g', ARM, 2, GRAVITON4),
  listed('r4', X86, uniformSizes(7.625, 'large xlarge 2xlarge 4xlarge 8xlarge 16xlarge'), {
    hibernation: true,
  }),
  uniform('r5', X86, 8, `${TO_24} metal`, 96),
  uniform('r5a', X86, 8, TO_24),
  uniform('r5ad', X86, 8, TO_24),
  uniform('r5b', X86, 8, `${TO_24} metal`, 96),
  uniform('r5d', X86, 8, `${TO_24} metal`, 96),
  uniform('r5dn', X86, 8, `${TO_24} metal`, 96),
  uniform('r5n', X86, 8, `${TO_24} metal`, 96),
  uniform('r6a', X86, 8, `${TO_48} metal`, 192),
  uniform('r6g', ARM, 8, `${GRAVITON} metal`, 64),
  uniform('r6gd', ARM, 8, `${GRAVITON} metal`, 64),
  uniform('r6i', X86, 8, `${TO_32} metal`, 128),
  uniform('r6id', X86, 8, `${TO_32} metal`, 128),
  uniform('r6idn', X86, 8, `${TO_32} metal`, 128),
  uniform('r6in', X86, 8, `${TO_32} metal`, 128),
  uniform('r7a', X86, 8, AMD_7),
  uniform('r7g', ARM, 8, `${GRAVITON} metal`, 64),
  uniform('r7gd', ARM, 8, `${GRAVITON} metal`, 64),
  uniform('r7i', X86, 8, INTEL_7),
  uniform(
    'r7iz',
    X86,
    8,
    'large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 32xlarge metal-16xl metal-32xl',
  ),
  uniform('r8g', ARM, 8, GRAVITON4),
  uniform('x1', X86, 15.25, '16xlarge 32xlarge', 0, false),
  uniform('x1e', X86, 30.5, 'xlarge 2xlarge 4xlarge 8xlarge 16xlarge 32xlarge', 0, false),
  uniform('x2gd', ARM, 16, `${GRAVITON} metal`, 64, false),
  uniform('x2idn', X86, 16, '16xlarge 24xlarge 32xlarge metal', 128, false),
  uniform('x2iedn', X86, 32, 'xlarge 2xlarge 4xlarge 8xlarge 16xlarge 24xlarge 32xlarge metal', 128, false),
  uniform('x2iezn', X86, 32, '2xlarge 4xlarge 6xlarge 8xlarge 12xlarge metal', 48, false),
  uniform('z1d', X86, 8, 'large xlarge 2xlarge 3xlarge 6xlarge 12xlarge metal', 48, false),
  listed('u-3tb1', X86, [['56xlarge', 224, 3072, 0]]),
  listed('u-6tb1', X86, [
    ['56xlarge', 224, 6144, 0],
    ['112xlarge', 448, 6144, 0],
  ]),
  listed('u-9tb1', X86, [['112xlarge', 448, 9216, 0]]),
  listed('u-12tb1', X86, [['112xlarge', 448, 12288, 0]]),
];
