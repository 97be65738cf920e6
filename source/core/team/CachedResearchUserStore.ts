import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { GlobusIdentity, ResearchUser } from '../identity/ResearchUser.js';
import type { NewResearchUser, ResearchUserStore } from '../identity/ResearchUserStore.js';
import { ResearchUserStoreError } from '../identity/ResearchUserStoreError.js';
import { researchUserSchema } from '../identity/researchUserSchema.js';

/**
 * The lab's users through the team store, with the last listing kept in a file on this machine:
 * when the store cannot be reached, reads (launch as a known user, the views) work from that copy
 * while creating or deleting a user is refused with the reason, so no UID is ever made up locally.
 */
export class CachedResearchUserStore implements ResearchUserStore {
  private readonly store: ResearchUserStore | undefined;
  private readonly cachePath: string;
  private readonly unavailable: string | undefined;

  /** `store` undefined: the team store could not be opened, for the reason given. */
  constructor(store: ResearchUserStore | undefined, cachePath: string, unavailable?: string) {
    this.store = store;
    this.cachePath = cachePath;
    this.unavailable = unavailable;
  }

  async list(): Promise<ResearchUser[]> {
    if (!this.store) return this.cached();
    const users = await this.store.list();
    await writeFileAtomic(this.cachePath, `${JSON.stringify(users)}\n`, 0o600).catch(() => undefined);
    return users;
  }

  async get(username: string): Promise<ResearchUser | undefined> {
    if (!this.store) return (await this.cached()).find((user) => user.username === username);
    return this.store.get(username);
  }

  async create(user: NewResearchUser, accountKey: string): Promise<ResearchUser> {
    const created = await this.live().create(user, accountKey);
    await this.list().catch(() => undefined);
    return created;
  }

  async delete(username: string): Promise<boolean> {
    const deleted = await this.live().delete(username);
    await this.list().catch(() => undefined);
    return deleted;
  }

  async linkGlobus(username: string, globus: GlobusIdentity): Promise<ResearchUser> {
    const linked = await this.live().linkGlobus(username, globus);
    await this.list().catch(() => undefined);
    return linked;
  }

  private live(): ResearchUserStore {
    if (this.store) return this.store;
    throw new ResearchUserStoreError(
      `research users cannot be created or deleted now: ${this.unavailable ?? 'the team store cannot be reached'}`,
    );
  }

  private async cached(): Promise<ResearchUser[]> {
    try {
      const data: unknown = JSON.parse(await readFile(this.cachePath, 'utf8'));
      return Array.isArray(data)
        ? data.flatMap((entry) => {
            const parsed = researchUserSchema.safeParse(entry);
            return parsed.success ? [parsed.data] : [];
          })
        : [];
    } catch {
      return [];
    }
  }
}
