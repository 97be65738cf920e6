import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../fs/readJsonFileOrSetAside.js';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { lazySchema } from '../schema/lazySchema.js';
import type { NetworkChoice } from './NetworkChoice.js';
import { sshCidrProblem } from './sshCidrProblem.js';

const regionNetworkSchema = lazySchema(() =>
  z.strictObject({
    subnet_id: z.string().regex(/^subnet-[0-9a-f]+$/),
    vpc_id: z.string().optional(),
    security_group_id: z
      .string()
      .regex(/^sg-[0-9a-f]+$/)
      .optional(),
    recorded_at: z.string(),
  }),
);

const profileNetworkSchema = lazySchema(() =>
  z.strictObject({
    ssh_cidr: z.string().optional(),
    /** The CIDR is wider than the app allows by default and was accepted with --force. */
    ssh_cidr_forced: z.boolean().optional(),
    /** The address a laptop reaches the machine running cws-tui at (`network use --laptop-host`). */
    laptop_host: z.string().optional(),
    regions: z.record(z.string(), regionNetworkSchema),
  }),
);

const networkFileSchema = lazySchema(() =>
  z.strictObject({
    profiles: z.record(z.string(), profileNetworkSchema),
  }),
);

export type RegionNetwork = z.infer<typeof regionNetworkSchema>;
export type ProfileNetwork = z.infer<typeof profileNetworkSchema>;
type NetworkFile = z.infer<typeof networkFileSchema>;

/**
 * The network each cws-tui profile launches into, per region (`network.json` in the config dir):
 * the subnet `network use` or `network create` recorded, and the profile's SSH source CIDR. A file
 * that cannot be read is set aside and reported, never overwritten.
 */
export class NetworkSettingsStore {
  readonly path: string;
  /** Set when the file was unreadable and moved aside. */
  problem: string | undefined;

  constructor(configDir: string) {
    this.path = join(configDir, 'network.json');
  }

  async profile(profile: string): Promise<ProfileNetwork> {
    const file = await this.read();
    return file.profiles[profile] ?? { regions: {} };
  }

  /** What a launch of this profile in this region uses. A stored CIDR is checked again (fail closed). */
  async choice(profile: string, region: string): Promise<NetworkChoice> {
    const settings = await this.profile(profile);
    const recorded = settings.regions[region];
    const cidr = settings.ssh_cidr;
    if (cidr) {
      const problem = sshCidrProblem(cidr, { force: settings.ssh_cidr_forced === true });
      if (problem) throw new Error(`the SSH CIDR recorded for profile '${profile}' is refused: ${problem}`);
    }
    return {
      ...(recorded?.subnet_id ? { subnet_id: recorded.subnet_id } : {}),
      ...(recorded?.security_group_id ? { security_group_id: recorded.security_group_id } : {}),
      ...(cidr ? { ssh_cidr: cidr } : {}),
    };
  }

  async recordRegion(profile: string, region: string, network: RegionNetwork): Promise<void> {
    regionNetworkSchema.parse(network);
    await this.change((file) => {
      const current = file.profiles[profile] ?? { regions: {} };
      file.profiles[profile] = { ...current, regions: { ...current.regions, [region]: network } };
    });
  }

  async forgetRegion(profile: string, region: string): Promise<boolean> {
    let removed = false;
    await this.change((file) => {
      const current = file.profiles[profile];
      if (!current?.regions[region]) return;
      const { [region]: _gone, ...rest } = current.regions;
      file.profiles[profile] = { ...current, regions: rest };
      removed = true;
    });
    return removed;
  }

  /** Sets (or with undefined clears) the profile's SSH CIDR; a refused one throws before anything is written. */
  async setSshCidr(
    profile: string,
    cidr: string | undefined,
    options: { force?: boolean } = {},
  ): Promise<void> {
    if (cidr !== undefined) {
      const problem = sshCidrProblem(cidr, options);
      if (problem) throw new Error(problem);
    }
    await this.change((file) => {
      const {
        ssh_cidr: _cidr,
        ssh_cidr_forced: _forced,
        ...current
      } = file.profiles[profile] ?? {
        regions: {},
      };
      file.profiles[profile] = {
        ...current,
        ...(cidr !== undefined ? { ssh_cidr: cidr } : {}),
        ...(cidr !== undefined && options.force ? { ssh_cidr_forced: true } : {}),
      };
    });
  }

  /** Sets (or with undefined clears) the address the profile's laptop port forwards go to. */
  async setLaptopHost(profile: string, host: string | undefined): Promise<void> {
    await this.change((file) => {
      const { laptop_host: _host, ...current } = file.profiles[profile] ?? { regions: {} };
      file.profiles[profile] = { ...current, ...(host !== undefined ? { laptop_host: host } : {}) };
    });
  }

  private async read(): Promise<NetworkFile> {
    const backup = `${this.path}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const result = await readJsonFileOrSetAside(this.path, networkFileSchema, backup);
    if (result.status === 'read') return result.data;
    if (result.status === 'set-aside') {
      this.problem = `the network settings file was unreadable (${result.reason}); it was kept as ${result.backup}`;
    }
    return { profiles: {} };
  }

  private async change(apply: (file: NetworkFile) => void): Promise<void> {
    await withFileLock(`${this.path}.lock`, async () => {
      const file = await this.read();
      apply(file);
      await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
    });
  }
}
