import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runServeCommand } from '../../source/commands/serveCommand.js';
import { runCommand, testEnvironment } from '../commands/commandHarness.js';
import { type ApiResponse, call } from './apiClient.js';
import { openApiValidator } from './openApiValidator.js';
import { startServe } from './serveHarness.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** A real self-signed certificate for 127.0.0.1 and localhost, made by openssl for this test only. */
async function selfSignedCertificate(): Promise<{
  cert: Buffer;
  key: Buffer;
  certPath: string;
  keyPath: string;
}> {
  const directory = await mkdtemp(join(tmpdir(), 'cws-tls-'));
  closers.push(() => rm(directory, { recursive: true, force: true }));
  const certPath = join(directory, 'cert.pem');
  const keyPath = join(directory, 'key.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  return { cert: await readFile(certPath), key: await readFile(keyPath), certPath, keyPath };
}

/** One HTTPS request that trusts only `ca` (or nothing beyond the system's roots when absent). */
function callHttps(
  base: string,
  path: string,
  options: { ca?: Buffer; token?: string },
): Promise<ApiResponse> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      {
        method: 'GET',
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        ...(options.ca ? { ca: options.ca } : {}),
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: JSON.parse(text) as unknown,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('cws-tui serve over TLS with a real certificate', () => {
  it('answers over https with the token, and refuses plain http and an untrusted certificate', async () => {
    const tls = await selfSignedCertificate();
    const env = testEnvironment();
    const { service, target } = await startServe(env, {
      listen: { host: '127.0.0.1', port: 0 },
      https: { cert: tls.cert, key: tls.key },
    });
    closers.push(() => service.close());
    expect(service.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const base = String(target.base);

    const document = await callHttps(base, '/v1/openapi.json', { ca: tls.cert, token: target.token });
    const validate = openApiValidator(document.json as Parameters<typeof openApiValidator>[0]);
    const listed = await callHttps(base, '/v1/workstations', { ca: tls.cert, token: target.token });
    validate('GET', '/v1/workstations', listed);
    expect(listed.status).toBe(200);
    expect(Array.isArray(listed.json)).toBe(true);

    // TLS does not replace the token.
    const anonymous = await callHttps(base, '/v1/workstations', { ca: tls.cert });
    validate('GET', '/v1/workstations', anonymous);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ error: { code: 'token_required' } });

    // A client that does not trust the certificate stops at the handshake.
    await expect(callHttps(base, '/v1/workstations', { token: target.token })).rejects.toThrow(
      /self[- ]signed|unable to verify|certificate/i,
    );
    // Plain http to the TLS port gets no answer at all: the connection is cut at the handshake.
    const plainBase = base.replace(/^https:/, 'http:');
    await expect(call({ base: plainBase, token: target.token }, 'GET', '/v1/workstations')).rejects.toThrow();
  });

  it('serve says which TLS file it cannot read, before it listens', async () => {
    const tls = await selfSignedCertificate();
    const env = testEnvironment();
    const refused = await runCommand(runServeCommand, [], env, {
      demo: true,
      listen: '127.0.0.1:0',
      tlsCert: tls.certPath,
      tlsKey: `${tls.keyPath}.missing`,
    }).catch((error: Error) => error.message);
    expect(refused).toMatch(/cannot read the TLS certificate or key: .*key\.pem\.missing/);
  });
});
