import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { StsIdentity } from '../../source/aws/stsIdentity.js';
import { CloudError } from '../../source/core/CloudError.js';
import { awsServiceError } from './awsServiceError.js';
import { rejectionOf } from './rejectionOf.js';

const stsMock = mockClient(STSClient);
const client = new STSClient({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});

beforeEach(() => stsMock.reset());

describe('StsIdentity', () => {
  it('returns the account and principal, asking STS once', async () => {
    stsMock.on(GetCallerIdentityCommand).resolves({
      Account: '123456789012',
      Arn: 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Researcher_0f1e2d/ana',
      UserId: 'AROAEXAMPLEID:ana',
    });
    const identity = new StsIdentity(() => client);
    const expected = {
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Researcher_0f1e2d/ana',
      user_id: 'AROAEXAMPLEID:ana',
    };
    expect(await identity.callerIdentity()).toEqual(expected);
    expect(await identity.callerIdentity()).toEqual(expected);
    expect(stsMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });

  it('tells how to log in again when the token has expired, and asks again afterwards', async () => {
    stsMock
      .on(GetCallerIdentityCommand)
      .rejectsOnce(
        awsServiceError('ExpiredToken', 'The security token included in the request is expired', 403),
      )
      .resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/ana', UserId: 'AIDA' });
    const identity = new StsIdentity(() => client, 'research');
    const error = await rejectionOf(identity.callerIdentity());
    expect(error).toBeInstanceOf(CloudError);
    expect(error.kind).toBe('credentials-expired');
    expect(error.hint).toContain('aws sso login --profile research');
    expect((await identity.callerIdentity()).account).toBe('123456789012');
  });
});
