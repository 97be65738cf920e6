import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasAwsCredentials } from '../../source/aws/detectCredentials.js';

let home: string;
const servers: Server[] = [];

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'cws-home-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(home, { recursive: true, force: true });
});

/** A stand-in for the instance metadata service, answering IMDSv2 as EC2 does. */
async function fakeImds(options: { role: string; hang?: boolean }): Promise<string> {
  const server = createServer((request, response) => {
    if (options.hang) return;
    if (request.method === 'PUT' && request.url === '/latest/api/token') {
      response.end('AQAEAFakeToken==');
      return;
    }
    if (request.url === '/latest/meta-data/iam/security-credentials/') {
      if (request.headers['x-aws-ec2-metadata-token'] !== 'AQAEAFakeToken==') {
        response.statusCode = 401;
        response.end();
        return;
      }
      response.statusCode = options.role ? 200 : 404;
      response.end(options.role);
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const quiet = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  HOME: home,
  AWS_EC2_METADATA_DISABLED: 'true',
  ...extra,
});

describe('hasAwsCredentials', () => {
  it('is false with nothing configured and the metadata service disabled', async () => {
    expect(await hasAwsCredentials(quiet(), { timeoutMs: 300 })).toBe(false);
  });

  it('sees keys, a profile or a web identity in the environment', async () => {
    expect(
      await hasAwsCredentials(quiet({ AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 's' }), {
        timeoutMs: 300,
      }),
    ).toBe(true);
    expect(await hasAwsCredentials(quiet({ AWS_PROFILE: 'lab' }), { timeoutMs: 300 })).toBe(true);
    expect(
      await hasAwsCredentials(quiet({ AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token' }), { timeoutMs: 300 }),
    ).toBe(true);
    expect(await hasAwsCredentials(quiet({ AWS_ACCESS_KEY_ID: 'AKID' }), { timeoutMs: 300 })).toBe(false);
  });

  it('sees a profile in ~/.aws/config, but not an sso-session section alone', async () => {
    await mkdir(join(home, '.aws'));
    await writeFile(
      join(home, '.aws', 'config'),
      '[sso-session uni]\nsso_start_url = https://uni.awsapps.com/start\n',
    );
    expect(await hasAwsCredentials(quiet(), { timeoutMs: 300 })).toBe(false);
    await writeFile(
      join(home, '.aws', 'config'),
      '[sso-session uni]\nsso_start_url = https://uni.awsapps.com/start\n\n[profile research]\nsso_session = uni\nregion = us-west-2\n',
    );
    expect(await hasAwsCredentials(quiet(), { timeoutMs: 300 })).toBe(true);
  });

  it('sees a credentials file named by AWS_SHARED_CREDENTIALS_FILE', async () => {
    const file = join(home, 'creds');
    await writeFile(file, '[default]\naws_access_key_id = AKID\naws_secret_access_key = s\n');
    expect(await hasAwsCredentials(quiet({ AWS_SHARED_CREDENTIALS_FILE: file }), { timeoutMs: 300 })).toBe(
      true,
    );
  });

  it('asks the metadata service with an IMDSv2 token for an instance role', async () => {
    const endpoint = await fakeImds({ role: 'BastionRole' });
    const env = { HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint };
    expect(await hasAwsCredentials(env, { timeoutMs: 2000 })).toBe(true);
  });

  it('is false on an instance without a role', async () => {
    const endpoint = await fakeImds({ role: '' });
    expect(
      await hasAwsCredentials(
        { HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint },
        { timeoutMs: 2000 },
      ),
    ).toBe(false);
  });

  it('gives up when the metadata service does not answer in time', async () => {
    const endpoint = await fakeImds({ role: 'BastionRole', hang: true });
    expect(
      await hasAwsCredentials(
        { HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint },
        { timeoutMs: 100 },
      ),
    ).toBe(false);
  });
});
