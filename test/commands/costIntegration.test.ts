import { describe, expect, it, vi } from 'vitest';
import { openSession } from '../../source/app/session/openSession.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { runPolicyCommand } from '../../source/commands/policyCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { ConfigStore } from '../../source/core/config/ConfigStore.js';
import type { Profile } from '../../source/core/config/profileSchema.js';
import { budgetSchema } from '../../source/core/cost/Budget.js';
import { roundUsdPerHour } from '../../source/core/cost/formatUsd.js';
import { snapshotPriceCatalog } from '../../source/core/cost/priceTable.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const T3_LARGE = snapshotPriceCatalog.instanceHourly('t3.large', 'us-east-1')?.usd_per_hour ?? Number.NaN;
const GP3 = snapshotPriceCatalog.storageMonthly('gp3', 'us-east-1')?.usd_per_gb_month ?? Number.NaN;

/** A demo-account environment whose current profile has the given discounts (and billed spend on). */
async function profileWith(discount: string[]): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  await runCommand(runProfilesCommand, ['create', 'lab'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    discount,
    costExplorer: true,
  });
  return env;
}

describe('the profile discounts every price shown, once', () => {
  it('shows one discounted figure in launch --json, list --json and cost --json', async () => {
    const env = await profileWith(['ec2=10', 'ebs=5']);
    const launched = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'thesis'], env, {
      demo: true,
      type: 't3.large',
      rootVolume: 40,
      json: true,
    });
    expect(launched.code).toBe(0);
    const estimate = JSON.parse(launched.stdout).estimate as { hourly: number; note: string };
    const expected = T3_LARGE * 0.9 + (40 * GP3 * 0.95) / 730;
    expect(estimate.hourly).toBe(roundUsdPerHour(expected));
    expect(estimate.note).toContain("includes the institution's 10% discount");

    const rows = JSON.parse(
      (await runCommand(runListCommand, [], env, { demo: true, json: true })).stdout,
    ) as Array<{
      hourly_cost: number;
    }>;
    expect(rows.map((row) => row.hourly_cost)).toEqual([roundUsdPerHour(expected)]);

    const cost = JSON.parse(
      (await runCommand(runCostCommand, [], env, { demo: true, json: true })).stdout,
    ) as { burn_rate_per_hour: number; billed: { error?: string } | null; notes: string[] };
    expect(cost.burn_rate_per_hour).toBe(roundUsdPerHour(expected));
    expect(cost.billed?.error).toMatch(/not available on the demo account/);
    expect(cost.notes).toContain(
      'billed spend: not available on the demo account (it has no bill): the figures are estimates',
    );
  });

  it('prices policy test with the discount, and says so', async () => {
    const env = await profileWith(['ec2=25']);
    const tested = JSON.parse(
      (
        await runCommand(runPolicyCommand, ['test'], env, {
          template: 'ubuntu-24-04',
          type: 't3.large',
          json: true,
        })
      ).stdout,
    ) as { hourly_cost: number; notes: string[] };
    expect(tested.hourly_cost).toBeCloseTo(T3_LARGE * 0.75, 10);
    expect(tested.notes).toContain("prices include the institution's 25% discount");
  });

  it('previews a spot launch at the same discounted figure the launch then estimates', async () => {
    const env = await profileWith(['ec2=10', 'ebs=5']);
    const session = await openSession({ env, demo: true });
    const request = {
      template: 'ubuntu-24-04',
      name: 'same',
      instance_type: 't3.large',
      spot: true,
      hibernation: false,
    };
    const preview = await session.previewLaunch(request);
    const launched = await session.launch(request);
    expect(preview.estimate?.hourly).toBeCloseTo(launched.estimate.hourly, 12);
    expect(launched.estimate.breakdown.compute.hourly).toBeCloseTo(T3_LARGE * 0.3 * 0.9, 12);
  });

  it('estimates a spot launch on the demo with its simulated spot price, discounted', async () => {
    const env = await profileWith(['ec2=10']);
    const launched = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'cheap'], env, {
      demo: true,
      type: 't3.large',
      rootVolume: 20,
      spot: true,
      json: true,
    });
    const estimate = JSON.parse(launched.stdout).estimate as { hourly: number; note: string };
    expect(estimate.hourly).toBe(roundUsdPerHour(T3_LARGE * 0.3 * 0.9 + (20 * GP3) / 730));
    expect(estimate.note).toBe(
      "simulated spot price of the demo account: 30% of on-demand; includes the institution's 10% discount",
    );
    // Running, it is priced at that spot price everywhere: the dashboard's $/h and the burn rate.
    const rows = JSON.parse(
      (await runCommand(runListCommand, [], env, { demo: true, json: true })).stdout,
    ) as Array<{
      hourly_cost: number;
    }>;
    expect(rows.map((row) => row.hourly_cost)).toEqual([estimate.hourly]);
    const cost = JSON.parse(
      (await runCommand(runCostCommand, [], env, { demo: true, json: true })).stdout,
    ) as {
      burn_rate_per_hour: number;
    };
    expect(cost.burn_rate_per_hour).toBe(estimate.hourly);
  });
});

describe("a launch is checked against this month's spend", () => {
  const profile = (overrides: Partial<Profile>): Profile => ({
    name: 'lab',
    aws_profile: 'lab',
    region: 'us-east-1',
    policy: {},
    policy_chain: [],
    kind: 'personal',
    role: 'member',
    can_invite: false,
    created_at: '2026-11-01T00:00:00Z',
    ...overrides,
  });

  it("gives the policy's monthly budget rule the month's spend and projection", async () => {
    const env = testEnvironment();
    ConfigStore.open(String(env.CWS_CONFIG_DIR)).addProfile(profile({ policy: { monthly_budget: 1000 } }));
    const allowed = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'fits'], env, {
      demo: true,
      json: true,
    });
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).policy.allowed).toBe(true);

    const tight = testEnvironment();
    ConfigStore.open(String(tight.CWS_CONFIG_DIR)).addProfile(profile({ policy: { monthly_budget: 0.01 } }));
    const denied = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'big'], tight, {
      demo: true,
      json: true,
    });
    expect(denied.code).toBe(3);
    expect(JSON.parse(denied.stdout).violations).toEqual([
      expect.objectContaining({
        rule: 'monthly_budget',
        message: expect.stringMatching(/projected at .* above the monthly budget of \$0\.01/),
      }),
    ]);
  });

  it('refuses a launch once the profile budget has passed a blocking threshold', async () => {
    const env = testEnvironment();
    const budget = budgetSchema.parse({
      monthly_limit: 0.0000001,
      thresholds: [100],
      actions: { '100': 'block' },
    });
    ConfigStore.open(String(env.CWS_CONFIG_DIR)).addProfile(profile({ budget }));
    expect((await runCommand(runLaunchCommand, ['ubuntu-24-04', 'first'], env, { demo: true })).code).toBe(0);
    // Spend accrues with the demo clock: wait until the cost report says the budget blocks.
    await vi.waitFor(
      async () => {
        const cost = JSON.parse(
          (await runCommand(runCostCommand, [], env, { demo: true, json: true })).stdout,
        ) as {
          budget?: { block_reason?: string };
        };
        expect(cost.budget?.block_reason).toMatch(/blocks new launches/);
      },
      { timeout: 10_000, interval: 20 },
    );
    await expect(
      runCommand(runLaunchCommand, ['ubuntu-24-04', 'second'], env, { demo: true }),
    ).rejects.toThrow(/at 100% the budget blocks new launches/);
  });
});
