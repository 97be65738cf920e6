import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { buildOpenApi, openApiPath } from '../../source/server/buildOpenApi.js';
import { routeTable } from '../../source/server/routeTable.js';
import { testEnvironment } from '../commands/commandHarness.js';
import { cliJson, startServe } from './serveHarness.js';

const run = promisify(execFile);
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function hasCurl(): Promise<boolean> {
  return run('curl', ['--version']).then(
    () => true,
    () => false,
  );
}

describe('the OpenAPI document', () => {
  it('describes every route of the table, and every schema in it compiles', () => {
    const document = buildOpenApi(routeTable, 'test') as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe('3.1.0');
    for (const route of routeTable) {
      const operation = document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      expect(Object.keys(operation?.responses ?? {})).toEqual(
        expect.arrayContaining(['400', '403', '404', '500']),
      );
    }
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(routeTable.length);
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'openapi', components: document.components });
    for (const name of Object.keys(document.components.schemas)) {
      expect(() => ajv.compile({ $ref: `openapi#/components/schemas/${name}` }), name).not.toThrow();
    }
  });

  it('is a valid OpenAPI 3.1 document, checked by an OpenAPI validator (its meta-schema and every $ref)', async () => {
    const document = buildOpenApi(routeTable, 'test');
    // The validator dereferences in place: it gets a copy.
    const validated = await SwaggerParser.validate(structuredClone(document) as never);
    expect(validated).toMatchObject({ openapi: '3.1.0' });
    expect(Object.keys((validated as { paths: object }).paths).length).toBeGreaterThan(40);
    // The validator is not a formality: an info without a title, or a dangling $ref, is refused.
    const untitled = { ...structuredClone(document), info: { version: 'test' } };
    await expect(SwaggerParser.validate(untitled as never)).rejects.toThrow(/title/);
    const dangling = structuredClone(document) as {
      paths: Record<string, Record<string, { responses: object }>>;
    };
    const [firstPath] = Object.keys(dangling.paths);
    const operations = dangling.paths[firstPath ?? ''] ?? {};
    const [firstMethod] = Object.keys(operations);
    (operations[firstMethod ?? ''] as { responses: object }).responses = {
      200: {
        description: 'x',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
      },
    };
    await expect(SwaggerParser.validate(dangling as never)).rejects.toThrow(/Nope/);
  });

  it('with real curl over the socket: list, launch following its events, stop, terminate and cost, as the CLI answers', async () => {
    expect(await hasCurl(), 'curl is needed for this test').toBe(true);
    const env = testEnvironment();
    const { service } = await startServe(env);
    closers.push(() => service.close());
    const socket = String(service.socketPath);
    const curl = async (...args: string[]) =>
      JSON.parse((await run('curl', ['-sS', '--unix-socket', socket, ...args])).stdout) as Record<
        string,
        unknown
      >;
    const document = (await curl('http://localhost/v1/openapi.json')) as { paths: Record<string, object> };
    for (const path of ['/v1/workstations', '/v1/workstations/{name}', '/v1/events', '/v1/cost']) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect(await curl('http://localhost/v1/workstations')).toEqual([]);

    // `curl -N` follows the event stream while another curl launches.
    const follower = spawn('curl', ['-sS', '-N', '--unix-socket', socket, 'http://localhost/v1/events']);
    closers.push(async () => {
      follower.kill();
    });
    let stream = '';
    const launchedEvent = new Promise<void>((resolve) => {
      follower.stdout.setEncoding('utf8');
      follower.stdout.on('data', (chunk: string) => {
        stream += chunk;
        if (/event: launched\n/.test(stream)) resolve();
      });
    });
    await new Promise<void>((resolve) => follower.stdout.once('data', () => resolve()));
    const launched = await curl(
      '-X',
      'POST',
      '-H',
      'content-type: application/json',
      '-d',
      '{"template":"python-ml","name":"curled","size":"S"}',
      'http://localhost/v1/workstations',
    );
    expect(launched).toMatchObject({ workstation: { name: 'curled', state: 'running' } });
    await launchedEvent;
    const progress = stream
      .split('\n\n')
      .filter((block) => block.includes('event: launch-progress'))
      .map(
        (block) => (JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { progress: unknown }).progress,
      );
    expect(progress).toEqual(launched.steps);
    expect(progress).toContainEqual(expect.objectContaining({ step: 'wait-running', status: 'done' }));

    expect(await curl('http://localhost/v1/workstations')).toEqual(await cliJson(runListCommand, [], env));
    expect(await curl('-X', 'POST', 'http://localhost/v1/workstations/curled/stop')).toMatchObject({
      state: 'stopped',
    });
    expect(await curl('http://localhost/v1/workstations')).toEqual(await cliJson(runListCommand, [], env));
    expect(
      await curl('-X', 'DELETE', 'http://localhost/v1/workstations/curled?confirm=curled'),
    ).toMatchObject({
      state: 'terminated',
    });
    expect(await curl('http://localhost/v1/workstations')).toEqual(await cliJson(runListCommand, [], env));
    const { generated_at: _a, ...cost } = await curl('http://localhost/v1/cost');
    const { generated_at: _b, ...cliCost } = (await cliJson(runCostCommand, [], env)) as Record<
      string,
      unknown
    >;
    expect(cost).toMatchObject({ currency: 'USD', basis: 'estimate' });
    expect(cost).toEqual(cliCost);
  });
});
