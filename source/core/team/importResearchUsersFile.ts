import { access, rename } from 'node:fs/promises';
import { withFileLock } from '../fs/withFileLock.js';
import { FileResearchUserStore } from '../identity/FileResearchUserStore.js';
import { ResearchUserStoreError } from '../identity/ResearchUserStoreError.js';
import { applyTeamMigration, planTeamMigration } from './migrateToTeamStore.js';
import { describeTeamStore, type TeamStore } from './TeamStore.js';

export interface ResearchUsersFileImport {
  imported: number;
  /** Where the old file now is: kept, never deleted. */
  backup: string;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The first free backup name: `research-users.json.imported`, then with a time stamp. */
async function backupPath(path: string, now: Date): Promise<string> {
  const plain = `${path}.imported`;
  if (!(await exists(plain))) return plain;
  return `${plain}-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Brings the research users of this machine's old `research-users.json` (users, retired UIDs and
 * account ranges, every UID kept) into the team store, once. Each write is a put-if-absent or a
 * counter that only rises, so a run cut short is finished by the next one; only then is the file
 * renamed to its backup, under the file's own lock (an older cws-tui writing it waits). A file the
 * store disagrees with (a UID given to someone else) is left where it is and the reason said.
 */
export async function importResearchUsersFile(
  store: TeamStore,
  configDir: string,
  by: string,
  now: Date = new Date(),
): Promise<ResearchUsersFileImport | undefined> {
  const file = new FileResearchUserStore(configDir);
  if (!(await exists(file.path))) return undefined;
  return withFileLock(`${file.path}.lock`, async () => {
    // Another process may have imported it while this one waited for the lock.
    if (!(await exists(file.path))) return undefined;
    const local = { ...(await file.exportAll()), invitations: [], budgets: [] };
    const plan = await planTeamMigration(store, local);
    if (plan.conflicts.length > 0) {
      throw new ResearchUserStoreError(
        `the research users of ${file.path} cannot be brought into ${describeTeamStore(store.location)}: ${plan.conflicts.join('; ')}. The file was left as it is`,
      );
    }
    await applyTeamMigration(store, local, plan, by);
    const backup = await backupPath(file.path, now);
    await rename(file.path, backup);
    return { imported: plan.users.length, backup };
  });
}
