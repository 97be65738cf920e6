import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAwsProfiles, resolveAwsRegion } from '../../source/aws/awsSharedConfig.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'cws-home-'));
  await mkdir(join(home, '.aws'));
  await writeFile(
    join(home, '.aws', 'config'),
    [
      '# managed by the lab',
      '[default]',
      'region = eu-central-1',
      '',
      '[profile research]',
      'sso_session = uni',
      'sso_account_id = 123456789012',
      'region=us-west-2',
      '',
      '[sso-session uni]',
      'sso_start_url = https://uni.awsapps.com/start',
      '',
      '[services local]',
      'ec2 =',
      '  endpoint_url = http://localhost:4566',
    ].join('\n'),
  );
  await writeFile(
    join(home, '.aws', 'credentials'),
    '[ci]\naws_access_key_id = AKID\naws_secret_access_key = s\n',
  );
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('readAwsProfiles', () => {
  it('lists config and credentials profiles, default first, with region and SSO', async () => {
    expect(await readAwsProfiles({ HOME: home })).toEqual([
      { name: 'default', region: 'eu-central-1', sso: false },
      { name: 'ci', sso: false },
      { name: 'research', region: 'us-west-2', sso: true },
    ]);
  });

  it('is empty when the files do not exist', async () => {
    expect(await readAwsProfiles({ HOME: join(home, 'nowhere') })).toEqual([]);
  });
});

describe('resolveAwsRegion', () => {
  it('prefers AWS_REGION, then AWS_DEFAULT_REGION, then the profile', async () => {
    expect(
      await resolveAwsRegion({ HOME: home, AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'sa-east-1' }),
    ).toBe('ap-south-1');
    expect(await resolveAwsRegion({ HOME: home, AWS_DEFAULT_REGION: 'sa-east-1' })).toBe('sa-east-1');
    expect(await resolveAwsRegion({ HOME: home }, 'research')).toBe('us-west-2');
    expect(await resolveAwsRegion({ HOME: home, AWS_PROFILE: 'research' })).toBe('us-west-2');
    expect(await resolveAwsRegion({ HOME: home })).toBe('eu-central-1');
    expect(await resolveAwsRegion({ HOME: home }, 'ci')).toBeUndefined();
  });
});
