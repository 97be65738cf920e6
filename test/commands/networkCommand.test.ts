import { describe, expect, it } from 'vitest';
import type { CliError } from '../../source/commands/CliError.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runNetworkCommand } from '../../source/commands/networkCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

async function failure(promise: Promise<unknown>): Promise<CliError | Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(Error);
  return outcome as Error;
}

describe('cws-tui network', () => {
  it('shows the default VPC, records a subnet and an SSH CIDR, and launch uses them', async () => {
    const env = testEnvironment();
    const shown = await runCommand(runNetworkCommand, ['show'], env, { json: true });
    const overview = JSON.parse(shown.stdout) as {
      vpcs: Array<{ is_default: boolean; subnets: Array<{ id: string; public: boolean }> }>;
      recorded: unknown;
    };
    expect(overview.vpcs[0]?.is_default).toBe(true);
    expect(overview.recorded).toBeNull();
    const subnet = overview.vpcs[0]?.subnets[1]?.id ?? '';

    const used = await runCommand(runNetworkCommand, ['use', subnet], env, { sshCidr: '203.0.113.0/24' });
    expect(used.stdout).toContain(`launches into ${subnet}`);
    expect(used.stdout).toContain('SSH is allowed from 203.0.113.0/24');
    const text = await runCommand(runNetworkCommand, ['show'], env);
    expect(text.stdout).toMatch(new RegExp(`\\*\\s+${subnet}`));
    expect(text.stdout).toContain('SSH is allowed from 203.0.113.0/24 only.');

    const launched = await runCommand(runLaunchCommand, ['python-ml', 'netcheck'], env, { size: 'S' });
    expect(launched.code).toBe(0);
    expect(launched.stderr).toContain(`subnet ${subnet}`);
  });

  it('refuses SSH from the world and wide ranges without --force, as a usage error', async () => {
    const env = testEnvironment();
    const world = await failure(runCommand(runNetworkCommand, ['use'], env, { sshCidr: '0.0.0.0/0' }));
    expect(world.message).toContain('whole internet');
    expect((world as CliError).exitCode).toBe(2);
    const wide = await failure(runCommand(runNetworkCommand, ['use'], env, { sshCidr: '10.0.0.0/8' }));
    expect(wide.message).toContain('--force');
    const forced = await runCommand(runNetworkCommand, ['use'], env, { sshCidr: '10.0.0.0/8', force: true });
    expect(forced.code).toBe(0);
  });

  it('records where laptops reach this machine (--laptop-host), refuses a bad one, and clears it with none', async () => {
    const env = testEnvironment();
    const bad = await failure(
      runCommand(runNetworkCommand, ['use'], env, { laptopHost: '-oProxyCommand=x' }),
    );
    expect((bad as CliError).exitCode).toBe(2);
    expect(bad.message).toContain('--laptop-host');
    const set = await runCommand(runNetworkCommand, ['use'], env, {
      laptopHost: 'ana@bastion.example.org:2222',
    });
    expect(set.stdout).toContain('the laptop command of connect goes to ana@bastion.example.org:2222');
    const shown = await runCommand(runNetworkCommand, ['use'], env, { laptopHost: 'none', json: true });
    expect(JSON.parse(shown.stdout)).not.toHaveProperty('laptop_host');
  });

  it('refuses a subnet that is not in the region', async () => {
    const env = testEnvironment();
    const error = await failure(runCommand(runNetworkCommand, ['use', 'subnet-0123456789abcdef0'], env));
    expect(error.message).toContain('does not exist in us-east-1');
    expect(error.message).toContain('cws-tui network show');
  });

  it('without a default VPC: launch names both commands, create makes one and launch then works', async () => {
    const env = { ...testEnvironment(), CWS_DEMO_FAULTS: 'no-default-vpc=us-east-1' };
    const refused = await failure(runCommand(runLaunchCommand, ['python-ml', 'first'], env, { size: 'S' }));
    expect(`${refused.message} ${'hint' in refused ? refused.hint : ''}`).toMatch(
      /no default VPC[\s\S]*cws-tui network use <subnet-id>[\s\S]*cws-tui network create/,
    );
    const unconfirmed = await failure(runCommand(runNetworkCommand, ['create'], env));
    expect(unconfirmed.message).toContain('--yes');
    const created = await runCommand(runNetworkCommand, ['create'], env, { yes: true });
    expect(created.stdout).toMatch(/^created the network vpc-0[0-9a-f]+ in us-east-1/);
    expect(created.stdout).toContain("profile 'demo' launches into subnet-");
    const again = await runCommand(runNetworkCommand, ['create'], env, { yes: true });
    expect(again.stdout).toContain('already exists');
    const launched = await runCommand(runLaunchCommand, ['python-ml', 'first'], env, { size: 'S' });
    expect(launched.code).toBe(0);
  });
});
