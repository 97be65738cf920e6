import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../../source/core/config/ConfigStore.js';
import {
  checkedMarkPath,
  markConfigChecked,
  readCheckedConfig,
} from '../../../source/core/config/checkedConfigMark.js';
import type { Profile } from '../../../source/core/config/profileSchema.js';

let configDir: string;
let configPath: string;

beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'cws-config-mark-'));
  configPath = join(configDir, 'config.json');
});

const profile = (name: string): Profile => ({
  name,
  aws_profile: 'default',
  region: 'us-east-1',
  policy: { max_vcpus: 8 },
  policy_chain: [],
  kind: 'personal',
  role: 'member',
  can_invite: false,
  created_at: '2026-11-26T00:00:00.000Z',
});

describe('the checked-config mark', () => {
  it('lets a later open read the file conf accepted, with the same profiles', () => {
    ConfigStore.open(configDir).addProfile(profile('lab'));
    expect(readCheckedConfig(configPath)?.current_profile).toBe('lab');
    const reopened = ConfigStore.open(configDir);
    expect(reopened.problems).toEqual([]);
    expect(reopened.currentProfile()).toEqual(profile('lab'));
    expect(reopened.listProfiles().map((entry) => entry.name)).toEqual(['lab']);
  });

  it('is not trusted once the file changes: a hand-broken file is still set aside', async () => {
    ConfigStore.open(configDir).addProfile(profile('lab'));
    const text = await readFile(configPath, 'utf8');
    await writeFile(configPath, text.replace('"us-east-1"', '42'));
    expect(readCheckedConfig(configPath)).toBeUndefined();
    const store = ConfigStore.open(configDir);
    expect(store.problems.map((problem) => problem.key)).toContain('profiles.lab.region');
    expect(readdirSync(configDir).filter((name) => name.startsWith('config.json.bak-'))).toHaveLength(1);
    expect(store.listProfiles()).toEqual([]);
  });

  it('ignores a damaged mark and goes through conf', async () => {
    ConfigStore.open(configDir).addProfile(profile('lab'));
    await writeFile(checkedMarkPath(configPath), 'not a digest\n');
    expect(readCheckedConfig(configPath)).toBeUndefined();
    const store = ConfigStore.open(configDir);
    expect(store.currentProfileName()).toBe('lab');
    // conf accepted it again, so the mark is good again.
    expect(readCheckedConfig(configPath)?.current_profile).toBe('lab');
  });

  it('sees a change another store made after it opened, as conf would', () => {
    ConfigStore.open(configDir).addProfile(profile('lab'));
    const reader = ConfigStore.open(configDir);
    const writer = ConfigStore.open(configDir);
    writer.addProfile(profile('home'));
    writer.setCurrentProfile('home');
    expect(reader.currentProfileName()).toBe('home');
    expect(reader.listProfiles().map((entry) => entry.name)).toEqual(['home', 'lab']);
  });

  it('sees a change made by hand after it opened, and reports a broken one like conf', async () => {
    ConfigStore.open(configDir).addProfile(profile('lab'));
    const reader = ConfigStore.open(configDir);
    const text = await readFile(configPath, 'utf8');
    await writeFile(configPath, text.replace('"current_profile": "lab"', '"current_profile": 7'));
    expect(() => reader.currentProfileName()).toThrow(/current_profile/);
  });
});

describe('the mark digest', () => {
  it('is the SHA-256 node:crypto computes, so marks written before stay valid', async () => {
    const { createHash } = await import('node:crypto');
    const { CONFIG_FORMAT_VERSION } = await import('../../../source/core/config/configMigrations.js');
    const { CONFIG_SCHEMA_DIGEST } = await import('../../../source/core/config/configSchemaDigest.js');
    // Text beyond ASCII too: the digest is over the file's UTF-8 bytes.
    const text = '{"current_profile":"lab","note":"é ✓ 研究"}\n';
    await writeFile(configPath, text);
    markConfigChecked(configPath, () => undefined);
    const expected = createHash('sha256')
      .update(`cws-config-checked/2\n${CONFIG_FORMAT_VERSION}\n${CONFIG_SCHEMA_DIGEST}\n`)
      .update(text)
      .digest('hex');
    expect((await readFile(checkedMarkPath(configPath), 'utf8')).trim()).toBe(expected);
  });
});
