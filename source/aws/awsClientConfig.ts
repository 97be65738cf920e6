import { type AwsCredentials, sessionCredentials } from './credentialSource.js';

export type { AwsCredentials } from './credentialSource.js';

/** Where the AWS clients of one session get their credentials and how they retry. */
export interface AwsSessionOptions {
  /** A profile from ~/.aws/config; without one the SDK's default chain (AWS_PROFILE, env, IMDS...) decides. */
  profile?: string;
  /** Attempts per call including the first; the adaptive mode also rate-limits on throttling. */
  maxAttempts?: number;
  /** Tests pass static credentials so that no provider chain runs. */
  credentials?: AwsCredentials;
  /** Where the timeouts' overrides are read (CWS_AWS_CONNECT_TIMEOUT_MS, CWS_AWS_REQUEST_TIMEOUT_MS). */
  env?: NodeJS.ProcessEnv;
}

/** How long to wait for a connection and for a whole answer: an endpoint that never answers fails fast. */
export interface AwsTimeouts {
  connectionTimeout: number;
  requestTimeout: number;
}

export const DEFAULT_TIMEOUTS: AwsTimeouts = { connectionTimeout: 5_000, requestTimeout: 30_000 };

function timeoutFromEnv(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The session's timeouts, from the environment when set there (milliseconds, positive integers). */
export function awsTimeouts(env: NodeJS.ProcessEnv = process.env): AwsTimeouts {
  return {
    connectionTimeout: timeoutFromEnv(env.CWS_AWS_CONNECT_TIMEOUT_MS, DEFAULT_TIMEOUTS.connectionTimeout),
    requestTimeout: timeoutFromEnv(env.CWS_AWS_REQUEST_TIMEOUT_MS, DEFAULT_TIMEOUTS.requestTimeout),
  };
}

/** What every SDK client of the session is constructed with, minus the region. */
export interface AwsClientConfig {
  profile?: string;
  credentials: AwsCredentials;
  retryMode: 'adaptive';
  maxAttempts: number;
  /** The Node HTTP handler's options: a request past its timeout fails instead of only warning. */
  requestHandler: AwsTimeouts & { throwOnRequestTimeout: true };
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * The client configuration shared by every SDK client of a session. Credentials come from the
 * SDK's default Node provider chain (env, SSO, shared files, credential_process, assumed roles,
 * container and instance metadata) resolved once and shared, so an SSO login prompt or an IMDS
 * call happens once per session rather than once per client. No endpoint is ever set here:
 * AWS_ENDPOINT_URL and the per-service variants are read by the SDK itself.
 */
export function awsClientConfig(options: AwsSessionOptions = {}): AwsClientConfig {
  const credentials = options.credentials ?? sessionCredentials(options.env ?? process.env, options.profile);
  return {
    ...(options.profile ? { profile: options.profile } : {}),
    credentials,
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    requestHandler: { ...awsTimeouts(options.env), throwOnRequestTimeout: true },
  };
}
