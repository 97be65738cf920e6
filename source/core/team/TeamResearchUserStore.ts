import type { GlobusIdentity, ResearchUser } from '../identity/ResearchUser.js';
import type { NewResearchUser, ResearchUserStore } from '../identity/ResearchUserStore.js';
import { ResearchUserStoreError } from '../identity/ResearchUserStoreError.js';
import { researchUserSchema } from '../identity/researchUserSchema.js';
import { uidRangeForAccount } from '../identity/uidRanges.js';
import { usernameProblem } from '../identity/usernameProblem.js';
import { accountRangeIndex } from './accountRangeIndex.js';
import { describeTeamStore, type TeamItem, type TeamStore } from './TeamStore.js';
import { isConditionFailure } from './TeamStoreError.js';
import { teamKeys } from './teamItemKeys.js';

const DEFAULT_SHELL = '/bin/bash';
/** Attributes the store keeps next to the user's own: who made it, from which account's range. */
const STORE_ATTRIBUTES = ['pk', 'sk', 'created_by', 'account'];

export interface TeamResearchUserStoreOptions {
  /** Who creates users through this store (the profile or principal), recorded on each user. */
  created_by: string;
  /** Where this machine keeps a user's private key, when it has one: never stored in the team store. */
  privateKeyPath?: (username: string) => string | undefined;
}

/** A stored user with what only this machine knows (the private key's path) added back. */
export interface TeamResearchUser extends ResearchUser {
  created_by?: string;
}

/**
 * Research users in the team store, shared by every member's machine. A UID is allocated with an
 * atomic counter and then claimed with a conditional put on its own item, and the name with a
 * conditional put on the user item; a UID whose name turned out to be taken stays retired. So two
 * machines creating users at once get two UIDs, and no UID is ever handed out twice, even one that
 * `team migrate` brought in from a machine's file.
 */
export class TeamResearchUserStore implements ResearchUserStore {
  private readonly store: TeamStore;
  private readonly options: TeamResearchUserStoreOptions;

  constructor(store: TeamStore, options: TeamResearchUserStoreOptions) {
    this.store = store;
    this.options = options;
  }

  async list(): Promise<TeamResearchUser[]> {
    return (await this.store.query(teamKeys.user('').pk)).map((item) => this.toUser(item));
  }

  async get(username: string): Promise<TeamResearchUser | undefined> {
    const item = await this.store.get(teamKeys.user(username));
    return item ? this.toUser(item) : undefined;
  }

  async create(input: NewResearchUser, accountKey: string): Promise<ResearchUser> {
    const problem = usernameProblem(input.username);
    if (problem) throw new ResearchUserStoreError(problem);
    if (await this.store.get(teamKeys.user(input.username))) throw duplicate(input.username);
    const range = uidRangeForAccount(await accountRangeIndex(this.store, accountKey));
    const uid = await this.claimUid(range, input.username, accountKey);
    const user: ResearchUser = {
      username: input.username,
      ...(input.full_name !== undefined ? { full_name: input.full_name } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      uid,
      gid: uid,
      groups: input.groups ?? [],
      shell: input.shell ?? DEFAULT_SHELL,
      ssh_public_keys: input.ssh_public_keys,
      ...(input.globus !== undefined ? { globus: input.globus } : {}),
      created_at: new Date().toISOString(),
    };
    const checked = researchUserSchema.safeParse(user);
    if (!checked.success) {
      await this.retire(uid);
      const issue = checked.error.issues[0];
      throw new ResearchUserStoreError(`invalid research user: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    try {
      await this.store.put(
        {
          ...teamKeys.user(user.username),
          ...toStored(user),
          created_by: this.options.created_by,
          account: accountKey,
        },
        { exists: false },
      );
    } catch (error) {
      await this.retire(uid);
      if (isConditionFailure(error)) throw duplicate(user.username);
      throw error;
    }
    await this.store.update(teamKeys.uid(uid), { set: { state: 'assigned' } });
    return this.withPrivateKey(user, input.ssh_private_key_path);
  }

  async delete(username: string): Promise<boolean> {
    const user = await this.get(username);
    if (!user) return false;
    const deleted = await this.store.delete(teamKeys.user(username));
    // Retired, not freed: files on shared storage may still carry the UID.
    if (deleted) await this.retire(user.uid);
    return deleted;
  }

  async linkGlobus(username: string, globus: GlobusIdentity): Promise<ResearchUser> {
    try {
      const item = await this.store.update(
        teamKeys.user(username),
        { set: { globus: { ...globus } } },
        { exists: true },
      );
      return this.toUser(item);
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ResearchUserStoreError(`no research user named '${username}'`);
      }
      throw error;
    }
  }

  /** The next UID of the range whose own item this call created: the counter skips imported ones. */
  private async claimUid(
    range: { first: number; last: number },
    username: string,
    account: string,
  ): Promise<number> {
    for (;;) {
      const counter = await this.store.update(teamKeys.counter(`UID#${account}`), { add: { next: 1 } });
      const uid = range.first + Number(counter.next) - 1;
      if (uid > range.last) {
        throw new ResearchUserStoreError(
          `no free UID is left in ${range.first}-${range.last}, the range of account ${account} in ${describeTeamStore(this.store.location)}`,
        );
      }
      try {
        await this.store.put(
          { ...teamKeys.uid(uid), state: 'claimed', username, account },
          { exists: false },
        );
        return uid;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  private async retire(uid: number): Promise<void> {
    await this.store.update(teamKeys.uid(uid), { set: { state: 'retired' } });
  }

  private toUser(item: TeamItem): TeamResearchUser {
    const fields = Object.fromEntries(
      Object.entries(item).filter(([key]) => !STORE_ATTRIBUTES.includes(key)),
    );
    const parsed = researchUserSchema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ResearchUserStoreError(
        `the research user '${item.sk}' in ${describeTeamStore(this.store.location)} is not valid (${issue?.path.join('.')}: ${issue?.message}); it was left untouched`,
      );
    }
    const user = this.withPrivateKey(parsed.data, undefined);
    return typeof item.created_by === 'string' ? { ...user, created_by: item.created_by } : user;
  }

  private withPrivateKey(user: ResearchUser, known: string | undefined): ResearchUser {
    const path = known ?? this.options.privateKeyPath?.(user.username);
    return path !== undefined ? { ...user, ssh_private_key_path: path } : user;
  }
}

function duplicate(username: string): ResearchUserStoreError {
  return new ResearchUserStoreError(`a research user named '${username}' already exists`);
}

/** The user as stored: JSON values only, and never the path of a private key on someone's machine. */
function toStored(user: ResearchUser): Record<string, TeamItem[string]> {
  const { ssh_private_key_path: _local, globus, ...rest } = user;
  return { ...rest, ...(globus ? { globus: { ...globus } } : {}) } as Record<string, TeamItem[string]>;
}
