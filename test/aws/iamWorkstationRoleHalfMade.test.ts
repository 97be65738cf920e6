import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMServiceException,
  ListAttachedRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  IamWorkstationRole,
  SSM_MANAGED_POLICY_ARN,
  WORKSTATION_INLINE_POLICY,
  WORKSTATION_INLINE_POLICY_NAME,
} from '../../source/aws/iamWorkstationRole.js';
import { validatePolicyDocument } from '../../source/core/iam/validatePolicyDocument.js';
import {
  accessDenied,
  emptyAccount,
  iam,
  iamMock,
  instanceProfile,
  noSuchEntity,
  PROFILE_ARN,
  ROLE_ARN,
  role,
} from './iamWorkstationRoleFixtures.js';
import { rejectionOf } from './rejectionOf.js';

beforeEach(() => {
  iamMock.reset();
});

describe('a half-made role from an earlier launch', () => {
  it('is finished: the missing inline policy is put and the instance profile made, without re-creating the role', async () => {
    iamMock.on(GetRoleCommand).resolves({ Role: role });
    iamMock.on(ListAttachedRolePoliciesCommand).resolves({
      AttachedPolicies: [{ PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: SSM_MANAGED_POLICY_ARN }],
    });
    iamMock.on(GetRolePolicyCommand).rejects(noSuchEntity('role policy'));
    iamMock.on(PutRolePolicyCommand).resolves({});
    iamMock.on(GetInstanceProfileCommand).rejects(noSuchEntity('instance profile'));
    iamMock.on(CreateInstanceProfileCommand).resolves({ InstanceProfile: instanceProfile([]) });
    iamMock.on(AddRoleToInstanceProfileCommand).resolves({});
    const roles = new IamWorkstationRole({ iam: () => iam });
    expect(await roles.ensureWorkstationInstanceProfile()).toBe(PROFILE_ARN);
    expect(iamMock.commandCalls(CreateRoleCommand)).toHaveLength(0);
    expect(iamMock.commandCalls(AttachRolePolicyCommand)).toHaveLength(0);
    const put = iamMock.commandCalls(PutRolePolicyCommand)[0]!.args[0].input;
    expect(validatePolicyDocument(JSON.parse(put.PolicyDocument ?? ''))).toEqual([]);
    expect(iamMock.commandCalls(AddRoleToInstanceProfileCommand)).toHaveLength(1);
  });

  it('says the role is left without its policy, and that the next launch finishes it, when IAM refuses the policy', async () => {
    emptyAccount();
    iamMock.on(PutRolePolicyCommand).rejects(
      new IAMServiceException({
        name: 'MalformedPolicyDocument',
        $fault: 'client',
        message: 'Partition "SourceInstanceARN}" is not valid for resource "arn:SourceInstanceARN}:*:*:*:*".',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const error = await rejectionOf(
      new IamWorkstationRole({ iam: () => iam }).ensureWorkstationInstanceProfile(),
    );
    expect(error.message).toContain('iam:PutRolePolicy');
    expect(error.message).toContain(
      'The role cws-tui-workstation exists without its policy cws-tui-workstation-self.',
    );
    expect(error.hint).toContain('The next launch finishes the role');
    expect(iamMock.commandCalls(CreateInstanceProfileCommand)).toHaveLength(0);
  });

  it('says the role is ready but not in its profile when the profile step fails, and the next launch finishes it', async () => {
    emptyAccount();
    iamMock
      .on(CreateInstanceProfileCommand)
      .rejectsOnce(accessDenied('iam:CreateInstanceProfile', PROFILE_ARN))
      .resolves({ InstanceProfile: instanceProfile([]) });
    const roles = new IamWorkstationRole({ iam: () => iam });
    const error = await rejectionOf(roles.ensureWorkstationInstanceProfile());
    expect(error.message).toContain('iam:CreateInstanceProfile');
    expect(error.message).toContain('The role cws-tui-workstation is ready but has no instance profile yet.');
    expect(error.hint).toContain('The next launch finishes it');
    // The next launch: the role is found (as IAM now has it), the profile made and the role put in it.
    iamMock.on(GetRoleCommand).resolves({ Role: role });
    iamMock.on(GetRolePolicyCommand).resolves({
      RoleName: 'cws-tui-workstation',
      PolicyName: WORKSTATION_INLINE_POLICY_NAME,
      PolicyDocument: encodeURIComponent(WORKSTATION_INLINE_POLICY),
    });
    iamMock.on(ListAttachedRolePoliciesCommand).resolves({
      AttachedPolicies: [{ PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: SSM_MANAGED_POLICY_ARN }],
    });
    expect(await roles.ensureWorkstationInstanceProfile()).toBe(PROFILE_ARN);
    expect(iamMock.commandCalls(CreateRoleCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(AddRoleToInstanceProfileCommand)).toHaveLength(1);
  });

  it('says the role lacks the SSM policy when attaching it is refused', async () => {
    emptyAccount();
    iamMock.on(AttachRolePolicyCommand).rejects(accessDenied('iam:AttachRolePolicy', ROLE_ARN));
    const error = await rejectionOf(
      new IamWorkstationRole({ iam: () => iam }).ensureWorkstationInstanceProfile(),
    );
    expect(error.message).toContain(
      `The role cws-tui-workstation exists without the policy ${SSM_MANAGED_POLICY_ARN}.`,
    );
    expect(error.hint).toContain('The next launch finishes the role');
    expect(error.hint).toContain('CWS_INSTANCE_PROFILE');
    expect(iamMock.commandCalls(CreateInstanceProfileCommand)).toHaveLength(0);
  });
});
