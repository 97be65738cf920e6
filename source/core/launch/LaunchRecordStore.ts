import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { nodeCrypto } from '../crypto/nodeCrypto.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { lazySchema } from '../schema/lazySchema.js';

const launchRecordSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    profile: z.string(),
    name: z.string(),
    template: z.string(),
    region: z.string(),
    created_at: z.string(),
    status: z.enum(['requested', 'launched', 'failed']),
    instance_id: z.string().optional(),
    /** What the launch asked for, so that a retry with other arguments is refused, not misreported. */
    arguments: z
      .object({
        instance_type: z.string(),
        spot: z.boolean(),
        hibernation: z.boolean(),
        root_volume_gb: z.number(),
      })
      .partial()
      .optional(),
    /** Web service tokens kept by versions before the instances made and stored their own; read only for those launches. */
    service_tokens: z.record(z.string(), z.string()).optional(),
    /**
     * The ownership and management tags as launched (cws:managed, cws:profile, cws:research-user,
     * cws:owner, cws:template): what the instance is held to when its own tags are changed later.
     */
    ownership_tags: z.record(z.string(), z.string()).optional(),
  }),
);

export type LaunchRecord = z.infer<typeof launchRecordSchema>;

/**
 * Launch requests, written to the state dir before RunInstances is sent. The record's id is the
 * ClientToken, so a retry after a timeout or a crash finds the instance instead of starting another.
 */
export class LaunchRecordStore {
  private readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'launches');
  }

  newId(): string {
    return `cws-${nodeCrypto().randomUUID()}`;
  }

  async save(record: LaunchRecord): Promise<void> {
    // Mode 0600: the record holds the web services' tokens.
    await writeFileAtomic(join(this.dir, `${record.id}.json`), `${JSON.stringify(record, null, 2)}\n`, 0o600);
  }

  async get(id: string): Promise<LaunchRecord | undefined> {
    try {
      const parsed = launchRecordSchema.safeParse(
        JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')),
      );
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** The newest launch of this name in this profile that never finished, if any: its retry target. */
  async findUnfinished(profile: string, name: string): Promise<LaunchRecord | undefined> {
    const records = await this.list();
    return records
      .filter((record) => record.profile === profile && record.name === name && record.status === 'requested')
      .sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  }

  async list(): Promise<LaunchRecord[]> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((file) => file.endsWith('.json'));
    } catch {
      return [];
    }
    const records = await Promise.all(files.map((file) => this.get(file.slice(0, -'.json'.length))));
    return records.filter((record): record is LaunchRecord => record !== undefined);
  }
}
