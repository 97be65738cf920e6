import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../fs/uniqueBackupPath.js';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { lazySchema } from '../schema/lazySchema.js';

const pinnedRootSchema = lazySchema(() =>
  z.strictObject({
    fingerprint: z.string().min(1),
    issuer: z.string(),
    pinned_at: z.string(),
    /** The profiles accepted from chains rooted here: they may never turn personal. */
    profiles: z.array(z.string()),
  }),
);
export type PinnedRoot = z.infer<typeof pinnedRootSchema>;

const fileSchema = lazySchema(() =>
  z.strictObject({ version: z.literal(1), roots: z.array(pinnedRootSchema) }),
);

export type PinnedRoots =
  | { status: 'read'; roots: PinnedRoot[] }
  /** The file was damaged and set aside: what was pinned is unknown, so invited profiles refuse. */
  | { status: 'unknown'; problem: string };

/**
 * The root keys this installation trusts, pinned the first time an invitation from each was
 * accepted (trust on first use), with the profiles accepted from them, in `trusted-roots.json` of
 * the state dir.
 */
export class PinnedRootStore {
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'trusted-roots.json');
  }

  async read(): Promise<PinnedRoots> {
    const read = await readJsonFileOrSetAside(this.path, fileSchema, uniqueBackupPath(this.path));
    if (read.status === 'missing') return { status: 'read', roots: [] };
    if (read.status === 'read') return { status: 'read', roots: read.data.roots };
    return {
      status: 'unknown',
      problem: `the pinned root keys (${this.path}) were damaged (${read.reason}) and kept as ${read.backup}`,
    };
  }

  /** Records that `profile` was accepted from a chain rooted at `fingerprint`, pinning the root. */
  async pin(fingerprint: string, issuer: string, profile: string, now: Date): Promise<void> {
    await withFileLock(`${this.path}.lock`, async () => {
      const current = await this.read();
      const roots = current.status === 'read' ? current.roots : [];
      const existing = roots.find((root) => root.fingerprint === fingerprint);
      const updated = existing
        ? roots.map((root) =>
            root === existing ? { ...root, profiles: [...new Set([...root.profiles, profile])] } : root,
          )
        : [...roots, { fingerprint, issuer, pinned_at: now.toISOString(), profiles: [profile] }];
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, roots: updated }, null, 2)}\n`, 0o600);
    });
  }
}
