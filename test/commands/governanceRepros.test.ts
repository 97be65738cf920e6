import { lstat, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInviteCommand } from '../../source/commands/inviteCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { runPolicyCommand } from '../../source/commands/policyCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runUsersCommand } from '../../source/commands/usersCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { editConfig, invitedMember, run } from './invitedMember.js';

const bigLaunch = (env: NodeJS.ProcessEnv) =>
  runCommand(runLaunchCommand, ['python-ml', 'hx3'], env, { demo: true, type: 'm7i.4xlarge' });

describe('governance repros: each bypass is refused', () => {
  it('1. editing config.json to personal with a wide policy does not widen the signed one', async () => {
    const { member } = await invitedMember();
    await editConfig(member, (profile) => {
      profile.kind = 'personal';
      profile.policy = {};
      profile.role = 'admin';
    });
    const launched = await bigLaunch(member);
    expect(launched.code).toBe(3);
    expect(launched.stderr).toMatch(/differ from what the invitation signed; the signed values are used/);
    // Removing every trace of the invitation leaves a profile the installation knows was invited.
    await editConfig(member, (profile) => {
      delete profile.invitation_token;
      delete profile.invitation_id;
      profile.policy_chain = [];
    });
    const stripped = await bigLaunch(member);
    expect(stripped.code).toBe(3);
    expect(stripped.stderr).toMatch(
      /was accepted from an invitation, but the config file now calls it personal/,
    );
  });

  it('4. a chain rooted at a stranger key named like the lab is refused once a root is pinned', async () => {
    const { member, rootFingerprint, accepted } = await invitedMember();
    expect(accepted.stdout).toContain(`key ${rootFingerprint}`);
    expect(accepted.stdout).toContain('pinned');
    const stranger = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'lab'], stranger, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const forged = JSON.parse(
      (await runCommand(runInviteCommand, ['create', 'lab2'], stranger, { json: true, user: 'alice' }))
        .stdout,
    ) as { token: string; issuer_fingerprint: string };
    const refused = await run(runInviteCommand, ['accept', forged.token], member);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `the chain's root key ${forged.issuer_fingerprint} is not the one pinned`,
    );
    // --root names the expected root up front: a mismatch is refused before anything is written.
    // Written `--root <fp>` (the value arrives as an argument: --root is also exec's switch).
    const wrongRoot = await run(
      runInviteCommand,
      ['accept', forged.token, rootFingerprint],
      testEnvironment(),
      {
        root: true,
      },
    );
    expect(wrongRoot.code).toBe(1);
    expect(wrongRoot.stderr).toContain(`not the ${rootFingerprint} given with --root`);
    expect(
      (await run(runInviteCommand, ['accept', forged.token], member, { rootKey: 'SHA256:nope' })).code,
    ).toBe(2);
  });

  it('4. trusted_roots in the system config refuse any other root, even on first use', async () => {
    const { token, rootFingerprint } = await invitedMember();
    const fresh = testEnvironment();
    await writeFile(fresh.CWS_SYSTEM_CONFIG ?? '', `trusted_roots:\n  - SHA256:${'A'.repeat(43)}\n`);
    const refused = await run(runInviteCommand, ['accept', token], fresh);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `the chain's root key ${rootFingerprint} is not one of the trusted_roots`,
    );
    await writeFile(fresh.CWS_SYSTEM_CONFIG ?? '', `trusted_roots: [${rootFingerprint}]\n`);
    expect((await runCommand(runInviteCommand, ['accept', token], fresh)).code).toBe(0);
  });

  it('5. a corrupted config that held an invited profile refuses launches and says where the backup is', async () => {
    const { member } = await invitedMember();
    const path = join(member.CWS_CONFIG_DIR ?? '', 'config.json');
    await writeFile(path, '{"profiles": {"lab": {"kind": "invited"');
    const launched = await runCommand(runLaunchCommand, ['python-ml', 'hx3'], member, {
      demo: true,
      type: 't3.small',
    });
    expect(launched.code).toBe(3);
    expect(launched.stderr).toMatch(
      /launches are refused: the config file held an invited profile .* kept as .*config\.json\.bak-/,
    );
  });

  it('5. a config whose migration version is not a version is not fatal', async () => {
    const env = testEnvironment();
    const path = join(env.CWS_CONFIG_DIR ?? '', 'config.json');
    await runCommand(runProfilesCommand, ['list'], env);
    await writeFile(path, '{"__internal__":{"migrations":{"version":1}}}');
    const listed = await runCommand(runProfilesCommand, ['list'], env);
    expect(listed.code).toBe(0);
    // conf 16 re-reads such a version as "before every migration" (the file holds nothing else to
    // lose); conf 15 threw semver's "Invalid version", which the store sets aside with a backup.
    expect(listed.stderr).not.toMatch(/Invalid version/);
    if (listed.stderr !== '') expect(listed.stderr).toMatch(/config file had a problem .* kept as .*\.bak-/);
  });

  it('12. config.json that is a symlink is replaced by a file of its own; the target is untouched', async () => {
    const env = testEnvironment();
    await runCommand(runProfilesCommand, ['list'], env);
    const target = join(env.HOME ?? '', 'elsewhere.json');
    await writeFile(target, '{}');
    const path = join(env.CWS_CONFIG_DIR ?? '', 'config.json');
    await writeFile(path, ''); // replaced below by the link
    await import('node:fs/promises').then((fs) => fs.rm(path));
    await symlink(target, path);
    const created = await runCommand(runProfilesCommand, ['create', 'mine'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
    });
    expect(created.code).toBe(0);
    expect(await readFile(target, 'utf8')).toBe('{}');
    expect((await lstat(path)).isSymbolicLink()).toBe(false);
    expect(((await lstat(path)).mode & 0o777).toString(8)).toBe('600');
  });

  it('policy show reports a hand edit and shows the signed policy', async () => {
    const { member } = await invitedMember();
    await editConfig(member, (profile) => {
      profile.policy = {};
    });
    const shown = await runCommand(runPolicyCommand, ['show'], member, { json: true });
    expect(JSON.parse(shown.stdout).policy).toEqual({
      instance_types: { allow: ['t3.*'] },
      max_hourly_cost: 0.2,
    });
    expect(shown.stderr).toContain('the signed values are used');
  });
});

describe('one policy evaluation for spot (repro 6)', () => {
  async function cappedProfile(basis?: 'current') {
    const env = testEnvironment();
    const path = join(env.HOME ?? '', 'cap.yaml');
    await writeFile(path, `max_hourly_cost: 1.00\n${basis ? `spot_price_basis: ${basis}\n` : ''}`);
    const created = await run(runProfilesCommand, ['create', 'capped'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy: path,
    });
    expect(created.code).toBe(0);
    return env;
  }

  it('launch --spot and policy test --spot both hold spot to the on-demand price', async () => {
    const env = await cappedProfile();
    const tested = await run(runPolicyCommand, ['test'], env, {
      template: 'python-ml',
      type: 'r7i.4xlarge',
      spot: true,
    });
    expect(tested.code).toBe(3);
    const launched = await run(runLaunchCommand, ['python-ml', 'spotty'], env, {
      demo: true,
      type: 'r7i.4xlarge',
      spot: true,
    });
    expect(launched.code).toBe(3);
    expect(launched.stderr).toMatch(/costs \$1\.0584\/h on demand \(the most a spot instance can cost\)/);
  });

  it('spot_price_basis: current holds a spot launch to the current spot price instead', async () => {
    const env = await cappedProfile('current');
    const launched = await run(runLaunchCommand, ['python-ml', 'spotty'], env, {
      demo: true,
      type: 'r7i.4xlarge',
      spot: true,
    });
    expect(launched.code).toBe(0);
  });
});

describe('inheritance and shadowing (repro 7)', () => {
  async function profileWith(policy: string) {
    const env = testEnvironment();
    const path = join(env.HOME ?? '', 'p.yaml');
    await writeFile(path, policy);
    await run(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy: path,
    });
    const dir = join(env.CWS_CONFIG_DIR ?? '', 'templates');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    return { env, dir };
  }

  it('a user template inheriting a denied template is denied, naming the ancestor', async () => {
    const { env, dir } = await profileWith('templates:\n  deny: [jupyter-server]\n');
    await writeFile(
      join(dir, 'my-notebook.yml'),
      'name: My Notebook\nslug: my-notebook\ndescription: mine\ninherits: [jupyter-server]\n',
    );
    const launched = await run(runLaunchCommand, ['my-notebook', 'nb'], env, { demo: true });
    expect(launched.code).toBe(3);
    expect(launched.stderr).toContain("the template 'my-notebook' inherits from 'jupyter-server'");
    const tested = await run(runPolicyCommand, ['test'], env, { template: 'my-notebook', type: 't3.large' });
    expect(tested.code).toBe(3);
    expect(tested.stdout).toContain("inherits from 'jupyter-server'");
  });

  it('user_templates: deny refuses the user own templates, and a shadowing one is named as such', async () => {
    const { env, dir } = await profileWith('user_templates: deny\n');
    await writeFile(
      join(dir, 'python-ml.yml'),
      'name: Python ML\nslug: python-ml\ndescription: not the built-in\ninherits: [ubuntu-24-04]\n',
    );
    const launched = await run(runLaunchCommand, ['python-ml', 'x'], env, { demo: true });
    expect(launched.code).toBe(3);
    expect(launched.stderr).toMatch(/it shadows the built-in of that name/);
    expect(launched.stderr).toMatch(/the policy allows only built-in templates/);
    const builtin = await run(runLaunchCommand, ['ubuntu-24-04', 'y'], env, { demo: true });
    expect(builtin.code).toBe(0);
  });
});

describe('research users (repro 11)', () => {
  it('privileged groups need an admin profile or the policy allowed_groups', async () => {
    const { member } = await invitedMember();
    for (const group of ['sudo', 'wheel', 'root', 'disk', 'docker']) {
      const refused = await run(runUsersCommand, ['create', `u${group}`], member, {
        group: [group],
        demo: true,
      });
      expect(refused.code, group).toBe(3);
      expect(refused.stderr).toContain(`${group} is a privileged group`);
    }
    expect(
      (await run(runUsersCommand, ['create', 'plain'], member, { group: ['research'], demo: true })).code,
    ).toBe(0);
    const admin = testEnvironment();
    await run(runProfilesCommand, ['create', 'ops'], admin, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    expect(
      (await run(runUsersCommand, ['create', 'root1'], admin, { group: ['sudo'], demo: true })).code,
    ).toBe(0);
    const allowing = testEnvironment();
    const policyPath = join(allowing.HOME ?? '', 'groups.yaml');
    await writeFile(policyPath, 'allowed_groups: [docker]\n');
    await run(runProfilesCommand, ['create', 'lab'], allowing, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy: policyPath,
    });
    expect(
      (await run(runUsersCommand, ['create', 'dock'], allowing, { group: ['docker'], demo: true })).code,
    ).toBe(0);
    expect(
      (await run(runUsersCommand, ['create', 'sudoer'], allowing, { group: ['sudo'], demo: true })).code,
    ).toBe(3);
  });

  it('full names and emails that a launch would refuse are refused at creation', async () => {
    const env = testEnvironment();
    for (const fullName of [
      '$(reboot)',
      'Ada: Lovelace',
      'Ada\nLovelace',
      'x'.repeat(10_000),
      'Ada\u001B[2J',
    ]) {
      const refused = await run(runUsersCommand, ['create', 'ada'], env, { fullName });
      expect(refused.code, JSON.stringify(fullName.slice(0, 20))).toBe(2);
      expect(refused.stderr).toContain('--full-name is not valid');
    }
    for (const email of ['ada', 'ada@', 'a b@example.org', 'ada@example.org\n', '$(id)@x.org']) {
      expect((await run(runUsersCommand, ['create', 'ada'], env, { email })).code, email).toBe(2);
    }
    const ok = await run(runUsersCommand, ['create', 'ada'], env, {
      fullName: "Ada O'Brien-Lovelace",
      email: 'ada@example.org',
    });
    expect(ok.code).toBe(0);
  });
});

describe('ownership tags changed after launch (repro 8, core side)', () => {
  it('shows the workstation as tampered and still counts it against its launcher', async () => {
    const env = testEnvironment();
    const path = join(env.HOME ?? '', 'one.yaml');
    await writeFile(path, 'max_running_per_user: 1\n');
    await run(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy: path,
    });
    expect((await run(runLaunchCommand, ['ubuntu-24-04', 'first'], env, { demo: true })).code).toBe(0);
    const statePath = join(env.CWS_STATE_DIR ?? '', 'demo-account.json');
    const state = JSON.parse(await readFile(statePath, 'utf8')) as {
      instances: { tags: Record<string, string> }[];
    };
    const tags = state.instances[0]?.tags ?? {};
    tags['cws:research-user'] = 'someone-else';
    tags['cws:profile'] = 'elsewhere';
    delete tags['cws:managed'];
    await writeFile(statePath, JSON.stringify(state));
    const listed = await run(runListCommand, [], env, { demo: true, json: true });
    const rows = JSON.parse(listed.stdout) as { name: string; tampered?: string[] }[];
    expect(rows.find((row) => row.name === 'first')?.tampered).toEqual([
      "cws:managed: launched 'true', now removed",
      "cws:profile: launched 'lab', now 'elsewhere'",
      "cws:research-user: launched 'alice', now 'someone-else'",
    ]);
    const text = await run(runListCommand, [], env, { demo: true });
    expect(text.stdout).toContain('first TAMPERED');
    const second = await run(runLaunchCommand, ['ubuntu-24-04', 'second'], env, { demo: true });
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(
      '1 workstations are already running; the policy allows at most 1 per user',
    );
  });
});
