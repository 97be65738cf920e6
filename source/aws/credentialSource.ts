import type { EC2ClientConfig } from '@aws-sdk/client-ec2';
import { fromEnv, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { readAwsProfiles } from './awsSharedConfig.js';

/** Static credentials or a provider: the same type every SDK v3 client accepts. */
export type AwsCredentials = NonNullable<EC2ClientConfig['credentials']>;

/** Which credentials a session uses, said the way `doctor` and the notices say it. */
export interface CredentialSource {
  kind: 'environment' | 'profile' | 'default-chain';
  description: string;
  /** Said once when both the environment and a profile hold credentials. */
  notice?: string;
}

/**
 * Decides between the environment's keys and the AWS profile a cws-tui profile names, as the AWS
 * CLI does with --profile: a profile that exists in ~/.aws wins (the environment's keys are set
 * aside, and the user is told so); a profile name that exists nowhere (e.g. `default` with keys only
 * in the environment) means the environment's keys.
 */
export async function chooseCredentialSource(
  env: NodeJS.ProcessEnv,
  profile: string | undefined,
): Promise<CredentialSource> {
  const envKeys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  if (!profile) {
    return envKeys
      ? { kind: 'environment', description: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment' }
      : {
          kind: 'default-chain',
          description: "the AWS SDK's default chain (AWS_PROFILE, SSO, ~/.aws, instance role)",
        };
  }
  const known = (await readAwsProfiles(env)).some((candidate) => candidate.name === profile);
  if (envKeys && !known) {
    return {
      kind: 'environment',
      description: `AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (the AWS profile '${profile}' is not in ~/.aws)`,
    };
  }
  return {
    kind: 'profile',
    description: `the AWS profile '${profile}'`,
    ...(envKeys
      ? {
          notice: `the AWS profile '${profile}' is used; the keys in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are ignored (as the AWS CLI does with --profile)`,
        }
      : {}),
  };
}

/** Keeps the SDK's multi-line "Multiple credential sources" warning off the screen and the CLI. */
class QuietLogger {
  readonly warnings: string[] = [];
  debug(): void {}
  info(): void {}
  error(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
  }
}

/** A credentials provider resolved once, from the source `chooseCredentialSource` picks. */
export function sessionCredentials(env: NodeJS.ProcessEnv, profile: string | undefined): AwsCredentials {
  let provider: Promise<AwsCredentials> | undefined;
  const choose = async (): Promise<AwsCredentials> => {
    const source = await chooseCredentialSource(env, profile);
    if (source.kind === 'environment') return fromEnv();
    return fromNodeProviderChain({ ...(profile ? { profile } : {}), logger: new QuietLogger() });
  };
  return async (identityProperties?: Record<string, unknown>) => {
    provider ??= choose();
    const chosen = await provider;
    return typeof chosen === 'function' ? chosen(identityProperties) : chosen;
  };
}
