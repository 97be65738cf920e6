import { describe, expect, it } from 'vitest';
import { runIamCommand } from '../../source/commands/iamCommand.js';
import { validatePolicyDocument } from '../../source/core/iam/validatePolicyDocument.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui iam policy', () => {
  it('--json prints a document an admin can attach, for a user and for an admin', async () => {
    for (const role of ['user', 'admin']) {
      const printed = await runCommand(runIamCommand, ['policy'], testEnvironment(), {
        for: role,
        json: true,
      });
      expect(printed.code).toBe(0);
      expect(validatePolicyDocument(JSON.parse(printed.stdout))).toEqual([]);
    }
  });

  it('explains how members are kept apart before the document', async () => {
    const printed = await runCommand(runIamCommand, ['policy'], testEnvironment(), { for: 'user' });
    expect(printed.stdout).toMatch(/^# Tag each member's IAM user or role .*cws:research-user=/);
    expect(JSON.parse(printed.stdout.replace(/^#.*\n/gm, '')).Version).toBe('2012-10-17');
  });

  it("--team-store puts the lab's table, and only it, in a member's policy; without it the notes say how", async () => {
    const printed = await runCommand(runIamCommand, ['policy'], testEnvironment(), {
      for: 'user',
      teamStore: 'lab-team',
      json: true,
    });
    const document = JSON.parse(printed.stdout);
    expect(validatePolicyDocument(document)).toEqual([]);
    expect(printed.stdout).toContain('"arn:aws:dynamodb:*:*:table/lab-team"');
    expect(printed.stdout).not.toContain('table/*');
    expect(printed.stderr).toBe('');
    const bare = await runCommand(runIamCommand, ['policy'], testEnvironment(), { for: 'user' });
    expect(bare.stdout).toContain('# No team store statements: give --team-store TABLE');
    expect(bare.stdout).not.toContain('dynamodb:');
  });

  it('refuses a --team-store that is no DynamoDB table name as a usage error', async () => {
    await expect(
      runCommand(runIamCommand, ['policy'], testEnvironment(), { for: 'user', teamStore: 'a b' }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining("got 'a b'") });
  });

  it('refuses a missing or unknown --for as a usage error', async () => {
    await expect(runCommand(runIamCommand, ['policy'], testEnvironment())).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(runCommand(runIamCommand, ['policy'], testEnvironment(), { for: 'root' })).rejects.toThrow(
      /--for is user or admin \(got 'root'\)/,
    );
  });
});
