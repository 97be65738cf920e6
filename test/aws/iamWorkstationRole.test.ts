import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
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
import { workstationRolePolicy } from '../../source/core/iam/workstationRolePolicy.js';
import {
  accessDenied,
  alreadyExists,
  emptyAccount,
  iam,
  iamMock,
  instanceProfile,
  noSuchEntity,
  PROFILE_ARN,
  preparedAccount,
  ROLE_ARN,
  role,
} from './iamWorkstationRoleFixtures.js';
import { rejectionOf } from './rejectionOf.js';

beforeEach(() => {
  iamMock.reset();
});

describe('IamWorkstationRole.ensureWorkstationInstanceProfile', () => {
  it('creates the role trusted by EC2, its policies and the instance profile, and returns the profile ARN', async () => {
    emptyAccount();
    const roles = new IamWorkstationRole({ iam: () => iam });

    expect(await roles.ensureWorkstationInstanceProfile()).toBe(PROFILE_ARN);

    const [createRole] = iamMock.commandCalls(CreateRoleCommand);
    const input = createRole!.args[0].input;
    expect(input.RoleName).toBe('cws-tui-workstation');
    expect(input.Path).toBe('/cws-tui/');
    expect(JSON.parse(input.AssumeRolePolicyDocument ?? '')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(input.Tags).toEqual([{ Key: 'cws:managed', Value: 'true' }]);

    expect(iamMock.commandCalls(AttachRolePolicyCommand).map((call) => call.args[0].input)).toEqual([
      { RoleName: 'cws-tui-workstation', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' },
    ]);
    const [put] = iamMock.commandCalls(PutRolePolicyCommand);
    expect(put!.args[0].input.RoleName).toBe('cws-tui-workstation');
    expect(put!.args[0].input.PolicyName).toBe(WORKSTATION_INLINE_POLICY_NAME);
    expect(JSON.parse(put!.args[0].input.PolicyDocument ?? '')).toEqual(
      JSON.parse(WORKSTATION_INLINE_POLICY),
    );

    expect(iamMock.commandCalls(CreateInstanceProfileCommand).map((call) => call.args[0].input)).toEqual([
      {
        InstanceProfileName: 'cws-tui-workstation',
        Path: '/cws-tui/',
        Tags: [{ Key: 'cws:managed', Value: 'true' }],
      },
    ]);
    expect(iamMock.commandCalls(AddRoleToInstanceProfileCommand).map((call) => call.args[0].input)).toEqual([
      { InstanceProfileName: 'cws-tui-workstation', RoleName: 'cws-tui-workstation' },
    ]);
  });

  it('changes nothing when the role, its policies and the profile are already in place', async () => {
    preparedAccount();
    const roles = new IamWorkstationRole({ iam: () => iam });

    expect(await roles.ensureWorkstationInstanceProfile()).toBe(PROFILE_ARN);
    // Reads only: a member whom an admin set the role up for needs no IAM write permission.
    expect(iamMock.calls().map((call) => call.args[0].constructor.name)).toEqual([
      'GetRoleCommand',
      'ListAttachedRolePoliciesCommand',
      'GetRolePolicyCommand',
      'GetInstanceProfileCommand',
    ]);
  });

  it('takes the role and profile another process created meanwhile (EntityAlreadyExists)', async () => {
    emptyAccount();
    iamMock
      .on(GetRoleCommand)
      .rejectsOnce(noSuchEntity('role with name cws-tui-workstation'))
      .resolves({ Role: role });
    iamMock.on(CreateRoleCommand).rejects(alreadyExists('Role with name cws-tui-workstation'));
    iamMock
      .on(GetInstanceProfileCommand)
      .rejectsOnce(noSuchEntity('instance profile'))
      .resolves({ InstanceProfile: instanceProfile([role]) });
    iamMock.on(CreateInstanceProfileCommand).rejects(alreadyExists('Instance Profile cws-tui-workstation'));
    const roles = new IamWorkstationRole({ iam: () => iam });

    expect(await roles.ensureWorkstationInstanceProfile()).toBe(PROFILE_ARN);
    expect(iamMock.commandCalls(GetRoleCommand)).toHaveLength(2);
    expect(iamMock.commandCalls(GetInstanceProfileCommand)).toHaveLength(2);
    expect(iamMock.commandCalls(AddRoleToInstanceProfileCommand)).toHaveLength(0);
  });

  it('repairs what is missing: the SSM policy, an outdated inline policy, the role in the profile', async () => {
    preparedAccount();
    iamMock.on(ListAttachedRolePoliciesCommand).resolves({
      AttachedPolicies: [
        { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      ],
    });
    iamMock.on(AttachRolePolicyCommand).resolves({});
    iamMock.on(GetRolePolicyCommand).resolves({
      RoleName: 'cws-tui-workstation',
      PolicyName: WORKSTATION_INLINE_POLICY_NAME,
      PolicyDocument: encodeURIComponent(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*' }],
        }),
      ),
    });
    iamMock.on(PutRolePolicyCommand).resolves({});
    iamMock.on(GetInstanceProfileCommand).resolves({ InstanceProfile: instanceProfile([]) });
    iamMock.on(AddRoleToInstanceProfileCommand).resolves({});
    const roles = new IamWorkstationRole({ iam: () => iam });

    await roles.ensureWorkstationInstanceProfile();
    expect(iamMock.commandCalls(AttachRolePolicyCommand)[0]!.args[0].input.PolicyArn).toBe(
      SSM_MANAGED_POLICY_ARN,
    );
    expect(iamMock.commandCalls(PutRolePolicyCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(AddRoleToInstanceProfileCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(CreateRoleCommand)).toHaveLength(0);
  });

  it('refuses to replace another role an instance profile of that name carries', async () => {
    preparedAccount();
    iamMock
      .on(GetInstanceProfileCommand)
      .resolves({ InstanceProfile: instanceProfile([{ ...role, RoleName: 'lab-admin-role' }]) });
    const roles = new IamWorkstationRole({ iam: () => iam });

    const error = await rejectionOf(roles.ensureWorkstationInstanceProfile());
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('lab-admin-role');
    expect(error.hint).toContain('CWS_INSTANCE_PROFILE');
    expect(iamMock.commandCalls(AddRoleToInstanceProfileCommand)).toHaveLength(0);
  });

  it('names iam:CreateRole when the user may not create roles, and asks again on the next launch', async () => {
    emptyAccount();
    iamMock.on(CreateRoleCommand).rejects(accessDenied('iam:CreateRole', ROLE_ARN));
    const roles = new IamWorkstationRole({ iam: () => iam, profile: 'lab' });

    const error = await rejectionOf(roles.ensureWorkstationInstanceProfile());
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Not permitted: iam:CreateRole.');
    expect(error.hint).toContain('allow iam:CreateRole');
    expect(error.hint).toContain('CWS_INSTANCE_PROFILE');

    iamMock.on(CreateRoleCommand).resolves({ Role: role });
    expect(await roles.ensureWorkstationInstanceProfile()).toBe(PROFILE_ARN);
  });

  it('names the IAM action of any other denied step', async () => {
    preparedAccount();
    iamMock.on(GetInstanceProfileCommand).rejects(accessDenied('iam:GetInstanceProfile', PROFILE_ARN));
    const roles = new IamWorkstationRole({ iam: () => iam });

    const error = await rejectionOf(roles.ensureWorkstationInstanceProfile());
    expect(error.message).toBe('Not permitted: iam:GetInstanceProfile.');
  });

  it('asks IAM once per session', async () => {
    preparedAccount();
    const roles = new IamWorkstationRole({ iam: () => iam });

    const [first, second] = await Promise.all([
      roles.ensureWorkstationInstanceProfile(),
      roles.ensureWorkstationInstanceProfile(),
    ]);
    expect(second).toBe(first);
    await roles.ensureWorkstationInstanceProfile();
    expect(iamMock.commandCalls(GetRoleCommand)).toHaveLength(1);
  });

  it("uses an admin's own instance profile as is, without calling IAM", async () => {
    const byName = new IamWorkstationRole({ iam: () => iam, configured: ' lab-workstations ' });
    expect(await byName.ensureWorkstationInstanceProfile()).toBe('lab-workstations');
    const arn = 'arn:aws:iam::123456789012:instance-profile/lab/lab-workstations';
    const byArn = new IamWorkstationRole({ iam: () => iam, configured: arn });
    expect(await byArn.ensureWorkstationInstanceProfile()).toBe(arn);
    expect(iamMock.calls()).toHaveLength(0);
  });

  it('refuses a configured value that is neither a profile name nor a profile ARN', async () => {
    const roles = new IamWorkstationRole({
      iam: () => iam,
      configured: 'arn:aws:iam::123456789012:role/lab',
    });

    const error = await rejectionOf(roles.ensureWorkstationInstanceProfile());
    expect(error.kind).toBe('invalid-parameter');
    expect(error.message).toContain('CWS_INSTANCE_PROFILE="arn:aws:iam::123456789012:role/lab"');
    expect(iamMock.calls()).toHaveLength(0);
  });
});

describe('the workstation inline policy', () => {
  const policy = workstationRolePolicy('aws');

  it('passes the IAM grammar check, and uses no policy variable as a whole Resource', () => {
    expect(validatePolicyDocument(policy)).toEqual([]);
    expect(JSON.parse(WORKSTATION_INLINE_POLICY)).toEqual(policy);
    expect(WORKSTATION_INLINE_POLICY).not.toContain(`"${'$'}{`);
  });

  it('lets the instance act only on itself: the caller (role id:instance id) must be the instance acted on', () => {
    for (const statement of policy.Statement.filter((s) => String(s.Sid).includes('Itself'))) {
      expect(statement.Resource).toBe('arn:aws:ec2:*:*:instance/*');
      expect(statement.Condition?.StringLike).toEqual({ 'aws:userid': `*:${'$'}{ec2:InstanceID}` });
    }
  });

  it('lets it set only cws:progress and cws:idle-* tags, never ownership keys, and no key-less DeleteTags', () => {
    const tagging = policy.Statement.find((statement) =>
      [statement.Action].flat().includes('ec2:CreateTags'),
    );
    expect(tagging?.Condition?.['ForAllValues:StringLike']).toEqual({
      'aws:TagKeys': ['cws:progress', 'cws:idle-*'],
    });
    expect(tagging?.Condition?.Null).toEqual({ 'aws:TagKeys': 'false' });
    expect(JSON.stringify(tagging)).not.toMatch(/cws:owner|cws:research-user|cws:managed|"cws:\*"/);
  });

  it('keeps its SecureString parameters under /cws-tui/<instance id>/, tagged with its own id and research user', () => {
    const parameters = policy.Statement.filter((statement) =>
      [statement.Action].flat().some((a) => a?.startsWith('ssm:')),
    );
    expect(parameters.map((statement) => statement.Resource)).toEqual([
      ['arn:aws:ssm:*:*:parameter/cws-tui/i-*', 'arn:aws:ssm:*:*:parameter/cws-tui/i-*/*'],
      ['arn:aws:ssm:*:*:parameter/cws-tui/i-*', 'arn:aws:ssm:*:*:parameter/cws-tui/i-*/*'],
    ]);
    expect(parameters[0]?.Condition?.StringLike).toEqual({
      'aws:userid': `*:${'$'}{aws:RequestTag/cws:instance}`,
    });
    // Created with exactly its id and its research user (the member policy reads by that tag),
    // and tags only on a parameter that has none yet: never another instance's, never a retag.
    expect(parameters[0]?.Condition?.['ForAllValues:StringEquals']).toEqual({
      'aws:TagKeys': ['cws:instance', 'cws:research-user'],
    });
    expect(parameters[0]?.Condition?.Null).toEqual({
      'aws:RequestTag/cws:research-user': 'false',
      'aws:ResourceTag/cws:instance': 'true',
    });
    expect(parameters[1]?.Condition?.StringLike).toEqual({
      'aws:userid': `*:${'$'}{aws:ResourceTag/cws:instance}`,
    });
  });

  it("is written in the role's own partition", () => {
    expect(JSON.stringify(workstationRolePolicy('aws-cn'))).toContain('arn:aws-cn:ec2:*:*:instance/*');
    expect(validatePolicyDocument(workstationRolePolicy('aws-us-gov'))).toEqual([]);
  });
});
