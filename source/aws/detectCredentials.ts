import { readAwsProfiles } from './awsSharedConfig.js';

const DEFAULT_IMDS_ENDPOINT = 'http://169.254.169.254';

export interface CredentialProbeOptions {
  /** The longest the instance metadata probe may take; off an EC2 instance it never answers. */
  timeoutMs: number;
}

/**
 * One bounded HTTP request; any failure or timeout is an answer of "no". node:http is loaded only
 * here: importing it loads Node's fetch implementation too (10 ms of every cold command otherwise).
 */
async function httpRequest(
  url: URL,
  method: 'GET' | 'PUT',
  headers: Record<string, string>,
  deadline: number,
): Promise<{ status: number; body: string } | undefined> {
  const { request } = await import('node:http');
  const remaining = deadline - Date.now();
  if (remaining <= 0) return undefined;
  return new Promise((resolve) => {
    const outgoing = request(url, { method, headers, timeout: remaining, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', () => resolve(undefined));
    });
    const timer = setTimeout(() => outgoing.destroy(), remaining);
    outgoing.on('timeout', () => outgoing.destroy());
    outgoing.on('error', () => resolve(undefined));
    outgoing.on('close', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    outgoing.end();
  });
}

/** IMDSv2: a session token, then the name of the instance role (none when the instance has no role). */
async function instanceRoleAvailable(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const endpoint = env.AWS_EC2_METADATA_SERVICE_ENDPOINT || DEFAULT_IMDS_ENDPOINT;
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch {
    return false;
  }
  const token = await httpRequest(
    new URL('/latest/api/token', base),
    'PUT',
    { 'x-aws-ec2-metadata-token-ttl-seconds': '60' },
    deadline,
  );
  if (token?.status !== 200 || token.body === '') return false;
  const role = await httpRequest(
    new URL('/latest/meta-data/iam/security-credentials/', base),
    'GET',
    { 'x-aws-ec2-metadata-token': token.body },
    deadline,
  );
  return role?.status === 200 && role.body.trim() !== '';
}

/**
 * Whether AWS credentials are likely available, without resolving them (which may prompt, call
 * SSO or hang off-network): decides whether the app starts on AWS or on the demo account. Checks
 * the environment, then the shared files, and only then asks the instance metadata service, bounded
 * by `timeoutMs`.
 */
export async function hasAwsCredentials(
  env: NodeJS.ProcessEnv,
  options: CredentialProbeOptions,
): Promise<boolean> {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return true;
  if (env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE) return true;
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return true;
  if ((await readAwsProfiles(env)).length > 0) return true;
  if (env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === 'true') return false;
  return instanceRoleAvailable(env, options.timeoutMs);
}
