import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../../source/core/config/ConfigStore.js';
import { CONFIG_FORMAT_VERSION } from '../../../source/core/config/configMigrations.js';
import type { Profile } from '../../../source/core/config/profileSchema.js';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { evaluateBudget } from '../../../source/core/cost/evaluateBudget.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'config-1.1.0.json');

let configDir: string;

beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'cws-migrate-'));
});

describe('config format 1.1.0 -> 1.2.0', () => {
  it('converts every profile budget to the cost format and turns billed spend off', async () => {
    const path = join(configDir, 'config.json');
    await copyFile(FIXTURE, path);
    const store = ConfigStore.open(configDir);
    expect(store.problems).toEqual([]);
    expect(store.getProfile('lab')?.budget).toEqual({
      monthly_limit: 200,
      thresholds: [50, 90],
      actions: { '90': 'block' },
      auto: false,
    });
    // No thresholds meant 100%; stop_workstations stops from there.
    expect(store.getProfile('night')?.budget).toEqual({
      monthly_limit: 50,
      thresholds: [100],
      actions: { '100': 'stop' },
      auto: false,
    });
    // Both listed: blocking wins at the highest threshold, whatever the order.
    expect(store.getProfile('both')?.budget?.actions).toEqual({ '100': 'block' });
    expect(store.getProfile('home')?.budget).toBeUndefined();
    for (const profile of store.listProfiles()) {
      expect(profile.cost_explorer).toBe(false);
      expect(profile.discounts).toBeUndefined();
    }
    expect(store.currentProfile()).toMatchObject({
      name: 'lab',
      research_user: 'alice',
      policy: { max_vcpus: 16 },
    });

    const saved = JSON.parse(await readFile(path, 'utf8')) as {
      __internal__: { migrations: { version: string } };
      profiles: Record<string, Record<string, unknown>>;
    };
    expect(saved.__internal__.migrations.version).toBe(CONFIG_FORMAT_VERSION);
    expect(CONFIG_FORMAT_VERSION).toBe('1.2.0');
    expect(saved.profiles.lab?.budget).toEqual(store.getProfile('lab')?.budget);
    // A second open finds nothing left to migrate and changes nothing.
    const before = await readFile(path, 'utf8');
    expect(ConfigStore.open(configDir).problems).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('keeps what the old budget meant: the highest threshold blocks, the others warn', async () => {
    await copyFile(FIXTURE, join(configDir, 'config.json'));
    const budget = ConfigStore.open(configDir).getProfile('lab')?.budget;
    if (!budget) throw new Error('the lab profile lost its budget');
    const status = evaluateBudget(budget, 185, 185, new Set());
    expect(status.fired.map((alert) => [alert.threshold, alert.action])).toEqual([
      [50, 'warn'],
      [90, 'block'],
    ]);
  });

  it('sets aside (and reports) a 1.1.0 budget that neither format accepts, keeping the file', async () => {
    const fixture = JSON.parse(await readFile(FIXTURE, 'utf8')) as {
      profiles: Record<string, Record<string, unknown>>;
    };
    fixture.profiles.lab = {
      ...fixture.profiles.lab,
      budget: { monthly_limit: -5, thresholds: [50], actions: [] },
    };
    await writeFile(join(configDir, 'config.json'), JSON.stringify(fixture));
    const store = ConfigStore.open(configDir);
    expect(store.problems.some((problem) => problem.key.startsWith('profiles.lab.budget'))).toBe(true);
    expect(JSON.parse(await readFile(store.problems[0]?.backup_path ?? '', 'utf8'))).toMatchObject({
      profiles: { lab: { budget: { monthly_limit: -5 } } },
    });
  });
});

describe('profiles with budgets, discounts and Cost Explorer', () => {
  const profile: Profile = {
    name: 'lab',
    aws_profile: 'lab',
    region: 'us-east-1',
    policy: {},
    policy_chain: [],
    budget: budgetSchema.parse({
      monthly_limit: 120,
      thresholds: [80, 100],
      actions: { '100': 'hibernate' },
      auto: true,
    }),
    discounts: { ec2: 10, ebs: 5.5 },
    cost_explorer: true,
    kind: 'personal',
    role: 'member',
    can_invite: false,
    created_at: '2026-11-26T00:00:00.000Z',
  };

  it('round-trips through the file unchanged', () => {
    ConfigStore.open(configDir).addProfile(profile);
    expect(ConfigStore.open(configDir).getProfile('lab')).toEqual(profile);
  });

  it('refuses a discount over 100%, an unknown service and an action on no threshold, by field', () => {
    const store = ConfigStore.open(configDir);
    expect(() => store.addProfile({ ...profile, discounts: { ec2: 120 } })).toThrow(
      'invalid profile: discounts.ec2: a discount is a percentage from 0 to 100',
    );
    expect(() =>
      store.addProfile({ ...profile, discounts: { gpu: 5 } as unknown as Profile['discounts'] }),
    ).toThrow(/invalid profile: discounts: .*gpu/);
    expect(() =>
      store.addProfile({ ...profile, budget: { ...profile.budget!, actions: { '90': 'block' } } }),
    ).toThrow(
      'invalid profile: budget.actions.90: the action is set for 90%, which is not one of the thresholds (80, 100)',
    );
    expect(store.listProfiles()).toEqual([]);
  });
});
