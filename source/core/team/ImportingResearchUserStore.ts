import type { GlobusIdentity, ResearchUser } from '../identity/ResearchUser.js';
import type { NewResearchUser, ResearchUserStore } from '../identity/ResearchUserStore.js';

/**
 * Research users in the team store, with this machine's old users file brought in before the first
 * use (`importResearchUsersFile`): every read and write waits for that, so no caller ever sees the
 * store without the users the file had. An import that failed is tried again on the next call.
 */
export class ImportingResearchUserStore implements ResearchUserStore {
  private readonly users: ResearchUserStore;
  private readonly importFile: () => Promise<unknown>;
  private imported: Promise<void> | undefined;

  constructor(users: ResearchUserStore, importFile: () => Promise<unknown>) {
    this.users = users;
    this.importFile = importFile;
  }

  async list(): Promise<ResearchUser[]> {
    await this.ready();
    return this.users.list();
  }

  async get(username: string): Promise<ResearchUser | undefined> {
    await this.ready();
    return this.users.get(username);
  }

  async create(user: NewResearchUser, accountKey: string): Promise<ResearchUser> {
    await this.ready();
    return this.users.create(user, accountKey);
  }

  async delete(username: string): Promise<boolean> {
    await this.ready();
    return this.users.delete(username);
  }

  async linkGlobus(username: string, globus: GlobusIdentity): Promise<ResearchUser> {
    await this.ready();
    return this.users.linkGlobus(username, globus);
  }

  private ready(): Promise<void> {
    if (!this.imported) {
      const importing = this.importFile().then(() => undefined);
      importing.catch(() => {
        this.imported = undefined;
      });
      this.imported = importing;
    }
    return this.imported;
  }
}
