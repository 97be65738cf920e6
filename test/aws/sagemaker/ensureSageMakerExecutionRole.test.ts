import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  EXECUTION_ROLE_NAME,
  ensureSageMakerExecutionRole,
  SAGEMAKER_MANAGED_POLICY_ARN,
} from '../../../source/aws/sagemaker/ensureSageMakerExecutionRole.js';
import { rejectionOf } from '../rejectionOf.js';

const iamMock = mockClient(IAMClient);
const iam = new IAMClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  maxAttempts: 1,
});
const ROLE_ARN = `arn:aws:iam::123456789012:role/${EXECUTION_ROLE_NAME}`;
const role = {
  RoleName: EXECUTION_ROLE_NAME,
  Arn: ROLE_ARN,
  Path: '/',
  RoleId: 'AROA1',
  CreateDate: new Date(),
};

beforeEach(() => iamMock.reset());

describe('ensureSageMakerExecutionRole', () => {
  it('creates a tagged role that only SageMaker can assume, with the managed SageMaker policy', async () => {
    iamMock.on(GetRoleCommand).rejects(new NoSuchEntityException({ message: 'no role', $metadata: {} }));
    iamMock.on(CreateRoleCommand).resolves({ Role: role });
    iamMock.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
    iamMock.on(AttachRolePolicyCommand).resolves({});
    expect(await ensureSageMakerExecutionRole(iam)).toBe(ROLE_ARN);
    const created = iamMock.commandCalls(CreateRoleCommand)[0]?.args[0].input;
    expect(created?.Tags).toEqual([{ Key: 'cws:managed', Value: 'true' }]);
    expect(JSON.parse(created?.AssumeRolePolicyDocument ?? '{}')).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    });
    expect(iamMock.commandCalls(AttachRolePolicyCommand).map((call) => call.args[0].input)).toEqual([
      { RoleName: EXECUTION_ROLE_NAME, PolicyArn: SAGEMAKER_MANAGED_POLICY_ARN },
    ]);
  });

  it('reuses the existing role and attaches nothing twice', async () => {
    iamMock.on(GetRoleCommand).resolves({ Role: role });
    iamMock.on(ListAttachedRolePoliciesCommand).resolves({
      AttachedPolicies: [
        { PolicyArn: SAGEMAKER_MANAGED_POLICY_ARN, PolicyName: 'AmazonSageMakerFullAccess' },
      ],
    });
    expect(await ensureSageMakerExecutionRole(iam)).toBe(ROLE_ARN);
    expect(iamMock.commandCalls(CreateRoleCommand)).toHaveLength(0);
    expect(iamMock.commandCalls(AttachRolePolicyCommand)).toHaveLength(0);
  });

  it('says which IAM permission is missing', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: iam:GetRole'), {
      name: 'AccessDenied',
    });
    iamMock.on(GetRoleCommand).rejects(denied);
    const error = await rejectionOf(ensureSageMakerExecutionRole(iam, 'lab'));
    expect(error).toMatchObject({ kind: 'unauthorized', message: 'Not permitted: iam:GetRole.' });
  });
});
