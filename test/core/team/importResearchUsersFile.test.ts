import { mkdtempSync } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import { ImportingResearchUserStore } from '../../../source/core/team/ImportingResearchUserStore.js';
import { importResearchUsersFile } from '../../../source/core/team/importResearchUsersFile.js';
import { LazyTeamStore } from '../../../source/core/team/LazyTeamStore.js';
import { applyTeamMigration, planTeamMigration } from '../../../source/core/team/migrateToTeamStore.js';
import { TeamResearchUserStore } from '../../../source/core/team/TeamResearchUserStore.js';
import { teamKeys } from '../../../source/core/team/teamItemKeys.js';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKx5d2lOS3l1n9p2yJgaZ1nq0n0hYdmC1pTqBcX3w2xk alice';
const user = (username: string, uid: number) => ({
  username,
  uid,
  gid: uid,
  groups: [],
  shell: '/bin/bash',
  ssh_public_keys: [KEY],
  created_at: '2026-11-01T10:00:00.000Z',
});
/** What an older cws-tui wrote: two users of account 111, one deleted (5001 retired), one of 222. */
const OLD_FILE = {
  version: 1,
  accounts: ['111111111111', '222222222222'],
  users: [user('alice', 5000), user('bob', 5002), user('carol', 6000)],
  retired_uids: [5001],
};

let configDir: string;
let usersFile: string;
let store: LazyTeamStore;
beforeEach(async () => {
  configDir = mkdtempSync(join(tmpdir(), 'cws-import-'));
  usersFile = join(configDir, 'research-users.json');
  store = new LazyTeamStore(new FileTeamStore(join(configDir, 'team-store.json')));
  await writeFile(usersFile, `${JSON.stringify(OLD_FILE, null, 2)}\n`);
});

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const usersOf = (by = 'me') =>
  new ImportingResearchUserStore(new TeamResearchUserStore(store, { created_by: by }), () =>
    importResearchUsersFile(store, configDir, by),
  );

describe("the old research users file is taken into this machine's team store", () => {
  it('on first use, with every UID, range and retired UID kept, and the file kept as a backup', async () => {
    const before = await readFile(usersFile, 'utf8');
    const users = usersOf();
    expect((await users.list()).map((u) => [u.username, u.uid])).toEqual([
      ['alice', 5000],
      ['bob', 5002],
      ['carol', 6000],
    ]);
    expect(await exists(usersFile)).toBe(false);
    expect(await readFile(`${usersFile}.imported`, 'utf8')).toBe(before);
    // The next UIDs go past what the file handed out: 5001 stays retired, ranges stay per account.
    expect((await users.create({ username: 'dave', ssh_public_keys: [KEY] }, '111111111111')).uid).toBe(5003);
    expect((await users.create({ username: 'erin', ssh_public_keys: [KEY] }, '222222222222')).uid).toBe(6001);
    expect((await users.create({ username: 'fay', ssh_public_keys: [KEY] }, '333333333333')).uid).toBe(7000);
    expect((await store.get(teamKeys.uid(5001)))?.state).toBe('retired');
  });

  it('is done once: a second process, and a second start, change nothing', async () => {
    const [first, second] = await Promise.all([
      importResearchUsersFile(store, configDir, 'one'),
      importResearchUsersFile(store, configDir, 'two'),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const items = JSON.stringify(await store.query('USER'));
    expect(await importResearchUsersFile(store, configDir, 'three')).toBeUndefined();
    expect(JSON.stringify(await store.query('USER'))).toBe(items);
  });

  it('finishes an import cut short before the file was renamed, and keeps both backups', async () => {
    // A run that wrote every item and stopped before the rename, then a file restored by hand.
    const local = { ...OLD_FILE, invitations: [], budgets: [] };
    await applyTeamMigration(store, local, await planTeamMigration(store, local), 'crashed');
    await writeFile(`${usersFile}.imported`, 'an earlier backup\n');
    const done = await importResearchUsersFile(store, configDir, 'next');
    expect(done?.imported).toBe(0);
    expect(done?.backup).toMatch(/research-users\.json\.imported-\d{4}-/);
    expect(await readFile(`${usersFile}.imported`, 'utf8')).toBe('an earlier backup\n');
    expect(await store.query('USER')).toHaveLength(3);
  });

  it('leaves a file the store disagrees with where it is, and says which UID', async () => {
    await store.put({ ...teamKeys.uid(5000), state: 'assigned', username: 'zoe', account: '111111111111' });
    const before = await readFile(usersFile, 'utf8');
    await expect(usersOf().list()).rejects.toThrow(
      /cannot be brought into local file .*UID 5000 is alice's here and zoe's in the store.*left as it is/,
    );
    expect(await readFile(usersFile, 'utf8')).toBe(before);
    expect(await store.get(teamKeys.user('bob'))).toBeUndefined();
  });

  it('leaves a damaged file untouched and refuses until it is fixed', async () => {
    await writeFile(usersFile, '{"version": 1, "users": [');
    const users = usersOf();
    await expect(users.list()).rejects.toThrow(/not valid JSON.*left untouched/);
    expect(await readFile(usersFile, 'utf8')).toBe('{"version": 1, "users": [');
    await writeFile(usersFile, `${JSON.stringify(OLD_FILE)}\n`);
    expect(await users.list()).toHaveLength(3);
  });
});
