import { checkTeamFormat } from './checkTeamFormat.js';
import type {
  TeamCondition,
  TeamItem,
  TeamKey,
  TeamStore,
  TeamStoreLocation,
  TeamUpdate,
} from './TeamStore.js';

/**
 * A local team store checked on first use instead of when the app starts: a command that never
 * touches the lab's data (`--version`, `templates list`, a listing) never reads or writes the file.
 * A read checks the format only (an absent file is an empty store); the first write also records it.
 */
export class LazyTeamStore implements TeamStore {
  readonly location: TeamStoreLocation;
  private readonly store: TeamStore;
  private readChecked: Promise<void> | undefined;
  private writeChecked: Promise<void> | undefined;

  constructor(store: TeamStore) {
    this.store = store;
    this.location = store.location;
  }

  async get(key: TeamKey): Promise<TeamItem | undefined> {
    await this.forRead();
    return this.store.get(key);
  }

  async query(pk: string, skPrefix?: string): Promise<TeamItem[]> {
    await this.forRead();
    return this.store.query(pk, skPrefix);
  }

  async put(item: TeamItem, condition?: TeamCondition): Promise<void> {
    await this.forWrite();
    return this.store.put(item, condition);
  }

  async update(key: TeamKey, update: TeamUpdate, condition?: TeamCondition): Promise<TeamItem> {
    await this.forWrite();
    return this.store.update(key, update, condition);
  }

  async delete(key: TeamKey, condition?: TeamCondition): Promise<boolean> {
    await this.forWrite();
    return this.store.delete(key, condition);
  }

  private forRead(): Promise<void> {
    this.readChecked ??= this.once(() => checkTeamFormat(this.store, new Date(), false), 'read');
    return this.readChecked;
  }

  private forWrite(): Promise<void> {
    this.writeChecked ??= this.once(() => checkTeamFormat(this.store), 'write');
    return this.writeChecked;
  }

  /** A check that failed is tried again next time (the file may have been restored meanwhile). */
  private once(check: () => Promise<void>, kind: 'read' | 'write'): Promise<void> {
    const checking = check();
    checking.catch(() => {
      if (kind === 'read') this.readChecked = undefined;
      else this.writeChecked = undefined;
    });
    return checking;
  }
}
