import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { lazySchema } from '../schema/lazySchema.js';
import type { GlobusIdentity, ResearchUser } from './ResearchUser.js';
import type { NewResearchUser, ResearchUserStore } from './ResearchUserStore.js';
import { ResearchUserStoreError } from './ResearchUserStoreError.js';
import { researchUserSchema } from './researchUserSchema.js';
import { uidRangeForAccount } from './uidRanges.js';
import { usernameProblem } from './usernameProblem.js';

const usersFileSchema = lazySchema(() =>
  z.strictObject({
    version: z.literal(1),
    /** Accounts in the order first seen: the index picks the UID range. */
    accounts: z.array(z.string().min(1)),
    users: z.array(researchUserSchema),
    /** UIDs of deleted users: never handed out again, since files on shared storage may still carry them. */
    retired_uids: z.array(z.number().int()).default([]),
  }),
);
type UsersFile = z.output<typeof usersFileSchema>;

const RESEARCH_USERS_FILE = 'research-users.json';
const DEFAULT_SHELL = '/bin/bash';

/**
 * Research users in one JSON file in the config dir. Every change is a read-modify-write under an
 * exclusive lock file, and the file is replaced atomically, so that two processes creating users at
 * once still get distinct UIDs. A deleted user's UID is retired, not reused, since files on shared
 * storage may still carry it. A file that fails validation is reported and never overwritten:
 * starting afresh could hand out a UID someone already owns.
 */
export class FileResearchUserStore implements ResearchUserStore {
  readonly path: string;

  constructor(configDir: string) {
    this.path = join(configDir, RESEARCH_USERS_FILE);
  }

  async list(): Promise<ResearchUser[]> {
    return (await this.read()).users;
  }

  /** Everything the file holds, for `team migrate`: accounts in range order, users, retired UIDs. */
  async exportAll(): Promise<{ accounts: string[]; users: ResearchUser[]; retired_uids: number[] }> {
    const file = await this.read();
    return { accounts: file.accounts, users: file.users, retired_uids: file.retired_uids };
  }

  async get(username: string): Promise<ResearchUser | undefined> {
    return (await this.read()).users.find((user) => user.username === username);
  }

  async create(input: NewResearchUser, accountKey: string): Promise<ResearchUser> {
    const problem = usernameProblem(input.username);
    if (problem) throw new ResearchUserStoreError(problem);
    return this.update((file) => {
      if (file.users.some((user) => user.username === input.username)) {
        throw new ResearchUserStoreError(`a research user named '${input.username}' already exists`);
      }
      if (!file.accounts.includes(accountKey)) file.accounts.push(accountKey);
      const range = uidRangeForAccount(file.accounts.indexOf(accountKey));
      const taken = new Set([...file.users.flatMap((user) => [user.uid, user.gid]), ...file.retired_uids]);
      let uid = range.first;
      while (taken.has(uid) && uid <= range.last) uid += 1;
      if (uid > range.last) {
        throw new ResearchUserStoreError(
          `no free UID is left in ${range.first}-${range.last}, the range of account ${accountKey}`,
        );
      }
      const user: ResearchUser = {
        username: input.username,
        ...(input.full_name !== undefined ? { full_name: input.full_name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        uid,
        gid: uid,
        groups: input.groups ?? [],
        shell: input.shell ?? DEFAULT_SHELL,
        ssh_public_keys: input.ssh_public_keys,
        ...(input.ssh_private_key_path !== undefined
          ? { ssh_private_key_path: input.ssh_private_key_path }
          : {}),
        ...(input.globus !== undefined ? { globus: input.globus } : {}),
        created_at: new Date().toISOString(),
      };
      const checked = researchUserSchema.safeParse(user);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new ResearchUserStoreError(
          `invalid research user: ${issue?.path.join('.')}: ${issue?.message}`,
        );
      }
      file.users.push(user);
      return user;
    });
  }

  async delete(username: string): Promise<boolean> {
    return this.update((file) => {
      const doomed = file.users.find((user) => user.username === username);
      if (!doomed) return false;
      file.users = file.users.filter((user) => user !== doomed);
      file.retired_uids.push(doomed.uid);
      return true;
    });
  }

  async linkGlobus(username: string, globus: GlobusIdentity): Promise<ResearchUser> {
    return this.update((file) => {
      const index = file.users.findIndex((user) => user.username === username);
      const user = file.users[index];
      if (!user) throw new ResearchUserStoreError(`no research user named '${username}'`);
      const linked: ResearchUser = { ...user, globus: { ...globus } };
      file.users[index] = linked;
      return linked;
    });
  }

  private async update<T>(change: (file: UsersFile) => T): Promise<T> {
    await mkdir(dirname(this.path), { recursive: true });
    return withFileLock(`${this.path}.lock`, async () => {
      const file = await this.read();
      const result = change(file);
      await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
      return result;
    });
  }

  private async read(): Promise<UsersFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { version: 1, accounts: [], users: [], retired_uids: [] };
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ResearchUserStoreError(
        `${this.path} is not valid JSON (${(error as Error).message}); fix or restore it, it was left untouched`,
      );
    }
    const parsed = usersFileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue?.path.map(String).join('.') || '(top level)';
      throw new ResearchUserStoreError(
        `${this.path}: ${key}: ${issue?.message}; fix or restore the file, it was left untouched`,
      );
    }
    return parsed.data;
  }
}
