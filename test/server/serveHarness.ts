import { onTestFinished } from 'vitest';
import type { CommandFlags } from '../../source/commands/CommandFlags.js';
import { startApiService } from '../../source/server/startApiService.js';
import { defaultFlags, runCommand } from '../commands/commandHarness.js';
import { type ApiResponse, call, type Target } from './apiClient.js';
import { openApiValidator } from './openApiValidator.js';

export interface ServeOptions {
  listen?: { host: string; port: number };
  flags?: Partial<CommandFlags>;
  mutationsPerMinute?: number;
  corsOrigin?: string;
  https?: { cert: Buffer; key: Buffer };
}

/** `cws-tui serve --demo` in this process, on the state dir's socket or a loopback port. */
export async function startServe(env: NodeJS.ProcessEnv, options: ServeOptions = {}) {
  const flags = { ...defaultFlags(), demo: true, ...options.flags };
  const service = await startApiService({
    context: { args: [], flags, env, stdout: () => {}, stderr: () => {} },
    version: '0.0.0-test',
    ...(options.listen ? { tcp: { ...options.listen, loopback: true } } : {}),
    ...(options.mutationsPerMinute ? { mutationsPerMinute: options.mutationsPerMinute } : {}),
    ...(options.corsOrigin ? { corsOrigin: options.corsOrigin } : {}),
    ...(options.https ? { https: options.https } : {}),
  });
  const target: Target = service.socketPath
    ? { socketPath: service.socketPath }
    : { base: service.url, ...(service.newToken ? { token: service.newToken } : {}) };
  return { service, target };
}

export type OpenApiDocument = Parameters<typeof openApiValidator>[0];

/**
 * serve on the demo account, closed when the test ends, with `checked`: a call whose response is
 * checked against the server's own OpenAPI document.
 */
export async function startCheckedServe(env: NodeJS.ProcessEnv, options: ServeOptions = {}) {
  const { service, target } = await startServe(env, options);
  onTestFinished(() => service.close());
  const document = (await call(target, 'GET', '/v1/openapi.json')).json as OpenApiDocument;
  const validate = openApiValidator(document);
  const checked = async (
    method: string,
    path: string,
    callOptions?: Parameters<typeof call>[3],
  ): Promise<ApiResponse> => {
    const response = await call(target, method, path, callOptions);
    validate(method, path, response);
    return response;
  };
  return { service, target, document, validate, checked };
}

/** What the CLI prints for the same request, with --demo --json, parsed. */
export async function cliJson(
  run: Parameters<typeof runCommand>[0],
  args: string[],
  env: NodeJS.ProcessEnv,
  flags: Parameters<typeof runCommand>[3] = {},
): Promise<unknown> {
  return JSON.parse(
    (await runCommand(run, args, env, { ...flags, demo: true, json: true })).stdout,
  ) as unknown;
}
