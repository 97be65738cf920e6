import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type _InstanceType,
  DescribeInstanceTypesCommand,
  type EC2Client,
  type InstanceTypeInfo as Ec2InstanceTypeInfo,
} from '@aws-sdk/client-ec2';
import { z } from 'zod';
import { CloudError } from '../core/CloudError.js';
import type { InstanceTypeInfo } from '../core/catalog/InstanceTypeInfo.js';
import { writeFileAtomic } from '../core/fs/writeFileAtomic.js';
import { ARCHITECTURES } from '../core/templates/templateSchema.js';
import { callAws } from './callAws.js';

/** DescribeInstanceTypes takes at most 100 names per call. */
const NAMES_PER_REQUEST = 100;

const cachedTypes = z.array(
  z.object({
    name: z.string(),
    vcpus: z.number(),
    memory_gib: z.number(),
    gpus: z.number(),
    gpu_model: z.string().optional(),
    architecture: z.enum(ARCHITECTURES),
    hibernation_supported: z.boolean(),
  }),
);

export function toInstanceTypeInfo(type: Ec2InstanceTypeInfo): InstanceTypeInfo {
  const gpus = type.GpuInfo?.Gpus ?? [];
  const firstGpu = gpus[0];
  const gpuModel = firstGpu ? [firstGpu.Manufacturer, firstGpu.Name].filter(Boolean).join(' ') : '';
  return {
    name: type.InstanceType ?? '',
    vcpus: type.VCpuInfo?.DefaultVCpus ?? 0,
    memory_gib: (type.MemoryInfo?.SizeInMiB ?? 0) / 1024,
    gpus: gpus.reduce((sum, gpu) => sum + (gpu.Count ?? 0), 0),
    ...(gpuModel ? { gpu_model: gpuModel } : {}),
    architecture: type.ProcessorInfo?.SupportedArchitectures?.includes('arm64') ? 'arm64' : 'x86_64',
    hibernation_supported: type.HibernationSupported === true,
  };
}

/**
 * Instance type facts per region, from DescribeInstanceTypes. A type's specification never changes,
 * so entries are kept for the session and, with a cache directory, across sessions; only names not
 * seen before are asked for.
 */
export class Ec2InstanceTypes {
  private readonly known = new Map<string, Map<string, InstanceTypeInfo>>();
  private readonly loaded = new Map<string, Promise<void>>();

  constructor(
    private readonly ec2: (region: string) => EC2Client,
    private readonly options: { cacheDir?: string; profile?: string } = {},
  ) {}

  async describe(region: string, names: string[]): Promise<InstanceTypeInfo[]> {
    const known = await this.regionCache(region);
    const missing = [...new Set(names)].filter((name) => !known.has(name));
    if (missing.length > 0) {
      for (let start = 0; start < missing.length; start += NAMES_PER_REQUEST) {
        for (const type of await this.fetch(region, missing.slice(start, start + NAMES_PER_REQUEST))) {
          const info = toInstanceTypeInfo(type);
          known.set(info.name, info);
        }
      }
      await this.save(region, known);
    }
    return names.flatMap((name) => {
      const info = known.get(name);
      return info ? [info] : [];
    });
  }

  /**
   * One DescribeInstanceTypes call. EC2 refuses the whole call when one name does not exist in the
   * region ("...do not exist: [m9x.large]"): those names are dropped and the rest asked again, so a
   * typo or a type not offered in the region is just absent from the answer.
   */
  private async fetch(region: string, names: string[]): Promise<Ec2InstanceTypeInfo[]> {
    const context = {
      action: 'ec2:DescribeInstanceTypes',
      region,
      ...(this.options.profile ? { profile: this.options.profile } : {}),
    };
    const ask = (asked: string[]) =>
      callAws(context, () =>
        this.ec2(region).send(new DescribeInstanceTypesCommand({ InstanceTypes: asked as _InstanceType[] })),
      );
    try {
      return (await ask(names)).InstanceTypes ?? [];
    } catch (error) {
      if (!(error instanceof CloudError) || error.code !== 'InvalidInstanceType') throw error;
      const unknown = new Set(/\[([^\]]*)\]/.exec(error.message)?.[1]?.split(/[\s,]+/) ?? []);
      const rest = names.filter((name) => !unknown.has(name));
      if (unknown.size === 0 || rest.length === names.length) throw error;
      return rest.length > 0 ? ((await ask(rest)).InstanceTypes ?? []) : [];
    }
  }

  private cacheFile(region: string): string | undefined {
    return this.options.cacheDir
      ? join(this.options.cacheDir, `ec2-instance-types-${region}.json`)
      : undefined;
  }

  private async regionCache(region: string): Promise<Map<string, InstanceTypeInfo>> {
    let known = this.known.get(region);
    if (!known) {
      known = new Map();
      this.known.set(region, known);
    }
    let loading = this.loaded.get(region);
    if (!loading) {
      loading = this.load(region, known);
      this.loaded.set(region, loading);
    }
    await loading;
    return known;
  }

  /** A missing or unreadable cache file only costs a DescribeInstanceTypes call: it is a cache. */
  private async load(region: string, known: Map<string, InstanceTypeInfo>): Promise<void> {
    const file = this.cacheFile(region);
    if (!file) return;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = cachedTypes.safeParse(json);
    if (!parsed.success) return;
    for (const info of parsed.data) known.set(info.name, info);
  }

  private async save(region: string, known: Map<string, InstanceTypeInfo>): Promise<void> {
    const file = this.cacheFile(region);
    if (!file) return;
    const types = [...known.values()].sort((a, b) => a.name.localeCompare(b.name));
    await writeFileAtomic(file, `${JSON.stringify(types, null, 2)}\n`);
  }
}
