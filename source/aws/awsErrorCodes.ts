/** The AWS error names (and Node socket codes) each kind of CloudError is made from. */
export const UNAUTHORIZED = new Set([
  'UnauthorizedOperation',
  'Client.UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedAccess',
]);
export const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);
export const INVALID_CREDENTIALS = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
]);
export const CLOCK_SKEW = new Set(['RequestExpired', 'RequestTimeTooSkewed', 'InvalidSignatureException']);
export const CAPACITY = new Set([
  'InsufficientInstanceCapacity',
  'InsufficientCapacity',
  'InsufficientHostCapacity',
  'InsufficientReservedInstanceCapacity',
  'InsufficientThroughputCapacity',
]);
export const QUOTA = new Set([
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
  // FSx's name for its quotas (file systems, storage, throughput per account).
  'ServiceLimitExceeded',
]);
export const THROTTLED = new Set([
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TooManyRequests',
  'SlowDown',
]);
export const INVALID_PARAMETER = new Set([
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
export const CONFLICT = new Set([
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
export const NETWORK_CODES = new Set([
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
export const NETWORK_NAMES = new Set(['TimeoutError', 'NetworkingError', 'RequestTimeout', 'AbortError']);
