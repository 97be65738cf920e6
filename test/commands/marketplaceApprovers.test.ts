import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runMarketplaceCommand } from '../../source/commands/marketplaceCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runRegistryCommand } from '../../source/commands/registryCommand.js';
import { publicKeyFingerprint } from '../../source/core/identity/signingKey.js';
import { readRegistries, writeRegistries } from '../../source/core/marketplace/registriesFile.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { labProfile } from './marketplaceHarness.js';

/** An admin profile with this policy, on the demo account's sample registry. */
async function adminProfile(policy: string) {
  const env = await labProfile(policy, { admin: true });
  // Opening the marketplace seeds the demo registry, which trusts this installation's key as an approver.
  expect((await runCommand(runMarketplaceCommand, ['queue'], env, { demo: true })).code).toBe(0);
  return env;
}

async function registryKeys(env: NodeJS.ProcessEnv) {
  const [demo] = await readRegistries(env.CWS_CONFIG_DIR ?? '');
  if (!demo) throw new Error('no demo registry');
  const fingerprint = (name: string) =>
    publicKeyFingerprint(demo.approvers.find((approver) => approver.name.startsWith(name))?.key ?? '');
  return { demo, rc: fingerprint('Research Computing'), mine: fingerprint('You') };
}

const review = (env: NodeJS.ProcessEnv) =>
  runCommand(runMarketplaceCommand, ['review', 'survey-r@1.0.0', 'approve'], env, {
    demo: true,
    reason: 'looks fine',
  });

describe('who may approve: approver keys, never an admin profile as such', () => {
  it('refuses an admin whose key is not an approver of the registry, with exit 3 and why', async () => {
    const env = await adminProfile('templates:\n  approved_only: true\n');
    const { demo } = await registryKeys(env);
    await writeRegistries(env.CWS_CONFIG_DIR ?? '', [
      { ...demo, approvers: demo.approvers.filter((approver) => !approver.name.startsWith('You')) },
    ]);
    await expect(review(env)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(
        /only the registry's approver keys can approve or reject, and your key SHA256:\S+ is not an approver of 'demo-lab' \(an admin profile alone is not an approver\)/,
      ),
    });
    expect((await runCommand(runMarketplaceCommand, ['queue'], env, { demo: true })).stdout).toBe(
      'Nothing awaits your review.\n',
    );
  });

  it('refuses a key the user trusts locally when the policy names other approvers', async () => {
    const env = testEnvironment();
    await runCommand(runMarketplaceCommand, ['queue'], env, { demo: true });
    const { rc } = await registryKeys(env);
    await labProfile(`templates:\n  approved_only: true\n  approvers: ["${rc}"]\n`, { admin: true, env });
    await expect(review(env)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(
        /your policy names the approvers \(SHA256:\S+\), and your key SHA256:\S+ is not one/,
      ),
    });
  });

  it('a release approved by a key the policy does not name is not approved for launches', async () => {
    const env = testEnvironment();
    await runCommand(runMarketplaceCommand, ['queue'], env, { demo: true });
    const { rc, mine } = await registryKeys(env);
    // The user's own key approves survey-r (the registry trusts it as an approver) ...
    expect((await review(env)).code).toBe(0);
    expect((await runCommand(runMarketplaceCommand, ['install', 'survey-r'], env, { demo: true })).code).toBe(
      0,
    );
    // ... but the lab's policy names only Research Computing's key.
    await labProfile(`templates:\n  approved_only: true\n  approvers: ["${rc}"]\n`, { env });
    const launched = await runCommand(runLaunchCommand, ['survey-r', 's1'], env, { demo: true });
    expect(launched.code).toBe(3);
    expect(launched.stderr).toContain(`(${mine}), who is not one of the approvers the policy names (${rc})`);
    // Research Computing's approvals still launch.
    expect(
      (await runCommand(runMarketplaceCommand, ['install', 'rnaseq-pipeline'], env, { demo: true })).code,
    ).toBe(0);
    expect((await runCommand(runLaunchCommand, ['rnaseq-pipeline', 'r1'], env, { demo: true })).code).toBe(0);
  });

  it('a policy approver entry must be a key fingerprint', async () => {
    const env = testEnvironment();
    const path = join(env.HOME ?? '', 'policy.yaml');
    await writeFile(path, 'templates:\n  approvers: [Research Computing]\n');
    const created = await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy: path,
    }).catch((error: { exitCode: number; message: string }) => ({
      code: error.exitCode,
      stderr: error.message,
    }));
    expect(created.code).not.toBe(0);
    expect(created.stderr).toMatch(/an approver is a key fingerprint, SHA256:/);
  });
});

describe('registry trust lists approvers by key', () => {
  it('shows each approver with its fingerprint, for a policy to name', async () => {
    const env = testEnvironment();
    await runCommand(runMarketplaceCommand, ['queue'], env, { demo: true });
    const { rc } = await registryKeys(env);
    const listed = await runCommand(runRegistryCommand, ['list'], env);
    expect(listed.stdout).toContain(rc.slice(0, 20));
  });
});
