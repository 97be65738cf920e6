import { readFile } from 'node:fs/promises';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { applyTeamUpdate } from './applyTeamUpdate.js';
import type {
  TeamCondition,
  TeamItem,
  TeamKey,
  TeamStore,
  TeamStoreLocation,
  TeamUpdate,
} from './TeamStore.js';
import { TeamStoreError } from './TeamStoreError.js';
import { teamConditionHolds } from './teamConditionHolds.js';

const FILE_FORMAT = 1;

interface TeamFile {
  format: number;
  /** Items by `JSON.stringify([pk, sk])`. */
  items: Record<string, TeamItem>;
}

function slot(key: TeamKey): string {
  return JSON.stringify([key.pk, key.sk]);
}

/**
 * The team store in one JSON file, for personal profiles and the demo account. Every write is a
 * read-check-write under the app's exclusive lock file and replaces the file atomically, so
 * conditional writes and counters mean what they mean on DynamoDB for every process on the machine.
 * A file that cannot be read as a team store is refused, never overwritten: it may hold UIDs.
 */
export class FileTeamStore implements TeamStore {
  readonly location: TeamStoreLocation;
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
    this.location = { kind: 'local', path };
  }

  async get(key: TeamKey): Promise<TeamItem | undefined> {
    return (await this.read()).items[slot(key)];
  }

  async query(pk: string, skPrefix = ''): Promise<TeamItem[]> {
    const items = Object.values((await this.read()).items);
    return items
      .filter((item) => item.pk === pk && item.sk.startsWith(skPrefix))
      .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
  }

  async put(item: TeamItem, condition?: TeamCondition): Promise<void> {
    await this.change(item, condition, () => structuredClone(item));
  }

  async update(key: TeamKey, update: TeamUpdate, condition?: TeamCondition): Promise<TeamItem> {
    const next = await this.change(key, condition, (current) => applyTeamUpdate(key, current, update));
    return next ?? applyTeamUpdate(key, undefined, update);
  }

  async delete(key: TeamKey, condition?: TeamCondition): Promise<boolean> {
    let existed = false;
    await this.change(key, condition, (current) => {
      existed = current !== undefined;
      return undefined;
    });
    return existed;
  }

  /** Checks the condition on the current item and writes what `next` makes of it (undefined deletes). */
  private change(
    key: TeamKey,
    condition: TeamCondition | undefined,
    next: (current: TeamItem | undefined) => TeamItem | undefined,
  ): Promise<TeamItem | undefined> {
    return withFileLock(`${this.path}.lock`, async () => {
      const file = await this.read();
      const current = file.items[slot(key)];
      if (condition && !teamConditionHolds(current, condition)) {
        throw new TeamStoreError('condition-failed', `the condition on ${key.pk} ${key.sk} does not hold`);
      }
      const written = next(current);
      if (written) file.items[slot(key)] = written;
      else delete file.items[slot(key)];
      await writeFileAtomic(this.path, `${JSON.stringify(file)}\n`, 0o600);
      return written;
    });
  }

  private async read(): Promise<TeamFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: FILE_FORMAT, items: {} };
      throw new TeamStoreError(
        'unreachable',
        `cannot read the team store ${this.path}: ${(error as Error).message}`,
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new TeamStoreError(
        'refused',
        `the team store ${this.path} is not valid JSON; it was left untouched: restore it from a backup`,
      );
    }
    if (!isTeamFile(data)) {
      throw new TeamStoreError('refused', `${this.path} is not a cws-tui team store; it was left untouched`);
    }
    if (data.format > FILE_FORMAT) {
      throw new TeamStoreError(
        'refused',
        `the team store ${this.path} has format ${data.format}, newer than this cws-tui reads (${FILE_FORMAT}): upgrade cws-tui`,
      );
    }
    return data;
  }
}

function isTeamFile(data: unknown): data is TeamFile {
  if (typeof data !== 'object' || data === null) return false;
  const { format, items } = data as Record<string, unknown>;
  return typeof format === 'number' && typeof items === 'object' && items !== null && !Array.isArray(items);
}
