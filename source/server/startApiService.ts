import { chmod } from 'node:fs/promises';
import type { Session } from '../app/session/Session.js';
import { CliError } from '../commands/CliError.js';
import type { CommandContext } from '../commands/Command.js';
import { openCommandSession } from '../commands/openCommandSession.js';
import { resolveAppPaths } from '../core/paths.js';
import type { ApiCaller } from './ApiCaller.js';
import type { ApiContext } from './ApiRoute.js';
import { buildOpenApi } from './buildOpenApi.js';
import {
  claimSocketPath,
  defaultSocketPath,
  recordSocketHolder,
  releaseSocketPath,
} from './claimSocketPath.js';
import { createApiServer } from './createApiServer.js';
import { EventHub } from './EventHub.js';
import type { TcpAddress } from './listenAddress.js';
import { observedSession } from './observedSession.js';
import { openApiRoute } from './openApiRoute.js';
import { routeTable } from './routeTable.js';
import { commandRunner } from './runCommandForRoute.js';
import { bearerTokenCheck, ensureServeToken } from './serveToken.js';
import { socketPeerGuard } from './socketPeerGuard.js';
import { watchStateChanges } from './watchStateChanges.js';

export interface ApiServiceOptions {
  context: CommandContext;
  /** A loopback (or, with TLS, remote) address; the Unix socket in the state dir without one. */
  tcp?: TcpAddress;
  https?: { cert: Buffer; key: Buffer };
  corsOrigin?: string;
  version: string;
  mutationsPerMinute?: number;
}

export interface RunningApiService {
  /** `unix:/path/serve.sock` or `http://127.0.0.1:8765`. */
  url: string;
  socketPath?: string;
  /** Set when a new token was made for this listener: printed once, never stored in clear. */
  newToken?: string;
  tokenId?: string;
  /** Stops taking requests, waits for the changes in flight (launch records included), then closes. */
  close(): Promise<void>;
}

/**
 * `cws-tui serve`: one session (one refresh loop, one set of AWS calls) behind the route table,
 * on a 0600 Unix socket or a token-guarded TCP listener.
 */
export async function startApiService(options: ApiServiceOptions): Promise<RunningApiService> {
  const { context } = options;
  const { stateDir } = resolveAppPaths(context.env);
  const events = new EventHub();
  let flags = { ...context.flags };
  let session: Session = observedSession(await openCommandSession(context), events);
  const intervalMs =
    session.info.account_kind === 'demo' ? 250 : Math.max(1, context.flags.refresh ?? 5) * 1000;
  // The watcher, every attached TUI and every client's list within one interval read one listing.
  const shareListings = () => session.shareListings?.(intervalMs);
  shareListings();
  const apiContext: ApiContext = {
    commands: commandRunner({ session: () => session, flags: () => flags, env: context.env }),
    session: () => session,
    events,
    async switchProfile(profile) {
      flags = { ...flags, profile };
      session = observedSession(await openCommandSession({ ...context, flags }), events);
      shareListings();
    },
  };
  const socketPath = options.tcp ? undefined : defaultSocketPath(stateDir);
  const uid = process.getuid?.() ?? -1;
  const checkToken = bearerTokenCheck(stateDir);
  const peers = socketPath ? socketPeerGuard(socketPath, uid) : undefined;
  const authenticate = async (request: { headers: { authorization?: string } }): Promise<ApiCaller> => {
    if (!peers) return { via: 'token', token_id: await checkToken(request.headers.authorization) };
    // Only the socket's owner can connect while it stays private: that is who the caller is.
    await peers.check();
    return { via: 'socket', uid };
  };
  const routes = [...routeTable];
  routes.push(openApiRoute(() => buildOpenApi(routes, options.version)));
  const server = await createApiServer({
    routes,
    context: apiContext,
    authenticate,
    stateDir,
    env: context.env,
    ...(options.https ? { https: options.https } : {}),
    ...(options.corsOrigin ? { corsOrigin: options.corsOrigin } : {}),
    ...(options.mutationsPerMinute ? { mutationsPerMinute: options.mutationsPerMinute } : {}),
  });
  // Streams never end by themselves: shutting down ends them, after the changes in flight.
  server.app.addHook('preClose', async () => {
    await server.settled();
    events.closeAll();
  });
  const watcher = watchStateChanges({ session: () => session, events, intervalMs });

  let url: string;
  let token: { id: string; token?: string } | undefined;
  if (socketPath) {
    await claimSocketPath(socketPath, stateDir);
    // No moment where the socket exists with wider permissions than 0600.
    const umask = process.umask(0o177);
    try {
      await server.app.listen({ path: socketPath });
    } finally {
      process.umask(umask);
    }
    await chmod(socketPath, 0o600);
    await peers?.capture();
    await recordSocketHolder(socketPath);
    url = `unix:${socketPath}`;
  } else {
    const tcp = options.tcp as TcpAddress;
    token = await ensureServeToken(stateDir);
    try {
      await server.app.listen({ host: tcp.host, port: tcp.port });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new CliError(`${tcp.host}:${tcp.port} is in use by another program; choose another port`);
      }
      throw error;
    }
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : tcp.port;
    const host = tcp.host.includes(':') ? `[${tcp.host}]` : tcp.host;
    url = `${options.https ? 'https' : 'http'}://${host}:${port}`;
  }
  return {
    url,
    ...(socketPath ? { socketPath } : {}),
    ...(token?.token ? { newToken: token.token } : {}),
    ...(token ? { tokenId: token.id } : {}),
    async close() {
      await server.app.close();
      await watcher.stop();
      if (socketPath) await releaseSocketPath(socketPath);
    },
  };
}
