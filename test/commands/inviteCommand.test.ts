import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInviteCommand } from '../../source/commands/inviteCommand.js';
import { runPolicyCommand } from '../../source/commands/policyCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const labPolicy = fileURLToPath(new URL('../fixtures/policies/lab.yaml', import.meta.url));

async function adminEnvironment(): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  await runCommand(runProfilesCommand, ['create', 'ops'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    admin: true,
  });
  return env;
}

async function writePolicy(env: NodeJS.ProcessEnv, name: string, text: string): Promise<string> {
  const path = join(env.HOME ?? '', name);
  await writeFile(path, text);
  return path;
}

async function invite(
  env: NodeJS.ProcessEnv,
  profileName: string,
  flags: Record<string, unknown>,
): Promise<string> {
  const outcome = await runCommand(runInviteCommand, ['create', profileName], env, { json: true, ...flags });
  return (JSON.parse(outcome.stdout) as { token: string }).token;
}

describe('cws-tui invite', () => {
  it('hands on a budget in the cost format, never a larger one than the inviter has', async () => {
    const admin = await adminEnvironment();
    const created = await runCommand(runInviteCommand, ['create', 'lab'], admin, {
      json: true,
      user: 'alice',
      budget: 150,
      canInvite: true,
    });
    const budget = { monthly_limit: 150, thresholds: [50, 80, 100], actions: {}, auto: false };
    const { token, budget: handedOn } = JSON.parse(created.stdout) as { token: string; budget: unknown };
    expect(handedOn).toEqual(budget);

    const alice = testEnvironment();
    await runCommand(runInviteCommand, ['accept', token], alice);
    const profile = JSON.parse(
      (await runCommand(runProfilesCommand, ['current'], alice, { json: true })).stdout,
    );
    expect(profile.budget).toEqual(budget);
    await expect(invite(alice, 'student', { user: 'bob', budget: 500 })).rejects.toThrow(
      /smaller budget than the profile's own:\n {2}budget: \$500\.00 a month is above the inviter's \$150\.00/,
    );
    const inherited = JSON.parse(
      (await runCommand(runInviteCommand, ['create', 'student'], alice, { json: true, user: 'bob' })).stdout,
    ) as { budget: unknown };
    expect(inherited.budget).toEqual(budget);
  });

  it('hands a policy down a chain that only narrows, and policy show displays the chain', async () => {
    const admin = await adminEnvironment();
    const token = await invite(admin, 'lab', {
      user: 'alice',
      policy: labPolicy,
      canInvite: true,
      region: 'us-west-2',
    });

    const alice = testEnvironment();
    const accepted = await runCommand(runInviteCommand, ['accept', token], alice, { fullName: 'Alice A' });
    expect(accepted.stdout).toContain("created the invited profile 'lab' (lab, us-west-2)");
    expect(accepted.stdout).toContain("created research user 'alice' with UID 5000");
    expect(accepted.stdout).toMatch(/root of the chain: ops, key SHA256:/);

    const wider = await writePolicy(alice, 'wider.yaml', 'instance_types:\n  allow: ["*"]\nmax_vcpus: 64\n');
    await expect(invite(alice, 'student', { user: 'bob', policy: wider })).rejects.toThrow(
      /only hand on the same or a narrower policy[\s\S]*max_vcpus: 64 is above the parent's 16/,
    );
    const narrower = await writePolicy(
      alice,
      'narrower.yaml',
      [
        'templates: {allow: ["python-*"], deny: ["*-gpu"]}',
        'instance_types: {allow: ["t3.*"], deny: ["p5.*"]}',
        'regions: {allow: [us-west-2]}',
        'max_vcpus: 4',
        'max_gpus: 0',
        'max_memory_gib: 16',
        'max_hourly_cost: 0.25',
        'monthly_budget: 100',
        'spot: required',
        'max_running_per_user: 1',
        'service_types: [ec2]',
        'max_ebs_gb: 100',
        'required_tags: [project, grant]',
        '',
      ].join('\n'),
    );
    const second = await invite(alice, 'student', { user: 'bob', policy: narrower });

    const bob = testEnvironment();
    const bobAccepted = JSON.parse(
      (await runCommand(runInviteCommand, ['accept', second], bob, { json: true })).stdout,
    ) as Record<string, unknown>;
    expect(bobAccepted).toMatchObject({
      profile: 'student',
      research_user: 'bob',
      uid: 5000,
      can_invite: false,
    });
    expect((bobAccepted.chain as Array<{ issuer: string }>).map((link) => link.issuer)).toEqual([
      'ops',
      'alice',
    ]);

    const shown = await runCommand(runPolicyCommand, ['show'], bob);
    expect(shown.stdout).toContain('policy of profile student (invited):');
    expect(shown.stdout).toMatch(
      /handed down by \(root first\):\n {2}1\. ops {2}SHA256:\S+ {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
    );
    expect(shown.stdout).toMatch(/ {2}2\. alice {2}SHA256:/);
    expect(shown.stdout).toContain(
      'the chain is intact: every link is signed and only narrows the one before',
    );

    await expect(invite(bob, 'x', { user: 'carol' })).rejects.toThrow(
      "the profile 'student' may not invite others",
    );
  });

  it('refuses a tampered token with the reason', async () => {
    const admin = await adminEnvironment();
    const token = await invite(admin, 'lab', { user: 'alice', policy: labPolicy });
    const [body, signature] = token.split('.');
    const payload = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<string, unknown>;
    payload.policy = {};
    const tampered = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    const alice = testEnvironment();
    await expect(runCommand(runInviteCommand, ['accept', tampered], alice)).rejects.toThrow(
      'the invitation signature does not match its content: the token was altered after it was signed',
    );
    const listed = await runCommand(runProfilesCommand, ['list'], alice, { json: true });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it('explains bad input', async () => {
    const admin = await adminEnvironment();
    await expect(runCommand(runInviteCommand, ['accept', 'not-a-token'], admin)).rejects.toThrow(
      'this is not an invitation token',
    );
    await expect(invite(admin, 'lab', { expires: 'tomorrow' })).rejects.toThrow(
      '--expires takes a duration like 7d',
    );
    await expect(invite(admin, 'lab', { expires: '2020-01-01' })).rejects.toThrow(
      '--expires must be in the future',
    );
    await expect(invite(admin, 'lab', { user: 'ubuntu' })).rejects.toThrow('--user: "ubuntu" is a system');
    await expect(invite(testEnvironment(), 'lab', {})).rejects.toThrow('no profile is current');
    const token = await invite(admin, 'lab', {});
    await expect(runCommand(runInviteCommand, ['accept', token], testEnvironment())).rejects.toThrow(
      'give one with --user <username>',
    );
  });
});
