import { describe, expect, it } from 'vitest';
import { SSM_MANAGED_POLICY_ARN, WORKSTATION_INLINE_POLICY } from '../../../source/aws/iamWorkstationRole.js';
import { appPolicyFor } from '../../../source/core/iam/appPolicy.js';
import { MANAGED_POLICY_MAX_CHARS } from '../../../source/core/iam/managedPolicySize.js';
import type { PolicyDocument } from '../../../source/core/iam/PolicyDocument.js';
import { validatePolicyDocument } from '../../../source/core/iam/validatePolicyDocument.js';
import { serviceTrustPolicy, workstationRolePolicy } from '../../../source/core/iam/workstationRolePolicy.js';

/** IAM's limit for all inline policies of a role together. */
const ROLE_INLINE_MAX_CHARS = 10240;

const allow = (statement: Record<string, unknown>): PolicyDocument =>
  ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', ...statement }],
  }) as PolicyDocument;

describe('every IAM document the app writes passes the grammar check', () => {
  const documents: Array<[string, unknown, 'identity' | 'trust']> = [
    ['workstation inline policy (as sent)', JSON.parse(WORKSTATION_INLINE_POLICY), 'identity'],
    ...['aws', 'aws-cn', 'aws-us-gov'].map(
      (partition) =>
        [`workstation inline policy in ${partition}`, workstationRolePolicy(partition), 'identity'] as [
          string,
          unknown,
          'identity',
        ],
    ),
    ['EC2 trust policy', serviceTrustPolicy('ec2.amazonaws.com'), 'trust'],
    ['SageMaker trust policy', serviceTrustPolicy('sagemaker.amazonaws.com'), 'trust'],
    ['member policy', appPolicyFor('user'), 'identity'],
    ['admin policy', appPolicyFor('admin'), 'identity'],
    ['member policy in aws-cn', appPolicyFor('user', 'aws-cn'), 'identity'],
    ['member policy with the team store', appPolicyFor('user', 'aws', 'lab-team'), 'identity'],
  ];
  it.each(documents)('%s', (_name, document, kind) => {
    expect(validatePolicyDocument(document, kind)).toEqual([]);
  });

  it('each fits in IAM size limits', () => {
    const size = (document: unknown) => JSON.stringify(document).replace(/\s/g, '').length;
    expect(size(appPolicyFor('user'))).toBeLessThan(MANAGED_POLICY_MAX_CHARS);
    expect(size(appPolicyFor('admin'))).toBeLessThan(MANAGED_POLICY_MAX_CHARS);
    expect(size(workstationRolePolicy())).toBeLessThan(ROLE_INLINE_MAX_CHARS);
  });

  it('the managed policy the role attaches is an ARN', () => {
    expect(validatePolicyDocument(allow({ Resource: SSM_MANAGED_POLICY_ARN }))).toEqual([]);
  });
});

describe('validatePolicyDocument refuses what IAM refuses', () => {
  it('a policy variable as a whole Resource (the old workstation policy)', () => {
    const problems = validatePolicyDocument(allow({ Resource: `${'$'}{ec2:SourceInstanceARN}` }));
    expect(problems[0]?.message).toContain('neither "*" nor an ARN');
  });

  it('a policy variable outside the resource part of an ARN', () => {
    const problems = validatePolicyDocument(
      allow({ Resource: `arn:aws:ec2:${'$'}{aws:RequestedRegion}:*:instance/*` }),
    );
    expect(problems[0]?.message).toContain('only in the resource part');
  });

  it('unknown partitions, malformed ARNs and actions', () => {
    expect(
      validatePolicyDocument(allow({ Resource: 'arn:SourceInstanceARN}:*:*:*:*' }))[0]?.message,
    ).toContain('unknown partition');
    expect(validatePolicyDocument(allow({ Resource: 'arn:aws:ec2' }))[0]?.message).toContain(
      'is not arn:partition',
    );
    expect(validatePolicyDocument(allow({ Action: 'StopInstances' }))[0]?.message).toContain(
      'is not service:Action',
    );
  });

  it('unknown condition operators, set operators on single-valued keys, and bare multivalued keys', () => {
    expect(
      validatePolicyDocument(allow({ Condition: { StringMatches: { 'aws:userid': 'x' } } }))[0]?.message,
    ).toContain('is not an IAM condition operator');
    expect(
      validatePolicyDocument(allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:userid': 'x' } } }))[0]
        ?.message,
    ).toContain('multivalued keys only');
    expect(
      validatePolicyDocument(allow({ Condition: { StringLike: { 'aws:TagKeys': 'cws:*' } } }))[0]?.message,
    ).toContain('use ForAllValues: or ForAnyValue:');
    expect(
      validatePolicyDocument(
        allow({ Condition: { NumericEquals: { 'aws:MultiFactorAuthAge': `${'$'}{aws:userid}` } } }),
      )[0]?.message,
    ).toContain('only with String and Arn operators');
  });

  it('policy variables that are not keys, and a version without variables', () => {
    expect(
      validatePolicyDocument(allow({ Resource: `arn:aws:s3:::bucket/${'$'}{user name}/*` }))[0]?.message,
    ).toContain('is not a policy variable');
    const old = { ...allow({}), Version: '2008-10-17' };
    expect(validatePolicyDocument(old)[0]?.path).toBe('Version');
  });

  it('trust policies need a service principal and no Resource', () => {
    const trust = serviceTrustPolicy('ec2.amazonaws.com');
    expect(validatePolicyDocument(trust, 'identity').length).toBeGreaterThan(0);
    expect(validatePolicyDocument(serviceTrustPolicy('ec2'), 'trust')[0]?.message).toContain(
      'is not a service principal',
    );
  });
});

describe('the member policy keeps members to their own workstations', () => {
  const member = appPolicyFor('user');
  const statement = (sid: string) => member.Statement.find((candidate) => candidate.Sid === sid);

  it('launch only tagged with their own research user, act only on instances tagged so', () => {
    expect(statement('LaunchOwnWorkstations')?.Condition?.StringEquals).toMatchObject({
      'aws:RequestTag/cws:research-user': `${'$'}{aws:PrincipalTag/cws:research-user}`,
    });
    expect(statement('ManageOwnWorkstations')?.Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/cws:research-user': `${'$'}{aws:PrincipalTag/cws:research-user}` },
    });
    // The same condition keeps a member to their own workstations' service tokens.
    expect(statement('ManageOwnWorkstations')?.Resource).toContain('arn:aws:ssm:*:*:parameter/cws-tui/i-*');
    expect(statement('ManageOwnWorkstations')?.Action).toContain('ssm:GetParameter');
    expect(statement('KeepOwnershipTags')?.Effect).toBe('Deny');
    expect(JSON.stringify(member)).not.toContain('iam:CreateRole');
  });

  it('the admin policy adds the roles, the network and every workstation', () => {
    const admin = JSON.stringify(appPolicyFor('admin'));
    for (const action of ['iam:CreateRole', 'ec2:CreateVpc', 'iam:SimulatePrincipalPolicy'])
      expect(admin).toContain(action);
    expect(admin).not.toContain('KeepOwnershipTags');
    expect(appPolicyFor('admin').Statement.find((s) => s.Sid === 'EveryWorkstationServiceTokens')).toEqual({
      Sid: 'EveryWorkstationServiceTokens',
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:ListTagsForResource'],
      Resource: 'arn:aws:ssm:*:*:parameter/cws-tui/i-*',
    });
  });
});
