import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { invitedMember } from './invitedMember.js';

const bigLaunch = (env: NodeJS.ProcessEnv, name: string) =>
  runCommand(runLaunchCommand, ['python-ml', name], env, { demo: true, type: 'm7i.4xlarge' });

const configPath = (env: NodeJS.ProcessEnv) => join(env.CWS_CONFIG_DIR ?? '', 'config.json');

describe('an installation that accepted an invitation never falls back to no policy (repro 5)', () => {
  it('deleting config.json refuses launches, naming the accepted profile', async () => {
    const { member } = await invitedMember();
    await rm(configPath(member));
    const launched = await bigLaunch(member, 'hx1');
    expect(launched.code).toBe(3);
    expect(launched.stderr).toContain("accepted an invitation (profile 'lab') and no profile is chosen");
    expect(launched.stderr).toContain('profiles use lab');
  });

  it('a valid config without the profile (an odd migration version, or profiles emptied) refuses launches', async () => {
    const { member } = await invitedMember();
    await writeFile(configPath(member), '{"__internal__":{"migrations":{"version":1}}}');
    expect((await bigLaunch(member, 'hx2')).code).toBe(3);
    await writeFile(configPath(member), '{"profiles":{}}');
    expect((await bigLaunch(member, 'hx3')).code).toBe(3);
  });

  it('deleting the invited profile with the app does not open a way around it either', async () => {
    const { member } = await invitedMember();
    expect((await runCommand(runProfilesCommand, ['delete', 'lab'], member)).code).toBe(0);
    expect((await bigLaunch(member, 'hx4')).code).toBe(3);
  });

  it('a small launch within the signed policy still works through the profile', async () => {
    const { member } = await invitedMember();
    const launched = await runCommand(runLaunchCommand, ['python-ml', 'ok1'], member, {
      demo: true,
      type: 't3.small',
    });
    expect(launched.code).toBe(0);
  });

  it('an installation that never accepted one works in its own account without a policy', async () => {
    const env = testEnvironment();
    expect((await bigLaunch(env, 'own1')).code).toBe(0);
  });
});
