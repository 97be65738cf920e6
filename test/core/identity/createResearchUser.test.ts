import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createResearchUser } from '../../../source/core/identity/createResearchUser.js';
import { FileResearchUserStore } from '../../../source/core/identity/FileResearchUserStore.js';
import { generateSshKeyPair, parseOpenSshPublicKey } from '../../../source/core/identity/sshKeyPair.js';
import { systemTool } from '../../support/systemTool.js';

const hasSshKeygen = systemTool(
  'ssh-keygen',
  ['sh', '-c', 'command -v ssh-keygen'],
  'apt-get install openssh-client',
);

let root: string;
let store: FileResearchUserStore;
let keysDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cws-create-user-'));
  store = new FileResearchUserStore(join(root, 'config'));
  keysDir = join(root, 'state', 'keys');
});

describe('generateSshKeyPair', () => {
  it('produces an OpenSSH public key line whose blob names its type', () => {
    const pair = generateSshKeyPair('alice@cws-tui');
    expect(pair.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} alice@cws-tui$/);
    expect(parseOpenSshPublicKey(pair.publicKey)).toBe(pair.publicKey);
    expect(pair.privateKey).toMatch(
      /^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/,
    );
  });

  it.skipIf(!hasSshKeygen)(
    'writes a private key that ssh-keygen reads back to the same public key',
    async () => {
      const pair = generateSshKeyPair('alice@cws-tui');
      const path = join(root, 'id');
      await writeFile(path, pair.privateKey, { mode: 0o600 });
      const derived = execFileSync('ssh-keygen', ['-y', '-f', path], { encoding: 'utf8' }).trim();
      expect(derived).toBe(pair.publicKey);
    },
  );
});

describe('parseOpenSshPublicKey', () => {
  it('explains what is wrong with a bad key', () => {
    expect(() => parseOpenSshPublicKey('ssh-ed25519')).toThrow('expected "<type> <base64 key> [comment]"');
    expect(() => parseOpenSshPublicKey('ssh-dss AAAA')).toThrow("unsupported key type 'ssh-dss'");
    expect(() => parseOpenSshPublicKey('ssh-ed25519 not*base64')).toThrow('the key is not valid base64');
    const rsaBlob = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('ssh-rsa')]).toString('base64');
    expect(() => parseOpenSshPublicKey(`ssh-ed25519 ${rsaBlob}`)).toThrow(
      "the key data is not a 'ssh-ed25519' key",
    );
    expect(() => parseOpenSshPublicKey('-----BEGIN OPENSSH PRIVATE KEY-----')).toThrow(
      'this is a private key',
    );
  });
});

describe('createResearchUser', () => {
  it('generates a key pair: private key mode 0600 in a 0700 dir, public key authorized', async () => {
    const created = await createResearchUser(store, keysDir, 'acct', { username: 'alice', email: 'a@x.edu' });
    const privatePath = join(keysDir, 'alice_ed25519');
    expect(created.private_key_path).toBe(privatePath);
    expect((await stat(privatePath)).mode & 0o777).toBe(0o600);
    expect((await stat(keysDir)).mode & 0o777).toBe(0o700);
    const publicKey = (await readFile(`${privatePath}.pub`, 'utf8')).trim();
    expect(created.user.ssh_public_keys).toEqual([publicKey]);
    expect(created.user).toMatchObject({ uid: 5000, email: 'a@x.edu', ssh_private_key_path: privatePath });
  });

  it('imports an existing public key instead and writes no key files', async () => {
    const { publicKey } = generateSshKeyPair('bob@laptop');
    const created = await createResearchUser(store, keysDir, 'acct', {
      username: 'bob',
      imported_public_key: `${publicKey}\n`,
    });
    expect(created.user.ssh_public_keys).toEqual([publicKey]);
    expect(created.private_key_path).toBeUndefined();
    expect(existsSync(keysDir)).toBe(false);
  });

  it('refuses an unusable imported key without creating the user', async () => {
    await expect(
      createResearchUser(store, keysDir, 'acct', { username: 'bob', imported_public_key: 'hello' }),
    ).rejects.toThrow('the public key is not usable: expected "<type> <base64 key> [comment]"');
    expect(await store.list()).toEqual([]);
  });

  it('leaves the first user keys alone when a duplicate name is refused', async () => {
    await createResearchUser(store, keysDir, 'acct', { username: 'alice' });
    const before = await readFile(join(keysDir, 'alice_ed25519'), 'utf8');
    await expect(createResearchUser(store, keysDir, 'acct', { username: 'alice' })).rejects.toThrow(
      "a research user named 'alice' already exists",
    );
    expect(await readFile(join(keysDir, 'alice_ed25519'), 'utf8')).toBe(before);
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses to overwrite a key file left by an earlier user of that name', async () => {
    await createResearchUser(store, keysDir, 'acct', { username: 'erin' });
    await store.delete('erin');
    await expect(createResearchUser(store, keysDir, 'acct', { username: 'erin' })).rejects.toThrow(
      `a key file already exists at ${join(keysDir, 'erin_ed25519')}`,
    );
    expect(await store.get('erin')).toBeUndefined();
  });

  it('refuses a duplicate username even when its key files are gone', async () => {
    await createResearchUser(store, keysDir, 'acct', {
      username: 'carol',
      imported_public_key: generateSshKeyPair('c').publicKey,
    });
    await expect(createResearchUser(store, keysDir, 'acct', { username: 'carol' })).rejects.toThrow(
      "a research user named 'carol' already exists",
    );
    expect(existsSync(join(keysDir, 'carol_ed25519'))).toBe(false);
  });

  it('removes the user again when the key cannot be written', async () => {
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'blocker'), 'a file where the keys dir should be');
    await expect(
      createResearchUser(store, join(root, 'blocker', 'keys'), 'acct', { username: 'dave' }),
    ).rejects.toThrow();
    expect(await store.get('dave')).toBeUndefined();
  });
});
