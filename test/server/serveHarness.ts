import type { CommandFlags } from '../../source/commands/CommandFlags.js';
import { startApiService } from '../../source/server/startApiService.js';
import { defaultFlags } from '../commands/commandHarness.js';
import type { Target } from './apiClient.js';

/** `cws-tui serve --demo` in this process, on the state dir's socket or a loopback port. */
export async function startServe(
  env: NodeJS.ProcessEnv,
  options: {
    listen?: { host: string; port: number };
    flags?: Partial<CommandFlags>;
    mutationsPerMinute?: number;
    corsOrigin?: string;
    https?: { cert: Buffer; key: Buffer };
  } = {},
) {
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
