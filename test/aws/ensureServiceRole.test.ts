import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureServiceRole, type ServiceRoleSpec } from '../../source/aws/ensureServiceRole.js';
import { iam, iamMock, mockRoleWrites } from './iamFixtures.js';
import { rejectionOf } from './rejectionOf.js';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/lab-batch';
const role = {
  RoleName: 'lab-batch',
  Path: '/',
  RoleId: 'AROAEXAMPLE0002',
  Arn: ROLE_ARN,
  CreateDate: new Date(0),
};
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }],
});
const spec: ServiceRoleSpec = {
  name: 'lab-batch',
  description: 'batch jobs',
  trustedService: 'batch.amazonaws.com',
  managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/AWSBatchFullAccess'],
  inlinePolicies: { logs: POLICY },
};

beforeEach(mockRoleWrites);

describe('ensureServiceRole', () => {
  it('creates the role at the default path when none is given, trusted by the one service', async () => {
    iamMock.on(GetRoleCommand).rejects(new NoSuchEntityException({ message: 'no role', $metadata: {} }));
    iamMock.on(CreateRoleCommand).resolves({ Role: role });
    iamMock
      .on(GetRolePolicyCommand)
      .rejects(new NoSuchEntityException({ message: 'no policy', $metadata: {} }));

    expect(await ensureServiceRole(iam, spec)).toBe(ROLE_ARN);
    const input = iamMock.commandCalls(CreateRoleCommand)[0]!.args[0].input;
    expect(input.Path).toBeUndefined();
    expect(JSON.parse(input.AssumeRolePolicyDocument ?? '').Statement[0].Principal).toEqual({
      Service: 'batch.amazonaws.com',
    });
    expect(iamMock.commandCalls(AttachRolePolicyCommand).map((call) => call.args[0].input.PolicyArn)).toEqual(
      spec.managedPolicyArns,
    );
    expect(iamMock.commandCalls(PutRolePolicyCommand)[0]!.args[0].input).toEqual({
      RoleName: 'lab-batch',
      PolicyName: 'logs',
      PolicyDocument: POLICY,
    });
  });

  it('attaches only the managed policies missing, and rewrites an inline policy IAM cannot parse back', async () => {
    iamMock.on(GetRoleCommand).resolves({ Role: role });
    iamMock.on(ListAttachedRolePoliciesCommand).resolves({
      AttachedPolicies: [
        { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', PolicyName: 'ReadOnlyAccess' },
      ],
    });
    iamMock
      .on(GetRolePolicyCommand)
      .resolves({ RoleName: 'lab-batch', PolicyName: 'logs', PolicyDocument: '%7B' });

    await ensureServiceRole(iam, spec);
    expect(iamMock.commandCalls(AttachRolePolicyCommand).map((call) => call.args[0].input.PolicyArn)).toEqual(
      ['arn:aws:iam::aws:policy/AWSBatchFullAccess'],
    );
    expect(iamMock.commandCalls(PutRolePolicyCommand)).toHaveLength(1);
  });

  it('reads no inline policy when the role has none', async () => {
    iamMock.on(GetRoleCommand).resolves({ Role: role });
    await ensureServiceRole(iam, { ...spec, inlinePolicies: undefined });
    expect(iamMock.commandCalls(GetRolePolicyCommand)).toHaveLength(0);
  });

  it('reports a failed look-up after a lost create race as the look-up', async () => {
    iamMock.on(GetRoleCommand).rejects(new NoSuchEntityException({ message: 'no role', $metadata: {} }));
    iamMock.on(CreateRoleCommand).rejects(
      new EntityAlreadyExistsException({
        message: 'Role with name lab-batch already exists.',
        $metadata: {},
      }),
    );

    const error = await rejectionOf(ensureServiceRole(iam, spec, 'lab'));
    expect(error.message).toContain('iam:GetRole');
    expect(iamMock.commandCalls(GetRoleCommand)).toHaveLength(2);
  });
});

describe('ensureServiceRole in another partition', () => {
  it("attaches the managed policies' copies in the role's partition", async () => {
    iamMock
      .on(GetRoleCommand)
      .resolves({ Role: { ...role, Arn: 'arn:aws-us-gov:iam::123456789012:role/lab-batch' } });
    iamMock.on(GetRolePolicyCommand).resolves({
      RoleName: 'lab-batch',
      PolicyName: 'logs',
      PolicyDocument: encodeURIComponent(POLICY),
    });

    expect(await ensureServiceRole(iam, spec)).toBe('arn:aws-us-gov:iam::123456789012:role/lab-batch');
    expect(iamMock.commandCalls(AttachRolePolicyCommand).map((call) => call.args[0].input.PolicyArn)).toEqual(
      ['arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess', 'arn:aws-us-gov:iam::aws:policy/AWSBatchFullAccess'],
    );
    expect(iamMock.commandCalls(PutRolePolicyCommand)).toHaveLength(0);
  });
});
