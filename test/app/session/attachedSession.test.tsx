import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { runTui } from '../../../source/app/runTui.js';
import { connectToServe } from '../../../source/app/session/connectToServe.js';
import { openAttachedSession } from '../../../source/app/session/openAttachedSession.js';
import type { ServeClient } from '../../../source/app/session/ServeClient.js';
import { createTheme } from '../../../source/app/theme.js';
import { defaultSocketPath } from '../../../source/server/claimSocketPath.js';
import { defaultFlags, testEnvironment } from '../../commands/commandHarness.js';
import { call, followEvents } from '../../server/apiClient.js';
import { startServe } from '../../server/serveHarness.js';
import { type RenderedTui, renderTui } from '../fakeTerminal.js';

const closers: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

function attachedTui(env: NodeJS.ProcessEnv, client: ServeClient): RenderedTui {
  const tui = renderTui(
    <App
      openSession={(profile) =>
        openAttachedSession({ env, client, ...(profile === undefined ? {} : { switchTo: profile }) })
      }
      theme={createTheme(false)}
      refreshMs={100}
    />,
    { columns: 120, rows: 40 },
  );
  closers.push(() => tui.unmount());
  return tui;
}

async function auditedRoutes(env: NodeJS.ProcessEnv): Promise<Array<Record<string, unknown>>> {
  const audit = await readFile(join(String(env.CWS_STATE_DIR), 'audit.jsonl'), 'utf8');
  return audit
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.action === 'api-request');
}

describe('cws-tui --attach', () => {
  it("puts two TUIs on one serve's session: a stop in one goes through the server and shows in the other", async () => {
    const env = testEnvironment();
    const { service, target } = await startServe(env);
    closers.push(() => service.close());
    const launched = await call(target, 'POST', '/v1/workstations', {
      body: { template: 'python-ml', name: 'shared-1', size: 'S' },
    });
    expect(launched.status).toBe(201);
    const events = await followEvents(target);
    closers.push(() => events.close());

    const client = await connectToServe(env);
    const first = attachedTui(env, client);
    const second = attachedTui(env, client);
    await first.waitFor(/shared-1.*running/);
    await second.waitFor(/shared-1.*running/);
    expect(first.lastFrame()).toContain('profile demo');

    await first.type('S');
    await first.waitFor('Stopping shared-1');
    const stopped = await events.next(
      (event) => event.event === 'action' && (event.data as { action?: string }).action === 'stop',
    );
    expect(stopped.data).toMatchObject({ name: 'shared-1' });
    await second.waitFor(/shared-1.*stopped/);
    // The server did it, on the socket, audited with the caller: not the TUI's own session.
    expect(await auditedRoutes(env)).toContainEqual(
      expect.objectContaining({
        route: '/v1/workstations/:name/stop',
        outcome: 'done',
        caller: { via: 'socket', uid: process.getuid?.() },
      }),
    );
    expect((await call(target, 'GET', '/v1/workstations')).json).toMatchObject([
      { name: 'shared-1', state: 'stopped' },
    ]);
  });

  it("a server's refusal shows as the TUI's message with the server's hint", async () => {
    const env = testEnvironment();
    const { service } = await startServe(env);
    closers.push(() => service.close());
    const client = await connectToServe(env);
    const session = await openAttachedSession({ env, client });
    await expect(
      session.refreshWorkstation({
        id: 'i-0000000000000000f',
        name: 'ghost',
        kind: 'ec2',
        template: 'python-ml',
        region: 'us-east-1',
        state: 'running',
        hibernated: false,
        instance_type: 't3.medium',
        launched_at: new Date(0).toISOString(),
        connect: 'ssh',
      }),
    ).resolves.toBeUndefined();
    await expect(
      session.startWorkstation({
        id: 'i-0000000000000000f',
        name: 'ghost',
        kind: 'ec2',
        template: 'python-ml',
        region: 'us-east-1',
        state: 'stopped',
        hibernated: false,
        instance_type: 't3.medium',
        launched_at: new Date(0).toISOString(),
        connect: 'ssh',
      }),
    ).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('i-0000000000000000f') });
  });

  it('says plainly, before the screen opens, when no serve is running or it is not this user’s', async () => {
    const env = testEnvironment();
    const socket = defaultSocketPath(String(env.CWS_STATE_DIR));
    const flags = { ...defaultFlags(), attach: true };
    await expect(runTui({ flags, env })).rejects.toThrow(
      `no cws-tui serve is running: ${socket} does not exist; start one with \`cws-tui serve\` in another terminal, or run cws-tui without --attach`,
    );

    const { service } = await startServe(env);
    closers.push(() => service.close());
    const me = process.getuid?.() ?? 0;
    await expect(connectToServe(env, me + 1)).rejects.toThrow(
      `the cws-tui serve on ${socket} belongs to uid ${me}, not to you (uid ${me + 1})`,
    );
    await service.close();
    // A file where the socket should be is not a server.
    await writeFile(socket, 'not a socket');
    await expect(connectToServe(env)).rejects.toThrow(`${socket} is not a cws-tui serve socket`);
  });
});
