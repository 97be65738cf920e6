import { describe, expect, it } from 'vitest';
import { CloudError } from '../../../source/core/CloudError.js';
import type { DoctorProbes } from '../../../source/core/doctor/DoctorCheck.js';
import { simulatablePrincipal } from '../../../source/core/doctor/DoctorCheck.js';
import { awsChecks } from '../../../source/core/doctor/doctorChecks.js';

const identity = async () => ({
  account: '123456789012',
  arn: 'arn:aws:sts::123456789012:assumed-role/LabMember/ana@example.org',
  user_id: 'AROAEXAMPLE:ana@example.org',
});

function probes(overrides: Partial<DoctorProbes> = {}): DoctorProbes {
  return {
    simulate: async (_principal, actions) => Object.fromEntries(actions.map((action) => [action, true])),
    dryRun: async () => undefined,
    quota: async () => 64,
    priceList: async () => {},
    ...overrides,
  };
}

const run = (overrides: Partial<DoctorProbes> = {}) =>
  awsChecks({
    identity,
    credentialSource: "the AWS profile 'lab'",
    region: 'eu-west-1',
    costExplorer: false,
    probes: probes(overrides),
  });

describe('doctor on AWS', () => {
  it('simulates the role behind an SSO session', async () => {
    expect(simulatablePrincipal('arn:aws:sts::123456789012:assumed-role/LabMember/ana@example.org')).toBe(
      'arn:aws:iam::123456789012:role/LabMember',
    );
    const checks = await run();
    expect(checks.map((entry) => entry.status)).not.toContain('failing');
    expect(checks[0]?.detail).toContain("from the AWS profile 'lab'");
  });

  it('names each denied action with its task and the fix', async () => {
    const checks = await run({
      simulate: async (_principal, actions) =>
        Object.fromEntries(actions.map((action) => [action, action !== 'ec2:RunInstances'])),
    });
    const permissions = checks.find((entry) => entry.name === 'permissions');
    expect(permissions).toMatchObject({
      status: 'failing',
      detail: expect.stringContaining('denied ec2:RunInstances (launch)'),
    });
    expect(permissions?.fix).toContain('cws-tui iam policy --for user');
  });

  it('falls back to dry runs when it may not simulate: allowed, denied and not checked are each named', async () => {
    const denied = new CloudError({
      kind: 'unauthorized',
      code: 'AccessDenied',
      message: 'Not permitted: iam:SimulatePrincipalPolicy.',
      hint: 'Ask.',
    });
    const asked: string[] = [];
    const dryRunOf = (refuse: string[]) => async (region: string, action: string, subnetId?: string) => {
      asked.push(`${region} ${action} ${subnetId ?? '-'}`);
      if (action.startsWith('iam:') || action.endsWith('CreateAccessPoint') || action.endsWith('DomainUrl'))
        return undefined;
      return !refuse.includes(action);
    };
    const allowed = await awsChecks({
      identity,
      credentialSource: 'the environment',
      region: 'eu-west-1',
      costExplorer: false,
      subnetId: 'subnet-0aaa1111bbbb2222c',
      probes: probes({ simulate: async () => Promise.reject(denied), dryRun: dryRunOf([]) }),
    });
    const ok = allowed.find((entry) => entry.name === 'permissions');
    expect(ok?.status).toBe('ok');
    expect(ok?.detail).toMatch(
      /^dry runs in eu-west-1: ec2:DescribeInstances, .*ec2:RunInstances, .* allowed/,
    );
    expect(ok?.detail).toContain('not checked: iam:PassRole, elasticfilesystem:CreateAccessPoint');
    expect(ok?.detail).toContain(
      'IAM simulation is not allowed (Not permitted: iam:SimulatePrincipalPolicy.)',
    );
    expect(asked).toContain('eu-west-1 ec2:RunInstances subnet-0aaa1111bbbb2222c');

    const refused = await run({
      simulate: async () => Promise.reject(denied),
      dryRun: dryRunOf(['ec2:RunInstances', 'sagemaker:ListDomains']),
    });
    expect(refused.find((entry) => entry.name === 'permissions')).toMatchObject({
      status: 'failing',
      detail: expect.stringContaining('denied ec2:RunInstances (launch), sagemaker:ListDomains (SageMaker)'),
      fix: expect.stringContaining('cws-tui iam policy --for user'),
    });
  });

  it('warns, not fails, when it may not simulate, read quotas or prices', async () => {
    const denied = new CloudError({
      kind: 'unauthorized',
      code: 'AccessDenied',
      message: 'Not permitted: iam:SimulatePrincipalPolicy.',
      hint: 'Ask.',
    });
    const checks = await run({
      simulate: async () => Promise.reject(denied),
      quota: async () => Promise.reject(denied),
      priceList: async () => Promise.reject(denied),
    });
    expect(checks.find((entry) => entry.name === 'permissions')).toMatchObject({
      status: 'warning',
      detail: expect.stringContaining('could not be checked: IAM simulation is not allowed'),
    });
    expect(
      checks.filter((entry) => entry.name.startsWith('vCPU')).every((entry) => entry.status === 'warning'),
    ).toBe(true);
    expect(checks.find((entry) => entry.name === 'Price List')?.status).toBe('warning');
  });

  it('a zero GPU quota is a warning with the quota code to raise; a zero standard quota fails', async () => {
    const checks = await run({ quota: async (_region, _service, code) => (code === 'L-1216C47A' ? 0 : 0) });
    expect(checks.find((entry) => entry.name.startsWith('vCPU quota standard'))?.status).toBe('failing');
    expect(checks.find((entry) => entry.name === 'vCPU quota P')).toMatchObject({
      status: 'warning',
      fix: expect.stringContaining('L-417A185B'),
    });
  });

  it('stops after a failing identity: nothing else can be asked', async () => {
    const checks = await awsChecks({
      identity: async () =>
        Promise.reject(
          new CloudError({
            kind: 'no-credentials',
            code: 'X',
            message: 'No AWS credentials were found.',
            hint: 'Run aws configure.',
          }),
        ),
      credentialSource: 'the environment',
      region: 'eu-west-1',
      costExplorer: false,
      probes: probes(),
    });
    expect(checks).toEqual([
      {
        name: 'credentials and identity',
        status: 'failing',
        detail: 'No AWS credentials were found.',
        fix: 'Run aws configure.',
      },
      { name: 'region', status: 'ok', detail: 'eu-west-1' },
    ]);
  });
});
