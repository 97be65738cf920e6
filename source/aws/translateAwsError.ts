import { CloudError, type CloudErrorKind } from '../core/CloudError.js';
import { type ErrorFacts, translateTransportError } from './translateTransportError.js';

/** What was being called when an error happened: used to say which permission or region is at stake. */
export interface AwsCallContext {
  /** The IAM action, e.g. `ec2:RunInstances`. */
  action: string;
  region?: string;
  /** The AWS profile in use, for the log-in hint. */
  profile?: string;
}

const UNAUTHORIZED = new Set([
  'UnauthorizedOperation',
  'Client.UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedAccess',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);
const INVALID_CREDENTIALS = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
]);
const CLOCK_SKEW = new Set(['RequestExpired', 'RequestTimeTooSkewed', 'InvalidSignatureException']);
const CAPACITY = new Set([
  'InsufficientInstanceCapacity',
  'InsufficientCapacity',
  'InsufficientHostCapacity',
  'InsufficientReservedInstanceCapacity',
  'InsufficientThroughputCapacity',
]);
const QUOTA = new Set([
  'VcpuLimitExceeded',
  'InstanceLimitExceeded',
  'MaxSpotInstanceCountExceeded',
  'VolumeLimitExceeded',
  'FileSystemLimitExceeded',
  'AccessPointLimitExceeded',
  'ThroughputLimitExceeded',
  'SecurityGroupLimitExceeded',
  'RulesPerSecurityGroupLimitExceeded',
  'NetworkInterfaceLimitExceeded',
  'KeyPairLimitExceeded',
  'VpcLimitExceeded',
  'SubnetLimitExceeded',
  'InternetGatewayLimitExceeded',
  'RouteLimitExceeded',
]);
const THROTTLED = new Set([
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TooManyRequests',
  'SlowDown',
]);
const INVALID_PARAMETER = new Set([
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'InvalidParameter',
  'MissingParameter',
  'UnknownParameter',
  'ValidationError',
  'ValidationException',
  'BadRequest',
  'InvalidInstanceType',
  'InvalidBlockDeviceMapping',
  'InvalidUserData.Malformed',
  'InvalidKeyPair.Format',
  'InvalidPermission.Malformed',
  'UnsupportedOperation',
  'UnsupportedHibernationConfiguration',
]);
const CONFLICT = new Set([
  'IdempotentParameterMismatch',
  'IncorrectInstanceState',
  'IncorrectState',
  'IncorrectFileSystemLifeCycleState',
  'IncorrectMountTargetState',
  'InvalidGroup.Duplicate',
  'InvalidKeyPair.Duplicate',
  'InvalidPermission.Duplicate',
  'ConflictException',
  'MountTargetConflict',
  'FileSystemAlreadyExists',
  'AccessPointAlreadyExists',
  'DependencyViolation',
]);
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'NetworkingError', 'RequestTimeout', 'AbortError']);

function factsOf(error: unknown): ErrorFacts {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) {
    return { name: 'Error', code: '', message: String(error), retryable: false, serverFault: false };
  }
  const record = error as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    name: text(record.name) || 'Error',
    code: text(record.code) || text(record.Code),
    message: text(record.message),
    retryable: typeof record.$retryable === 'object' && record.$retryable !== null,
    serverFault: record.$fault === 'server',
    ...statusOf(record),
  };
}

function statusOf(record: Record<string, unknown>): { status?: number } {
  const metadata = record.$metadata as { httpStatusCode?: unknown } | undefined;
  const response = record.$response as { statusCode?: unknown } | undefined;
  const status = metadata?.httpStatusCode ?? response?.statusCode;
  return typeof status === 'number' ? { status } : {};
}

/** EC2 names the denied action in the message ("is not authorized to perform: ec2:CreateTags"). */
function deniedAction(message: string, fallback: string): string {
  return /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1] ?? fallback;
}

/** The message without EC2's encoded blob, which is long and unreadable. */
function withoutEncodedMessage(message: string): string {
  return message.replace(/\s*Encoded authorization failure message:.*$/s, '').trim();
}

function loginHint(profile: string | undefined): string {
  const sso = profile ? `aws sso login --profile ${profile}` : 'aws sso login';
  return `Log in again (\`${sso}\` for an SSO profile) or refresh the credentials in your environment, then retry.`;
}

function error(
  kind: CloudErrorKind,
  code: string,
  message: string,
  hint: string,
  retryable = false,
): CloudError {
  return new CloudError({ kind, code, message, hint, retryable });
}

function translateCredentialProviderError(facts: ErrorFacts, context: AwsCallContext): CloudError {
  const { name, message } = facts;
  if (/expired|invalid_grant|refresh this sso session|token is expired/i.test(message)) {
    return error(
      'credentials-expired',
      name,
      `Your AWS session has expired${context.profile ? ` (profile ${context.profile})` : ''}.`,
      loginHint(context.profile),
    );
  }
  const missingProfile = /Profile (\S+) could not be found/i.exec(message);
  if (missingProfile) {
    return error(
      'no-credentials',
      name,
      `The AWS profile ${missingProfile[1]} is not in ~/.aws/config or ~/.aws/credentials.`,
      'Check the name with `aws configure list-profiles`, or choose another profile.',
    );
  }
  if (/could not load credentials from any providers/i.test(message) || message === '') {
    return error(
      'no-credentials',
      name,
      'No AWS credentials were found.',
      'Run `aws configure` or `aws configure sso`, set AWS_PROFILE, or use --demo to explore the simulated account.',
    );
  }
  // A source that exists but failed (credential_process, a role to assume, a web identity token).
  return error(
    'no-credentials',
    name,
    `AWS credentials could not be loaded${context.profile ? ` for profile ${context.profile}` : ''}: ${message}`,
    'Check the credential source the profile names in ~/.aws/config (credential_process, role_arn, source_profile).',
  );
}

/**
 * Turns anything an SDK call can throw into a CloudError that says what happened and what to do.
 * The SDK has already retried throttling and transient faults (adaptive retry mode) by the time an
 * error reaches this point.
 */
export function translateAwsError(thrown: unknown, context: AwsCallContext): CloudError {
  if (thrown instanceof CloudError) return thrown;
  const facts = factsOf(thrown);
  const { name, code, message } = facts;
  const where = context.region ? ` in ${context.region}` : '';

  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    return translateCredentialProviderError(facts, context);
  }
  const transport = translateTransportError(thrown, facts, context);
  if (transport) return transport;
  if (UNAUTHORIZED.has(name)) {
    const action = deniedAction(message, context.action);
    return error(
      'unauthorized',
      name,
      `Not permitted: ${action}${where}.`,
      `Ask your AWS administrator to allow ${action} for your role` +
        (action === context.action ? '.' : ` (needed by ${context.action}).`) +
        (/Encoded authorization failure message/.test(message)
          ? ' `aws sts decode-authorization-message` on the message in the log shows the full reason.'
          : ''),
    );
  }
  if (EXPIRED.has(name)) {
    return error(
      'credentials-expired',
      name,
      'Your AWS credentials have expired.',
      loginHint(context.profile),
    );
  }
  if (INVALID_CREDENTIALS.has(name)) {
    return error(
      'no-credentials',
      name,
      `AWS did not accept your credentials${where}: ${withoutEncodedMessage(message)}`,
      `Check the access key or profile in use${context.region ? `, and that ${context.region} is enabled for the account` : ''}; ${loginHint(context.profile)}`,
    );
  }
  if (CLOCK_SKEW.has(name)) {
    return error(
      'unknown',
      name,
      `AWS rejected the request's timestamp: ${message}`,
      "This machine's clock is probably wrong: synchronise it (e.g. `timedatectl set-ntp true`) and retry.",
    );
  }
  // EC2 answers "Unsupported" when a type is not offered in the zone it picked: another zone may have it.
  if (CAPACITY.has(name) || (name === 'Unsupported' && /Availability Zone/.test(message))) {
    return error(
      'capacity',
      name,
      name === 'Unsupported'
        ? `Not offered in the chosen availability zone${where}: ${message}`
        : `AWS has no spare capacity for this request${where}: ${message}`,
      'Try another availability zone, another instance type or size, or try again later.',
      true,
    );
  }
  if (QUOTA.has(name)) {
    return translateQuota(name, message, where);
  }
  if (THROTTLED.has(name)) {
    return error(
      'throttled',
      name,
      `AWS is throttling requests${where} (still throttled after backing off).`,
      'Wait a minute and retry; if it keeps happening, refresh less often.',
      true,
    );
  }
  if (NETWORK_CODES.has(code) || NETWORK_NAMES.has(name) || NETWORK_CODES.has(name)) {
    return error(
      'network',
      code || name,
      `Cannot reach AWS${where} (${code || name}).`,
      'Check the network connection, proxy or AWS_ENDPOINT_URL; the last known view is kept meanwhile.',
      true,
    );
  }
  if (name === 'OptInRequired') {
    return error(
      'unauthorized',
      name,
      `The account is not subscribed to what ${context.action} needs${where}: ${message}`,
      "Accept the image's terms in AWS Marketplace, or enable the region for the account (Account settings > Regions).",
    );
  }
  if (name === 'PendingVerification') {
    return error(
      'unauthorized',
      name,
      `The AWS account is still being verified${where}.`,
      'New accounts can launch once AWS finishes verifying them (usually minutes, at most a few hours).',
      true,
    );
  }
  if (INVALID_PARAMETER.has(name) || name === 'Unsupported' || name.endsWith('.Malformed')) {
    return error(
      'invalid-parameter',
      name,
      `AWS rejected ${context.action}${where}: ${message}`,
      'Check the template and launch options (instance type, volume, subnet, image) named in the message.',
    );
  }
  if (CONFLICT.has(name)) {
    return error(
      'conflict',
      name,
      `${context.action}${where} conflicts with the current state: ${message}`,
      'Refresh and retry.',
      true,
    );
  }
  if (/NotFound$/.test(name) || name === 'ParameterNotFound') {
    return error(
      'not-found',
      name,
      `Not found${where}: ${message}`,
      'Refresh: it may have been deleted, or it lives in another region.',
    );
  }
  return error(
    'unknown',
    name,
    `${context.action}${where} failed: ${message || name}`,
    facts.serverFault
      ? 'AWS had an internal error: retry in a moment.'
      : 'The details are in the log (cws-tui.log in the state dir).',
    facts.retryable || facts.serverFault,
  );
}

function translateQuota(name: string, message: string, where: string): CloudError {
  switch (name) {
    case 'VcpuLimitExceeded':
      return error(
        'quota',
        name,
        `Your vCPU quota for this instance family${where} is used up.`,
        'Stop or terminate a workstation, pick a smaller size, or request a higher "Running On-Demand instances" quota in Service Quotas (Amazon EC2).',
      );
    case 'MaxSpotInstanceCountExceeded':
      return error(
        'quota',
        name,
        `Your Spot quota${where} is used up.`,
        'Launch on demand instead, or request a higher "All Spot Instance Requests" quota in Service Quotas (Amazon EC2).',
      );
    default:
      return error(
        'quota',
        name,
        `An AWS quota${where} is used up: ${message}`,
        'Delete unused resources, or request a higher quota in the Service Quotas console.',
      );
  }
}
