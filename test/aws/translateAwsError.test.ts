import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translateAwsError } from '../../source/aws/translateAwsError.js';
import { CloudError } from '../../source/core/CloudError.js';
import { awsServiceError, networkError } from './awsServiceError.js';

const runInstances = { action: 'ec2:RunInstances', region: 'us-east-1', profile: 'research' };

describe('translateAwsError', () => {
  it('names the denied action from an UnauthorizedOperation and drops the encoded blob', () => {
    const error = translateAwsError(
      awsServiceError(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/Researcher/ana is not authorized to perform: ec2:CreateTags on resource: arn:aws:ec2:us-east-1:123456789012:instance/* because no identity-based policy allows the ec2:CreateTags action. Encoded authorization failure message: AbCdEf0123456789xyz',
        403,
      ),
      runInstances,
    );
    expect(error).toBeInstanceOf(CloudError);
    expect(error.kind).toBe('unauthorized');
    expect(error.code).toBe('UnauthorizedOperation');
    expect(error.message).toBe('Not permitted: ec2:CreateTags in us-east-1.');
    expect(error.hint).toContain('allow ec2:CreateTags');
    expect(error.hint).toContain('needed by ec2:RunInstances');
    expect(error.hint).toContain('decode-authorization-message');
    expect(`${error.message} ${error.hint}`).not.toContain('AbCdEf0123456789xyz');
  });

  it('falls back to the called action when the message names none (AccessDeniedException)', () => {
    const error = translateAwsError(
      awsServiceError('AccessDeniedException', 'User is not authorized to access this resource', 403),
      { action: 'ssm:GetParameter', region: 'eu-west-1' },
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Not permitted: ssm:GetParameter in eu-west-1.');
    expect(error.hint).toBe('Ask your AWS administrator to allow ssm:GetParameter for your role.');
  });

  it('turns InsufficientInstanceCapacity into a retryable capacity error', () => {
    const error = translateAwsError(
      awsServiceError(
        'InsufficientInstanceCapacity',
        'We currently do not have sufficient g5.xlarge capacity in the Availability Zone you requested (us-east-1a).',
        500,
      ),
      runInstances,
    );
    expect(error.kind).toBe('capacity');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('us-east-1a');
    expect(error.hint).toContain('another instance type');
  });

  it('explains VcpuLimitExceeded as a quota with the Service Quotas name', () => {
    const error = translateAwsError(
      awsServiceError(
        'VcpuLimitExceeded',
        'You have requested more vCPU capacity than your current vCPU limit of 32 allows for the instance bucket that the specified instance type belongs to.',
      ),
      runInstances,
    );
    expect(error.kind).toBe('quota');
    expect(error.message).toBe('Your vCPU quota for this instance family in us-east-1 is used up.');
    expect(error.hint).toContain('Running On-Demand instances');
  });

  it('reports RequestLimitExceeded (after the SDK backed off) as throttled and retryable', () => {
    const error = translateAwsError(awsServiceError('RequestLimitExceeded', 'Request limit exceeded.', 503), {
      action: 'ec2:DescribeInstances',
      region: 'us-west-2',
    });
    expect(error.kind).toBe('throttled');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('us-west-2');
  });

  it('passes the AWS wording of InvalidParameterValue through with the action', () => {
    const error = translateAwsError(
      awsServiceError(
        'InvalidParameterValue',
        "Value (gp9) for parameter volumeType is invalid. Valid values are 'gp2', 'gp3'.",
      ),
      runInstances,
    );
    expect(error.kind).toBe('invalid-parameter');
    expect(error.message).toBe(
      "AWS rejected ec2:RunInstances in us-east-1: Value (gp9) for parameter volumeType is invalid. Valid values are 'gp2', 'gp3'.",
    );
  });

  it.each([
    ['ExpiredToken', 'The security token included in the request is expired'],
    ['ExpiredTokenException', 'The security token included in the request is expired'],
  ])('tells how to log in again on %s', (name, message) => {
    const error = translateAwsError(awsServiceError(name, message, 400), runInstances);
    expect(error.kind).toBe('credentials-expired');
    expect(error.hint).toContain('aws sso login --profile research');
  });

  it('recognises an expired SSO session from the token provider', () => {
    const sso = Object.assign(
      new Error(
        'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
      ),
      { name: 'TokenProviderError' },
    );
    const error = translateAwsError(sso, { action: 'sts:GetCallerIdentity', profile: 'lab' });
    expect(error.kind).toBe('credentials-expired');
    expect(error.message).toBe('Your AWS session has expired (profile lab).');
    expect(error.hint).toContain('`aws sso login --profile lab`');
  });

  it('says no credentials were found when the provider chain is empty', () => {
    const empty = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const error = translateAwsError(empty, { action: 'sts:GetCallerIdentity' });
    expect(error.kind).toBe('no-credentials');
    expect(error.hint).toContain('aws configure');
    expect(error.hint).toContain('--demo');
  });

  it('passes on why a configured credential source failed', () => {
    const failed = Object.assign(new Error('Error: credential_process exited with code 1: vault is sealed'), {
      name: 'CredentialsProviderError',
    });
    const error = translateAwsError(failed, { action: 'sts:GetCallerIdentity', profile: 'vault' });
    expect(error.kind).toBe('no-credentials');
    expect(error.message).toBe(
      'AWS credentials could not be loaded for profile vault: Error: credential_process exited with code 1: vault is sealed',
    );
    expect(error.hint).toContain('credential_process');
  });

  it('names a missing profile', () => {
    const missing = Object.assign(
      new Error('Profile nosuch could not be found or parsed in shared credentials file.'),
      { name: 'CredentialsProviderError' },
    );
    const error = translateAwsError(missing, { action: 'sts:GetCallerIdentity', profile: 'nosuch' });
    expect(error.message).toBe('The AWS profile nosuch is not in ~/.aws/config or ~/.aws/credentials.');
  });

  it.each(['ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT'])(
    'reports %s as a network error that keeps the view',
    (code) => {
      const error = translateAwsError(
        networkError(code, `getaddrinfo ${code} ec2.us-east-1.amazonaws.com`),
        runInstances,
      );
      expect(error.kind).toBe('network');
      expect(error.code).toBe(code);
      expect(error.message).toBe(`Cannot reach AWS in us-east-1 (${code}).`);
      expect(error.hint).toContain('last known view is kept');
      expect(error.retryable).toBe(true);
    },
  );

  it('reports an SDK TimeoutError as a network error', () => {
    const timeout = Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });
    expect(translateAwsError(timeout, runInstances).kind).toBe('network');
  });

  it('maps NotFound codes and duplicates', () => {
    expect(
      translateAwsError(
        awsServiceError('InvalidInstanceID.NotFound', "The instance ID 'i-0abc' does not exist"),
        {
          action: 'ec2:StopInstances',
        },
      ).kind,
    ).toBe('not-found');
    expect(
      translateAwsError(
        awsServiceError(
          'IncorrectInstanceState',
          'The instance is not in a state from which it can be started.',
        ),
        {
          action: 'ec2:StartInstances',
        },
      ).kind,
    ).toBe('conflict');
  });

  it('keeps a CloudError as it is and never loses an unknown error message', () => {
    const original = new CloudError({ kind: 'quota', code: 'X', message: 'm', hint: 'h' });
    expect(translateAwsError(original, runInstances)).toBe(original);
    const unknown = translateAwsError(
      awsServiceError('InternalError', 'An internal error has occurred', 500),
      runInstances,
    );
    expect(unknown.kind).toBe('unknown');
    expect(unknown.message).toContain('An internal error has occurred');
    expect(unknown.retryable).toBe(true);
    expect(translateAwsError('boom', runInstances).message).toContain('boom');
  });
  it('treats a type not offered in the zone EC2 picked as a zone problem, other Unsupported as a parameter', () => {
    const zone = translateAwsError(
      awsServiceError(
        'Unsupported',
        'Your requested instance type (m7i.large) is not supported in your requested Availability Zone (us-east-1e). Please retry your request by not specifying an Availability Zone or choosing us-east-1a, us-east-1b.',
      ),
      runInstances,
    );
    expect(zone.kind).toBe('capacity');
    expect(zone.message).toContain('Not offered in the chosen availability zone in us-east-1');
    expect(
      translateAwsError(
        awsServiceError('Unsupported', 'The requested configuration is currently not supported.'),
        runInstances,
      ).kind,
    ).toBe('invalid-parameter');
  });

  it('explains a Marketplace image without a subscription', () => {
    const error = translateAwsError(
      awsServiceError(
        'OptInRequired',
        'In order to use this AWS Marketplace product you need to accept terms and subscribe.',
        401,
      ),
      runInstances,
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.hint).toContain('AWS Marketplace');
  });
  it('turns anything at all into a CloudError with a message and a hint, never throwing', () => {
    const thrown = fc.oneof(
      fc.anything(),
      fc.record({
        name: fc.string(),
        message: fc.string(),
        code: fc.string(),
        $fault: fc.constantFrom('client', 'server'),
      }),
      fc
        .tuple(
          fc.constantFrom(
            'UnauthorizedOperation',
            'VcpuLimitExceeded',
            'ExpiredToken',
            'Unsupported',
            'X.NotFound',
          ),
          fc.string(),
        )
        .map(([name, message]) => awsServiceError(name, message)),
    );
    fc.assert(
      fc.property(thrown, fc.string({ minLength: 1 }), (value, action) => {
        const error = translateAwsError(value, { action });
        expect(error).toBeInstanceOf(CloudError);
        expect(error.message.length).toBeGreaterThan(0);
        expect(error.hint.length).toBeGreaterThan(0);
      }),
    );
  });
});
