import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../source/commands/CliError.js';
import { runPolicyCommand } from '../../source/commands/policyCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/policies/${name}`, import.meta.url));

describe('cws-tui policy test', () => {
  it('exits 0 for an allowed launch and lists the rules it checked', async () => {
    const outcome = await runCommand(runPolicyCommand, ['test'], testEnvironment(), {
      policy: fixture('lab.yaml'),
      template: 'python-ml',
      type: 't3.large',
      region: 'us-east-1',
      tag: ['project=genomics', 'grant=NSF-1'],
    });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(
      /^ALLOWED: python-ml on t3\.large in us-east-1 \(on-demand, \$0\.0832\/h\)/,
    );
    expect(outcome.stdout).toContain('note: monthly_budget is checked at launch');
  });

  it('exits 3 for a denied launch, printing each violation and suggestion', async () => {
    const outcome = await runCommand(runPolicyCommand, ['test'], testEnvironment(), {
      policy: fixture('lab.yaml'),
      template: 'python-ml',
      type: 'm7i.4xlarge',
      region: 'eu-west-1',
      spot: true,
      tag: ['project=genomics', 'grant=NSF-1'],
    });
    expect(outcome.code).toBe(EXIT.denied);
    expect(outcome.stdout).toContain(
      "  x instance_types.allow: the instance type 'm7i.4xlarge' matches none of the allowed patterns (t3.*, m7i.large, m7i.xlarge)",
    );
    expect(outcome.stdout).toContain(
      "  x regions.allow: the region 'eu-west-1' matches none of the allowed patterns",
    );
    expect(outcome.stdout).toContain('  - use m7i.xlarge (4 vCPU, 16 GiB');
    expect(outcome.stdout).toContain('  - use a region the policy allows: us-east-1, us-west-2');
  });

  it('prints the verdict as JSON', async () => {
    const outcome = await runCommand(runPolicyCommand, ['test'], testEnvironment(), {
      policy: fixture('lab.yaml'),
      template: 'python-gpu',
      type: 'p5.48xlarge',
      region: 'us-east-1',
      json: true,
    });
    expect(outcome.code).toBe(EXIT.denied);
    const verdict = JSON.parse(outcome.stdout) as {
      allowed: boolean;
      violations: Array<{ rule: string; unverified: boolean }>;
      notes: string[];
    };
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations.map((violation) => violation.rule)).toEqual(
      expect.arrayContaining([
        'templates.deny',
        'instance_types.deny',
        'max_vcpus',
        'max_gpus',
        'required_tags',
      ]),
    );
    expect(verdict.notes).toContain(
      "the template 'python-gpu' is not on the template search path; its slug was checked as given",
    );
  });

  it("uses the current profile's policy and region", async () => {
    const env = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'x',
      region: 'us-west-2',
      policy: fixture('lab.yaml'),
    });
    const outcome = await runCommand(runPolicyCommand, ['test'], env, {
      template: 'r-research',
      type: 'm7i.large',
    });
    expect(outcome.stdout).toMatch(
      /^DENIED: r-research on m7i\.large in us-west-2 .* under the policy of profile lab/,
    );
    expect(outcome.stdout).toContain('required_tags');
  });

  it('says the empty policy allows everything', async () => {
    const outcome = await runCommand(runPolicyCommand, ['test'], testEnvironment(), {
      template: 'python-ml',
      type: 'p5.48xlarge',
      region: 'us-east-1',
    });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('note: the policy is empty: everything is allowed');
  });

  it('explains bad input', async () => {
    const env = testEnvironment();
    const missing = await runCommand(runPolicyCommand, ['test'], env, { template: 'python-ml' }).catch(
      (error: unknown) => error,
    );
    expect(missing).toBeInstanceOf(CliError);
    expect((missing as CliError).exitCode).toBe(EXIT.usage);
    // Without a profile or --region, a launch would go to the default region: so does the test.
    const defaulted = await runCommand(runPolicyCommand, ['test'], env, {
      template: 'python-ml',
      type: 't3.large',
    });
    expect(defaulted.stdout).toMatch(/ALLOWED: python-ml on t3\.large in us-east-1/);
    await expect(
      runCommand(runPolicyCommand, ['show'], env, { policy: fixture('malformed.yaml') }),
    ).rejects.toThrow(/malformed\.yaml:5:7: spot: /);
    await expect(
      runCommand(runPolicyCommand, ['test'], env, {
        template: 'a',
        type: 'b',
        region: 'us-east-1',
        tag: ['oops'],
      }),
    ).rejects.toThrow("--tag takes key=value (got 'oops')");
  });
});

describe('cws-tui policy show', () => {
  it('shows a policy file as rules and as JSON', async () => {
    const env = testEnvironment();
    const text = await runCommand(runPolicyCommand, ['show'], env, { policy: fixture('lab.yaml') });
    expect(text.stdout).toContain('  max_hourly_cost: at most $1.00/h\n');
    const json = JSON.parse(
      (await runCommand(runPolicyCommand, ['show'], env, { policy: fixture('lab.yaml'), json: true })).stdout,
    ) as {
      policy: Record<string, unknown>;
      chain: unknown[];
    };
    expect(json.policy.max_vcpus).toBe(16);
    expect(json.chain).toEqual([]);
  });

  it('shows that no policy applies without a profile', async () => {
    const outcome = await runCommand(runPolicyCommand, ['show'], testEnvironment());
    expect(outcome.stdout).toBe(
      'policy of none (no profile is set up):\n  no rules: everything is allowed\n',
    );
  });
});
