import { describe, expect, it } from 'vitest';
import { runDoctorCommand } from '../../source/commands/doctorCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui doctor on the demo account', () => {
  it('says it is the demo and checks the local parts', async () => {
    const outcome = await runCommand(
      runDoctorCommand,
      [],
      { ...testEnvironment(), PATH: '/nonexistent' },
      { json: true },
    );
    const report = JSON.parse(outcome.stdout) as {
      account_kind: string;
      checks: Array<{ name: string; status: string }>;
    };
    expect(report.account_kind).toBe('demo');
    expect(report.checks[0]?.name).toBe('account');
    expect(report.checks.find((entry) => entry.name === 'network')?.status).toBe('ok');
    expect(report.checks.find((entry) => entry.name === 'session-manager-plugin on PATH')?.status).toBe(
      'warning',
    );
    expect(outcome.code).toBe(0);
  });

  it('fails with the fix when the region has no default VPC and nothing is recorded', async () => {
    const env = { ...testEnvironment(), CWS_DEMO_FAULTS: 'no-default-vpc=us-east-1' };
    const outcome = await runCommand(runDoctorCommand, [], env);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('FAIL  network: us-east-1 has no default VPC and no subnet is recorded');
    expect(outcome.stdout).toContain(
      'fix: Run `cws-tui network use <subnet-id> --region us-east-1` or `cws-tui network create --region us-east-1`.',
    );
  });
});
