import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';
import { IamEmrJobRole } from '../../../source/aws/emr/ensureEmrJobRole.js';
import { appRoleArn, iam, iamMock, mockFreshAppRoles } from '../iamFixtures.js';

const ROLE_ARN = appRoleArn('cws-tui-emr-studio-service');

beforeEach(mockFreshAppRoles);

describe('the EMR Studio service role', () => {
  it('is trusted by EMR only, with no managed policy, and reaches only the workspace prefix in S3', async () => {
    const roles = new IamEmrJobRole({ iam: () => iam, profile: 'lab' });
    const arn = await roles.ensureStudioServiceRole({
      bucket: 'cws-tui-staging-123456789012-us-east-1',
      key: 'studio/workspaces/',
    });
    expect(arn).toBe(ROLE_ARN);
    const created = iamMock.commandCalls(CreateRoleCommand)[0]!.args[0].input;
    expect(created).toMatchObject({ RoleName: 'cws-tui-emr-studio-service', Path: '/cws-tui/' });
    const trust = JSON.parse(created.AssumeRolePolicyDocument!);
    expect(trust.Statement.map((s: { Principal: unknown }) => s.Principal)).toEqual([
      { Service: 'elasticmapreduce.amazonaws.com' },
    ]);
    const policies = Object.fromEntries(
      iamMock
        .commandCalls(PutRolePolicyCommand)
        .map((call) => [call.args[0].input.PolicyName, JSON.parse(call.args[0].input.PolicyDocument!)]),
    );
    expect(Object.keys(policies).sort()).toEqual(['studio-network', 'studio-workspaces']);
    const s3Resources = policies['studio-workspaces'].Statement.flatMap(
      (s: { Resource: string[] }) => s.Resource,
    );
    expect(s3Resources).toEqual([
      'arn:aws:s3:::cws-tui-staging-123456789012-us-east-1/studio/workspaces/*',
      'arn:aws:s3:::cws-tui-staging-123456789012-us-east-1',
    ]);
    const interfaces = policies['studio-network'].Statement.find(
      (s: { Sid: string }) => s.Sid === 'WorkspaceInterfaces',
    );
    expect(interfaces.Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/for-use-with-amazon-emr-managed-policies': ['true'] },
    });
  });
});
