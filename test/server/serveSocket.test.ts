import { lstat, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { startApiService } from '../../source/server/startApiService.js';
import { defaultFlags, runCommand, testEnvironment } from '../commands/commandHarness.js';
import { followEvents } from './apiClient.js';
import { startCheckedServe } from './serveHarness.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function served(env = testEnvironment()) {
  return { env, ...(await startCheckedServe(env)) };
}

describe('cws-tui serve on its Unix socket (demo account)', () => {
  it('lists, launches following the events to running, stops, terminates, and reports cost as the CLI does', async () => {
    const { env, target, checked } = await served();
    expect((await checked('GET', '/v1/workstations')).json).toEqual([]);
    const events = await followEvents(target);
    closers.push(async () => events.close());
    expect(events.contentType).toMatch(/^text\/event-stream/);

    const launched = await checked('POST', '/v1/workstations', {
      body: { template: 'python-ml', name: 'thesis', size: 'S' },
    });
    expect(launched.status).toBe(201);
    expect(launched.json).toMatchObject({ workstation: { name: 'thesis', state: 'running' } });
    const running = await events.next(
      (event) =>
        event.event === 'launch-progress' &&
        (event.data as { progress: { step: string; status: string } }).progress.step === 'wait-running' &&
        (event.data as { progress: { status: string } }).progress.status === 'done',
    );
    expect(running.data).toMatchObject({ name: 'thesis', template: 'python-ml' });
    const steps = events.events
      .filter((event) => event.event === 'launch-progress')
      .map((event) => event.data);
    expect(steps.map((step) => (step as { progress: unknown }).progress)).toEqual(
      (launched.json as { steps: unknown[] }).steps,
    );
    await events.next((event) => event.event === 'launched');

    const listed = await checked('GET', '/v1/workstations');
    const cli = await runCommand(runListCommand, [], env, { demo: true, json: true });
    expect(listed.json).toEqual(JSON.parse(cli.stdout));
    expect((await checked('GET', '/v1/workstations?state=stopped')).json).toEqual([]);
    expect((await checked('GET', '/v1/workstations/thesis')).json).toMatchObject({ name: 'thesis' });

    const stopped = await checked('POST', '/v1/workstations/thesis/stop');
    expect(stopped.json).toMatchObject({ name: 'thesis', state: 'stopped' });
    await events.next(
      (event) => event.event === 'action' && (event.data as { action: string }).action === 'stop',
    );

    const unconfirmed = await checked('DELETE', '/v1/workstations/thesis');
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json).toMatchObject({ error: { code: 'confirmation_required' } });
    const terminated = await checked('DELETE', '/v1/workstations/thesis?confirm=thesis');
    expect(terminated.json).toMatchObject({ name: 'thesis', state: 'terminated' });

    const cost = await checked('GET', '/v1/cost');
    const cliCost = JSON.parse(
      (await runCommand(runCostCommand, [], env, { demo: true, json: true })).stdout,
    );
    const { generated_at: _a, ...apiFigures } = cost.json as Record<string, unknown>;
    const { generated_at: _b, ...cliFigures } = cliCost as Record<string, unknown>;
    expect(apiFigures).toEqual(cliFigures);

    const audit = await readFile(join(String(env.CWS_STATE_DIR), 'audit.jsonl'), 'utf8');
    const lines = audit
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.action === 'api-request');
    expect(lines).toContainEqual(
      expect.objectContaining({
        route: '/v1/workstations/:name/stop',
        outcome: 'done',
        caller: { via: 'socket', uid: process.getuid?.() },
      }),
    );
  });

  it('answers bad requests with precise 4xx errors and never a stack', async () => {
    const { checked } = await served();
    const malformed = await checked('POST', '/v1/workstations', { raw: '{"template": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: { code: 'malformed_json' } });
    const unknown = await checked('POST', '/v1/workstations', {
      body: { template: 'python-ml', name: 'x', colour: 'blue' },
    });
    expect(unknown.status).toBe(400);
    expect((unknown.json as { error: { message: string } }).error.message).toBe(
      "body: unknown field 'colour'",
    );
    const wrongType = await checked('POST', '/v1/workstations', { body: { template: 'python-ml', name: 7 } });
    expect((wrongType.json as { error: { message: string } }).error.message).toBe(
      "body field 'name': expected string, received number",
    );
    const oversized = await checked('POST', '/v1/workstations', {
      body: { template: 'python-ml', name: 'x', reason: 'y'.repeat(100_000) },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.json).toMatchObject({ error: { code: 'body_too_large' } });
    const route = await checked('GET', '/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.json).toMatchObject({
      error: { code: 'unknown_route', message: 'no route GET /v1/nothing-here' },
    });
    const missing = await checked('POST', '/v1/workstations/ghost/stop');
    expect(missing.status).toBe(404);
    expect((missing.json as { error: { message: string } }).error.message).toMatch(
      /^no workstation named 'ghost'/,
    );
    const usage = await checked('POST', '/v1/workstations', {
      body: { template: 'python-ml', name: 'x', size: 'S', type: 'm7i.large' },
    });
    expect(usage.status).toBe(400);
    expect((usage.json as { error: { message: string } }).error.message).toMatch(
      /^give either --size or --type/,
    );
    for (const response of [malformed, unknown, wrongType, oversized, route, missing, usage]) {
      expect(response.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });

  it('denies a launch the policy denies with 403 and the CLI message, and writes no workstation', async () => {
    const env = testEnvironment();
    const { ConfigStore } = await import('../../source/core/config/ConfigStore.js');
    ConfigStore.open(String(env.CWS_CONFIG_DIR)).addProfile({
      name: 'lab',
      aws_profile: 'lab',
      region: 'us-east-1',
      policy: { instance_types: { allow: ['t3.*'] } },
      policy_chain: [],
      kind: 'personal',
      role: 'member',
      can_invite: false,
      created_at: '2026-11-01T00:00:00Z',
    });
    const { checked } = await served(env);
    const denied = await checked('POST', '/v1/workstations', {
      body: { template: 'python-ml', name: 'big', size: 'L' },
    });
    expect(denied.status).toBe(403);
    const error = (denied.json as { error: { code: string; message: string; details: { allowed: boolean } } })
      .error;
    expect(error.code).toBe('policy_denied');
    expect(error.message).toMatch(/^The policy denies this: /);
    expect(error.details.allowed).toBe(false);
    const tested = await checked('POST', '/v1/policy/test', {
      body: { template: 'python-ml', type: 'm7i.2xlarge' },
    });
    expect(tested.status).toBe(403);
    expect((await checked('GET', '/v1/workstations')).json).toEqual([]);
    expect((await checked('GET', '/v1/policy')).status).toBe(200);
  });

  it('switches the session to another profile, and names the profiles when there is no such one', async () => {
    const env = testEnvironment();
    const { ConfigStore } = await import('../../source/core/config/ConfigStore.js');
    ConfigStore.open(String(env.CWS_CONFIG_DIR)).addProfile({
      name: 'lab',
      aws_profile: 'lab',
      region: 'eu-west-1',
      policy: {},
      policy_chain: [],
      kind: 'personal',
      role: 'member',
      can_invite: false,
      created_at: '2026-11-01T00:00:00Z',
    });
    const { checked } = await served(env);
    const missing = await checked('PUT', '/v1/session/profile', { body: { profile: 'nope' } });
    expect(missing.status).toBe(404);
    expect((missing.json as { error: { message: string } }).error.message).toBe(
      "no profile named 'nope' (profiles: lab)",
    );
    const switched = await checked('PUT', '/v1/session/profile', { body: { profile: 'lab' } });
    expect(switched.status).toBe(200);
    expect(switched.json).toMatchObject({ profile: 'lab' });
    expect((await checked('GET', '/v1/profiles')).json).toContainEqual(
      expect.objectContaining({ name: 'lab', current: true }),
    );
  });

  it('serves templates, storage, the session and users in the CLI shapes', async () => {
    const { checked } = await served();
    const templates = await checked('GET', '/v1/templates');
    expect((templates.json as Array<{ slug: string }>).map((t) => t.slug)).toContain('python-ml');
    expect((await checked('GET', '/v1/templates/python-ml')).json).toMatchObject({ slug: 'python-ml' });
    expect((await checked('GET', '/v1/templates/nope')).status).toBe(404);
    expect((await checked('POST', '/v1/templates/validate')).json).toMatchObject({ ok: true });
    expect((await checked('GET', '/v1/session')).json).toMatchObject({ account_kind: 'demo' });
    expect((await checked('GET', '/v1/storage')).status).toBe(200);
    expect((await checked('GET', '/v1/users')).status).toBe(200);
  });

  it('makes the socket 0600 and refuses a symlinked socket path or a second serve, naming the pid', async () => {
    const { env, service } = await served();
    const socket = String(service.socketPath);
    expect((await lstat(socket)).mode & 0o777).toBe(0o600);
    const second = startApiService({
      context: {
        args: [],
        flags: { ...defaultFlags(), demo: true },
        env,
        stdout: () => {},
        stderr: () => {},
      },
      version: 'test',
    });
    await expect(second).rejects.toThrow(
      `another cws-tui serve (pid ${process.pid}) is listening on ${socket}`,
    );

    const other = testEnvironment();
    const state = String(other.CWS_STATE_DIR);
    await import('node:fs/promises').then(({ mkdir }) => mkdir(state, { recursive: true }));
    await symlink('/tmp/elsewhere.sock', join(state, 'serve.sock'));
    const linked = startApiService({
      context: {
        args: [],
        flags: { ...defaultFlags(), demo: true },
        env: other,
        stdout: () => {},
        stderr: () => {},
      },
      version: 'test',
    });
    await expect(linked).rejects.toThrow(/is a symbolic link \(to \/tmp\/elsewhere\.sock\)/);
  });
});
