import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileResearchUserStore } from '../../../source/core/identity/FileResearchUserStore.js';
import { ResearchUserStoreError } from '../../../source/core/identity/ResearchUserStoreError.js';

let configDir: string;
let store: FileResearchUserStore;

beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'cws-users-'));
  store = new FileResearchUserStore(configDir);
});

const newUser = (username: string) => ({ username, ssh_public_keys: [] });

describe('FileResearchUserStore', () => {
  it('allocates UIDs from 5000 for the first account and 6000 for the next, GID = UID', async () => {
    const alice = await store.create({ ...newUser('alice'), full_name: 'Alice A' }, '111111111111');
    const bob = await store.create(newUser('bob'), '111111111111');
    const carol = await store.create(newUser('carol'), '222222222222');
    const dave = await store.create(newUser('dave'), '111111111111');
    expect([alice.uid, bob.uid, carol.uid, dave.uid]).toEqual([5000, 5001, 6000, 5002]);
    expect(alice.gid).toBe(alice.uid);
    expect(alice).toMatchObject({ full_name: 'Alice A', shell: '/bin/bash', groups: [] });
  });

  it('keeps a user the same UID across reads and never reuses the UID of a deleted user', async () => {
    await store.create(newUser('alice'), 'a');
    await store.create(newUser('bob'), 'a');
    const reopened = new FileResearchUserStore(configDir);
    expect((await reopened.get('alice'))?.uid).toBe(5000);
    expect(await reopened.delete('alice')).toBe(true);
    expect(await reopened.delete('alice')).toBe(false);
    const carol = await reopened.create(newUser('carol'), 'a');
    expect(carol.uid).toBe(5002);
    expect((await reopened.list()).map((user) => [user.username, user.uid])).toEqual([
      ['bob', 5001],
      ['carol', 5002],
    ]);
  });

  it('refuses a duplicate username', async () => {
    await store.create(newUser('alice'), 'a');
    await expect(store.create(newUser('alice'), 'b')).rejects.toThrow(
      "a research user named 'alice' already exists",
    );
  });

  it('refuses a shell injection attempt as a username and writes nothing', async () => {
    await expect(store.create(newUser('alice; rm -rf /'), 'a')).rejects.toThrow(
      '"alice; rm -rf /" is not a valid username',
    );
    await expect(readFile(store.path, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a corrupt file with its key and leaves it untouched', async () => {
    const broken = JSON.stringify({ version: 1, accounts: [], users: [{ username: 'x', uid: 'five' }] });
    await writeFile(store.path, broken);
    const error = await store.create(newUser('alice'), 'a').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResearchUserStoreError);
    expect((error as Error).message).toContain(`${store.path}: users.0.uid:`);
    expect(await readFile(store.path, 'utf8')).toBe(broken);
  });

  it('reports a truncated file and leaves it untouched', async () => {
    await store.create(newUser('alice'), 'a');
    const full = await readFile(store.path, 'utf8');
    const truncated = full.slice(0, Math.floor(full.length / 2));
    await writeFile(store.path, truncated);
    await expect(store.list()).rejects.toThrow(`${store.path} is not valid JSON`);
    expect(await readFile(store.path, 'utf8')).toBe(truncated);
  });

  it('gives distinct UIDs to users created by several processes at once', async () => {
    const script = fileURLToPath(new URL('./createUsersProcess.ts', import.meta.url));
    const processes = ['p', 'q', 'r', 's'].map(
      (prefix) =>
        new Promise<number[]>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', script, configDir, prefix, '5', 'acct'], {
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let output = '';
          let errors = '';
          child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
          });
          child.stderr.on('data', (chunk: Buffer) => {
            errors += chunk.toString();
          });
          child.on('close', (code) => {
            if (code === 0) resolve(JSON.parse(output) as number[]);
            else reject(new Error(`child ${prefix} exited ${code}: ${errors}`));
          });
        }),
    );
    const uids = (await Promise.all(processes)).flat();
    expect(uids).toHaveLength(20);
    expect(new Set(uids).size).toBe(20);
    expect(uids.every((uid) => uid >= 5000 && uid <= 5999)).toBe(true);
    const stored = await new FileResearchUserStore(configDir).list();
    expect(stored).toHaveLength(20);
    expect(new Set(stored.map((user) => user.uid)).size).toBe(20);
  }, 60_000);
});
