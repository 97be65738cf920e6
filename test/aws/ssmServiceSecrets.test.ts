import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SsmServiceSecrets } from '../../source/aws/ssmServiceSecrets.js';
import { awsServiceError } from './awsServiceError.js';
import { rejectionOf } from './rejectionOf.js';

const ssmMock = mockClient(SSMClient);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const secrets = () =>
  new SsmServiceSecrets({
    ssm: (region) => new SSMClient({ region, credentials, maxAttempts: 1 }),
    profile: 'lab',
  });

beforeEach(() => ssmMock.reset());

describe('SsmServiceSecrets', () => {
  it('decrypts the SecureString the instance stored under its own path', async () => {
    ssmMock.on(GetParameterCommand).resolves({
      Parameter: {
        Name: '/cws-tui/i-0123456789abcdef0/jupyter',
        Type: 'SecureString',
        Value: '3f9a0c7d2b1e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4',
        Version: 1,
        DataType: 'text',
        ARN: 'arn:aws:ssm:eu-west-1:123456789012:parameter/cws-tui/i-0123456789abcdef0/jupyter',
      },
    });
    expect(await secrets().readServiceSecret('eu-west-1', 'i-0123456789abcdef0', 'jupyter')).toBe(
      '3f9a0c7d2b1e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4',
    );
    expect(ssmMock.commandCalls(GetParameterCommand)[0]?.args[0].input).toEqual({
      Name: '/cws-tui/i-0123456789abcdef0/jupyter',
      WithDecryption: true,
    });
  });

  it('answers nothing while the instance has not stored it yet', async () => {
    ssmMock
      .on(GetParameterCommand)
      .rejects(
        awsServiceError('ParameterNotFound', 'Parameter /cws-tui/i-0123456789abcdef0/rstudio not found.'),
      );
    expect(await secrets().readServiceSecret('eu-west-1', 'i-0123456789abcdef0', 'rstudio')).toBeUndefined();
  });

  it("says which call was refused and why when the token is another research user's", async () => {
    ssmMock
      .on(GetParameterCommand)
      .rejects(
        awsServiceError(
          'AccessDeniedException',
          'User: arn:aws:iam::123456789012:user/ana is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:eu-west-1:123456789012:parameter/cws-tui/i-0123456789abcdef0/desktop',
        ),
      );
    const error = await rejectionOf(
      secrets().readServiceSecret('eu-west-1', 'i-0123456789abcdef0', 'desktop'),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.code).toBe('AccessDeniedException');
    // The member policy reads only tokens tagged with the member's research user: say so.
    expect(error.message).toBe(
      "Refused to read the desktop token of i-0123456789abcdef0 (ssm:GetParameter on /cws-tui/i-0123456789abcdef0/desktop): a token is readable only by its workstation's research user (the parameter's cws:research-user tag must equal the one on your IAM identity) and by admins.",
    );
    expect(error.hint).toBe(
      'If i-0123456789abcdef0 is yours, ask your admin to tag your IAM user or role cws:research-user=<your research user>; otherwise ask its research user or an admin.',
    );
  });
});
