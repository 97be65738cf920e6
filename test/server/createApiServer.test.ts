import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiContext } from '../../source/server/ApiRoute.js';
import { defineRoute } from '../../source/server/ApiRoute.js';
import { createApiServer } from '../../source/server/createApiServer.js';
import { EventHub } from '../../source/server/EventHub.js';

const answer = z.object({ done: z.boolean() });

async function server(stateDir: string, handled: string[]) {
  const routes = [
    defineRoute({
      method: 'GET',
      url: '/v1/slow',
      summary: 'never answers',
      tag: 'test',
      response: answer,
      handle: () => new Promise(() => {}),
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/change',
      summary: 'changes something',
      tag: 'test',
      response: answer,
      mutation: true,
      handle: async () => {
        handled.push('change');
        return { done: true };
      },
    }),
  ];
  const { app } = await createApiServer({
    routes,
    context: { events: new EventHub() } as unknown as ApiContext,
    authenticate: async () => ({ via: 'socket', uid: 1000 }),
    stateDir,
    env: { CWS_STATE_DIR: stateDir },
    readTimeoutMs: 50,
  });
  return app;
}

describe('the API server', () => {
  it('answers 504 when a request takes longer than its timeout', async () => {
    const app = await server(await mkdtemp(join(tmpdir(), 'cws-api-')), []);
    const response = await app.inject({ method: 'GET', url: '/v1/slow' });
    expect(response.statusCode).toBe(504);
    expect(response.json()).toEqual({
      error: { code: 'timeout', message: 'the request took longer than 50 ms', hint: null },
    });
    await app.close();
  });

  it('makes no change it cannot write to the audit log (fails closed)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cws-api-'));
    // The state dir is a file: the audit log cannot be written under it.
    await writeFile(join(root, 'state'), 'not a directory');
    const handled: string[] = [];
    const app = await server(join(root, 'state'), handled);
    const response = await app.inject({ method: 'POST', url: '/v1/change' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'audit_unavailable' } });
    expect(handled).toEqual([]);
    await app.close();
  });
});
