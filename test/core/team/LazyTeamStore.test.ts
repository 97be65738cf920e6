import { mkdtempSync, writeFileSync } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runListCommand } from '../../../source/commands/listCommand.js';
import { runUsersCommand } from '../../../source/commands/usersCommand.js';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import { LazyTeamStore } from '../../../source/core/team/LazyTeamStore.js';
import { runCommand, testEnvironment } from '../../commands/commandHarness.js';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'cws-lazy-')), 'team-store.json');
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('the local team store, opened on first use', () => {
  it('reads an absent file as an empty store without writing it; the first write records the format', async () => {
    const path = freshPath();
    const store = new LazyTeamStore(new FileTeamStore(path));
    expect(await store.get({ pk: 'BUDGET', sk: 'LAB' })).toBeUndefined();
    expect(await store.query('USER')).toEqual([]);
    expect(await exists(path)).toBe(false);
    await store.put({ pk: 'A', sk: 'b', value: 1 });
    const file = JSON.parse(await readFile(path, 'utf8')) as { items: Record<string, { format?: number }> };
    expect(file.items['["META","FORMAT"]']?.format).toBe(1);
  });

  it('refuses a newer format on the first read, and leaves the file as it was', async () => {
    const path = freshPath();
    const newer = JSON.stringify({
      format: 1,
      items: { '["META","FORMAT"]': { pk: 'META', sk: 'FORMAT', format: 9 } },
    });
    writeFileSync(path, newer);
    const store = new LazyTeamStore(new FileTeamStore(path));
    await expect(store.get({ pk: 'USER', sk: 'alice' })).rejects.toThrow(/format 9, newer than this cws-tui/);
    await expect(store.put({ pk: 'A', sk: 'b' })).rejects.toThrow(/format 9/);
    expect(await readFile(path, 'utf8')).toBe(newer);
  });

  it('is not touched by a listing on the demo account; users list takes in the old users file', async () => {
    const env = testEnvironment();
    const configDir = env.CWS_CONFIG_DIR ?? '';
    expect((await runCommand(runListCommand, [], env, { demo: true, json: true })).code).toBe(0);
    expect(await exists(join(configDir, 'team-store.json'))).toBe(false);
    await mkdir(configDir, { recursive: true });
    const old = {
      version: 1,
      accounts: ['demo'],
      users: [
        {
          username: 'alice',
          uid: 5004,
          gid: 5004,
          groups: [],
          shell: '/bin/bash',
          ssh_public_keys: [
            'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKx5d2lOS3l1n9p2yJgaZ1nq0n0hYdmC1pTqBcX3w2xk a',
          ],
          created_at: '2026-11-01T10:00:00.000Z',
        },
      ],
      retired_uids: [],
    };
    await writeFile(join(configDir, 'research-users.json'), JSON.stringify(old));
    const listed = await runCommand(runUsersCommand, ['list'], env, { json: true });
    expect((JSON.parse(listed.stdout) as Array<{ uid: number }>).map((user) => user.uid)).toEqual([5004]);
    expect(await exists(join(configDir, 'research-users.json'))).toBe(false);
    expect(JSON.parse(await readFile(join(configDir, 'research-users.json.imported'), 'utf8'))).toEqual(old);
  });
});
