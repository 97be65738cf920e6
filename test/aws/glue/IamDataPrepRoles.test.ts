import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  InvalidInputException,
  ListAttachedRolePoliciesCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetBucketPolicyCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { IamDataPrepRoles } from '../../../source/aws/glue/IamDataPrepRoles.js';

const iam = mockClient(IAMClient);
const s3 = mockClient(S3Client);
const credentials = { accessKeyId: 'AKIA', secretAccessKey: 's' };
const iamClient = new IAMClient({ region: 'us-east-1', credentials });
const s3Client = new S3Client({ region: 'us-east-1', credentials });
const roles = new IamDataPrepRoles({
  iam: () => iamClient,
  s3: () => s3Client,
  region: 'us-east-1',
  profile: 'lab',
});
const meta = (status: number) => ({
  httpStatusCode: status,
  requestId: 'c0ffee00-1234-4abc-9def-0123456789ab',
});
const ROLE = 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-databrew-job';

function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', message: name, $metadata: meta(status) });
}

describe('IamDataPrepRoles', () => {
  beforeEach(() => {
    iam.reset();
    s3.reset();
  });

  it('creates the DataBrew job role trusted by DataBrew alone, reading the dataset folder and writing the output folder', async () => {
    iam.on(GetRoleCommand).rejects(
      new NoSuchEntityException({
        message: 'The role with name cws-tui-databrew-job cannot be found.',
        $metadata: meta(404),
      }),
    );
    iam.on(CreateRoleCommand).resolves({
      Role: {
        RoleName: 'cws-tui-databrew-job',
        Arn: ROLE,
        Path: '/cws-tui/',
        RoleId: 'AROAEXAMPLE',
        CreateDate: new Date(),
      },
    });
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
    iam
      .on(GetRolePolicyCommand)
      .rejects(new NoSuchEntityException({ message: 'no policy', $metadata: meta(404) }));
    iam.on(PutRolePolicyCommand).resolves({});
    const arn = await roles.ensureDataBrewJobRole(
      { bucket: 'lab-data', key: 'raw/weather.csv' },
      { bucket: 'lab-data', key: 'results/databrew/cws-weather-clean/' },
    );
    expect(arn).toBe(ROLE);
    const created = iam.commandCalls(CreateRoleCommand)[0]?.args[0].input;
    expect(JSON.parse(created?.AssumeRolePolicyDocument ?? '{}').Statement[0].Principal).toEqual({
      Service: 'databrew.amazonaws.com',
    });
    interface Doc {
      Statement: Array<{ Resource: string[]; Condition?: unknown }>;
    }
    const documents: Record<string, Doc> = Object.fromEntries(
      iam
        .commandCalls(PutRolePolicyCommand)
        .map((call) => [
          call.args[0].input.PolicyName,
          JSON.parse(call.args[0].input.PolicyDocument ?? '{}'),
        ]),
    );
    const reads = Object.entries(documents).find(([name]) => name.startsWith('cws-read-lab-data-'))?.[1];
    const writes = Object.entries(documents).find(([name]) => name.startsWith('cws-write-lab-data-'))?.[1];
    expect(reads?.Statement[0]).toEqual({
      Sid: 'ReadPrefix',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::lab-data/raw/*'],
    });
    expect(reads?.Statement[1]?.Condition).toEqual({ StringLike: { 's3:prefix': ['raw/*'] } });
    expect(writes?.Statement[0]?.Resource).toEqual([
      'arn:aws:s3:::lab-data/results/databrew/cws-weather-clean/*',
    ]);
    expect(documents['cws-databrew-logs']?.Statement[0]?.Resource).toEqual([
      'arn:aws:logs:*:123456789012:log-group:/aws-glue-databrew/*',
    ]);
  });

  it('asks the policy simulator with the bucket policy, and names the bucket when its policy denies', async () => {
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::lab-data/results/*',
        },
      ],
    });
    s3.on(GetBucketPolicyCommand, { Bucket: 'lab-data' }).resolves({ Policy: bucketPolicy });
    iam
      .on(SimulatePrincipalPolicyCommand, { ActionNames: ['s3:GetObject'] })
      .resolves({
        EvaluationResults: [
          {
            EvalActionName: 's3:GetObject',
            EvalResourceName: 'arn:aws:s3:::lab-data/raw/weather.csv',
            EvalDecision: 'allowed',
            MatchedStatements: [{ SourcePolicyId: 'cws-read', SourcePolicyType: 'role' }],
          },
        ],
      })
      .on(SimulatePrincipalPolicyCommand, { ActionNames: ['s3:PutObject'] })
      .resolves({
        EvaluationResults: [
          {
            EvalActionName: 's3:PutObject',
            EvalResourceName: 'arn:aws:s3:::lab-data/results/x',
            EvalDecision: 'explicitDeny',
            MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' }],
          },
        ],
      });
    const checks = await roles.checkS3Access(ROLE, [
      { action: 's3:GetObject', uri: 's3://lab-data/raw/weather.csv' },
      { action: 's3:PutObject', uri: 's3://lab-data/results/x' },
    ]);
    expect(checks).toEqual([
      { action: 's3:GetObject', uri: 's3://lab-data/raw/weather.csv', decision: 'allowed' },
      { action: 's3:PutObject', uri: 's3://lab-data/results/x', decision: 'explicit-deny', source: 'bucket' },
    ]);
    const asked = iam.commandCalls(SimulatePrincipalPolicyCommand)[1]?.args[0].input;
    expect(asked).toEqual({
      PolicySourceArn: ROLE,
      ActionNames: ['s3:PutObject'],
      ResourceArns: ['arn:aws:s3:::lab-data/results/x'],
      ResourcePolicy: bucketPolicy,
      ResourceOwner: 'arn:aws:iam::123456789012:root',
    });
  });

  it('simulates without a resource policy when the bucket has none, and says unverified when it may not ask', async () => {
    s3.on(GetBucketPolicyCommand).rejects(s3Error('NoSuchBucketPolicy', 404));
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        { EvalActionName: 's3:GetObject', EvalDecision: 'implicitDeny', MatchedStatements: [] },
      ],
    });
    expect(
      await roles.checkS3Access(ROLE, [{ action: 's3:GetObject', uri: 's3://lab-data/raw/a.csv' }]),
    ).toEqual([
      { action: 's3:GetObject', uri: 's3://lab-data/raw/a.csv', decision: 'implicit-deny', source: 'role' },
    ]);
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.ResourcePolicy).toBeUndefined();

    s3.on(GetBucketPolicyCommand).rejects(s3Error('AccessDenied', 403));
    expect(
      await roles.checkS3Access(ROLE, [{ action: 's3:GetObject', uri: 's3://lab-data/raw/a.csv' }]),
    ).toBe('unverified');
  });

  it('turns an invalid simulator request into a CloudError, not a verdict', async () => {
    s3.on(GetBucketPolicyCommand).rejects(s3Error('NoSuchBucketPolicy', 404));
    iam
      .on(SimulatePrincipalPolicyCommand)
      .rejects(new InvalidInputException({ message: 'Invalid ARN', $metadata: meta(400) }));
    await expect(
      roles.checkS3Access(ROLE, [{ action: 's3:GetObject', uri: 's3://lab-data/raw/a.csv' }]),
    ).rejects.toMatchObject({ name: 'CloudError' });
  });
});
