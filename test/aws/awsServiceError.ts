import { EC2ServiceException } from '@aws-sdk/client-ec2';

/** An error shaped exactly as the SDK throws a modelled or unmodelled service error. */
export function awsServiceError(name: string, message: string, httpStatusCode = 400): EC2ServiceException {
  return new EC2ServiceException({
    name,
    message,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: 'b7c1e4f0-5d1a-4c3e-9f55-1a2b3c4d5e6f', attempts: 1 },
  });
}

/** A Node socket error as the SDK's HTTP handler passes it on. */
export function networkError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, $metadata: {} });
}
