import type { Architecture } from '../templates/templateSchema.js';
import { type FamilySpec, listed, type SizeRow, uniformSizes } from './instanceFamilies.js';

const X86: Architecture = 'x86_64';
const ARM: Architecture = 'arm64';

/** The G5 / G6 shape: one GPU up to 16xlarge, four at 12xlarge and 24xlarge, eight at 48xlarge. */
const G_SERIES: readonly SizeRow[] = [
  ['xlarge', 4, 16, 1],
  ['2xlarge', 8, 32, 1],
  ['4xlarge', 16, 64, 1],
  ['8xlarge', 32, 128, 1],
  ['12xlarge', 48, 192, 4],
  ['16xlarge', 64, 256, 1],
  ['24xlarge', 96, 384, 4],
  ['48xlarge', 192, 768, 8],
];

/** Storage optimized, accelerated computing (GPUs, Inferentia, Trainium, FPGAs) and HPC families. */
export const ACCELERATED_AND_STORAGE_FAMILIES: readonly FamilySpec[] = [
  listed('g4dn', X86, [...G_SERIES.slice(0, 6), ['metal', 96, 384, 8]], {
    gpu_model: 'NVIDIA T4',
    hibernation: true,
  }),
  listed(
    'g4ad',
    X86,
    [
      ['xlarge', 4, 16, 1],
      ['2xlarge', 8, 32, 1],
      ['4xlarge', 16, 64, 1],
      ['8xlarge', 32, 128, 2],
      ['16xlarge', 64, 256, 4],
    ],
    { gpu_model: 'AMD Radeon Pro V520' },
  ),
  listed('g5', X86, G_SERIES, { gpu_model: 'NVIDIA A10G', hibernation: true }),
  listed(
    'g5g',
    ARM,
    [
      ['xlarge', 4, 8, 1],
      ['2xlarge', 8, 16, 1],
      ['4xlarge', 16, 32, 1],
      ['8xlarge', 32, 64, 1],
      ['16xlarge', 64, 128, 2],
      ['metal', 64, 128, 2],
    ],
    { gpu_model: 'NVIDIA T4G' },
  ),
  listed('g6', X86, G_SERIES, { gpu_model: 'NVIDIA L4', hibernation: true }),
  listed(
    'g6e',
    X86,
    G_SERIES.map(([size, vcpus, memory, gpus]) => [size, vcpus, memory * 2, gpus] as const),
    { gpu_model: 'NVIDIA L40S' },
  ),
  listed(
    'gr6',
    X86,
    [
      ['4xlarge', 16, 128, 1],
      ['8xlarge', 32, 256, 1],
    ],
    { gpu_model: 'NVIDIA L4' },
  ),
  listed(
    'p3',
    X86,
    [
      ['2xlarge', 8, 61, 1],
      ['8xlarge', 32, 244, 4],
      ['16xlarge', 64, 488, 8],
    ],
    { gpu_model: 'NVIDIA V100' },
  ),
  listed('p3dn', X86, [['24xlarge', 96, 768, 8]], { gpu_model: 'NVIDIA V100' }),
  listed('p4d', X86, [['24xlarge', 96, 1152, 8]], { gpu_model: 'NVIDIA A100' }),
  listed('p4de', X86, [['24xlarge', 96, 1152, 8]], { gpu_model: 'NVIDIA A100 80GB' }),
  listed('p5', X86, [['48xlarge', 192, 2048, 8]], { gpu_model: 'NVIDIA H100' }),
  listed('inf1', X86, [
    ['xlarge', 4, 8, 0],
    ['2xlarge', 8, 16, 0],
    ['6xlarge', 24, 48, 0],
    ['24xlarge', 96, 192, 0],
  ]),
  listed('inf2', X86, [
    ['xlarge', 4, 16, 0],
    ['8xlarge', 32, 128, 0],
    ['24xlarge', 96, 384, 0],
    ['48xlarge', 192, 768, 0],
  ]),
  listed('trn1', X86, [
    ['2xlarge', 8, 32, 0],
    ['32xlarge', 128, 512, 0],
  ]),
  listed('trn1n', X86, [['32xlarge', 128, 512, 0]]),
  listed('dl1', X86, [['24xlarge', 96, 768, 0]]),
  listed('f1', X86, [
    ['2xlarge', 8, 122, 0],
    ['4xlarge', 16, 244, 0],
    ['16xlarge', 64, 976, 0],
  ]),
  listed('vt1', X86, [
    ['3xlarge', 12, 24, 0],
    ['6xlarge', 24, 48, 0],
    ['24xlarge', 96, 192, 0],
  ]),
  listed(
    'i3',
    X86,
    [...uniformSizes(7.625, 'large xlarge 2xlarge 4xlarge 8xlarge 16xlarge'), ['metal', 72, 512, 0]],
    { hibernation: true },
  ),
  listed('i3en', X86, uniformSizes(8, 'large xlarge 2xlarge 3xlarge 6xlarge 12xlarge 24xlarge metal', 96)),
  listed(
    'i4i',
    X86,
    uniformSizes(8, 'large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal', 128),
  ),
  listed('i4g', ARM, uniformSizes(8, 'large xlarge 2xlarge 4xlarge 8xlarge 16xlarge')),
  listed('im4gn', ARM, uniformSizes(4, 'large xlarge 2xlarge 4xlarge 8xlarge 16xlarge')),
  listed('is4gen', ARM, uniformSizes(6, 'medium large xlarge 2xlarge 4xlarge 8xlarge')),
  listed('d2', X86, [
    ['xlarge', 4, 30.5, 0],
    ['2xlarge', 8, 61, 0],
    ['4xlarge', 16, 122, 0],
    ['8xlarge', 36, 244, 0],
  ]),
  listed('d3', X86, uniformSizes(8, 'xlarge 2xlarge 4xlarge 8xlarge')),
  listed('d3en', X86, uniformSizes(4, 'xlarge 2xlarge 4xlarge 6xlarge 8xlarge 12xlarge')),
  listed('h1', X86, uniformSizes(4, '2xlarge 4xlarge 8xlarge 16xlarge')),
  listed('hpc6a', X86, [['48xlarge', 96, 384, 0]]),
  listed('hpc6id', X86, [['32xlarge', 64, 1024, 0]]),
  listed('hpc7a', X86, [
    ['12xlarge', 24, 768, 0],
    ['24xlarge', 48, 768, 0],
    ['48xlarge', 96, 768, 0],
    ['96xlarge', 192, 768, 0],
  ]),
  listed('hpc7g', ARM, [
    ['4xlarge', 16, 128, 0],
    ['8xlarge', 32, 128, 0],
    ['16xlarge', 64, 128, 0],
  ]),
];
