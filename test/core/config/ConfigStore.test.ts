import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../../source/core/config/ConfigStore.js';
import type { Profile } from '../../../source/core/config/profileSchema.js';

let configDir: string;

beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'cws-config-'));
});

const profile = (name: string, overrides: Partial<Profile> = {}): Profile => ({
  name,
  aws_profile: 'default',
  region: 'us-east-1',
  policy: { max_vcpus: 8 },
  policy_chain: [],
  kind: 'personal',
  role: 'member',
  can_invite: false,
  created_at: '2026-11-26T00:00:00.000Z',
  ...overrides,
});

describe('ConfigStore', () => {
  it('adds profiles, makes the first current, switches and deletes', () => {
    const store = ConfigStore.open(configDir);
    expect(store.problems).toEqual([]);
    expect(store.currentProfile()).toBeUndefined();
    store.addProfile(profile('lab'));
    store.addProfile(profile('home', { role: 'admin' }));
    expect(store.currentProfileName()).toBe('lab');
    store.setCurrentProfile('home');
    const reopened = ConfigStore.open(configDir);
    expect(reopened.currentProfile()?.role).toBe('admin');
    expect(reopened.listProfiles().map((entry) => entry.name)).toEqual(['home', 'lab']);
    expect(reopened.deleteProfile('home')).toBe(true);
    expect(reopened.deleteProfile('home')).toBe(false);
    expect(reopened.currentProfile()).toBeUndefined();
  });

  it('refuses a duplicate profile, an unknown profile and an invalid one', () => {
    const store = ConfigStore.open(configDir);
    store.addProfile(profile('lab'));
    expect(() => store.addProfile(profile('lab'))).toThrow("a profile named 'lab' already exists");
    expect(() => store.setCurrentProfile('nope')).toThrow("no profile named 'nope' (profiles: lab)");
    expect(() => store.addProfile(profile('x', { region: 'mars' }))).toThrow(
      'invalid profile: region: a region looks like us-east-1',
    );
    expect(() => store.addProfile(profile('bad name'))).toThrow('invalid profile: name:');
  });

  it('treats __proto__ as an unknown profile name', () => {
    const store = ConfigStore.open(configDir);
    expect(store.getProfile('__proto__')).toBeUndefined();
    expect(store.getProfile('constructor')).toBeUndefined();
  });

  it('sets aside a file truncated mid-write and starts with defaults', async () => {
    const first = ConfigStore.open(configDir);
    first.addProfile(profile('lab'));
    const path = join(configDir, 'config.json');
    const full = await readFile(path, 'utf8');
    const truncated = full.slice(0, Math.floor(full.length / 2));
    await writeFile(path, truncated);
    const store = ConfigStore.open(configDir, new Date('2026-11-26T10:00:00.000Z'));
    const backup = store.problems[0]?.backup_path ?? '';
    expect(backup).toMatch(/config\.json\.bak-2026-11-26T10-00-00-000Z-[0-9a-z]+(-[0-9a-z]+){3}$/);
    expect(store.problems).toEqual([
      {
        key: '(file)',
        message: expect.stringContaining('not valid JSON'),
        backup_path: backup,
        held_invited: 'unknown',
      },
    ]);
    expect(await readFile(backup, 'utf8')).toBe(truncated);
    expect(store.listProfiles()).toEqual([]);
    store.addProfile(profile('fresh'));
    expect(ConfigStore.open(configDir).problems).toEqual([]);
  });

  it('reports a hand-broken value by its key and keeps the file as a backup', async () => {
    const path = join(configDir, 'config.json');
    const broken = {
      profiles: { lab: { ...profile('lab'), region: 42, policy: { max_vcpus: 'many' } } },
      __internal__: { migrations: { version: '1.1.0' } },
    };
    await writeFile(path, JSON.stringify(broken));
    const store = ConfigStore.open(configDir);
    expect(store.problems.map((problem) => problem.key)).toEqual(
      expect.arrayContaining(['profiles.lab.region', 'profiles.lab.policy.max_vcpus']),
    );
    expect(store.problems[0]?.message).toMatch(/must be/);
    expect(readdirSync(configDir).filter((name) => name.startsWith('config.json.bak-'))).toHaveLength(1);
    expect(store.listProfiles()).toEqual([]);
  });

  it('reports an unknown key in a profile', async () => {
    const path = join(configDir, 'config.json');
    const broken = { profiles: { lab: { ...profile('lab'), colour: 'blue' } } };
    await writeFile(path, JSON.stringify(broken));
    const store = ConfigStore.open(configDir);
    expect(store.problems[0]).toMatchObject({
      key: 'profiles.lab.colour', // conf 16 names the extra key itself
      message: 'must NOT have additional properties',
    });
  });

  it('migrates a 1.0.0 file: profiles gain an empty policy chain and no right to invite', async () => {
    const path = join(configDir, 'config.json');
    const { policy_chain: _chain, can_invite: _invite, ...old } = profile('lab');
    await writeFile(
      path,
      JSON.stringify({
        current_profile: 'lab',
        profiles: { lab: old },
        __internal__: { migrations: { version: '1.0.0' } },
      }),
    );
    const store = ConfigStore.open(configDir);
    expect(store.problems).toEqual([]);
    expect(store.currentProfile()).toMatchObject({ name: 'lab', policy_chain: [], can_invite: false });
    const saved = JSON.parse(await readFile(path, 'utf8')) as {
      __internal__: { migrations: { version: string } };
    };
    expect(saved.__internal__.migrations.version).toBe('1.2.0');
  });
});

describe('ConfigStore with an unreadable file', () => {
  it('reports a file it cannot read without moving it aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cws-config-unreadable-'));
    await mkdir(join(dir, 'config.json'));
    expect(() => ConfigStore.open(dir)).toThrow(/EISDIR/);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });
});

describe('ConfigStore across processes', () => {
  it('keeps every profile when several processes add profiles at once', async () => {
    const script = fileURLToPath(new URL('./addProfilesProcess.ts', import.meta.url));
    ConfigStore.open(configDir);
    await Promise.all(
      ['p', 'q', 'r'].map(
        (prefix) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', script, configDir, prefix, '40'], {
              stdio: ['ignore', 'ignore', 'pipe'],
            });
            let errors = '';
            child.stderr.on('data', (chunk: Buffer) => {
              errors += chunk.toString();
            });
            child.on('close', (code) =>
              code === 0 ? resolve() : reject(new Error(`exit ${code}: ${errors}`)),
            );
          }),
      ),
    );
    expect(ConfigStore.open(configDir).listProfiles()).toHaveLength(120);
  }, 60_000);
});
