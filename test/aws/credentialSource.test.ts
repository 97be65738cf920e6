import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseCredentialSource, sessionCredentials } from '../../source/aws/credentialSource.js';

function awsHome(files: { credentials?: string } = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'cws-creds-'));
  writeFileSync(join(home, 'config'), '');
  writeFileSync(join(home, 'credentials'), files.credentials ?? '');
  return {
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

const envKeys = { AWS_ACCESS_KEY_ID: 'AKIDENVIRONMENT', AWS_SECRET_ACCESS_KEY: 'env-secret' };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('credentials in the environment with a cws-tui profile', () => {
  it('a profile name that is not in ~/.aws (default) uses the environment keys, without the SDK warning', async () => {
    const env = { ...awsHome(), ...envKeys };
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    const warn = vi.spyOn(console, 'warn');
    expect((await chooseCredentialSource(env, 'default')).kind).toBe('environment');
    const provider = sessionCredentials(env, 'default');
    const credentials = typeof provider === 'function' ? await provider() : provider;
    expect(credentials.accessKeyId).toBe('AKIDENVIRONMENT');
    expect(warn).not.toHaveBeenCalled();
  });

  it('a profile that exists wins, the user is told the environment keys are ignored, and the SDK stays quiet', async () => {
    const env = {
      ...awsHome({
        credentials: '[lab]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n',
      }),
      ...envKeys,
      AWS_PROFILE: 'lab',
    };
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    const warn = vi.spyOn(console, 'warn');
    const source = await chooseCredentialSource(env, 'lab');
    expect(source.kind).toBe('profile');
    expect(source.notice).toContain(
      "the AWS profile 'lab' is used; the keys in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are ignored",
    );
    const provider = sessionCredentials(env, 'lab');
    const credentials = typeof provider === 'function' ? await provider() : provider;
    expect(credentials.accessKeyId).toBe('AKIDPROFILE');
    expect(warn).not.toHaveBeenCalled();
  });
});
