import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runServeCommand } from '../../source/commands/serveCommand.js';
import { checkRemoteListen, parseListenAddress } from '../../source/server/listenAddress.js';
import { rotateServeToken, serveTokenPath } from '../../source/server/serveToken.js';
import { runCommand, testEnvironment } from '../commands/commandHarness.js';
import { call, followEvents } from './apiClient.js';
import type { openApiValidator } from './openApiValidator.js';
import { startCheckedServe } from './serveHarness.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

let validateAgainst: ReturnType<typeof openApiValidator> | undefined;

/** Every response of these tests is checked against the server's OpenAPI document (preflights aside). */
async function checked(...args: Parameters<typeof call>) {
  const response = await call(...args);
  if (args[1] !== 'OPTIONS') validateAgainst?.(args[1], args[2], response);
  return response;
}

async function servedOnLoopback(options: { mutationsPerMinute?: number; corsOrigin?: string } = {}) {
  const env = testEnvironment();
  const { service, target, validate } = await startCheckedServe(env, {
    listen: { host: '127.0.0.1', port: 0 },
    ...options,
  });
  validateAgainst = validate;
  return { env, service, target, validate };
}

describe('cws-tui serve on a loopback port', () => {
  it('needs the bearer token printed once, refuses a wrong or rotated one, and stores only its hash 0600', async () => {
    const { env, service, target, validate } = await servedOnLoopback();
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(service.newToken).toMatch(/^cws_[0-9a-f]{8}_/);
    const path = serveTokenPath(String(env.CWS_STATE_DIR));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await import('node:fs/promises').then(({ readFile }) => readFile(path, 'utf8'))).not.toContain(
      String(service.newToken),
    );

    const ok = await checked(target, 'GET', '/v1/workstations');
    validate('GET', '/v1/workstations', ok);
    expect(ok.status).toBe(200);

    const none = await checked({ base: target.base }, 'GET', '/v1/workstations');
    validate('GET', '/v1/workstations', none);
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ error: { code: 'token_required' } });
    const wrong = await checked({ ...target, token: `${target.token}x` }, 'GET', '/v1/workstations');
    expect(wrong.json).toMatchObject({ error: { code: 'invalid_token' } });
    // Unknown routes are refused too without a token: nothing is said to a stranger.
    expect((await checked({ base: target.base }, 'GET', '/v1/nothing')).status).toBe(401);

    const rotated = await rotateServeToken(String(env.CWS_STATE_DIR));
    const stale = await checked(target, 'GET', '/v1/workstations');
    validate('GET', '/v1/workstations', stale);
    expect(stale.status).toBe(401);
    expect(stale.json).toMatchObject({ error: { code: 'stale_token' } });
    expect((await checked({ ...target, token: rotated.token }, 'GET', '/v1/workstations')).status).toBe(200);
    const events = await followEvents({ ...target, token: rotated.token });
    closers.push(async () => events.close());
    expect(events.contentType).toMatch(/^text\/event-stream/);
  });

  it('rate-limits changes per caller with 429, not reads', async () => {
    const { target, validate } = await servedOnLoopback({ mutationsPerMinute: 2 });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await checked(target, 'POST', '/v1/workstations/ghost/stop');
      validate('POST', '/v1/workstations/ghost/stop', response);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([404, 404, 429]);
    expect((await checked(target, 'GET', '/v1/workstations')).status).toBe(200);
  });

  it('finishes a launch in flight before it stops, and then takes no new request', async () => {
    const { service, target } = await servedOnLoopback();
    const events = await followEvents(target);
    const launch = checked(target, 'POST', '/v1/workstations', {
      body: { template: 'python-ml', name: 'late', size: 'S' },
    });
    await events.next((event) => event.event === 'launch-progress');
    const closing = service.close();
    const launched = await launch;
    expect(launched.status).toBe(201);
    expect(launched.json).toMatchObject({ workstation: { name: 'late', state: 'running' } });
    await closing;
    await expect(checked(target, 'GET', '/v1/workstations')).rejects.toThrow();
  });

  it('refuses any address but loopback unless TLS and --allow-remote are given', async () => {
    const remote = parseListenAddress('0.0.0.0:8443');
    expect(() => checkRemoteListen(remote, { allowRemote: false })).toThrow(
      /refusing to listen on 0\.0\.0\.0/,
    );
    expect(() => checkRemoteListen(remote, { allowRemote: true })).toThrow(/--tls-cert and --tls-key/);
    expect(() => checkRemoteListen(remote, { tlsCert: 'c', tlsKey: 'k', allowRemote: true })).not.toThrow();
    expect(parseListenAddress('[::1]:80')).toMatchObject({ host: '::1', loopback: true });
    expect(() => parseListenAddress('127.0.0.1')).toThrow(/HOST:PORT/);
    expect(() => parseListenAddress('example.org:80')).toThrow(/not an IP address/);
    const env = testEnvironment();
    const refused = await runCommand(runServeCommand, [], env, { demo: true, listen: '10.1.2.3:80' }).catch(
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/refusing to listen on 10\.1\.2\.3/);
  });

  it('sends CORS headers only for the origin named with --cors-origin', async () => {
    const plain = await servedOnLoopback();
    const ungranted = await checked(plain.target, 'GET', '/v1/session', {
      headers: { origin: 'https://lab.example' },
    });
    expect(ungranted.headers['access-control-allow-origin']).toBeUndefined();
    const { target } = await servedOnLoopback({ corsOrigin: 'https://lab.example' });
    const preflight = await checked({ base: target.base }, 'OPTIONS', '/v1/workstations', {
      headers: { origin: 'https://lab.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://lab.example');
    const granted = await checked(target, 'GET', '/v1/session', {
      headers: { origin: 'https://lab.example' },
    });
    expect(granted.headers['access-control-allow-origin']).toBe('https://lab.example');
  });

  it('serve --rotate-token prints a new token once', async () => {
    const env = testEnvironment();
    const first = await runCommand(runServeCommand, [], env, { rotateToken: true });
    const second = await runCommand(runServeCommand, [], env, { rotateToken: true });
    expect(first.stdout).toMatch(/^cws_[0-9a-f]{8}_\S+\n$/);
    expect(second.stdout).not.toBe(first.stdout);
  });
});
