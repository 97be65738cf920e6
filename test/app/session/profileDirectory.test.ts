import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_PROFILE } from '../../../source/app/session/demoAccountProfile.js';
import { openSession } from '../../../source/app/session/openSession.js';
import {
  createResearchUserFor,
  deleteProfileNamed,
  listProfiles,
  makeCurrentProfile,
} from '../../../source/app/session/profileDirectory.js';
import {
  deleteResearchUserAs,
  listResearchUsers,
} from '../../../source/app/session/researchUserDirectory.js';
import { runProfilesCommand } from '../../../source/commands/profilesCommand.js';
import { FileResearchUserStore } from '../../../source/core/identity/FileResearchUserStore.js';
import { resolveAppPaths } from '../../../source/core/paths.js';
import { runCommand, testEnvironment } from '../../commands/commandHarness.js';

describe('the profile directory', () => {
  it('lists the profiles with the current one, and makes another current', async () => {
    const env = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'lab', region: 'us-east-1' });
    await runCommand(runProfilesCommand, ['create', 'home'], env, {
      awsProfile: 'home',
      region: 'us-west-2',
    });
    const paths = resolveAppPaths(env);
    const listing = listProfiles(paths);
    expect(listing.profiles.map((profile) => profile.name).sort()).toEqual(['home', 'lab']);
    expect(listing.problems).toEqual([]);
    makeCurrentProfile(paths, 'home');
    expect(listProfiles(paths).current).toBe('home');
    expect(() => makeCurrentProfile(paths, 'nope')).toThrow(/no profile named 'nope' \(profiles: /);
  });

  it('the demo row makes no profile current, and opens the demo account without a profile', async () => {
    const env = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'lab', region: 'us-east-1' });
    const paths = resolveAppPaths(env);
    expect(listProfiles(paths).current).toBe('lab');
    makeCurrentProfile(paths, DEMO_ACCOUNT_PROFILE);
    expect(listProfiles(paths).current).toBeUndefined();
    // Even with AWS credentials in the environment, the demo row is the demo account.
    const session = await openSession({
      env: { ...env, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' },
      demo: false,
      profile: DEMO_ACCOUNT_PROFILE,
    });
    expect(session.info.account_kind).toBe('demo');
    expect(session.profile.policy).toEqual({});
  });

  it('deletes a profile, but not the one the session runs as', async () => {
    const env = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'lab', region: 'us-east-1' });
    await runCommand(runProfilesCommand, ['create', 'home'], env, {
      awsProfile: 'home',
      region: 'us-west-2',
    });
    const paths = resolveAppPaths(env);
    expect(() => deleteProfileNamed(paths, 'lab', 'lab')).toThrow(/the one this session runs as/);
    expect(() => deleteProfileNamed(paths, 'nope', 'lab')).toThrow(/no profile named 'nope'/);
    deleteProfileNamed(paths, 'home', 'lab');
    expect(listProfiles(paths).profiles.map((profile) => profile.name)).toEqual(['lab']);
  });

  it('lists research users by name and lets only an admin delete one', async () => {
    const paths = resolveAppPaths(testEnvironment());
    const users = new FileResearchUserStore(paths.stateDir);
    await users.create({ username: 'zoe', groups: [], shell: '/bin/bash', ssh_public_keys: [] }, 'acct');
    await users.create({ username: 'amy', groups: [], shell: '/bin/bash', ssh_public_keys: [] }, 'acct');
    expect((await listResearchUsers(users)).map((user) => user.username)).toEqual(['amy', 'zoe']);
    await expect(deleteResearchUserAs(users, 'member', 'amy')).rejects.toThrow(/only an admin profile/);
    expect(await users.get('amy')).toBeDefined();
    expect(await deleteResearchUserAs(users, 'admin', 'amy')).toMatchObject({ username: 'amy' });
    await expect(deleteResearchUserAs(users, 'admin', 'amy')).rejects.toThrow(/no research user named 'amy'/);
  });

  it('reports a broken config file and lists no profiles rather than failing', () => {
    const env = testEnvironment();
    const paths = resolveAppPaths(env);
    listProfiles(paths);
    const file = join(paths.configDir, 'config.json');
    writeFileSync(file, '{ "profiles": [1, 2');
    const listing = listProfiles(paths);
    expect(listing.profiles).toEqual([]);
    expect(listing.problems[0]).toMatch(/the config file had a problem/);
    expect(readFileSync(file, 'utf8')).not.toContain('[1, 2');
  });

  it("creates a research user from the UID range of the profile's recorded account", async () => {
    const env = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'lab', region: 'us-east-1' });
    const paths = resolveAppPaths(env);
    const users = new FileResearchUserStore(paths.configDir);
    const created = await createResearchUserFor(paths, users, 'lab', async () => '123456789012', {
      username: 'dana',
    });
    expect(created.user.username).toBe('dana');
    expect(created.private_key_path).toContain(join(paths.stateDir, 'keys'));
    await expect(
      createResearchUserFor(paths, users, 'lab', async () => '123456789012', { username: 'dana' }),
    ).rejects.toThrow("a research user named 'dana' already exists");
  });
});
