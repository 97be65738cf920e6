import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createResearchUserFor,
  listProfiles,
  makeCurrentProfile,
} from '../../../source/app/session/profileDirectory.js';
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
