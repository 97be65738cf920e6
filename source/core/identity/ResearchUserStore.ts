import type { GlobusIdentity, ResearchUser } from './ResearchUser.js';

/** What a caller chooses for a new user; the store assigns UID, GID and the creation time. */
export interface NewResearchUser {
  username: string;
  full_name?: string;
  email?: string;
  groups?: string[];
  shell?: string;
  ssh_public_keys: string[];
  ssh_private_key_path?: string;
  globus?: GlobusIdentity;
}

/**
 * Where research users live. The file store serves one machine; a store shared in AWS can serve a
 * team later, as long as `create` allocates UIDs atomically across every writer.
 */
export interface ResearchUserStore {
  list(): Promise<ResearchUser[]>;
  get(username: string): Promise<ResearchUser | undefined>;
  /**
   * Adds a user with the lowest free UID of the range of `accountKey` (an AWS account id, or
   * another stable name for the account). Throws ResearchUserStoreError for a duplicate username.
   */
  create(user: NewResearchUser, accountKey: string): Promise<ResearchUser>;
  /** Removes the user; false when there was none. */
  delete(username: string): Promise<boolean>;
  /** Links a verified Globus identity to the user (replacing any earlier one); refused for no such user. */
  linkGlobus(username: string, globus: GlobusIdentity): Promise<ResearchUser>;
}
