import type { Architecture } from './templateSchema.js';

/** One of CloudWorkstation's t-shirt sizes, with the instance type it means on each architecture. */
export interface GlobalSize {
  name: string;
  /** CloudWorkstation's other spellings (`small`, `gpu-medium`...), matched in any case. */
  aliases: readonly string[];
  kind: 'cpu' | 'gpu';
  /** Order within its kind: a `minimum_size` keeps this size and the larger ones. */
  rank: number;
  shape: string;
  types: Record<Architecture, string>;
}

/**
 * CloudWorkstation's global sizes (XS-XL general purpose, GPU-S-GPU-XL with NVIDIA GPUs), so a
 * template that declares no `sizes` of its own still launches with `--size M`. The x86_64 and
 * arm64 types have the same vCPUs and memory; arm64 GPUs are the G5g's T4G.
 */
export const GLOBAL_SIZES: readonly GlobalSize[] = [
  {
    name: 'XS',
    aliases: ['x-small', 'xsmall', 'extra-small', 'tiny'],
    kind: 'cpu',
    rank: 0,
    shape: '2 vCPU, 2 GiB',
    types: { x86_64: 't3.small', arm64: 't4g.small' },
  },
  {
    name: 'S',
    aliases: ['small'],
    kind: 'cpu',
    rank: 1,
    shape: '2 vCPU, 4 GiB',
    types: { x86_64: 't3.medium', arm64: 't4g.medium' },
  },
  {
    name: 'M',
    aliases: ['medium'],
    kind: 'cpu',
    rank: 2,
    shape: '2 vCPU, 8 GiB',
    types: { x86_64: 't3.large', arm64: 't4g.large' },
  },
  {
    name: 'L',
    aliases: ['large'],
    kind: 'cpu',
    rank: 3,
    shape: '4 vCPU, 16 GiB',
    types: { x86_64: 't3.xlarge', arm64: 't4g.xlarge' },
  },
  {
    name: 'XL',
    aliases: ['x-large', 'xlarge', 'extra-large'],
    kind: 'cpu',
    rank: 4,
    shape: '8 vCPU, 32 GiB',
    types: { x86_64: 't3.2xlarge', arm64: 't4g.2xlarge' },
  },
  {
    name: 'GPU-S',
    aliases: ['gpu-small', 'gpu_s', 'gpus'],
    kind: 'gpu',
    rank: 0,
    shape: '4 vCPU, 1 GPU',
    types: { x86_64: 'g4dn.xlarge', arm64: 'g5g.xlarge' },
  },
  {
    name: 'GPU-M',
    aliases: ['gpu-medium', 'gpu_m', 'gpum'],
    kind: 'gpu',
    rank: 1,
    shape: '8 vCPU, 1 GPU',
    types: { x86_64: 'g4dn.2xlarge', arm64: 'g5g.2xlarge' },
  },
  {
    name: 'GPU-L',
    aliases: ['gpu-large', 'gpu_l', 'gpul'],
    kind: 'gpu',
    rank: 2,
    shape: '16 vCPU, 1 GPU',
    types: { x86_64: 'g4dn.4xlarge', arm64: 'g5g.4xlarge' },
  },
  {
    name: 'GPU-XL',
    aliases: ['gpu-xlarge', 'gpu-x-large', 'gpu_xl', 'gpuxl'],
    kind: 'gpu',
    rank: 3,
    shape: 'several GPUs',
    types: { x86_64: 'g4dn.12xlarge', arm64: 'g5g.16xlarge' },
  },
];

/** The global size a name means (`M`, `medium`, `gpu-small`...), in any case. */
export function findGlobalSize(name: string): GlobalSize | undefined {
  const wanted = name.trim().toLowerCase();
  return GLOBAL_SIZES.find((size) => size.name.toLowerCase() === wanted || size.aliases.includes(wanted));
}
