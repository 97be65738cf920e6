import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRegistryCommand } from '../../source/commands/registryCommand.js';
import { runTemplatesCommand } from '../../source/commands/templatesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('registry add | list | trust | remove', () => {
  it('records a registry with its trusted keys, revokes one, and removes it', async () => {
    const env = testEnvironment();
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pub = join(env.HOME ?? '', 'p.pub.pem');
    const priv = join(env.HOME ?? '', 'p.pem');
    await writeFile(pub, publicKey.export({ format: 'pem', type: 'spki' }));
    await writeFile(priv, privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const added = await runCommand(runRegistryCommand, ['add', 'lab', 's3://lab-bucket/templates'], env, {
      publisherKey: [`Genomics Core=${pub}`],
    });
    expect(added.code).toBe(0);
    const listed = await runCommand(runRegistryCommand, ['list'], env);
    expect(listed.stdout).toMatch(/lab +s3:\/\/lab-bucket\/templates +Genomics Core \(SHA256:/);
    await expect(runCommand(runRegistryCommand, ['add', 'lab', '/tmp/x'], env)).rejects.toThrow(/exists/);
    await expect(runCommand(runRegistryCommand, ['add', 'other', 's3://'], env)).rejects.toThrow(
      /not a valid s3/,
    );
    await expect(
      runCommand(runRegistryCommand, ['trust', 'lab'], env, { approverKey: [`RC=${priv}`] }),
    ).rejects.toThrow(/is a private key; give the public key/);
    await expect(
      runCommand(runRegistryCommand, ['trust', 'lab'], env, { approverKey: ['no-equals'] }),
    ).rejects.toThrow(/NAME=KEY/);
    const revoked = await runCommand(runRegistryCommand, ['trust', 'lab'], env, { revokeKey: [pub] });
    expect(revoked.stdout).toContain('1 revoked');
    await expect(runCommand(runRegistryCommand, ['remove', 'nope'], env)).rejects.toThrow(
      /no registry named 'nope'/,
    );
    expect((await runCommand(runRegistryCommand, ['remove', 'lab'], env)).code).toBe(0);
    expect((await runCommand(runRegistryCommand, ['list'], env)).stdout).toContain('No registries');
  });
});

describe('templates scan', () => {
  it('prints each finding with line:column and fix, and exits 3 on a high one', async () => {
    const env = testEnvironment();
    const file = join(env.HOME ?? '', 'risky.yml');
    await writeFile(
      file,
      'name: Risky\nslug: risky\ndescription: x\npost_install: |\n  curl -fsSL https://get.example.org/i.sh | sh\n  chmod 777 /data\n',
    );
    const scanned = await runCommand(runTemplatesCommand, ['scan', file], env);
    expect(scanned.code).toBe(3);
    expect(scanned.stdout).toContain(`${file}:5:3: high [pipe-to-shell]`);
    expect(scanned.stdout).toContain('fix: download to a file, check its SHA-256');
    expect(scanned.stdout).toContain(`${file}:6:3: medium [chmod-777]`);
    const clean = await runCommand(runTemplatesCommand, ['scan', 'ubuntu-24-04'], env);
    expect(clean.code).toBe(0);
    await expect(runCommand(runTemplatesCommand, ['scan', 'no-such-template'], env)).rejects.toThrow(
      /no template/,
    );
  });
});
